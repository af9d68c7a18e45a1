import { z } from "zod";
import { applicationStatuses } from "../applications/statuses";
import { kindCodes } from "../reference/kinds";
import { levelCodes } from "../reference/levels";
import { occupationCodes } from "../reference/occupations";
import { conflictTypes } from "../review/conflicts";
import { recommendationCheckSummarySchema } from "./recommendation-checks";
import { siteVisitSummarySchema } from "./site-visits";

/*
 * Answers of the expert review API (专家评议). Rubrics are stored already checked, so their
 * answer shape carries no refinements: serializing must never refuse a stored rubric.
 */

export const rubricCriterionViewSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  weight: z.number(),
  min: z.number(),
  max: z.number(),
  step: z.number(),
  rationaleRequired: z.boolean(),
  fields: z.array(z.string()).optional(),
});

export const rubricViewSchema = z.object({
  kind: z.enum(kindCodes),
  title: z.string(),
  criteria: z.array(rubricCriterionViewSchema),
});

/** A batch's review settings (评议设置) with its rubrics. */
export const reviewRoundSchema = z.object({
  batchId: z.string(),
  perApplication: z.number(),
  maxLoad: z.number(),
  crossRegion: z.boolean(),
  requireOutsideRegion: z.boolean(),
  dispersionThreshold: z.number(),
  dueAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  rubrics: z.object({ training: rubricViewSchema.optional(), evaluation: rubricViewSchema.optional() }),
  scoresOpenedAt: z.string().nullable(),
  /** Experts score training applications too (off: the office's 审核 alone brings them to 审定). */
  trainingExpertScoring: z.boolean(),
  version: z.number(),
});
export type ReviewRound = z.infer<typeof reviewRoundSchema>;

/** GET and PUT /api/review/:batchId/settings. */
export const reviewRoundEnvelopeSchema = z.object({ round: reviewRoundSchema });

/** An automatic assignment worked out but not saved (POST /api/review/:batchId/assignments/preview). */
export const assignmentPreviewSchema = z.object({
  settings: z.object({ perApplication: z.number(), maxLoad: z.number(), requireOutsideRegion: z.boolean() }),
  assignments: z.array(
    z.object({
      applicationId: z.string(),
      expertId: z.string(),
      institutionName: z.string(),
      occupationName: z.string(),
      expertName: z.string(),
      expertEmployer: z.string(),
    }),
  ),
  unstaffed: z.array(
    z.object({
      applicationId: z.string(),
      missing: z.number(),
      reason: z.string(),
      institutionName: z.string(),
    }),
  ),
  withoutOutsideExpert: z.array(z.object({ applicationId: z.string(), reason: z.string() })),
  loads: z.array(z.object({ expertId: z.string(), name: z.string(), load: z.number() })),
  stats: z.object({ min: z.number(), max: z.number(), mean: z.number() }),
  conflictsAvoided: z.number(),
});
export type AssignmentPreview = z.infer<typeof assignmentPreviewSchema>;

/** The result of an automatic assignment job: the preview, and how many pairs it saved (if asked). */
export const autoAssignResultSchema = assignmentPreviewSchema.extend({ applied: z.number().nullable() });
export type AutoAssignResult = z.infer<typeof autoAssignResultSchema>;

/** POST /api/review/:batchId/assignments/auto: the background job that works it out. */
export const jobStartedSchema = z.object({ jobId: z.string() });

/** POST /api/review/:batchId/assignments (and /csv): how many pairs were saved. */
export const assignmentsAppliedSchema = z.object({ applied: z.number() });

export const conflictSchema = z.object({ type: z.enum(conflictTypes), reason: z.string() });

/**
 * An application in (or waiting for) expert review, with its experts and the experts who must
 * not review it (GET /api/review/:batchId/candidates).
 */
