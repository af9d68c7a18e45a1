import {
  type AssignmentState,
  addAssignment,
  hasRoom,
  isBetter,
  isOutside,
  outsideCount,
  type Slot,
  swapAssignment,
} from "./assignment-state";

/**
 * Phase 1: the hardest applications first — fewest eligible experts with room, then (when an
 * outside expert is required) fewest such experts from outside the province, then the largest
 * need, then the seeded rank. Counted once, before any pick, so the order is easy to explain.
 */
export function orderHardestFirst(state: AssignmentState): Slot[] {
  const difficulty = new Map<Slot, readonly [number, number]>();
  for (const slot of state.slots) {
    const open = slot.candidates.filter((x) => hasRoom(state, x));
    const outside = state.requireOutsideRegion ? open.filter((x) => isOutside(state, slot, x)).length : 0;
    difficulty.set(slot, [open.length, outside]);
  }
  return state.slots
    .filter((slot) => slot.need > 0)
    .sort((a, b) => {
      const [openA, outsideA] = difficulty.get(a) as readonly [number, number];
      const [openB, outsideB] = difficulty.get(b) as readonly [number, number];
      return openA - openB || outsideA - outsideB || b.need - a.need || a.rank - b.rank;
    });
}

/**
 * Phase 2: each application in turn takes the least-loaded eligible experts with room (ties: the
 * seeded rank). While it has no expert from outside its province and one is required, its next
 * pick is the least-loaded outside expert with room, if there is one.
 */
export function fillGreedily(state: AssignmentState, order: readonly Slot[]): void {
  const pick = (slot: Slot, outsideOnly: boolean): number | undefined => {
    let best: number | undefined;
    for (const x of slot.candidates) {
      if (!hasRoom(state, x) || slot.assigned.includes(x)) continue;
      if (outsideOnly && !isOutside(state, slot, x)) continue;
      if (best === undefined || isBetter(state, x, best)) best = x;
    }
    return best;
  };
  for (const slot of order) {
    while (slot.assigned.length < slot.need) {
      const wantsOutside = state.requireOutsideRegion && outsideCount(state, slot) === 0;
      const x = (wantsOutside ? pick(slot, true) : undefined) ?? pick(slot, false);
      if (x === undefined) break;
      addAssignment(state, slot, x);
    }
  }
}

/**
 * Phase 3: every application still short searches, breadth first, for an augmenting path —
 * expert X joins it, leaving application B, which takes Y instead, … until an expert with room
 * joins the last one — and takes the first shortest one found (the least-loaded expert with room
 * of the first application on the last layer that reaches one). Only
 * that last expert's load rises. A move never takes away an application's only outside expert.
 * Without the outside rule the total of assigned places is then maximal (no augmenting path is
 * left), so an application stays short only when no assignment at all could staff it fully.
 */
export function repairShortfalls(state: AssignmentState, order: readonly Slot[]): void {
  // Experts a failed search went through. Every one is full, and every application they serve
  // was searched too, so no later path can get out through them to an expert with room: skip
  // them. (Kuhn's observation for matchings; loads only rise in this phase, so it stays true.
  // With the outside rule an edge refused on one path might be allowed on another, so there the
  // shortcut may, rarely, miss a path — the result is still valid.)
  const dead = new Set<number>();
  for (const slot of order) {
    while (slot.assigned.length < slot.need && augment(state, slot, dead)) {}
  }
}

function augment(state: AssignmentState, start: Slot, dead: Set<number>): boolean {
  const leaving = new Map<Slot, number>(); // the expert a slot on the path gives up
  const joins = new Map<number, Slot>(); // the slot a moving expert joins
  const seenSlots = new Set<Slot>([start]);
  const seenExperts = new Set<number>();
  let frontier: Slot[] = [start];
  while (frontier.length > 0) {
    let end: { x: number; slot: Slot } | undefined;
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
        if (seenExperts.has(y) || dead.has(y) || slot.assigned.includes(y)) continue;
        if (outsideOnly && !isOutside(state, slot, y)) continue;
        if (hasRoom(state, y)) {
          if (end === undefined || isBetter(state, y, end.x)) end = { x: y, slot };
          continue;
        }
        seenExperts.add(y);
        joins.set(y, slot);
        for (const other of state.assignedTo[y] as Slot[]) {
          if (seenSlots.has(other)) continue;
          seenSlots.add(other);
          leaving.set(other, y);
          next.push(other);
        }
      }
      // Stop at the first application that reaches an expert with room: finishing the layer
      // would mean searching most of the pool when it is nearly full, and the rebalancing phase
      // evens out whichever expert took the extra place.
      if (end !== undefined) break;
    }
    if (end !== undefined) {
      // Only the expert with room gains a load; everyone else on the path moves one place along.
      state.loads[end.x] = (state.loads[end.x] as number) + 1;
      let receiver = end.slot;
      let incoming = end.x;
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
  for (const y of seenExperts) dead.add(y);
  return false;
}

