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
