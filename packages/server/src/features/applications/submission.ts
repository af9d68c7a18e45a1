import crypto from "node:crypto";
import {
  type Actor,
  canTransition,
  cellLabel,
  diffValues,
  type FormValues,
  type KindCode,
  kindName,
  listFormSlots,
  type OccupationCode,
  occupationName,
  validateFormValues,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import { shanghaiDate } from "../../http/dates";
import type { Caller, Deps } from "../../http/deps";
import { AppError, type FieldIssue, notFound } from "../../http/errors";
import { institutionUserIds, notify } from "../notifications/service";
import {
  assertFormalCheckOpen,
  assertRecommendationOpen,
  listIndustryUnits,
  releaseRecommendation,
  reviewerUserIds,
  unitOf,
} from "../recommendation/unit";
import { type ApplicationContext, loadApplication } from "./context";
import { findVersion, insertVersion, listCurrentAttachments, transitionStatus } from "./queries";
import { maskValues, openValues } from "./sealing";
import { computeEligibility, effectiveDeadline, getApplication, parseLevels } from "./service";

function stagesOf(ctx: ApplicationContext) {
  return ctx.batch.stages.map((stage) => stage.code);
}

function checkTransition(
  ctx: ApplicationContext,
  actor: Actor,
  command: Parameters<typeof canTransition>[0]["command"],
) {
  const verdict = canTransition({
    status: ctx.row.status as never,
    command,
    role: actor.role,
    stages: stagesOf(ctx),
  });
  if (!verdict.ok) throw new AppError("TRANSITION_NOT_ALLOWED", verdict.reason);
  return verdict.to as string;
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
  const to = checkTransition(ctx, actor, "submit");
  const now = deps.clock();
  const deadline = effectiveDeadline(ctx.row, ctx.batch);
  if (now.getTime() > Date.parse(deadline)) {
    throw new AppError(
      "DEADLINE_PASSED",
      ctx.row.status === "returned"
        ? `退回修改的答复期限（${formatShanghai(deadline)}）已过，不能再提交`
        : `网上申报已于${formatShanghai(deadline)}截止，不能再提交`,
    );
  }
  const values = openValues(ctx.template, JSON.parse(ctx.row.draftValues) as FormValues, deps.cipher);
  const levels = parseLevels(ctx.row.levels);
  const problems: FieldIssue[] = [];
  for (const issue of validateFormValues(ctx.template, values, { today: shanghaiDate(now), mode: "submit" })
    .issues) {
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
  const attachments = await listCurrentAttachments(deps.db, id);
  for (const required of ctx.batch.requiredAttachments) {
    if (required.required && !attachments.some((item) => item.code === required.code)) {
      problems.push({ path: `attachments.${required.code}`, message: `请上传附件：${required.name}` });
    }
  }
  const industryUnits = (await listIndustryUnits(deps.db)).map((unit) => unit.value);
  const recommender = resolveRecommender(ctx, input.recommender ?? null, industryUnits);
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
      const ok = await transitionStatus(trx, id, ctx.row.status, to, {
        versionCount: number,
        eligibility: snapshot.eligibility,
        lastSubmittedAt: submittedAt,
        firstSubmittedAt: ctx.row.firstSubmittedAt ?? submittedAt,
        recommenderType: "type" in recommender ? recommender.type : null,
        recommenderValue: "type" in recommender ? recommender.value : null,
        updatedAt: submittedAt,
      });
      if (!ok) return false;
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
      await notify(trx, deps, {
        userIds: await institutionUserIds(trx, ctx.row.institutionId),
        event: "submitted",
        detail: `${ctx.batch.shortTitle}·${kindName(ctx.row.kind as KindCode)}·${occupationName(ctx.row.occupation as OccupationCode)}申报已${resubmission ? "重新" : ""}提交（第${number}版）。`,
        link: `/workbench/applications/${id}`,
      });
      // …and the staff whose queue it enters.
      await notify(trx, deps, {
        userIds: await reviewerUserIds(trx, ctx.batch, {
          recommenderType: "type" in recommender ? recommender.type : null,
          recommenderValue: "type" in recommender ? recommender.value : null,
        }),
        event: "submitted",
        detail: `${ctx.institution.name}${resubmission ? "按退回意见修改后重新提交了" : "提交了"}${ctx.batch.shortTitle}·${kindName(ctx.row.kind as KindCode)}·${occupationName(ctx.row.occupation as OccupationCode)}申报（第${number}版），请在审核队列中办理。`,
        link: `/workbench/review-queue/${id}`,
      });
      return true;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok
        ? `${resubmission ? "重新提交" : "提交"}申报（第${number}版）：${kindName(ctx.row.kind as KindCode)}·${occupationName(ctx.row.occupation as OccupationCode)}`
        : "提交被拒绝：状态已变化",
      detail: { version: number, contentHash },
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
  return getApplication(deps, caller, id);
}

/**
 * Who will recommend: training institutions go to the province where they are registered;
 * evaluation institutions choose their province or an industry department where the batch
 * allows. Batches without a recommendation stage need none.
 */
function resolveRecommender(
  ctx: ApplicationContext,
  chosen: SubmitInput["recommender"] | null,
  industryUnits: string[],
): { type: "region" | "industry"; value: string } | { none: true } | { error: string } {
  if (!ctx.batch.stages.some((stage) => stage.code === "recommendation")) return { none: true };
  const kind = ctx.row.kind as KindCode;
  const choice = ctx.batch.recommenderChoice[kind];
  const region = ctx.institution.regionCode;
  if (chosen?.type === "industry") {
    if (choice !== "regionOrIndustry")
      return { error: "本批次该类机构只能由属地省级人力资源社会保障部门推荐" };
    if (!industryUnits.includes(chosen.value.trim())) return { error: "请从推荐单位列表中选择行业主管部门" };
    return { type: "industry", value: chosen.value.trim() };
  }
  if (!region) return { error: "无法从统一社会信用代码确定登记地，请联系系统管理员" };
  return { type: "region", value: region };
}

function formatShanghai(iso: string): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).format(new Date(iso));
}

