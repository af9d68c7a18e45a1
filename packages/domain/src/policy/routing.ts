import { regionName } from "../reference/regions";

/*
 * 申报去向 (routing): which recommender or receiving centre an application goes to. One pure rule,
 * used by the draft view (so the applicant sees where it goes from the start), by submission (which
 * records it) and by registration (which stores the institution's region).
 *
 * 第二批通知 二(二)2: "按照属地管理原则，北京市人力资源和社会保障局负责遴选在京中央单位、行业组织所属
 * 培训机构". A unit registered by a central authority (登记管理机关行政区划码 100000 in its
 * 统一社会信用代码, e.g. 12100000… for 中央编办登记的事业单位, 51100000… for 民政部登记的社会团体)
 * has no province of its own: it belongs to Beijing, as do units that declare themselves 在京中央单位
 * or 全国性行业组织所属.
 */

/** Positions 3–8 of a credit code registered by a central authority. */
export const CENTRAL_DIVISION_CODE = "100000";
/** 北京市: where central units and national industry organisations' institutions apply. */
export const BEIJING_REGION_CODE = "110000";
/** The recommender the national notice names for them. */
export const BEIJING_RECOMMENDER_NAME = "北京市人力资源和社会保障局";

export const centralAffiliationCodes = ["centralUnit", "industryOrganisation"] as const;
/** An institution's own declaration that Beijing selects it (null: neither). */
export type CentralAffiliation = (typeof centralAffiliationCodes)[number];
export const centralAffiliationNames: Record<CentralAffiliation, string> = {
  centralUnit: "在京中央单位（含所属单位）",
  industryOrganisation: "全国性行业组织所属单位",
};

/** How an institution's region was set: from its credit code (and declaration), or by the office. */
export const regionSourceCodes = ["creditCode", "office"] as const;
export type RegionSource = (typeof regionSourceCodes)[number];

/** Why an institution belongs to its region. */
export type RegionBasis = "creditCode" | "centralRegistration" | "centralAffiliation" | "office" | "unknown";

/** Why an institution belongs to its region, as the office's list says it. */
export const regionBasisNames: Record<RegionBasis, string> = {
  creditCode: "统一社会信用代码登记地",
  centralRegistration: "中央登记单位，由北京市负责遴选",
  centralAffiliation: "声明为在京中央单位或全国性行业组织所属单位，由北京市负责遴选",
  office: "工作人员已更正",
  unknown: "无法从统一社会信用代码确定，请更正",
};

/** Whether a credit code was issued by a central registration authority (division code 100000). */
export function isCentrallyRegistered(creditCode: string): boolean {
  return creditCode.trim().toUpperCase().slice(2, 8) === CENTRAL_DIVISION_CODE;
}

function divisionRegion(creditCode: string): string | null {
  const division = creditCode.trim().slice(2, 8);
  if (!/^\d{6}$/.test(division)) return null;
  const province = `${division.slice(0, 2)}0000`;
  return regionName(province) === undefined ? null : province;
}

/**
 * The region an institution registers in: Beijing for a declared central unit or national industry
 * organisation's institution and for a centrally registered code; otherwise the province of the
 * credit code's registration authority; null when none can be told (the office corrects it).
 */
export function registrationRegion(input: {
  creditCode: string;
  centralAffiliation: CentralAffiliation | null;
}): { regionCode: string | null; basis: RegionBasis } {
  if (input.centralAffiliation !== null)
    return { regionCode: BEIJING_REGION_CODE, basis: "centralAffiliation" };
  if (isCentrallyRegistered(input.creditCode))
    return { regionCode: BEIJING_REGION_CODE, basis: "centralRegistration" };
  const regionCode = divisionRegion(input.creditCode);
  return { regionCode, basis: regionCode === null ? "unknown" : "creditCode" };
}

/** An institution as routing needs it. */
export type InstitutionForRouting = {
  creditCode: string;
  /** The stored region: as registered, or as the office corrected it. */
  regionCode: string | null;
  regionSource: RegionSource;
  centralAffiliation: CentralAffiliation | null;
};

/**
 * The region an institution applies in, and why. A region the office corrected stands as
 * corrected; otherwise it follows the registration rule (so an institution registered before the
 * rule, with no stored region, is still routed to Beijing when its code is central).
 */
export function institutionRegion(institution: InstitutionForRouting): {
  regionCode: string | null;
  basis: RegionBasis;
} {
  if (institution.regionSource === "office")
    return {
      regionCode: institution.regionCode,
      basis: institution.regionCode === null ? "unknown" : "office",
    };
  return registrationRegion(institution);
}

export type RecommenderRef = { type: "region" | "industry"; value: string };

/** The name a recommender is shown by: the Beijing bureau as the notice names it, else the department. */
export function recommenderName(recommender: RecommenderRef): string {
  if (recommender.type === "industry") return `${recommender.value}行业主管部门`;
  if (recommender.value === BEIJING_REGION_CODE) return BEIJING_RECOMMENDER_NAME;
  return `${regionName(recommender.value) ?? recommender.value}人力资源社会保障部门`;
}

