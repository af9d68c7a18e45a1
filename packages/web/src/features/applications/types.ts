import type {
  ApplicantCategory,
  ApplicationStatus,
  BatchDefinition,
  EligibilityResult,
  FormIssue,
  FormValues,
  TableRowValues,
} from "@linxuan/domain";
import type { BatchPhase, KindCode, LevelCode, OccupationCode } from "../../app/api-types";

/** Shapes of the applications API (packages/server/src/features/applications/routes.ts). */

export type RequiredAttachment = BatchDefinition["requiredAttachments"][number];
export type AttachmentCode = RequiredAttachment["code"];

/** One row of 我的申报 (GET /api/applications). */
export type ApplicationSummary = {
  id: string;
  batchId: string;
  batchTitle: string;
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  levels: LevelCode[];
  status: ApplicationStatus;
  statusName: string;
  nextAction: string | null;
  versionCount: number;
  deadline: string;
  phase: BatchPhase | "upcoming";
  updatedAt: string;
  lastSubmittedAt: string | null;
};

export type Attachment = {
  id: string;
  code: AttachmentCode;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
};

export type VersionSummary = {
  number: number;
  submittedAt: string;
  submittedBy: string;
  note: string | null;
};

export type RecommenderType = "region" | "industry";

/** GET /api/applications/:id → application. */
export type Application = {
  id: string;
  batchId: string;
  batch: {
    id: string;
    title: string;
    shortTitle: string;
    onlineDeadline: string;
    phase: BatchPhase | "upcoming";
    requiredAttachments: RequiredAttachment[];
    recommenderChoice: BatchDefinition["recommenderChoice"];
    hasRecommendation: boolean;
    paperCopies: number;
    submitTo: string;
  };
  institution: { id: string; name: string; creditCode: string };
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  levels: LevelCode[];
  templateId: string;
  templateVersion: number;
  applicantCategory: ApplicantCategory | null;
  status: ApplicationStatus;
  statusName: string;
  nextAction: string | null;
  values: FormValues;
  valuesMasked: boolean;
  draftRevision: number;
  draftSavedAt: string;
  draftSavedBy: string;
  commitmentAccepted: boolean;
  eligibility: EligibilityResult | null;
  issues: FormIssue[];
  attachments: Attachment[];
  missingAttachments: AttachmentCode[];
  versions: VersionSummary[];
  returnReason: string | null;
  returnReplyBy: string | null;
  deadline: string;
  recommender: { type: RecommenderType; value: string | null } | null;
  permissions: { canEdit: boolean; canSubmit: boolean; canWithdraw: boolean };
};

/** GET /api/batches/:id/application-options */
export type ApplicationOptions = {
  batchId: string;
  phase: BatchPhase | "upcoming";
  onlineDeadline: string;
  levels: LevelCode[];
  needsApplicantCategory: boolean;
  kinds: { kind: KindCode; name: string; templateId: string | null }[];
  occupations: {
    kind: KindCode;
    occupation: OccupationCode;
    name: string;
    open: boolean;
    reason: string | null;
    existingApplicationId: string | null;
  }[];
};

/** PUT /api/applications/:id/draft → 200 */
export type DraftSaved = {
  draftRevision: number;
  draftSavedAt: string;
  values: FormValues;
  eligibility: EligibilityResult;
  issues: FormIssue[];
};

/** The saved draft another tab or person wrote (409 VERSION_CONFLICT → current). */
export type SavedDraft = {
  values: FormValues;
  draftRevision: number;
  draftSavedAt: string;
  draftSavedBy: string;
};

/** GET /api/applications/:id/versions/:n → version */
export type ApplicationVersion = {
  number: number;
  submittedAt: string;
  submittedBy: string;
  note: string | null;
  levels: LevelCode[];
  values: FormValues;
  eligibility: EligibilityResult;
  attachments: Omit<Attachment, "uploadedAt">[];
  contentHash: string;
};

export type ValueChangeRow = { path: string; label: string; before: string; after: string };

/** POST /api/form-templates/:templateId/tables/:table/import */
export type TableImport = {
  table: string;
  rows: TableRowValues[];
  errors: { row: number; column: string; message: string }[];
};