/** 撤回: the applicant takes its application back before expert review starts, with a reason. */
export async function withdrawApplication(deps: Deps, caller: Caller, id: string, reason: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  const to = checkTransition(ctx, actor, "withdraw");
  const moved = await runCommand(
    deps,
    caller,
    "application.withdraw",
    async (trx) => {
      const ok = await transitionStatus(trx, id, ctx.row.status, to, {
        updatedAt: deps.clock().toISOString(),
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
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
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
  const to = checkTransition(ctx, actor, "return");
  if (actor.role === "provincialRecommender" || actor.role === "industryRecommender") {
    await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, unitOf(actor), deps.clock());
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
      const ok = await transitionStatus(trx, id, ctx.row.status, to, {
        returnReason: input.reason,
        returnComments: comments.length > 0 ? JSON.stringify(comments) : null,
        returnReplyBy: input.replyBy ?? null,
        updatedAt: deps.clock().toISOString(),
      });
      if (ok) {
        await releaseRecommendation(trx, id);
        await notify(trx, deps, {
          userIds: await institutionUserIds(trx, ctx.row.institutionId),
          event: "returned",
          detail: `${ctx.batch.shortTitle}·${occupationName(ctx.row.occupation as OccupationCode)}申报被退回修改：${input.reason}${input.replyBy ? `。请于${formatShanghai(input.replyBy)}前修改后重新提交` : ""}`,
          link: `/workbench/applications/${id}`,
        });
      }
      return ok;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok ? `退回申报：${input.reason}` : "退回被拒绝：状态已变化",
      detail: { ...input },
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
  return getApplication(deps, caller, id);
}

/** One submitted version as it was submitted (values masked for staff). */
export async function getVersion(deps: Deps, caller: Caller, id: string, number: number) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const version = await findVersion(deps.db, id, number);
  if (!version) throw notFound("申报版本");
  const stored = JSON.parse(version.formValues) as FormValues;
  return {
    number: Number(version.number),
    submittedAt: version.submittedAt,
    submittedBy: version.submittedBy,
    note: version.note,
    levels: parseLevels(version.levels),
    values: ctx.isOwner
      ? openValues(ctx.template, stored, deps.cipher)
      : maskValues(ctx.template, stored, deps.cipher),
    eligibility: JSON.parse(version.eligibility),
    attachments: JSON.parse(version.attachments),
    contentHash: version.contentHash,
  };
}

/** Values of a version number or of the current draft ("draft"). */
async function valuesOf(deps: Deps, ctx: ApplicationContext, which: string): Promise<FormValues> {
  const stored =
    which === "draft"
      ? ctx.row.draftValues
      : (await findVersion(deps.db, ctx.row.id, Number(which)))?.formValues;
  if (stored === undefined) throw notFound(`第${which}版`);
  const parsed = JSON.parse(stored) as FormValues;
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
