import type { KindCode } from "../reference/kinds";
import { regionName } from "../reference/regions";
import type { BatchDefinition } from "./schema";

/** A recommending unit: a province's HR department, or an industry department by its scope. */
export type RecommendingUnit = { type: "region"; value: string } | { type: "industry"; value: string };

export type QuotaRule = { limit: number; rule: string };

/**
 * How many institutions a unit may recommend for one kind and occupation in a batch.
 * Training: the per-region quota (不超过5家), or the region's override (北京、上海、广东 may be
 * larger); industry departments do not recommend training institutions (属地管理). Evaluation:
 * the batch's per-occupation maximum (1–2家), counted per recommending unit — the national
 * selection among all units' recommendations happens at the decision stage.
 */
export function recommendationQuota(
  batch: BatchDefinition,
  kind: KindCode,
  unit: RecommendingUnit,
): QuotaRule | null {
  if (kind === "training") {
    const training = batch.quotas.training;
    if (!training || unit.type !== "region") return null;
    const override = training.regionOverrides.find((item) => item.regionCode === unit.value);
    const place = regionName(unit.value) ?? unit.value;
    return override
      ? {
          limit: override.perOccupation,
          rule: `培训机构每个职业${place}不超过${override.perOccupation}家（${place}可适当扩大规模）`,
        }
      : {
          limit: training.perOccupationPerRegion,
          rule: `培训机构每个职业每个地方不超过${training.perOccupationPerRegion}家`,
        };
  }
  const evaluation = batch.quotas.evaluation;
  if (!evaluation) return null;
  return {
    limit: evaluation.perOccupationMax,
    rule: `评价机构每个职业每个推荐单位不超过${evaluation.perOccupationMax}家`,
  };
}
