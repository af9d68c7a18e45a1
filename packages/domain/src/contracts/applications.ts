import { z } from "zod";
import { applicationStatuses } from "../applications/statuses";
import {
  applicantCategoryCodes,
  attachmentCodes,
  batchDefinitionSchema,
  stageCodes,
} from "../batches/schema";
import { kindCodes } from "../reference/kinds";
import { levelCodes } from "../reference/levels";
import { occupationCodes } from "../reference/occupations";
import { eligibilityResultSchema, formIssueSchema, formValuesSchema, tableRowValuesSchema } from "./forms";

/** Where a batch stands for applicants: before, during or after online submission. */
export const batchPhaseSchema = z.enum(["upcoming", "open", "closed"]);

const kind = z.enum(kindCodes);
const occupation = z.enum(occupationCodes);
const levels = z.array(z.enum(levelCodes));
const status = z.enum(applicationStatuses);

/** One row of 我的申报 (GET /api/applications). */
export const applicationSummarySchema = z.object({
  id: z.string(),
  batchId: z.string(),
  batchTitle: z.string(),
  kind,
  kindName: z.string(),
  occupation,
  occupationName: z.string(),
  levels,
  /** The form template it is filled against: what a copy from it can carry (`planCopy`). */
  templateId: z.string(),
  status,
  statusName: z.string(),
  nextAction: z.string().nullable(),
  versionCount: z.number(),
  /** 申报编号, given at first submission (`formatApplicationNumber`); null for a draft never submitted. */
  number: z.string().nullable(),
  deadline: z.string(),
  phase: batchPhaseSchema,
  updatedAt: z.string(),
  lastSubmittedAt: z.string().nullable(),
});

export const applicationListSchema = z.object({ items: z.array(applicationSummarySchema) });

