import type { BatchDefinition, FormValues } from "@linxuan/domain";

/**
 * Shapes of the applications API: the domain's contracts (packages/domain/src/contracts), which
 * the server's routes declare as their responses.
 */
export type {
  Application,
  ApplicationOptions,
  ApplicationSummary,
  ApplicationVersion,
  Attachment,
  DraftSaved,
  RecommenderType,
  TableImport,
  ValueChange as ValueChangeRow,
  VersionSummary,
} from "@linxuan/domain";

export type RequiredAttachment = BatchDefinition["requiredAttachments"][number];
export type AttachmentCode = RequiredAttachment["code"];

/** The saved draft another tab or person wrote (409 VERSION_CONFLICT → current). */
export type SavedDraft = {
  values: FormValues;
  draftRevision: number;
  draftSavedAt: string;
  draftSavedBy: string | null;
};
