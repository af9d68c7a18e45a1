import type { OccupationCode } from "../reference/occupations";
import { levelCoverage, repairShortfalls } from "./assignment-paths";
import { fillGreedily, orderHardestFirst, rebalanceLoads, secureOutsideExperts } from "./assignment-phases";
import { reportAssignment } from "./assignment-report";
import type { AssignmentState, Slot } from "./assignment-state";
import { conflictPairKey } from "./conflicts";
import { createSeededRandom, shuffleRanks } from "./seeded-random";

/** An application waiting for experts. `existing` are experts already on it (manual assignment). */
export type AssignmentApplication = {
  id: string;
  occupation: OccupationCode;
  /** The applicant's province; null when unknown (then every expert counts as from outside). */
  regionCode: string | null;
  existing: readonly string[];
};

/** An expert of the pool as the assignment sees it. */
export type AssignmentExpert = {
  id: string;
  occupations: readonly OccupationCode[];
  regionCode: string;
  active: boolean;
  /** Applications already assigned to this expert in this batch, including the `existing` above. */
  load: number;
};

export type AssignExpertsInput = {
  applications: readonly AssignmentApplication[];
  experts: readonly AssignmentExpert[];
  /** Blocking pairs, `conflictPairKey(expertId, applicationId)`: the effective conflicts. */
  conflicts: ReadonlySet<string>;
  /** Experts each application needs (N), counting its existing ones. */
  perApplication: number;
  /** No expert ends above this many applications in the batch. */
  maxLoad: number;
  /** At least one expert from outside the applicant's province, whenever one can be had. */
  requireOutsideRegion: boolean;
  /** Seed of the last tie-break; the same input and seed give the same assignment. Default 0. */
  seed?: number;
};

export type Assignment = { applicationId: string; expertId: string };
export type UnstaffedApplication = { applicationId: string; missing: number; reason: string };
export type LoadStats = { min: number; max: number; mean: number };

export type AssignmentResult = {
  /** New assignments only (existing ones are not repeated), in the applications' input order. */
  assignments: Assignment[];
  /** Applications left with fewer than N experts, with how many are missing and why. */
  unstaffed: UnstaffedApplication[];
  /** With `requireOutsideRegion`: applications that got no expert from outside their province, and why. */
  withoutOutsideExpert: { applicationId: string; reason: string }[];
  /** Every expert's load after the assignment (inactive experts keep theirs). */
  loads: Record<string, number>;
  /** Loads of the active experts: the balance the office checks in the preview. */
  stats: LoadStats;
};

/**
 * Assigns experts to applications automatically, for the office to preview and then save.
 *
 * Hard rules: an expert reviews only applications of an occupation they are registered for, is
 * active, has no blocking conflict with the application, appears at most once on it, and never
 * ends above `maxLoad`. Existing assignments count toward N and are never moved.
 *
 * 1. Order: the hardest applications first — fewest eligible experts with room, then (with
 *    `requireOutsideRegion`) fewest such experts from outside the province, then the largest
 *    need, then a seeded random rank — so scarce experts go where nobody else can serve.
 * 2. Greedy fill: each application takes the least-loaded eligible experts, ties broken by a
 *    seeded random rank of the experts; lacking an outside expert, it first takes the
 *    least-loaded outside one with room. Taking the N least-loaded at once keeps every load
 *    within 1 of every other when nothing else constrains the choice.
 * 3. Repair: a short application takes an augmenting path (X joins it from B, B takes Y, … until
 *    an expert with room joins). Without `requireOutsideRegion` the number of filled places is
 *    then maximal: an application is unstaffed only when no assignment could staff it. When
 *    places are still missing, they are spread: experts move along such paths from applications
 *    with c + 2 or more experts to those with c, so the shortage is 1 on many applications
 *    rather than N on a few.
 * 4. Rebalance: chains of moves from the most loaded experts to experts at least 2 lower, until
 *    none is left — the loads end as even as occupations and conflicts allow. Then phase 3 runs
 *    once more, for any place the moves made free.
 * 5. Outside experts: an application still without an outside expert takes one that has room
 *    now, in place of its most loaded local expert. It is reported in `withoutOutsideExpert`
 *    only when no outside expert without a conflict has room.
 *
 * Each phase is explained where it is written (`assignment-phases.ts`, `assignment-paths.ts`).
 */