/**
 * Phase 4: evens the loads out. From the most loaded expert down, search breadth first for a
 * chain of moves — X hands one of its applications to Y, Y one of its own to Z, … — ending at an
 * expert with room whose load is at least 2 below X's; apply it (X −1, the end +1, everyone else
 * unchanged) and repeat until no expert has such a chain. Each chain lowers the sum of squared
 * loads, so this ends, and when it ends no chain could lower one load without raising another to
 * the same level: the loads are as even as the conflicts and occupations allow. A move never
 * replaces an outside expert by a local one. `budget` bounds the candidates examined, so a
 * pathological pool cannot stall a preview; the assignment stays valid, only less even.
 */
export function rebalanceLoads(state: AssignmentState, budget: number): void {
  const { loads, assignedTo } = state;
  const pool = [...new Set(state.slots.flatMap((slot) => slot.candidates))];
  let work = 0;
  let version = 0;
  // settled[x] === version: a search from an expert as loaded as x found nothing since the last move.
  const settled = loads.map(() => -1);
  const movable = (slot: Slot, from: number, to: number) =>
    !slot.assigned.includes(to) &&
    (!state.requireOutsideRegion || !isOutside(state, slot, from) || isOutside(state, slot, to));
  const lowestLoad = () => {
    let lowest = Number.POSITIVE_INFINITY;
    for (const y of pool) if ((loads[y] as number) < lowest && hasRoom(state, y)) lowest = loads[y] as number;
    return lowest;
  };

  const shed = (source: number): boolean => {
    const limit = (loads[source] as number) - 2;
    const via = new Map<number, { from: number; slot: Slot }>();
    const seen = new Set<number>([source]);
    let frontier = [source];
    while (frontier.length > 0 && work < budget) {
      let target: number | undefined;
      const next: number[] = [];
      for (const x of frontier) {
        for (const slot of assignedTo[x] as Slot[]) {
          work += slot.candidates.length;
          for (const y of slot.candidates) {
            if (seen.has(y) || !movable(slot, x, y)) continue;
            seen.add(y);
            via.set(y, { from: x, slot });
            if ((loads[y] as number) <= limit && hasRoom(state, y)) {
              if (target === undefined || isBetter(state, y, target)) target = y;
            } else next.push(y);
          }
        }
        if (target !== undefined) break;
      }
      if (target !== undefined) {
        loads[target] = (loads[target] as number) + 1;
        loads[source] = (loads[source] as number) - 1;
        for (let y = target; y !== source; ) {
          const { from, slot } = via.get(y) as { from: number; slot: Slot };
          swapAssignment(state, slot, from, y);
          y = from;
        }
        return true;
      }
      frontier = next;
    }
    // Whoever this search reached at the source's load can reach only what it reached.
    for (const y of seen) if (loads[y] === loads[source]) settled[y] = version;
    return false;
  };

  for (let moved = true; moved && work < budget; ) {
    moved = false;
    const byLoad = pool.filter((x) => (assignedTo[x] as Slot[]).length > 0);
    byLoad.sort(
      (x, y) =>
        (loads[y] as number) - (loads[x] as number) ||
        (state.expertRank[x] as number) - (state.expertRank[y] as number),
    );
    for (const x of byLoad) {
      while (settled[x] !== version && (loads[x] as number) - 2 >= lowestLoad() && work < budget && shed(x)) {
        moved = true;
        version++;
      }
    }
  }
}

/**
 * Phase 5: rebalancing can leave room with an outside expert after an application that needed
 * one was filled with local experts. Such an application now takes the least-loaded outside
 * expert with room — in an empty place if it has one, else in the place of its most loaded
 * local expert from this run. Being reviewed from outside the province is worth more than a
 * load one step more even.
 */
export function secureOutsideExperts(state: AssignmentState, order: readonly Slot[]): void {
  if (!state.requireOutsideRegion) return;
  for (const slot of order) {
    if (outsideCount(state, slot) > 0) continue;
    let best: number | undefined;
    for (const x of slot.candidates) {
      if (!hasRoom(state, x) || slot.assigned.includes(x) || !isOutside(state, slot, x)) continue;
      if (best === undefined || isBetter(state, x, best)) best = x;
    }
    if (best === undefined) continue;
    if (slot.assigned.length < slot.need) {
      addAssignment(state, slot, best);
      continue;
    }
    let local: number | undefined;
    for (const x of slot.assigned) if (local === undefined || isBetter(state, local, x)) local = x;
    if (local === undefined) continue;
    swapAssignment(state, slot, local, best);
    state.loads[local] = (state.loads[local] as number) - 1;
    state.loads[best] = (state.loads[best] as number) + 1;
  }
}