export const reviewCandidateSchema = z.object({
  applicationId: z.string(),
  /** 申报编号: what the CSV assignment names the application by. */
  applicationNumber: z.string().nullable(),
  institutionName: z.string(),
  occupation: z.enum(occupationCodes),
  occupationName: z.string(),
  status: z.enum(applicationStatuses),
  experts: z.array(z.object({ assignmentId: z.string(), expertId: z.string(), name: z.string() })),
  conflicts: z.array(
    z.object({ expertId: z.string(), name: z.string(), conflicts: z.array(conflictSchema) }),
  ),
});
export type ReviewCandidate = z.infer<typeof reviewCandidateSchema>;

export const reviewCandidateListSchema = z.object({ items: z.array(reviewCandidateSchema) });

export const sheetStatuses = ["notStarted", "draft", "submitted"] as const;
export type SheetStatus = (typeof sheetStatuses)[number];

/** GET /api/review/:batchId/progress: each expert's load and every assignment's sheet. */
export const reviewProgressSchema = z.object({
  round: reviewRoundSchema,
  experts: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      assigned: z.number(),
      submitted: z.number(),
      overdue: z.number(),
    }),
  ),
  assignments: z.array(
    z.object({
      id: z.string(),
      applicationId: z.string(),
      expertId: z.string(),
      expertName: z.string(),
      institutionName: z.string(),
      occupationName: z.string(),
      status: z.enum(sheetStatuses),
      overdue: z.boolean(),
    }),
  ),
});
export type ReviewProgress = z.infer<typeof reviewProgressSchema>;

/** The experts' totals for one application, summarised. */
export const scoreAggregateSchema = z.object({
  count: z.number(),
  mean: z.number().nullable(),
  trimmedMean: z.number().nullable(),
  score: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number().nullable(),
  stdDev: z.number().nullable(),
  dispersed: z.boolean(),
});

export const rankedApplicationSchema = z.object({
  applicationId: z.string(),
  institutionName: z.string(),
  kind: z.enum(kindCodes),
  occupation: z.enum(occupationCodes),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  levels: z.array(z.enum(levelCodes)),
  status: z.enum(applicationStatuses),
  decision: z.enum(["approved", "rejected"]).nullable(),
  basis: z.string().nullable(),
  expertsAssigned: z.number(),
  /** The round's number of experts per application, and how many of them are missing. */
  expertsRequired: z.number(),
  shortfall: z.number(),
  /** The office's stated reason for deciding despite the shortfall (审定 with too few experts). */
  shortfallReason: z.string().nullable(),
  /** The 考察 of the application, if the office planned one: its state and conclusion. */
  siteVisit: siteVisitSummarySchema.nullable(),
  /** The office's 审核 of a recommended national training application (notice 四(四)), if made. */
  recommendationCheck: recommendationCheckSummarySchema.nullable(),
  aggregate: scoreAggregateSchema,
  total: z.number(),
  rank: z.number(),
  withinQuota: z.boolean(),
  tiedAtQuotaLine: z.boolean(),
});
export type RankedApplication = z.infer<typeof rankedApplicationSchema>;

export const rankingGroupSchema = z.object({
  kind: z.enum(kindCodes),
  occupation: z.enum(occupationCodes),
  regionCode: z.string().nullable(),
  quota: z.number(),
  items: z.array(rankedApplicationSchema),
});
export type RankingGroup = z.infer<typeof rankingGroupSchema>;

/** GET /api/review/:batchId/ranking: groups stay empty until the office opens the scores. */
export const reviewRankingSchema = z.object({
  scoresOpened: z.boolean(),
  dispersionThreshold: z.number(),
  /** Experts each application should have (the round's setting). */
  expertsRequired: z.number(),
  /** Applications with fewer experts than that: shown even before the scores are opened. */
  shortfalls: z.array(
    z.object({
      applicationId: z.string(),
      institutionName: z.string(),
      expertsAssigned: z.number(),
      shortfall: z.number(),
      shortfallReason: z.string().nullable(),
    }),
  ),
  groups: z.array(rankingGroupSchema),
  pending: z.number(),
});
export type Ranking = z.infer<typeof reviewRankingSchema>;

/** POST /api/review/:batchId/complete. */
export const reviewCompletedSchema = z.object({ completed: z.number(), stillUnderReview: z.number() });

