import crypto from "node:crypto";
import {
  type Actor,
  type ApplicationCommand,
  cellLabel,
  diffValues,
  eligibilityResultSchema,
  type FormValues,
  formValuesSchema,
  kindName,
  listFormSlots,
  occupationName,
  type RecommenderRef,
  routeApplication,
  shanghaiChineseDateTime,
  shanghaiDate,
  validateFormValues,
} from "@linxuan/domain";
import { levelsJson, readJson, versionAttachmentsJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, type FieldIssue, notFound } from "../../http/errors";
import {
  assertFormalCheckOpen,
  assertRecommendationOpen,
  listIndustryRecommenders,
  queueStaffIds,
  recommenderOf,
  releaseRecommendation,
} from "../recommendation/recommender";
import { type ApplicationContext, loadApplication } from "./context";
import { assignApplicationNumber, findVersion, insertVersion, listCurrentAttachments } from "./queries";
import { maskValues, openValues } from "./sealing";
import { computeEligibility } from "./service";
import { checkTransition, STATUS_CHANGED, transition } from "./transition";
import { effectiveDeadline, getApplication, parseLevels } from "./view";

function stagesOf(ctx: ApplicationContext) {
  return ctx.batch.stages.map((stage) => stage.code);
}

function commandOf(ctx: ApplicationContext, actor: Actor, command: ApplicationCommand) {
  return { status: ctx.row.status, command, role: actor.role, stages: stagesOf(ctx) };
}

export type SubmitInput = { recommender?: { type: "region" | "industry"; value: string } | null | undefined };

/**
 * 提交: refused after the deadline (server clock, to the second) or while any form error, hard
 * eligibility failure, missing required attachment or unaccepted commitment remains — all of
 * them listed at once. Stores an immutable snapshot version with its eligibility and attachments.
 */
