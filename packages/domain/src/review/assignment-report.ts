import { occupationName } from "../reference/occupations";
import { regionName } from "../reference/regions";
import type { AssignmentExpert, AssignmentResult, LoadStats } from "./assign-experts";
import { type AssignmentState, isOutside, outsideCount, type Slot } from "./assignment-state";
import { conflictPairKey } from "./conflicts";

/**
 * Turns the final state into the preview the office reads: the new assignments, each short
 * application with the figures that explain it, the applications without an outside expert, and
 * the loads.
 */
export function reportAssignment(
  state: AssignmentState,
  context: {
    experts: readonly AssignmentExpert[];
    conflicts: ReadonlySet<string>;
    perApplication: number;
  },
): AssignmentResult {
  const { experts, conflicts, perApplication } = context;
  const { loads, maxLoad } = state;
  const result: AssignmentResult = {
    assignments: [],
    unstaffed: [],
    withoutOutsideExpert: [],
    loads: {},
    stats: { min: 0, max: 0, mean: 0 },
  };

  const unstaffedReason = (slot: Slot, missing: number): string => {
    const occupation = occupationName(slot.app.occupation);
    const pool = experts.filter(
      (expert) => expert.active && expert.occupations.includes(slot.app.occupation),
    );
    if (pool.length === 0)
      return `专家库中没有“${occupation}”职业的在库专家：需要${perApplication}人，缺${missing}人`;
    const conflicted = pool.filter((expert) => conflicts.has(conflictPairKey(expert.id, slot.app.id))).length;
    const full = slot.candidates.filter(
      (x) => !slot.assigned.includes(x) && (loads[x] as number) >= maxLoad,
    ).length;
    return (
      `该职业可用专家不足：需要${perApplication}人，无利益冲突且未超负荷的只有${perApplication - missing}人` +
      `（“${occupation}”在库专家${pool.length}人，其中${conflicted}人存在利益冲突，${full}人已达${maxLoad}件评审上限）`
    );
  };
  const outsideReason = (slot: Slot): string => {
    const place = slot.app.regionCode ? (regionName(slot.app.regionCode) ?? slot.app.regionCode) : "本地";
    if (slot.need === 0) return `已分配的专家均在${place}；自动分配不改动已有分配，请人工调整`;
    const outside = slot.candidates.filter((x) => isOutside(state, slot, x)).length;
    return outside === 0
      ? `无法安排外地专家：该职业无利益冲突的专家均在${place}`
      : `无法安排外地专家：${place}以外无利益冲突的${outside}位专家均已达${maxLoad}件评审上限`;
  };

  for (const slot of state.slots) {
    for (const x of slot.assigned) {
      result.assignments.push({ applicationId: slot.app.id, expertId: (experts[x] as AssignmentExpert).id });
    }
    const missing = slot.need - slot.assigned.length;
    if (missing > 0) {
      result.unstaffed.push({ applicationId: slot.app.id, missing, reason: unstaffedReason(slot, missing) });
    }
    if (state.requireOutsideRegion && outsideCount(state, slot) === 0) {
      result.withoutOutsideExpert.push({ applicationId: slot.app.id, reason: outsideReason(slot) });
    }
  }

  experts.forEach((expert, x) => {
    result.loads[expert.id] = loads[x] as number;
  });
  result.stats = loadStats(experts.flatMap((expert, x) => (expert.active ? [loads[x] as number] : [])));
  return result;
}

function loadStats(loads: readonly number[]): LoadStats {
  if (loads.length === 0) return { min: 0, max: 0, mean: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const load of loads) {
    min = Math.min(min, load);
    max = Math.max(max, load);
    sum += load;
  }
  return { min, max, mean: Math.round((sum / loads.length) * 100) / 100 };
}
