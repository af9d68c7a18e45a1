import type { KindCode } from "../reference/kinds";
import { regionName } from "../reference/regions";
import { inPrefectures } from "./quota-areas";
import type { BatchDefinition } from "./schema";

/** A recommender (推荐单位): a province's HR department, or an industry department by its scope. */
export type Recommender = { type: "region"; value: string } | { type: "industry"; value: string };

/** A quota the office entered for one batch: the number and its basis (通知原文或主管部门决定). */
export type QuotaSetting = { kind: KindCode; areaKey: string; limit: number; basis: string };

/**
 * One recommender's quota for a kind (per occupation), as data with its basis:
 * - `set`: a number from the notice or the office, counted against;
 * - `pending`: the notice leaves the number to the office and none is entered yet (名额待定);
 * - `open`: no cap per recommender (the notice sets none).
 * `areaKey` names the counted place: the recommender itself, or a part of it (440000:粤港澳大湾区).
 */
export type QuotaRule = {
  areaKey: string;
  areaName: string;
  status: "set" | "pending" | "open";
  limit: number | null;
  rule: string;
  basis: string;
};

/** A place whose training quota the office enters (北京、上海、粤港澳大湾区 in the national batch). */
export type OfficeSetArea = {
  kind: KindCode;
  areaKey: string;
  regionCode: string;
  name: string;
  basis: string;
};

/** The places of a batch whose quota the office enters with its basis. */
export function officeSetAreas(batch: BatchDefinition): OfficeSetArea[] {
  return (batch.quotas.training?.officeSetAreas ?? []).map((area) => ({
    kind: "training",
    areaKey: area.prefectures ? `${area.regionCode}:${area.name}` : area.regionCode,
    regionCode: area.regionCode,
    name: area.name,
    basis: area.basis,
  }));
}

/**
 * How many institutions a recommender may recommend for one kind and occupation in a batch.
 * Training (provinces only — industry departments do not recommend training institutions, 属地
 *管理): where the institution lies in a place the office sets (北京、上海, or 粤港澳大湾区 by the
 * prefecture of its credit code), the office's number with its basis, else 名额待定; elsewhere the
 * batch's per-region number with the notice sentence. Evaluation: no cap per recommender unless
 * the batch turns one on (the notice's 1—2家 is the national selection at the decision stage).
 * `location` is the institution's credit code or division code; `settings` the office's entries.
 */
export function recommendationQuota(
  batch: BatchDefinition,
  kind: KindCode,
  recommender: Recommender,
  options: { settings?: readonly QuotaSetting[]; location?: string | null } = {},
): QuotaRule | null {
  const settings = options.settings ?? [];
  if (kind === "training") {
    const training = batch.quotas.training;
    if (!training || recommender.type !== "region") return null;
    const place = regionName(recommender.value) ?? recommender.value;
    const area = (training.officeSetAreas ?? []).find(
      (item) =>
        item.regionCode === recommender.value &&
        (!item.prefectures || (options.location ? inPrefectures(options.location, item.prefectures) : false)),
    );
    if (area) {
      const areaKey = area.prefectures ? `${area.regionCode}:${area.name}` : area.regionCode;
      const setting = settings.find((item) => item.kind === "training" && item.areaKey === areaKey);
      return setting
        ? {
            areaKey,
            areaName: area.name,
            status: "set",
            limit: setting.limit,
            rule: `培训机构每个职业${area.name}不超过${setting.limit}家（依据：${setting.basis}）`,
            basis: setting.basis,
          }
        : {
            areaKey,
            areaName: area.name,
            status: "pending",
            limit: null,
            rule: `名额待定（依据：${area.basis}）`,
            basis: area.basis,
          };
    }
    const override = training.regionOverrides.find((item) => item.regionCode === recommender.value);
    if (override) {
      const basis = override.note || `${place}每个职业不超过${override.perOccupation}家`;
      return {
        areaKey: recommender.value,
        areaName: place,
        status: "set",
        limit: override.perOccupation,
        rule: `培训机构每个职业${place}不超过${override.perOccupation}家（依据：${basis}）`,
        basis,
      };
    }
    const basis = training.basis || `培训机构每个职业每个地方不超过${training.perOccupationPerRegion}家`;
    return {
      areaKey: recommender.value,
      areaName: place,
      status: "set",
      limit: training.perOccupationPerRegion,
      rule: `培训机构每个职业每个地方不超过${training.perOccupationPerRegion}家（依据：${basis}）`,
      basis,
    };
  }
  const evaluation = batch.quotas.evaluation;
  if (!evaluation) return null;
  const name =
    recommender.type === "region" ? (regionName(recommender.value) ?? recommender.value) : recommender.value;
  if (evaluation.perRecommenderMax) {
    const basis = "本批次设定的每个推荐单位推荐上限";
    return {
      areaKey: recommender.value,
      areaName: name,
      status: "set",
      limit: evaluation.perRecommenderMax,
      rule: `评价机构每个职业每个推荐单位不超过${evaluation.perRecommenderMax}家（依据：${basis}）`,
      basis,
    };
  }
  const basis = `通知未限定每个推荐单位的推荐数量；评价机构每个职业全国计划遴选${evaluation.perOccupationMin}—${evaluation.perOccupationMax}家`;
  return {
    areaKey: recommender.value,
    areaName: name,
    status: "open",
    limit: null,
    rule: `不限名额（依据：${basis}）`,
    basis,
  };
}
