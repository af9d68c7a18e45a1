import { z } from "zod";
import { labelled, multiline } from "../validators/text-tree";

/*
 * 审核 of the provinces' recommendations (notice 四(四): 对培训机构遴选结果进行审核): in a national
 * batch the office checks each recommended training application, 通过 or 不通过 with a reason.
 * Whether experts also score training applications is the batch's review setting; without
 * scoring, the check itself brings the application to 审定.
 */

export const RECOMMENDATION_CHECK_OUTCOMES = ["passed", "failed"] as const;
export type RecommendationCheckOutcome = (typeof RECOMMENDATION_CHECK_OUTCOMES)[number];
export const RECOMMENDATION_CHECK_OUTCOME_NAMES: Record<RecommendationCheckOutcome, string> = {
  passed: "审核通过",
  failed: "审核不通过",
};

export const recommendationCheckSchema = z.object({
  outcome: z.enum(RECOMMENDATION_CHECK_OUTCOMES, { error: "请选择审核结果（通过或不通过）" }),
  reason: multiline(
    labelled(
      z
        .string({ error: "请填写审核意见" })
        .trim()
        .min(2, "审核意见至少2个字")
        .max(1000, "审核意见不超过1000个字"),
      "审核意见",
    ),
  ),
});
export type RecommendationCheckInput = z.infer<typeof recommendationCheckSchema>;

/**
 * Whether the office may check this application now: a training application of a national batch,
 * recommended by its province and not yet decided. Returns the Chinese reason when not.
 */
export function recommendationCheckRefusal(application: {
  kind: string;
  batchLevel: "national" | "region";
  status: string;
  checked: boolean;
  expertScoring: boolean;
}): string | null {
  if (application.kind !== "training" || application.batchLevel !== "national")
    return "只有全国批次的培训机构申报需要审核推荐结果";
  if (application.checked) return "该申报已审核，不能重复审核";
  const open = application.expertScoring ? ["recommended", "underReview", "reviewed"] : ["recommended"];
  if (!open.includes(application.status)) return "只有已推荐、尚未审定的申报可以审核";
  return null;
}

/** 审定通过 needs a passed check for a national training application; null when it may pass. */
export function approvalRefusalForCheck(
  application: { kind: string; batchLevel: "national" | "region" },
  outcome: RecommendationCheckOutcome | null,
): string | null {
  if (application.kind !== "training" || application.batchLevel !== "national") return null;
  if (outcome === null) return "请先审核该申报的推荐结果，再审定";
  if (outcome === "failed") return "该申报审核不通过，不能审定通过";
  return null;
}

/** A check as the ranking and the 评议结果意见 show it. */
export interface RecommendationCheckSummary {
  outcome: RecommendationCheckOutcome;
  outcomeName: string;
  reason: string;
}

/** The check of a stored row (outcome and reason), or null when the application was not checked. */
export function recommendationCheckSummary(
  outcome: RecommendationCheckOutcome | null | undefined,
  reason: string | null | undefined,
): RecommendationCheckSummary | null {
  if (!outcome) return null;
  return { outcome, outcomeName: RECOMMENDATION_CHECK_OUTCOME_NAMES[outcome], reason: reason ?? "" };
}

/** The clause the 评议结果意见 gives a checked application: "推荐结果审核通过（意见：…）". */
export function recommendationCheckClause(check: RecommendationCheckSummary): string {
  return `推荐结果${check.outcomeName}（审核意见：${check.reason}）`;
}
