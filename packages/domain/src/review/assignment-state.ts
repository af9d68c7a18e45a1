import type { AssignmentApplication } from "./assign-experts";

/*
 * The working state the assignment phases share. Experts are addressed by their index in the
 * input, so the hot loops compare numbers, not ids.
 */

/** One application being staffed. */
export type Slot = {
  app: AssignmentApplication;
  /** Active experts of the occupation, without a blocking conflict, not already on the application. */
  candidates: readonly number[];
  /** Experts assigned by this run. */
  assigned: number[];
  /** How many experts this run must add: N minus the existing ones. */
  need: number;
  /** Existing experts from outside the applicant's province. */
  existingOutside: number;
  /** Seeded random rank: the last tie-break of the order. */
  rank: number;
};

export type AssignmentState = {
  slots: readonly Slot[];
  /** Current load of each expert. */
  loads: number[];
  /** The slots each expert was assigned to by this run (only these may move). */
  assignedTo: Slot[][];
  /** Seeded random rank of each expert: the last tie-break between experts. */
  expertRank: readonly number[];
  /** Province of each expert. */
  expertRegion: readonly string[];
  maxLoad: number;
  requireOutsideRegion: boolean;
};

/** Whether expert x may take one more application without going above maxLoad. */
export function hasRoom(state: AssignmentState, x: number): boolean {
  return (state.loads[x] as number) < state.maxLoad;
}

/** Whether expert x is preferred to expert y: lower load, then the seeded rank. */
export function isBetter(state: AssignmentState, x: number, y: number): boolean {
  const { loads, expertRank } = state;
  return (
    (loads[x] as number) < (loads[y] as number) ||
    (loads[x] === loads[y] && (expertRank[x] as number) < (expertRank[y] as number))
  );
}

/** An applicant of unknown province takes every expert as being from outside. */
export function isOutside(state: AssignmentState, slot: Slot, x: number): boolean {
  return slot.app.regionCode === null || state.expertRegion[x] !== slot.app.regionCode;
}

/** Experts from outside the applicant's province on the slot, existing ones included. */
export function outsideCount(state: AssignmentState, slot: Slot): number {
  let count = slot.existingOutside;
  for (const x of slot.assigned) if (isOutside(state, slot, x)) count++;
  return count;
}

/** Puts expert x on the slot and counts it in x's load. */
export function addAssignment(state: AssignmentState, slot: Slot, x: number): void {
  slot.assigned.push(x);
  state.assignedTo[x]?.push(slot);
  state.loads[x] = (state.loads[x] as number) + 1;
}

/** Puts expert `incoming` in the place of `outgoing` on `slot`; loads are the caller's business. */
export function swapAssignment(state: AssignmentState, slot: Slot, outgoing: number, incoming: number): void {
  slot.assigned[slot.assigned.indexOf(outgoing)] = incoming;
  const list = state.assignedTo[outgoing] as Slot[];
  list.splice(list.indexOf(slot), 1);
  state.assignedTo[incoming]?.push(slot);
}
