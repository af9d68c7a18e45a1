import type { StageCode } from "../batches/schema";

/** Every status an application (申报) can be in, in workflow order. */
export const applicationStatuses = [
  "draft",
  "submitted",
  "returned",
  "resubmitted",
  "withdrawn",
  "recommended",
  "notRecommended",
  "formallyChecked",
  "underReview",
  "reviewed",
  "approved",
  "rejected",
  "inPublicNotice",
  "listed",
  "removed",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationStatusNames: Readonly<Record<ApplicationStatus, string>> = {
  draft: "草稿",
  submitted: "已提交",
  returned: "已退回",
  resubmitted: "已重新提交",
  withdrawn: "已撤回",
  recommended: "已推荐",
  notRecommended: "未推荐",
  formallyChecked: "形式审查通过",
  underReview: "专家评议中",
  reviewed: "评议完成",
  approved: "审定通过",
  rejected: "审定未通过",
  inPublicNotice: "公示中",
  listed: "已纳入目录",
  removed: "异议成立已移出",
};

/**
 * The batch stage a status belongs to. A batch without that stage never puts an application in
 * the status (no 已推荐 in Shanghai, no 形式审查通过 in the national batch).
 */
export const applicationStatusStages: Readonly<Record<ApplicationStatus, StageCode>> = {
  draft: "submission",
  submitted: "submission",
  returned: "submission",
  resubmitted: "submission",
  withdrawn: "submission",
  recommended: "recommendation",
  notRecommended: "recommendation",
  formallyChecked: "formalCheck",
  underReview: "expertReview",
  reviewed: "expertReview",
  approved: "decision",
  rejected: "decision",
  inPublicNotice: "publicNotice",
  removed: "publicNotice",
  listed: "catalog",
};

/**
 * Statuses that end an application: nothing moves it on, except that a recommender may reconsider
 * a 未推荐 while the recommendation stage is open (`undoRecommendation`).
 */
export const finalApplicationStatuses: readonly ApplicationStatus[] = [
  "withdrawn",
  "notRecommended",
  "rejected",
  "listed",
  "removed",
];

/** Tells whether `value` is an application status. */
export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (applicationStatuses as readonly string[]).includes(value);
}