/** A batch as routing needs it; a `BatchDefinition` fits. */
export type BatchForRouting = {
  stages: readonly { code: string }[];
  recommenderChoice: { training: "region" | "regionOrIndustry"; evaluation: "region" | "regionOrIndustry" };
  /** 报送单位: the receiving centre (or office) a batch without recommenders sends to. */
  submitTo: string;
};

export type RoutingInput = {
  batch: BatchForRouting;
  kind: "training" | "evaluation";
  institution: InstitutionForRouting;
  /** What the applicant chose (evaluation institutions where the batch offers it), or null. */
  chosen: RecommenderRef | null;
  /** The industry departments that recommend; a chosen one must be among them. */
  industryScopes: readonly string[];
};

/** 申报去向 of an application, as the applicant and the API see it. */
export type Routing =
  | {
      target: "recommender";
      recommender: RecommenderRef;
      name: string;
      /** Why this recommender. */
      basis: string;
      /** The choice the batch offers, explained; null when there is none. */
      choice: string | null;
    }
  | { target: "receivingCentre" | "office"; recommender: null; name: string; basis: string; choice: null }
  | { target: "unresolved"; recommender: null; name: null; basis: string; choice: string | null };

const CHOICE_TEXT =
  "本批次评价机构可以向所在地省级人力资源社会保障部门或行业主管（业务指导）部门人事部门申报，提交时选择；未选择行业主管部门的，由所在地省级人力资源社会保障部门推荐。";

function regionBasis(
  basis: RegionBasis,
  regionCode: string,
  kind: "training" | "evaluation",
  affiliation: CentralAffiliation | null,
): string {
  const region = regionName(regionCode) ?? regionCode;
  const bodies = kind === "training" ? "培训机构" : "机构";
  switch (basis) {
    case "centralRegistration":
      return `贵单位的统一社会信用代码由中央登记管理机关颁发。按照属地管理原则，${BEIJING_RECOMMENDER_NAME}负责遴选在京中央单位、行业组织所属${bodies}。`;
    case "centralAffiliation":
      return `贵单位注册时声明为${affiliation ? centralAffiliationNames[affiliation] : "在京中央单位或全国性行业组织所属单位"}。按照属地管理原则，${BEIJING_RECOMMENDER_NAME}负责遴选在京中央单位、行业组织所属${bodies}。`;
    case "office":
      return `贵单位的所在地区已由工作人员更正为${region}，按照属地管理原则由其推荐。`;
    default:
      return `按照属地管理原则，向统一社会信用代码登记地（${region}）的省级人力资源社会保障部门申报。`;
  }
}

/**
 * Where an application goes. A batch with a recommendation stage routes to a recommender: the
 * institution's region (Beijing for central units, see above), or the industry department an
 * evaluation institution chose where the batch offers that choice. A batch without one goes to its
 * receiving centre (with a formal check stage) or straight to its office. `unresolved` says why
 * no recommender can be named; submission refuses it with that reason.
 */
export function routeApplication(input: RoutingInput): Routing {
  const { batch, kind, chosen } = input;
  if (!batch.stages.some((stage) => stage.code === "recommendation")) {
    const hasCentre = batch.stages.some((stage) => stage.code === "formalCheck");
    return {
      target: hasCentre ? "receivingCentre" : "office",
      recommender: null,
      name: batch.submitTo,
      basis: hasCentre
        ? `本批次的申报材料由${batch.submitTo}接收并进行形式审查。`
        : `本批次的申报材料直接报送${batch.submitTo}。`,
      choice: null,
    };
  }
  const offersChoice = batch.recommenderChoice[kind] === "regionOrIndustry";
  const choice = offersChoice ? CHOICE_TEXT : null;
  if (chosen?.type === "industry") {
    const value = chosen.value.trim();
    if (!offersChoice)
      return {
        target: "unresolved",
        recommender: null,
        name: null,
        basis: "本批次该类机构只能由属地省级人力资源社会保障部门推荐",
        choice,
      };
    if (!input.industryScopes.includes(value))
      return {
        target: "unresolved",
        recommender: null,
        name: null,
        basis: "请从推荐单位列表中选择行业主管部门",
        choice,
      };
    const recommender: RecommenderRef = { type: "industry", value };
    return {
      target: "recommender",
      recommender,
      name: recommenderName(recommender),
      basis: `已选择向行业主管（业务指导）部门（${value}）申报。`,
      choice,
    };
  }
  const region = institutionRegion(input.institution);
  if (region.regionCode === null)
    return {
      target: "unresolved",
      recommender: null,
      name: null,
      basis: "无法从统一社会信用代码确定所在地区，请联系工程指导协调小组办公室更正所在地区",
      choice,
    };
  const recommender: RecommenderRef = { type: "region", value: region.regionCode };
  return {
    target: "recommender",
    recommender,
    name: recommenderName(recommender),
    basis: regionBasis(region.basis, region.regionCode, kind, input.institution.centralAffiliation),
    choice,
  };
}
