import { z } from "zod";
import { applicationStatuses } from "../applications/statuses";
import { occupationCodes } from "../reference/occupations";
import { RECOMMENDATION_CHECK_OUTCOMES } from "../review/recommendation-check";

/* Answers of the office's 审核 of the provinces' recommended training applications. */

export const recommendationCheckItemSchema = z.object({
  applicationId: z.string(),
  institutionName: z.string(),
  occupation: z.enum(occupationCodes),
  occupationName: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(applicationStatuses),
  outcome: z.enum(RECOMMENDATION_CHECK_OUTCOMES).nullable(),
  outcomeName: z.string().nullable(),
  reason: z.string().nullable(),
  checkedAt: z.string().nullable(),
  checkedBy: z.string().nullable(),
});
export type RecommendationCheckItem = z.infer<typeof recommendationCheckItemSchema>;

/** GET /api/review/:batchId/recommendation-checks. */
export const recommendationCheckListSchema = z.object({
  /** Whether experts score training applications in this batch (the review setting). */
  trainingExpertScoring: z.boolean(),
  items: z.array(recommendationCheckItemSchema),
});
export type RecommendationCheckList = z.infer<typeof recommendationCheckListSchema>;

/** A check as the ranking carries it (null when the application was not checked). */
export const recommendationCheckSummarySchema = z.object({
  outcome: z.enum(RECOMMENDATION_CHECK_OUTCOMES),
  outcomeName: z.string(),
  reason: z.string(),
});
