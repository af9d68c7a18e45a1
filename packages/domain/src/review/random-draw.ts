import type { OccupationCode } from "../reference/occupations";
import { conflictPairKey } from "./conflicts";
import { createSeededRandom } from "./seeded-random";

/** An application to draw experts for; `existing` are the experts already on it. */
export type DrawApplication = { id: string; occupation: OccupationCode; existing: readonly string[] };

/** An expert of the pool as the draw sees it; `load` counts its assignments in the batch. */
export type DrawExpert = {
  id: string;
  occupations: readonly OccupationCode[];
  active: boolean;
  load: number;
};

export type RandomDrawInput = {
  applications: readonly DrawApplication[];
  experts: readonly DrawExpert[];
  /** Blocking pairs, `conflictPairKey(expertId, applicationId)`: 回避. */
  conflicts: ReadonlySet<string>;
  /** Experts each application needs, counting its existing ones. */
  perApplication: number;
  /** No expert ends above this many applications in the batch. */
  maxLoad: number;
  /** The seed of the draw: recorded with it, so anyone can draw again and get the same experts. */
  seed: number;
};

export type DrawnApplication = {
  applicationId: string;
  /** The experts drawn, in the order they were drawn. */
  expertIds: string[];
  /** Places still empty after the draw (0 when fully staffed). */
  missing: number;
  /** Why places are empty, in Chinese; empty when none are. */
  reason: string;
};

export type RandomDrawResult = { seed: number; draws: DrawnApplication[] };

/** The largest seed: seeds are unsigned 32-bit integers, the state of the generator. */
export const MAX_DRAW_SEED = 0xffff_ffff;

/**
 * 随机抽取: for each application in input order, the experts still needed are drawn uniformly
 * from its eligible pool — active, registered for its occupation, no 回避 with it, not already
 * on it, under the maximum load — with a seeded generator. The same input and seed always give
 * the same draw; the caller orders the input stably (by id) so that it can be reproduced.
 *
 * Unlike the balanced assignment, nothing is moved afterwards: the draw is what chance gave,
 * and an application whose pool runs dry keeps its shortfall, reported with its reason.
 */
export function drawExperts(input: RandomDrawInput): RandomDrawResult {
  const { applications, experts, conflicts, perApplication, maxLoad, seed } = input;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_DRAW_SEED)
    throw new RangeError(`seed must be an unsigned 32-bit integer, got ${seed}`);
  if (!Number.isInteger(perApplication) || perApplication < 1)
    throw new RangeError(`perApplication must be a positive integer, got ${perApplication}`);
  const random = createSeededRandom(seed);
  const loads = new Map(experts.map((expert) => [expert.id, expert.load]));
  const draws = applications.map((application): DrawnApplication => {
    const existing = new Set(application.existing);
    const need = Math.max(0, perApplication - existing.size);
    const registered = experts.filter(
      (expert) => expert.active && expert.occupations.includes(application.occupation),
    );
    const free = registered.filter(
      (expert) => !existing.has(expert.id) && !conflicts.has(conflictPairKey(expert.id, application.id)),
    );
    const pool = free.filter((expert) => (loads.get(expert.id) ?? 0) < maxLoad).map((expert) => expert.id);
    const drawn: string[] = [];
    // A partial Fisher–Yates shuffle: each place takes one of the experts not yet drawn.
    for (let place = 0; place < need && place < pool.length; place++) {
      const pick = place + Math.floor(random() * (pool.length - place));
      const chosen = pool[pick] as string;
      pool[pick] = pool[place] as string;
      pool[place] = chosen;
      drawn.push(chosen);
      loads.set(chosen, (loads.get(chosen) ?? 0) + 1);
    }
    const missing = need - drawn.length;
    let reason = "";
    if (missing > 0) {
      const inConflict = registered.filter((expert) =>
        conflicts.has(conflictPairKey(expert.id, application.id)),
      ).length;
      reason =
        registered.length === 0
          ? "专家库中没有评议该职业的在册专家"
          : `可抽取的专家不足：该职业在册专家${registered.length}名，须回避${inConflict}名，其余均已抽中、已分配或已达评议上限`;
    }
    return { applicationId: application.id, expertIds: drawn, missing, reason };
  });
  return { seed, draws };
}

/** How many experts an application lacks: the round's number less those assigned, never below 0. */
export function expertShortfall(required: number, assigned: number): number {
  return Math.max(0, required - assigned);
}
