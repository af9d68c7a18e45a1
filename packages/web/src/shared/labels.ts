import {
  type ApplicantCategory,
  applicantCategoryNames,
  type EligibilityRule,
  kindName,
  levelName,
  occupationName,
  regionName,
  type StageCode,
  stageNames,
} from "@linxuan/domain";
import type { BatchStatus, KindCode, LevelCode, OccupationCode } from "../app/api-types";

export const kindLabel = (code: KindCode): string => kindName(code);
export const levelLabel = (code: LevelCode): string => levelName(code);
export const occupationLabel = (code: OccupationCode): string => occupationName(code);
export const stageLabel = (code: StageCode): string => stageNames[code];
export const categoryLabel = (code: ApplicantCategory): string => applicantCategoryNames[code];

export function regionLabel(code: string | null | undefined): string {
  if (!code) return "—";
  return regionName(code) ?? code;
}

export const batchStatusLabels: Record<BatchStatus, { text: string; color: string }> = {
  draft: { text: "草稿", color: "default" },
  published: { text: "已发布", color: "green" },
  archived: { text: "已归档", color: "purple" },
};

export const ruleLabels: Record<EligibilityRule["rule"], string> = {
  registeredOnOrBefore: "注册登记成立时间",
  registeredInRegion: "登记所在地",
  minAnnualScale: "年培训（考核）规模",
  minExperienceYears: "培训经验年限",
  applicantCategory: "申报单位类别",
  noDishonestyRecord: "无违法失信记录",
  notBarred: "未处于禁止申报期",
  occupationOpen: "职业和等级在本批次开放",
};

export const severityLabels: Record<EligibilityRule["severity"], string> = {
  hard: "硬性（不满足不能提交）",
  soft: "柔性（提示评审关注）",
};

/** One sentence per rule with its parameters, as an applicant reads it. */
export function describeRule(rule: EligibilityRule): string {
  switch (rule.rule) {
    case "registeredOnOrBefore": {
      const [y, m, d] = rule.date.split("-").map(Number);
      return `${y}年${m}月${d}日以前注册登记成立`;
    }
    case "registeredInRegion":
      return `在${regionLabel(rule.regionCode)}依法登记`;
    case "minAnnualScale":
      return `年培训（考核）规模达到${rule.count}人次以上`;
    case "minExperienceYears":
      return `具有${rule.years}年以上培训经验`;
    case "applicantCategory":
      return `申报单位为${rule.allowed.map(categoryLabel).join("或")}`;
    case "noDishonestyRecord":
      return "无违法、失信、重大经济纠纷等不良记录";
    case "notBarred":
      return "未因考核评估不通过而处于禁止再次申报期";
    case "occupationOpen":
      return "申报的职业和等级在本批次对该类机构开放";
  }
}

export const catalogPublisherLabels: Record<"national" | "provincial" | "organizer", string> = {
  national: "工程指导协调小组公布",
  provincial: "属地省级人社部门公布",
  organizer: "本批次组织单位公布",
};

export const recommenderChoiceLabels: Record<"region" | "regionOrIndustry", string> = {
  region: "属地省级人社部门推荐",
  regionOrIndustry: "属地省级人社部门或行业主管部门推荐",
};
