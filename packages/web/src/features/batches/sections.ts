/** The editor's sections, in order; each owns the definition fields listed (first path segment). */
export const batchSections = [
  {
    id: "basic",
    title: "基本信息",
    fields: [
      "code",
      "title",
      "shortTitle",
      "documentNumber",
      "issuingBody",
      "sealNote",
      "publishedOn",
      "scope",
      "addressees",
    ],
  },
  { id: "batchNotice", title: "通知正文", fields: ["batchNoticeText"] },
  { id: "contacts", title: "联系方式", fields: ["contacts"] },
  {
    id: "kinds",
    title: "机构类型与申报表",
    fields: ["kinds", "formTemplates", "recommenderChoice", "catalogPublisher"],
  },
  { id: "occupations", title: "职业与等级", fields: ["occupations", "levels"] },
  { id: "exclusions", title: "排除项", fields: ["exclusions"] },
  { id: "eligibility", title: "资格条件", fields: ["eligibilityRules"] },
  { id: "quotas", title: "名额", fields: ["quotas"] },
  {
    id: "stages",
    title: "阶段与日期",
    fields: ["stages", "onlineDeadline", "paperDeadline", "paperCopies", "submitTo"],
  },
  {
    id: "terms",
    title: "公示与有效期",
    fields: ["publicNoticeWorkdays", "catalogValidityYears", "assessmentCycleYears", "reapplicationBanYears"],
  },
  { id: "attachments", title: "附件要求", fields: ["requiredAttachments"] },
] as const;

export type BatchSection = (typeof batchSections)[number];

export function sectionOfPath(path: string): { id: string; title: string } {
  const head = path.split(".")[0] ?? "";
  const section = batchSections.find((candidate) => (candidate.fields as readonly string[]).includes(head));
  return section ?? { id: "basic", title: "其他" };
}
