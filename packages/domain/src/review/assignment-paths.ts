import {
  type AssignmentState,
  hasRoom,
  isBetter,
  isOutside,
  outsideCount,
  type Slot,
  swapAssignment,
} from "./assignment-state";

/*
 * Alternating paths between applications and experts: application S takes expert y, who leaves
 * application T, which takes another expert, … The path ends either at an expert with room (one
 * more place is filled: `repairShortfalls`) or at an application with places to spare (a place
 * moves from a well-staffed application to a short one: `levelCoverage`). Every expert on the
 * path except one with room keeps its load.
 */

type PathEnds = {
  /** Experts proven not to lead anywhere (see `repairShortfalls`); skipped. */
  dead: Set<number> | null;
  /** An application that may give up an expert without a replacement, or null to end only at room. */
  surplus: ((slot: Slot) => boolean) | null;
  /** Called with every application a failed search reached. */
  onFail?: (reached: ReadonlySet<Slot>) => void;
};

/** Places taken by a slot: its existing experts plus those of this run. */
function coverage(slot: Slot, perApplication: number): number {
  return perApplication - slot.need + slot.assigned.length;
}

/** Whether `slot` may lose expert `x` without a replacement: never its only outside expert. */
function canRelease(state: AssignmentState, slot: Slot, x: number): boolean {
  return !state.requireOutsideRegion || !isOutside(state, slot, x) || outsideCount(state, slot) > 1;
}

/**
 * Breadth-first search from `start` for the shortest path; applies the first one found and tells
 * whether it did. Stopping at the first application that reaches an end (rather than finishing
 * the layer) keeps a nearly full pool from being searched whole for each place; the rebalancing
 * phase evens out whichever expert took the extra place.
 */
function followPath(state: AssignmentState, start: Slot, ends: PathEnds): boolean {
  const leaving = new Map<Slot, number>(); // the expert a slot on the path gives up
  const joins = new Map<number, Slot>(); // the slot a moving expert joins
  const seenSlots = new Set<Slot>([start]);
  const seenExperts = new Set<number>();
  let frontier: Slot[] = [start];
  while (frontier.length > 0) {
    let room: { x: number; slot: Slot } | undefined;
    let spare: { x: number; slot: Slot; from: Slot } | undefined;
    const next: Slot[] = [];
    for (const slot of frontier) {
      const out = leaving.get(slot);
      // Giving up its only outside expert, the slot may take only another outside expert.
      const outsideOnly =
        state.requireOutsideRegion &&
        out !== undefined &&
        isOutside(state, slot, out) &&
        outsideCount(state, slot) <= 1;
      for (const y of slot.candidates) {
        if (seenExperts.has(y) || ends.dead?.has(y) || slot.assigned.includes(y)) continue;
        if (outsideOnly && !isOutside(state, slot, y)) continue;
        if (hasRoom(state, y)) {
          if (room === undefined || isBetter(state, y, room.x)) room = { x: y, slot };
          continue;
        }
        seenExperts.add(y);
        joins.set(y, slot);
        for (const other of state.assignedTo[y] as Slot[]) {
          if (seenSlots.has(other)) continue;
          if (ends.surplus?.(other) && canRelease(state, other, y)) {
            spare = { x: y, slot, from: other };
            break;
          }
          seenSlots.add(other);
          leaving.set(other, y);
          next.push(other);
        }
        if (spare) break;
      }
      if (room || spare) break;
    }
    if (room || spare) {
      let receiver: Slot;
      let incoming: number;
      if (room) {
        state.loads[room.x] = (state.loads[room.x] as number) + 1;
        receiver = room.slot;
        incoming = room.x;
      } else {
        const { x, slot, from } = spare as { x: number; slot: Slot; from: Slot };
        from.assigned.splice(from.assigned.indexOf(x), 1);
        const list = state.assignedTo[x] as Slot[];
        list.splice(list.indexOf(from), 1);
        receiver = slot;
        incoming = x;
      }
      for (let out = leaving.get(receiver); out !== undefined; out = leaving.get(receiver)) {
        swapAssignment(state, receiver, out, incoming);
        incoming = out;
        receiver = joins.get(out) as Slot;
      }
      receiver.assigned.push(incoming);
      state.assignedTo[incoming]?.push(receiver);
      return true;
    }
    frontier = next;
  }
  for (const y of seenExperts) ends.dead?.add(y);
  ends.onFail?.(seenSlots);
  return false;
}

/**
 * Phase 3: every application still short searches for an augmenting path ending at an expert
 * with room: only that expert's load rises, everyone else on the path moves one place along. A
 * move never takes away an application's only outside expert. Without the outside rule the
 * number of filled places is then maximal (no augmenting path is left), so an application stays
 * short only when no assignment at all could staff it fully.
 */
export function repairShortfalls(state: AssignmentState, order: readonly Slot[]): void {
  // Experts a failed search went through. Every one is full, and every application they serve
  // was searched too, so no later path can get out through them to an expert with room: skip
  // them. (Kuhn's observation for matchings; loads only rise in this phase, so it stays true.
  // With the outside rule an edge refused on one path might be allowed on another, so there the
  // shortcut may, rarely, miss a path — the result is still valid.)
  const dead = new Set<number>();
  for (const slot of order) {
    while (slot.assigned.length < slot.need && followPath(state, slot, { dead, surplus: null })) {}
  }
}

/**
 * Phase 3b: when the pool cannot fill every place, the shortage is spread: an application with
 * c experts takes one, along a path, from an application with at least c + 2, the least covered
 * first, until no such path is left. No load changes, so the balance is untouched; each move
 * lowers the sum of squared coverages, so this ends. Two experts on each of 100 applications
 * serve the office better than three on 66 and none on 34: every application can be reviewed.
 */
export function levelCoverage(state: AssignmentState, order: readonly Slot[], perApplication: number): void {
  const position = new Map(order.map((slot, i) => [slot, i]));
  // settled.get(slot) === version: since the last move, a failed search from a slot covered no
  // better than this one reached it, so a search from this one would fail too.
  const settled = new Map<Slot, number>();
  let version = 0;
  for (let moved = true; moved; ) {
    moved = false;
    const short = order.filter((slot) => slot.assigned.length < slot.need);
    short.sort(
      (a, b) =>
        coverage(a, perApplication) - coverage(b, perApplication) ||
        (position.get(a) as number) - (position.get(b) as number),
    );
    for (const slot of short) {
      const own = () => coverage(slot, perApplication);
      const ends: PathEnds = {
        dead: null,
        surplus: (other) => other.assigned.length > 0 && coverage(other, perApplication) >= own() + 2,
        onFail: (reached) => {
          for (const other of reached)
            if (coverage(other, perApplication) >= own()) settled.set(other, version);
        },
      };
      while (
        slot.assigned.length < slot.need &&
        settled.get(slot) !== version &&
        followPath(state, slot, ends)
      ) {
        moved = true;
        version++;
      }
    }
  }
}
