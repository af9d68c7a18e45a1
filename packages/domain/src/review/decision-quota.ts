import { isOccupationOpen } from "../batches/occupation-open";
import type { QuotaSetting } from "../batches/quota";
import type { BatchDefinition } from "../batches/schema";
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
 *   上海、广东 may be larger), else the batch's per-region quota; null without a region. A region
 *   whose number the office sets (北京、上海) takes the office's setting, or 0 with 名额待定 and
 *   the basis until one is entered; a region with an office-set part (广东's 粤港澳大湾区) adds
 *   that part's setting to the per-region quota.
 * An occupation closed for the kind in the batch has quota 0 with the batch's reason; a batch
 * without a quota for the kind gives null.
 */
export function decisionQuota(
  batch: BatchDefinition,
  kind: KindCode,
  occupation: OccupationCode,
  regionCode: string | null,
  settings: readonly QuotaSetting[] = [],
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
  const areas = (training.officeSetAreas ?? []).filter((area) => area.regionCode === regionCode);
  const settingOf = (area: (typeof areas)[number]) =>
    settings.find(
      (item) =>
        item.kind === "training" &&
        item.areaKey === (area.prefectures ? `${area.regionCode}:${area.name}` : area.regionCode),
    );
  const whole = areas.find((area) => !area.prefectures);
  if (whole) {
    const setting = settingOf(whole);
    return setting
      ? {
          limit: setting.limit,
          rule: `培训机构每个职业${whole.name}不超过${setting.limit}家（依据：${setting.basis}）`,
        }
      : { limit: 0, rule: `名额待定（依据：${whole.basis}）` };
  }
  const override = training.regionOverrides.find((item) => item.regionCode === regionCode);
  const base = override
    ? { limit: override.perOccupation, rule: `培训机构每个职业${place}不超过${override.perOccupation}家` }
    : {
        limit: training.perOccupationPerRegion,
        rule: `培训机构每个职业每个地方不超过${training.perOccupationPerRegion}家`,
      };
  return areas.reduce((quota, area) => {
    const setting = settingOf(area);
    return setting
      ? {
          limit: quota.limit + setting.limit,
          rule: `${quota.rule}，另${area.name}${setting.limit}家（依据：${setting.basis}）`,
        }
      : { limit: quota.limit, rule: `${quota.rule}，${area.name}名额待定（依据：${area.basis}）` };
  }, base);
}