/** An uploaded attachment of the draft. */
export const attachmentSchema = z.object({
  id: z.string(),
  code: z.enum(attachmentCodes),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

/** One submitted version in an application's history. */
export const versionSummarySchema = z.object({
  number: z.number(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  note: z.string().nullable(),
});

export const recommenderTypeSchema = z.enum(["region", "industry"]);

/** 申报去向: the recommender or receiving centre an application goes to, and why (`routeApplication`). */
export const routingSchema = z.object({
  target: z.enum(["recommender", "receivingCentre", "office", "unresolved"]),
  /** 北京市人力资源和社会保障局, 上海市人力资源公共服务中心…; null when none can be named yet. */
  name: z.string().nullable(),
  basis: z.string(),
  /** The choice the batch offers (evaluation institutions: province or industry), explained. */
  choice: z.string().nullable(),
});
export type ApplicationRouting = z.infer<typeof routingSchema>;

/** The whole application as its reader may see it (GET /api/applications/:id → application). */
export const applicationSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  batch: z.object({
    id: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    onlineDeadline: z.string(),
    phase: batchPhaseSchema,
    requiredAttachments: batchDefinitionSchema.shape.requiredAttachments,
    recommenderChoice: batchDefinitionSchema.shape.recommenderChoice,
    hasRecommendation: z.boolean(),
    levels,
    needsApplicantCategory: z.boolean(),
    paperCopies: z.number(),
    submitTo: z.string(),
  }),
  institution: z.object({ id: z.string(), name: z.string(), creditCode: z.string() }),
  kind,
  kindName: z.string(),
  occupation,
  occupationName: z.string(),
  levels,
  templateId: z.string(),
  templateVersion: z.number(),
  /** 申报编号, given at first submission; null for a draft never submitted. */
  number: z.string().nullable(),
  applicantCategory: z.enum(applicantCategoryCodes).nullable(),
  status,
  statusName: z.string(),
  nextAction: z.string().nullable(),
  values: formValuesSchema,
  /** Staff see personal data masked; each reveal is an audit event. */
  valuesMasked: z.boolean(),
  draftRevision: z.number(),
  draftSavedAt: z.string(),
  draftSavedBy: z.string().nullable(),
  commitmentAccepted: z.boolean(),
  eligibility: eligibilityResultSchema.nullable(),
  issues: z.array(formIssueSchema),
  attachments: z.array(attachmentSchema),
  /** Upload slots the form offers of its own (注6: 本表可另附页), beside the batch's required attachments. */
  formAttachments: z.array(
    z.object({
      code: z.literal("extraPages"),
      name: z.string(),
      required: z.literal(false),
      note: z.string(),
    }),
  ),
  missingAttachments: z.array(z.enum(attachmentCodes)),
  /** Slots the owner may still upload after submission (the stamped copy), each until when. */
  lateUploads: z.array(z.object({ code: z.enum(attachmentCodes), until: z.string() })),
  versions: z.array(versionSummarySchema),
  returnReason: z.string().nullable(),
  returnReplyBy: z.string().nullable(),
  returnComments: z.array(z.object({ path: z.string(), label: z.string(), message: z.string() })),
  deadline: z.string(),
  /**
   * The recommender: recorded at submission; for a draft the one it would go to now (null when the
   * batch has none or none can be named yet — `routing` says why).
   */
  recommender: z.object({ type: recommenderTypeSchema, value: z.string().nullable() }).nullable(),
  routing: routingSchema,
  /** 提交 → 推荐/形式审查 → 专家评议 → 审定 → 公示 → 纳入目录, as the batch has them (`applicationProgress`). */
  progress: z.array(
    z.object({
      stage: z.enum(stageCodes),
      title: z.string(),
      state: z.enum(["done", "current", "waiting", "failed"]),
      note: z.string().nullable(),
    }),
  ),
  permissions: z.object({ canEdit: z.boolean(), canSubmit: z.boolean(), canWithdraw: z.boolean() }),
});

/**
 * GET /api/public/verify/:number — what the QR code on a stamped copy opens. Without the copy's
 * check code (`c`, printed only in the QR code) nothing but the number's existence is told: serial
 * numbers must not let anyone list who applied.
 */
export const applicationVerificationSchema = z.object({
  number: z.string(),
  /** `matches`: this copy is a version submitted in the system; `mismatch`: the code fits no version. */
  result: z.enum(["matches", "mismatch", "unchecked"]),
  copy: z
    .object({
      institutionName: z.string(),
      batchTitle: z.string(),
      kindName: z.string(),
      occupationName: z.string(),
      version: z.number(),
      submittedAt: z.string(),
      /** The latest submitted version: a later one supersedes the paper in hand. */
      latestVersion: z.number(),
      latestSubmittedAt: z.string(),
      statusName: z.string(),
    })
    .nullable(),
});
export type ApplicationVerification = z.infer<typeof applicationVerificationSchema>;

/** `{ application }`: what starting, reading, submitting, withdrawing and returning answer. */
export const applicationEnvelopeSchema = z.object({ application: applicationSchema });

/** GET /api/batches/:id/application-options */
export const applicationOptionsSchema = z.object({
  batchId: z.string(),
  phase: batchPhaseSchema,
  onlineDeadline: z.string(),
  levels,
  needsApplicantCategory: z.boolean(),
  kinds: z.array(z.object({ kind, name: z.string(), templateId: z.string().nullable() })),
  occupations: z.array(
    z.object({
      kind,
      occupation,
      name: z.string(),
      open: z.boolean(),
      reason: z.string().nullable(),
      existingApplicationId: z.string().nullable(),
    }),
  ),
});

/** PUT /api/applications/:id/draft → 200 */
export const draftSavedSchema = z.object({
  draftRevision: z.number(),
  draftSavedAt: z.string(),
  values: formValuesSchema,
  eligibility: eligibilityResultSchema,
  issues: z.array(formIssueSchema),
});

/** GET /api/applications/:id/versions/:number → version */
export const applicationVersionSchema = z.object({
  number: z.number(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  note: z.string().nullable(),
  levels,
  values: formValuesSchema,
  eligibility: eligibilityResultSchema,
  attachments: z.array(attachmentSchema.omit({ uploadedAt: true })),
  contentHash: z.string(),
});

export const applicationVersionEnvelopeSchema = z.object({ version: applicationVersionSchema });

/** One changed value between two versions, as printed. */
export const valueChangeSchema = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

/** GET /api/applications/:id/diff */
export const versionDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  changes: z.array(valueChangeSchema),
});

/** POST /api/batches/:id/exports/applications → 202: the job to follow. */
export const batchExportStartedSchema = z.object({ jobId: z.string(), count: z.number() });

/** POST /api/applications/:id/reveal: the full value of one ID or phone number. */
export const revealedValueSchema = z.object({ path: z.string(), value: z.string() });

export const attachmentEnvelopeSchema = z.object({ attachment: attachmentSchema });

/** DELETE /api/applications/:id/attachments/:attachmentId */
export const attachmentRemovedSchema = z.object({ remaining: z.number() });

/** POST /api/form-templates/:templateId/tables/:table/import: parsed rows and per-row errors. */
export const tableImportSchema = z.object({
  table: z.string(),
  rows: z.array(tableRowValuesSchema),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
});

export type BatchPhase = z.infer<typeof batchPhaseSchema>;
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type RecommenderType = z.infer<typeof recommenderTypeSchema>;
export type Application = z.infer<typeof applicationSchema>;
export type ApplicationOptions = z.infer<typeof applicationOptionsSchema>;
export type DraftSaved = z.infer<typeof draftSavedSchema>;
export type ApplicationVersion = z.infer<typeof applicationVersionSchema>;
export type TableImport = z.infer<typeof tableImportSchema>;
export type BatchExportStarted = z.infer<typeof batchExportStartedSchema>;
export type AttachmentRemoved = z.infer<typeof attachmentRemovedSchema>;