export async function submitApplication(deps: Deps, caller: Caller, id: string, input: SubmitInput) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  checkTransition(commandOf(ctx, actor, "submit"));
  const now = deps.clock();
  const deadline = effectiveDeadline(ctx.row, ctx.batch);
  if (now.getTime() > Date.parse(deadline)) {
    throw new AppError(
      "DEADLINE_PASSED",
      ctx.row.status === "returned"
        ? `退回修改的答复期限（${shanghaiChineseDateTime(deadline)}）已过，不能再提交`
        : `网上申报已于${shanghaiChineseDateTime(deadline)}截止，不能再提交`,
    );
  }
  const values = openValues(
    ctx.template,
    readJson("applications.draft_values", formValuesSchema, ctx.row.draftValues),
    deps.cipher,
  );
  const levels = parseLevels(ctx.row.levels);
  const problems: FieldIssue[] = [];
  const attachments = await listCurrentAttachments(deps.db, id);
  const extraPagesAttached = attachments.some((item) => item.code === "extraPages");
  for (const issue of validateFormValues(ctx.template, values, {
    today: shanghaiDate(now),
    mode: "submit",
    extraPagesAttached,
  }).issues) {
    if (issue.severity === "error") problems.push({ path: issue.path, message: issue.message });
  }
  const eligibility = await computeEligibility(deps, ctx, values, levels, ctx.row.applicantCategory);
  for (const result of eligibility.results) {
    if (result.severity === "hard" && result.outcome === "fail")
      problems.push({ path: `eligibility.${result.rule}`, message: `${result.title}：${result.reason}` });
  }
  if (
    ctx.batch.eligibilityRules.some((rule) => rule.rule === "applicantCategory") &&
    !ctx.row.applicantCategory
  ) {
    problems.push({
      path: "applicantCategory",
      message: "请选择申报单位类别（专业技术人员继续教育基地、高等院校等）",
    });
  }
  for (const required of ctx.batch.requiredAttachments) {
    if (
      required.required &&
      !required.afterSubmission &&
      !attachments.some((item) => item.code === required.code)
    ) {
      problems.push({ path: `attachments.${required.code}`, message: `请上传附件：${required.name}` });
    }
  }
  const industryScopes = (await listIndustryRecommenders(deps.db)).map((industry) => industry.value);
  const recommender = resolveRecommender(ctx, input.recommender ?? null, industryScopes);
  if ("error" in recommender) problems.push({ path: "recommender", message: recommender.error });
  if (problems.length > 0) {
    throw new AppError(
      "APPLICATION_INCOMPLETE",
      `还有${problems.length}处问题需要处理后才能提交：${problems[0]?.message}`,
      { fields: problems },
    );
  }
  const number = Number(ctx.row.versionCount) + 1;
  const snapshot = {
    levels: JSON.stringify(levels),
    formValues: ctx.row.draftValues,
    eligibility: JSON.stringify(eligibility),
    attachments: JSON.stringify(
      attachments.map((item) => ({
        id: item.id,
        code: item.code,
        fileName: item.fileName,
        contentType: item.contentType,
        size: Number(item.size),
        sha256: item.sha256,
      })),
    ),
  };
  const contentHash = crypto.createHash("sha256").update(JSON.stringify(snapshot)).digest("hex");
  const submittedAt = now.toISOString();
  const resubmission = ctx.row.status === "returned";
  const moved = await runCommand(
    deps,
    caller,
    "application.submit",
    async (trx) => {
      const recommenderColumns = {
        recommenderType: "type" in recommender ? recommender.type : null,
        recommenderValue: "type" in recommender ? recommender.value : null,
      };
      const subject = `${ctx.batch.shortTitle}·${kindName(ctx.row.kind)}·${occupationName(ctx.row.occupation)}`;
      const { moved: ok } = await transition(trx, deps, {
        ...commandOf(ctx, actor, "submit"),
        applicationId: id,
        set: {
          versionCount: number,
          eligibility: snapshot.eligibility,
          lastSubmittedAt: submittedAt,
          firstSubmittedAt: ctx.row.firstSubmittedAt ?? submittedAt,
          ...recommenderColumns,
          updatedAt: submittedAt,
        },
        notifications: [
          {
            institutionId: ctx.row.institutionId,
            event: "submitted",
            detail: `${subject}申报已${resubmission ? "重新" : ""}提交（第${number}版）。`,
            link: `/workbench/applications/${id}`,
          },
          // …and the staff whose queue it enters.
          {
            userIds: await queueStaffIds(trx, ctx.batch, recommenderColumns),
            event: "submitted",
            detail: `${ctx.institution.name}${resubmission ? "按退回意见修改后重新提交了" : "提交了"}${subject}申报（第${number}版），请在审核队列中办理。`,
            link: `/workbench/recommendation-queue/${id}`,
          },
        ],
        onConflict: "skip",
      });
      if (!ok) return false;
      if (!ctx.row.number) await assignApplicationNumber(trx, id, ctx.row.kind, submittedAt);
      await insertVersion(trx, {
        id: crypto.randomUUID(),
        applicationId: id,
        number,
        ...snapshot,
        applicantCategory: ctx.row.applicantCategory,
        submittedAt,
        submittedBy: caller.username ?? "",
        note: resubmission ? "按退回意见修改后重新提交" : "首次提交",
        contentHash,
      });
      return true;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok
        ? `${resubmission ? "重新提交" : "提交"}申报（第${number}版）：${kindName(ctx.row.kind)}·${occupationName(ctx.row.occupation)}`
        : "提交被拒绝：状态已变化",
      detail: { version: number, contentHash },
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", STATUS_CHANGED);
  return getApplication(deps, caller, id);
}

/**
 * Who will recommend (`routeApplication`): the institution's region — Beijing for central units —
 * or the industry department an evaluation institution chose where the batch allows. Batches
 * without a recommendation stage need none.
 */
function resolveRecommender(
  ctx: ApplicationContext,
  chosen: SubmitInput["recommender"] | null,
  industryScopes: string[],
): RecommenderRef | { none: true } | { error: string } {
  const routing = routeApplication({
    batch: ctx.batch,
    kind: ctx.row.kind,
    institution: ctx.institution,
    chosen: chosen ?? null,
    industryScopes,
  });
  if (routing.target === "unresolved") return { error: routing.basis };
  return routing.recommender ?? { none: true };
}

/** 撤回: the applicant takes its application back before expert review starts, with a reason. */
export async function withdrawApplication(deps: Deps, caller: Caller, id: string, reason: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  checkTransition(commandOf(ctx, actor, "withdraw"));
  const moved = await runCommand(
    deps,
    caller,
    "application.withdraw",
    async (trx) => {
      const { moved: ok } = await transition(trx, deps, {
        ...commandOf(ctx, actor, "withdraw"),
        applicationId: id,
        set: { updatedAt: deps.clock().toISOString() },
        onConflict: "skip",
      });
      if (ok) await releaseRecommendation(trx, id);
      return ok;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok ? `撤回申报：${reason}` : "撤回被拒绝：状态已变化",
      detail: { reason },
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", STATUS_CHANGED);
  return getApplication(deps, caller, id);
}

export type ReturnInput = {
  reason: string;
  fieldComments?: { path: string; message: string }[] | undefined;
  replyBy?: string | null | undefined;
};

/**
 * 退回: a later stage sends the application back with reasons; the applicant edits a new draft
 * (the submitted version stays as it was) and resubmits, which makes the next version.
 */
export async function returnApplication(deps: Deps, caller: Caller, id: string, input: ReturnInput) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  checkTransition(commandOf(ctx, actor, "return"));
  if (actor.role === "provincialRecommender" || actor.role === "industryRecommender") {
    await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, recommenderOf(actor), deps.clock());
  }
  if (actor.role === "receivingCentre") assertFormalCheckOpen(ctx.batch, deps.clock());
  if (input.replyBy && Date.parse(input.replyBy) <= deps.clock().getTime()) {
    throw new AppError("VALIDATION_FAILED", "答复期限必须晚于当前时间", {
      fields: [{ path: "replyBy", message: "答复期限必须晚于当前时间" }],
    });
  }
  // Per-field comments are kept structured, labelled as the form prints the field, so the
  // applicant's page can put each one next to its field.
  const labels = new Map(listFormSlots(ctx.template).map((slot) => [slot.key, slot.label]));
  const labelOf = (path: string) => {
    const [key = "", row, column] = path.split(".");
    const slot = listFormSlots(ctx.template).find((item) => item.key === key);
    const tableColumn =
      slot?.type === "table" ? slot.table.columns.find((item) => item.key === column) : undefined;
    if (slot?.type === "table" && tableColumn) return cellLabel(slot.table, Number(row), tableColumn);
    return labels.get(key) ?? path;
  };
  const comments = (input.fieldComments ?? []).map((comment) => ({
    path: comment.path,
    label: labelOf(comment.path),
    message: comment.message,
  }));
  const moved = await runCommand(
    deps,
    caller,
    "application.return",
    async (trx) => {
      const { moved: ok } = await transition(trx, deps, {
        ...commandOf(ctx, actor, "return"),
        applicationId: id,
        set: {
          returnReason: input.reason,
          returnComments: comments.length > 0 ? JSON.stringify(comments) : null,
          returnReplyBy: input.replyBy ?? null,
          updatedAt: deps.clock().toISOString(),
        },
        notifications: [
          {
            institutionId: ctx.row.institutionId,
            event: "returned",
            detail: `${ctx.batch.shortTitle}·${occupationName(ctx.row.occupation)}申报被退回修改：${input.reason}${input.replyBy ? `。请于${shanghaiChineseDateTime(input.replyBy)}前修改后重新提交` : ""}`,
            link: `/workbench/applications/${id}`,
          },
        ],
        onConflict: "skip",
      });
      if (ok) await releaseRecommendation(trx, id);
      return ok;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok ? `退回申报：${input.reason}` : "退回被拒绝：状态已变化",
      detail: { ...input },
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", STATUS_CHANGED);
  return getApplication(deps, caller, id);
}

/** One submitted version as it was submitted (values masked for staff). */
export async function getVersion(deps: Deps, caller: Caller, id: string, number: number) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const version = await findVersion(deps.db, id, number);
  if (!version) throw notFound("申报版本");
  const stored = readJson("application_versions.form_values", formValuesSchema, version.formValues);
  return {
    number: Number(version.number),
    submittedAt: version.submittedAt,
    submittedBy: version.submittedBy,
    note: version.note,
    levels: readJson("application_versions.levels", levelsJson, version.levels),
    values: ctx.isOwner
      ? openValues(ctx.template, stored, deps.cipher)
      : maskValues(ctx.template, stored, deps.cipher),
    eligibility: readJson("application_versions.eligibility", eligibilityResultSchema, version.eligibility),
    attachments: readJson("application_versions.attachments", versionAttachmentsJson, version.attachments),
    contentHash: version.contentHash,
  };
}

/** Values of a version number or of the current draft ("draft"). */
async function valuesOf(deps: Deps, ctx: ApplicationContext, which: string): Promise<FormValues> {
  let parsed: FormValues;
  if (which === "draft") {
    parsed = readJson("applications.draft_values", formValuesSchema, ctx.row.draftValues);
  } else {
    const version = await findVersion(deps.db, ctx.row.id, Number(which));
    if (!version) throw notFound(`第${which}版`);
    parsed = readJson("application_versions.form_values", formValuesSchema, version.formValues);
  }
  return ctx.isOwner
    ? openValues(ctx.template, parsed, deps.cipher)
    : maskValues(ctx.template, parsed, deps.cipher);
}

/** What changed between two versions (or a version and the draft), in form order. */
export async function diffVersions(deps: Deps, caller: Caller, id: string, from: string, to: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const [before, after] = await Promise.all([valuesOf(deps, ctx, from), valuesOf(deps, ctx, to)]);
  return { from, to, changes: diffValues(ctx.template, before, after) };
}