/** POST /api/applications/:id/decide: the application's status after 审定. */
export const decisionMadeSchema = z.object({ status: z.enum(applicationStatuses) });
export type DecisionMade = z.infer<typeof decisionMadeSchema>;

/** One of the expert's own assignments (GET /api/expert/assignments). */
export const expertAssignmentSchema = z.object({
  id: z.string(),
  batchTitle: z.string(),
  institutionName: z.string(),
  kindName: z.string(),
  occupationName: z.string(),
  status: z.enum(sheetStatuses),
  total: z.number().nullable(),
  reopenedReason: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type ExpertAssignment = z.infer<typeof expertAssignmentSchema>;

export const expertAssignmentListSchema = z.object({ items: z.array(expertAssignmentSchema) });

/** GET /api/expert/assignments/:id: the masked application, its rubric and the expert's sheet. */
export const openedAssignmentSchema = z.object({
  assignmentId: z.string(),
  batch: z.object({ title: z.string(), dueAt: z.string().nullable(), closesAt: z.string().nullable() }),
  application: z.object({
    id: z.string(),
    institutionName: z.string(),
    kind: z.enum(kindCodes),
    kindName: z.string(),
    occupationName: z.string(),
    levels: z.array(z.enum(levelCodes)),
    templateId: z.string(),
    /** The filled form with personal data masked (form values keyed by field). */
    values: z.record(z.string(), z.unknown()),
  }),
  /** Absent when the round has no rubric for the application's kind. */
  rubric: rubricViewSchema.optional(),
  sheet: z
    .object({
      scores: z.record(z.string(), z.number().nullable()),
      rationales: z.record(z.string(), z.string()),
      overall: z.string(),
      total: z.number().nullable(),
      status: z.enum(["draft", "submitted"]),
      revision: z.number(),
      savedAt: z.string(),
      reopenedReason: z.string().nullable(),
    })
    .nullable(),
  history: z.array(z.object({ total: z.number(), submittedAt: z.string() })),
  /** The application's attachments, each downloadable by the assigned expert (audited). */
  attachments: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      label: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number(),
    }),
  ),
  /** The other experts' totals and opinions, once the office has opened the scores. */
  peers: z
    .array(z.object({ name: z.string(), total: z.number().nullable(), overall: z.string() }))
    .nullable(),
});
export type OpenedAssignment = z.infer<typeof openedAssignmentSchema>;

/** PUT /api/expert/assignments/:id/sheet and POST …/submit. */
export const sheetSavedSchema = z.object({
  revision: z.number(),
  total: z.number().nullable(),
  status: z.enum(["draft", "submitted"]),
  savedAt: z.string(),
});
export type SheetSaved = z.infer<typeof sheetSavedSchema>;

/** GET and POST /api/expert/assignments/:id/pledge: the 评审承诺 of the assignment's batch. */
export const reviewPledgeSchema = z.object({
  batchTitle: z.string(),
  version: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  /** When this expert accepted it for this batch; null until then. */
  acceptedAt: z.string().nullable(),
});
export type ReviewPledge = z.infer<typeof reviewPledgeSchema>;

/** POST /api/review/:batchId/assignments/random: a 随机抽取 with its seed, previewed or saved. */
export const randomDrawSchema = z.object({
  seed: z.number(),
  perApplication: z.number(),
  /** Saved: the draw is stored and its assignments made; otherwise only shown. */
  applied: z.boolean(),
  drawnAt: z.string(),
  draws: z.array(
    z.object({
      applicationId: z.string(),
      institutionName: z.string(),
      occupationName: z.string(),
      experts: z.array(z.object({ expertId: z.string(), name: z.string(), employer: z.string() })),
      missing: z.number(),
      reason: z.string(),
    }),
  ),
});
export type RandomDraw = z.infer<typeof randomDrawSchema>;

/** GET /api/review/:batchId/draws: the draws saved for the batch, newest first. */
export const randomDrawListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      seed: z.number(),
      perApplication: z.number(),
      drawnAt: z.string(),
      drawnBy: z.string(),
      assigned: z.number(),
      missing: z.number(),
    }),
  ),
});
export type RandomDrawRecord = z.infer<typeof randomDrawListSchema>["items"][number];