export function assignExperts(input: AssignExpertsInput): AssignmentResult {
  const { applications, experts, conflicts, perApplication, maxLoad, requireOutsideRegion } = input;
  if (!Number.isInteger(perApplication) || perApplication < 1) {
    throw new RangeError(`perApplication must be a positive integer, got ${perApplication}`);
  }
  if (!Number.isInteger(maxLoad) || maxLoad < 0) {
    throw new RangeError(`maxLoad must be a non-negative integer, got ${maxLoad}`);
  }
  const expertIndex = new Map<string, number>();
  experts.forEach((expert, i) => {
    if (expertIndex.has(expert.id)) throw new RangeError(`duplicate expert id ${expert.id}`);
    expertIndex.set(expert.id, i);
  });
  const applicationIds = new Set<string>();
  for (const app of applications) {
    if (applicationIds.has(app.id)) throw new RangeError(`duplicate application id ${app.id}`);
    applicationIds.add(app.id);
  }

  const random = createSeededRandom(input.seed ?? 0);
  const expertRank = shuffleRanks(experts.length, random);
  const applicationRank = shuffleRanks(applications.length, random);
  const byOccupation = new Map<string, number[]>();
  experts.forEach((expert, x) => {
    if (!expert.active) return;
    for (const occupation of new Set(expert.occupations)) {
      const list = byOccupation.get(occupation);
      if (list) list.push(x);
      else byOccupation.set(occupation, [x]);
    }
  });

  const slots: Slot[] = applications.map((app, i) => {
    const existing = new Set(app.existing);
    const candidates = (byOccupation.get(app.occupation) ?? []).filter((x) => {
      const id = (experts[x] as AssignmentExpert).id;
      return !existing.has(id) && !conflicts.has(conflictPairKey(id, app.id));
    });
    // An existing expert missing from `experts` has no known region, so is not counted as outside.
    let existingOutside = 0;
    for (const id of existing) {
      const x = expertIndex.get(id);
      if (x !== undefined && (app.regionCode === null || experts[x]?.regionCode !== app.regionCode)) {
        existingOutside++;
      }
    }
    return {
      app,
      candidates,
      assigned: [],
      need: Math.max(0, perApplication - existing.size),
      existingOutside,
      rank: applicationRank[i] as number,
    };
  });
  const state: AssignmentState = {
    slots,
    loads: experts.map((expert) => expert.load),
    assignedTo: experts.map(() => []),
    expertRank,
    expertRegion: experts.map((expert) => expert.regionCode),
    maxLoad,
    requireOutsideRegion,
  };

  const order = orderHardestFirst(state);
  fillGreedily(state, order);
  repairShortfalls(state, order);
  levelCoverage(state, order, perApplication);
  const edges = slots.reduce((sum, slot) => sum + slot.candidates.length, 0);
  rebalanceLoads(state, REBALANCE_WORK_PER_EDGE * edges + REBALANCE_WORK_MINIMUM);
  repairShortfalls(state, order);
  secureOutsideExperts(state, order);
  return reportAssignment(state, { experts, conflicts, perApplication });
}

/*
 * The rebalancing budget, in candidates examined. 1,000 applications × 200 experts need about
 * 12 per eligible pair; the budget leaves ample room and still bounds a pathological pool to well
 * under a second. Counted in work, not time, so the result stays deterministic.
 */
const REBALANCE_WORK_PER_EDGE = 200;
const REBALANCE_WORK_MINIMUM = 100_000;
