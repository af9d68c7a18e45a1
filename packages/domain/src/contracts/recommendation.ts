import { z } from "zod";
import { LATE_PAPER_DECISIONS } from "../applications/paper-receipt";
import { applicationStatuses } from "../applications/statuses";
import { stageCodes } from "../batches/schema";
import { kindCodes } from "../reference/kinds";
import { levelCodes } from "../reference/levels";
import { occupationCodes } from "../reference/occupations";
import { applicationSchema } from "./applications";

/** One application in a recommender's or receiving centre's queue (GET /api/recommendation-queue). */
export const queueItemSchema = z.object({
  id: z.string(),
  institutionName: z.string(),
  creditCode: z.string(),
  kind: z.enum(kindCodes),
  kindName: z.string(),
  occupation: z.enum(occupationCodes),
  occupationName: z.string(),
  levels: z.array(z.enum(levelCodes)),
  status: z.enum(applicationStatuses),
  statusName: z.string(),
  eligibility: z.enum(["pass", "review", "fail"]).nullable(),
  eligibilityNotes: z.array(z.string()),
  versionCount: z.number(),
  /** 申报编号: what the receiving centre scans or types when paper copies arrive. */
  number: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** The recommender's choice (推荐 or 不予推荐) and its reason; "decision" is the office's 审定 only. */
  choice: z.enum(["recommended", "declined"]).nullable(),
  choiceReason: z.string().nullable(),
  rank: z.number().nullable(),
  /** For a recommender's queue: the `areaKey` of the quota line the application counts in. */
  quotaAreaKey: z.string().nullable(),
  paperReceipt: z
    .object({
      copies: z.number(),
      receivedOn: z.string().nullable(),
      /** Set only for copies received after the paper deadline: 逾期接收 or 不予接收. */
      lateDecision: z.enum(LATE_PAPER_DECISIONS).nullable(),
      lateReason: z.string().nullable(),
    })
    .nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/** A recommender's count against quota for one kind × occupation. */
export const quotaUseSchema = z.object({
  kind: z.enum(kindCodes),
  kindName: z.string(),
  occupation: z.enum(occupationCodes),
  occupationName: z.string(),
  /** The place counted: the recommender's region, or a part of it (粤港澳大湾区); its key and name. */
  areaKey: z.string().nullable(),
  areaName: z.string(),
  used: z.number(),
  /** set: counted against `limit`; pending: 名额待定 until the office enters it; open: no cap. */
  status: z.enum(["set", "pending", "open"]),
  limit: z.number().nullable(),
  rule: z.string(),
  /** The notice sentence or the office's decision the number rests on. */
  basis: z.string(),
});
export type QuotaUse = z.infer<typeof quotaUseSchema>;

/** The recommender (推荐单位): its type, the region code or industry scope, and its name. */
export const recommenderSchema = z.object({
  type: z.enum(["region", "industry"]),
  value: z.string(),
  name: z.string(),
});

/** GET /api/recommendation-queue: one batch's queue, with the recommender's stage, closure and quotas. */
export const recommendationQueueSchema = z.object({
  batch: z.object({
    id: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    paperCopies: z.number(),
    /** 纸质材料报送截止时间: receipts dated after it are late. */
    paperDeadline: z.string().nullable(),
  }),
  /** Null for the receiving centre, which is not a recommender. */
  recommender: recommenderSchema.nullable(),
  stage: z
    .object({ code: z.enum(stageCodes), closesAt: z.string().nullable(), open: z.boolean() })
    .nullable(),
  closed: z.object({ closedAt: z.string(), closedBy: z.string(), leaderName: z.string() }).nullable(),
  pending: z.number(),
  quotas: z.array(quotaUseSchema),
  items: z.array(queueItemSchema),
});
export type RecommendationQueue = z.infer<typeof recommendationQueueSchema>;

/** POST /api/applications/:id/recommend: the application, and the quota after this recommendation. */
export const recommendedSchema = z.object({
  application: applicationSchema,
  /** limit null: no cap per recommender (the notice sets none). */
  quota: z.object({ used: z.number(), limit: z.number().nullable(), rule: z.string() }),
});
export type Recommended = z.infer<typeof recommendedSchema>;

/** A recommender's confirmed list (确认推荐名单); the contact phone stays encrypted on the server. */
export const recommendationClosureSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  recommender: recommenderSchema,
  leaderName: z.string(),
  contactName: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
});
export type RecommendationClosure = z.infer<typeof recommendationClosureSchema>;

/** POST /api/recommendation/close. */
export const closureEnvelopeSchema = z.object({ closure: recommendationClosureSchema });

/** GET /api/recommenders: the provinces and the industry departments an applicant may choose. */
export const recommendersSchema = z.object({
  regions: z.array(z.object({ value: z.string(), name: z.string() })),
  industries: z.array(z.object({ value: z.string(), name: z.string() })),
});
export type Recommenders = z.infer<typeof recommendersSchema>;

/** One recommender's progress in the office's overview. */
export const recommenderProgressSchema = z.object({
  recommender: recommenderSchema,
  received: z.number(),
  pending: z.number(),
  returned: z.number(),
  recommended: z.number(),
  declined: z.number(),
  quotaUsed: z.array(
    z.object({
      occupation: z.string(),
      kind: z.string(),
      /** A part of the recommender counted apart (粤港澳大湾区), or null for the recommender itself. */
      area: z.string().nullable(),
      used: z.number(),
      /** 0: no cap per recommender. */
      quota: z.number(),
    }),
  ),
  closedAt: z.string().nullable(),
});
export type RecommenderProgress = z.infer<typeof recommenderProgressSchema>;

/** GET /api/recommendation/overview: the recommendation stage per province and industry department. */
export const recommendationOverviewSchema = z.object({
  batchId: z.string(),
  recommenders: z.array(recommenderProgressSchema),
  totals: z.object({
    received: z.number(),
    recommended: z.number(),
    recommendersWithApplications: z.number(),
    recommendersNotClosed: z.array(z.string()),
  }),
});
export type RecommendationOverview = z.infer<typeof recommendationOverviewSchema>;

/** GET /api/applications/:id/formal-check: 纸质材料接收 and 形式审查 as the applicant sees them. */
export const paperAndFormalCheckSchema = z.object({
  /** Whether the batch has a 纸质材料接收与形式审查 stage at all. */
  applies: z.boolean(),
  paperCopies: z.number(),
  paperDeadline: z.string().nullable(),
  submitTo: z.string(),
  paperReceipt: z
    .object({
      copies: z.number(),
      receivedOn: z.string(),
      lateDecision: z.enum(LATE_PAPER_DECISIONS).nullable(),
      lateReason: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  formalCheck: z.object({ passedAt: z.string(), opinion: z.string().nullable() }).nullable(),
});
export type PaperAndFormalCheck = z.infer<typeof paperAndFormalCheckSchema>;
