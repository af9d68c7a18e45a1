/*
 * The codes of a batch and their names: plain data with no zod, so a page that only shows a
 * stage's or a category's name does not load the schema (batches/schema.ts re-exports them).
 */

/**
 * Stages a batch can be made of, in the only order they may appear. A batch picks a subsequence:
 * the national batch skips the formal check, the Shanghai batch skips recommendation.
 */
export const stageCodes = [
  "submission",
  "recommendation",
  "formalCheck",
  "expertReview",
  "decision",
  "publicNotice",
  "catalog",
] as const;
export type StageCode = (typeof stageCodes)[number];

export const stageNames: Record<StageCode, string> = {
  submission: "网上申报",
  recommendation: "审核推荐",
  formalCheck: "纸质材料接收与形式审查",
  expertReview: "专家评议",
  decision: "审定",
  publicNotice: "公示",
  catalog: "纳入目录",
};

export const eligibilityRuleCodes = [
  "registeredOnOrBefore",
  "registeredInRegion",
  "minAnnualScale",
  "minExperienceYears",
  "applicantCategory",
  "noDishonestyRecord",
  "notBarred",
  "occupationOpen",
] as const;
export type EligibilityRuleCode = (typeof eligibilityRuleCodes)[number];

export const applicantCategoryCodes = ["continuingEducationBase", "university", "other"] as const;
export type ApplicantCategory = (typeof applicantCategoryCodes)[number];
export const applicantCategoryNames: Record<ApplicantCategory, string> = {
  continuingEducationBase: "专业技术人员继续教育基地",
  university: "高等院校",
  other: "其他机构",
};

export const attachmentCodes = [
  "legalRegistrationCertificate",
  "creditReport",
  "stampedForm",
  "supportingMaterials",
  // 注6 of every form: 本表可另附页 — the rest of a list (培训教师, 命题专家) or of a narrative.
  "extraPages",
] as const;
export type AttachmentCode = (typeof attachmentCodes)[number];

/** File kinds an attachment slot may accept, recognised by content. */
export const attachmentFileKinds = ["pdf", "jpg", "png"] as const;
export type AttachmentFileKind = (typeof attachmentFileKinds)[number];
