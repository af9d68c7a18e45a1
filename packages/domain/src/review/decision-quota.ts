import type { BatchDefinition } from "../batches/schema";
import { isOccupationOpen } from "../batches/validate";
import type { KindCode } from "../reference/kinds";
import type { OccupationCode } from "../reference/occupations";
import { regionName } from "../reference/regions";

/** How many applications the office may approve in one ranked group, and the rule in words. */
export type DecisionQuota = { limit: number; rule: string };

/**
 * The approval quota (审定名额) of one ranked group, mirroring `recommendationQuota` at the
 * decision stage:
 * - evaluation: the batch's per-occupation maximum, nationwide (每个职业遴选1–2家) — the regions'
 *   and industries' recommendations compete for the same places; `regionCode` is ignored;
 * - training: per occupation per region, the region's override where the batch sets one (北京、
 *   上海、广东 may be larger), else the batch's per-region quota; null without a region.
 * An occupation closed for the kind in the batch has quota 0 with the batch's reason; a batch
 * without a quota for the kind gives null.
 */
export function decisionQuota(
  batch: BatchDefinition,
  kind: KindCode,
  occupation: OccupationCode,
  regionCode: string | null,
): DecisionQuota | null {
  const open = isOccupationOpen(batch, kind, occupation);
  if (!open.open) return { limit: 0, rule: open.reason };
  if (kind === "evaluation") {
    const evaluation = batch.quotas.evaluation;
    if (!evaluation) return null;
    return {
      limit: evaluation.perOccupationMax,
      rule: `评价机构每个职业不超过${evaluation.perOccupationMax}家`,
    };
  }
  const training = batch.quotas.training;
  if (!training || regionCode === null) return null;
  const place = regionName(regionCode) ?? regionCode;
  const override = training.regionOverrides.find((item) => item.regionCode === regionCode);
  return override
    ? { limit: override.perOccupation, rule: `培训机构每个职业${place}不超过${override.perOccupation}家` }
    : {
        limit: training.perOccupationPerRegion,
        rule: `培训机构每个职业每个地方不超过${training.perOccupationPerRegion}家`,
      };
}
