import {
  type Actor,
  type ApplicantCategory,
  type Application,
  type AttachmentCode,
  afterSubmissionUpload,
  applicationProgress,
  applicationStatusNames,
  type BatchDefinition,
  eligibilityResultSchema,
  formAttachments,
  formValuesSchema,
  kindName,
  type LevelCode,
  nextActionFor,
  occupationName,
  shanghaiDate,
  validateFormValues,
} from "@linxuan/domain";
import { levelsJson, readJson, readNullableJson, returnCommentsJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";

import type { Caller, Deps } from "../../http/deps";
import { batchPhase } from "../batches/service";
import { type ApplicationContext, loadApplication } from "./context";
import { type ApplicationRow, listCurrentAttachments, listVersions } from "./queries";
import { routingView } from "./routing";
import { maskValues, openValues } from "./sealing";

/** Statuses in which the applicant may still edit its draft. */
export const EDITABLE_STATUSES = ["draft", "returned"] as const;

/** `applications.levels` of an application row. */
export function parseLevels(json: string): LevelCode[] {
  return readJson("applications.levels", levelsJson, json);
}

/** The batch's deadline that applies to this application right now (a return may set its own). */
export function effectiveDeadline(row: ApplicationRow, batch: BatchDefinition): string {
  return row.status === "returned" && row.returnReplyBy ? row.returnReplyBy : batch.onlineDeadline;
}

/** The whole application as its reader may see it. */
export async function getApplication(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  return describeApplication(deps, ctx, actor);
}

export async function describeApplication(
  deps: Deps,
  ctx: ApplicationContext,
  actor: Actor,
): Promise<Application> {
  const { row, batch, template } = ctx;
  const stored = readJson("applications.draft_values", formValuesSchema, row.draftValues);
  const values = ctx.isOwner
    ? openValues(template, stored, deps.cipher)
    : maskValues(template, stored, deps.cipher);
  const [attachments, versions] = await Promise.all([
    listCurrentAttachments(deps.db, row.id),
    listVersions(deps.db, row.id),
  ]);
  const now = deps.clock();
  const deadline = effectiveDeadline(row, batch);
  const editable =
    (EDITABLE_STATUSES as readonly string[]).includes(row.status) && Date.parse(deadline) >= now.getTime();
  const openValuesForValidation = ctx.isOwner ? values : openValues(template, stored, deps.cipher);
  const issues = validateFormValues(template, openValuesForValidation, {
    today: shanghaiDate(now),
    mode: "submit",
    extraPagesAttached: attachments.some((item) => item.code === "extraPages"),
  }).issues;
  const present = new Set(attachments.map((item) => item.code));
  const beforeSubmission = (EDITABLE_STATUSES as readonly string[]).includes(row.status);
  // A slot taken after submission (the stamped copy) is not missing before there is anything to stamp.
  const missingAttachments = batch.requiredAttachments
    .filter((item) => item.required && !present.has(item.code) && !(beforeSubmission && item.afterSubmission))
    .map((item) => item.code);
  const lateUploads = beforeSubmission
    ? []
    : batch.requiredAttachments.flatMap((slot) => {
        const verdict = afterSubmissionUpload({
          status: row.status,
          slot,
          paperDeadline: batch.paperDeadline,
          onlineDeadline: batch.onlineDeadline,
          now,
        });
        return verdict.open ? [{ code: slot.code, until: verdict.until }] : [];
      });
  const status = row.status as keyof typeof applicationStatusNames;
  return {
    id: row.id,
    batchId: ctx.batchId,
    batch: {
      id: ctx.batchId,
      title: batch.title,
      shortTitle: batch.shortTitle,
      onlineDeadline: batch.onlineDeadline,
      phase: batchPhase(batch, now),
      requiredAttachments: batch.requiredAttachments,
      recommenderChoice: batch.recommenderChoice,
      hasRecommendation: batch.stages.some((stage) => stage.code === "recommendation"),
      levels: batch.levels,
      needsApplicantCategory: batch.eligibilityRules.some((rule) => rule.rule === "applicantCategory"),
      paperCopies: batch.paperCopies,
      submitTo: batch.submitTo,
    },
    institution: {
      id: ctx.institution.id,
      name: ctx.institution.name,
      creditCode: ctx.institution.creditCode,
    },
    kind: row.kind,
    kindName: kindName(row.kind),
    occupation: row.occupation,
    occupationName: occupationName(row.occupation),
    levels: parseLevels(row.levels),
    templateId: row.templateId,
    templateVersion: Number(row.templateVersion),
    number: row.number,
    applicantCategory: row.applicantCategory as ApplicantCategory | null,
    status,
    statusName: applicationStatusNames[status] ?? row.status,
    nextAction: nextActionFor(
      status,
      actor.role,
      batch.stages.map((stage) => stage.code),
    ),
    values,
    valuesMasked: !ctx.isOwner,
    draftRevision: Number(row.draftRevision),
    draftSavedAt: row.draftSavedAt,
    draftSavedBy: row.draftSavedBy,
    commitmentAccepted: row.commitmentAccepted === 1,
    eligibility: readNullableJson("applications.eligibility", eligibilityResultSchema, row.eligibility),
    issues,
    formAttachments: formAttachments(template),
    attachments: attachments.map((item) => ({
      id: item.id,
      code: item.code as AttachmentCode,
      fileName: item.fileName,
      contentType: item.contentType,
      size: Number(item.size),
      sha256: item.sha256,
      uploadedAt: item.uploadedAt,
    })),
    missingAttachments,
    lateUploads,
    versions: versions.map((version) => ({
      number: Number(version.number),
      submittedAt: version.submittedAt,
      submittedBy: version.submittedBy,
      note: version.note,
    })),
    returnReason: row.returnReason,
    returnReplyBy: row.returnReplyBy,
    returnComments:
      readNullableJson("applications.return_comments", returnCommentsJson, row.returnComments) ?? [],
    deadline,
    ...routingView(ctx),
    progress: applicationProgress(
      row.status,
      batch.stages.map((stage) => stage.code),
    ),
    permissions: {
      canEdit: ctx.isOwner && editable,
      canSubmit: ctx.isOwner && editable,
      canWithdraw:
        ctx.isOwner &&
        ["submitted", "resubmitted", "returned", "recommended", "formallyChecked"].includes(row.status),
    },
  };
}
