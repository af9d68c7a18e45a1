import crypto from "node:crypto";
import {
  type Actor,
  type ApplicantCategory,
  type ApplicationSummary,
  activeBarsReason,
  applicationStatusNames,
  type BatchDefinition,
  computeTotals,
  type EligibilityResult,
  emptyValues,
  evaluateEligibility,
  type FormTemplate,
  type FormValues,
  getFormTemplate,
  isOccupationOpen,
  type KindCode,
  kindName,
  type LevelCode,
  nextActionFor,
  type OccupationCode,
  occupationName,
  sanitizeFormValues,
  shanghaiDate,
  validateFormValues,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand, runUpdateCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findInstitution } from "../auth/service";
import { batchPhase, findBatchRow, loadPublishedBatch, parseDefinition } from "../batches/service";
import { type ApplicationContext, loadApplication } from "./context";
import { copyFromSource } from "./copy-source";
import {
  type ApplicationRow,
  draftUpdate,
  findExisting,
  insertApplication,
  listInstitutionApplications,
  listInstitutionBars,
} from "./queries";
import { sealValues } from "./sealing";
import { EDITABLE_STATUSES, effectiveDeadline, getApplication, parseLevels } from "./view";

/** The eligibility of a draft, from the batch rules and what the form says now. */
export async function computeEligibility(
  deps: Deps,
  ctx: Pick<ApplicationContext, "batch" | "institution"> & {
    row: Pick<ApplicationRow, "kind" | "occupation" | "institutionId">;
  },
  values: FormValues,
  levels: LevelCode[],
  applicantCategory: string | null,
): Promise<EligibilityResult> {
  const now = deps.clock();
  // Known to be none when the institution was read with its application (every save).
  const bars =
    ctx.institution.hasBars === false ? [] : await listInstitutionBars(deps.db, ctx.row.institutionId);
  return evaluateEligibility({
    batch: ctx.batch,
    kind: ctx.row.kind,
    occupation: ctx.row.occupation,
    levels,
    values,
    institution: {
      creditCode: ctx.institution.creditCode,
      regionCode: ctx.institution.regionCode,
      applicantCategory: (applicantCategory as ApplicantCategory | null) ?? null,
    },
    bars: bars
      .filter((bar) => bar.kind === ctx.row.kind)
      .map((bar) => ({ until: bar.until, reason: bar.reason })),
    today: shanghaiDate(now),
  });
}

/**
 * Why the institution may not start an application of `kind` today — a bar after a failed
 * 考核评估 — or null. The options page shows it on every occupation of that kind, starting a
 * draft is refused with it, and 未被限制申报 fails with the same text at submission.
 */
async function barredReason(deps: Deps, institutionId: string, kind: string): Promise<string | null> {
  const bars = (await listInstitutionBars(deps.db, institutionId)).filter((bar) => bar.kind === kind);
  return activeBarsReason(bars, shanghaiDate(deps.clock()));
}

function requireInstitution(actor: Actor): string {
  if (actor.role !== "institution" || !actor.institutionId)
    throw new AppError("FORBIDDEN", "只有申报单位可以填写申报");
  return actor.institutionId;
}

/** What an institution may start in a batch: each kind × occupation, open or closed with the reason. */
export async function applicationOptions(deps: Deps, caller: Caller, batchId: string) {
  const institutionId = requireInstitution(requireActorOf(caller));
  const { batch } = await loadPublishedBatch(deps, batchId);
  const existing = await listInstitutionApplications(deps.db, institutionId);
  const phase = batchPhase(batch, deps.clock());
  const barred = new Map<string, string | null>();
  for (const kind of batch.kinds) barred.set(kind, await barredReason(deps, institutionId, kind));
  return {
    batchId,
    phase,
    onlineDeadline: batch.onlineDeadline,
    levels: batch.levels,
    needsApplicantCategory: batch.eligibilityRules.some((rule) => rule.rule === "applicantCategory"),
    kinds: batch.kinds.map((kind) => ({ kind, name: kindName(kind), templateId: batch.formTemplates[kind] })),
    occupations: batch.kinds.flatMap((kind) =>
      batch.occupations.map((occupation) => {
        const open = isOccupationOpen(batch, kind, occupation);
        const mine = existing.find(
          (row) => row.batchId === batchId && row.kind === kind && row.occupation === occupation,
        );
        const bar = barred.get(kind) ?? null;
        return {
          kind,
          occupation,
          name: occupationName(occupation),
          open: open.open && !mine && bar === null,
          reason: !open.open
            ? open.reason
            : bar !== null
              ? bar
              : mine
                ? "本单位已有该职业的申报，请在“我的申报”中继续填写"
                : null,
          existingApplicationId: mine?.id ?? null,
        };
      }),
    ),
  };
}

export type StartInput = {
  batchId: string;
  kind: KindCode;
  occupation: OccupationCode;
  levels: LevelCode[];
  applicantCategory?: ApplicantCategory | null | undefined;
  /** 从已有申报复制: an earlier application of the same institution to copy its own data from. */
  sourceApplicationId?: string | undefined;
};

/**
 * 新建申报: one institution × kind × occupation, pinned to the batch's current template version;
 * from an earlier application of the institution when `sourceApplicationId` is given, copied in
 * the same transaction as the start (`copyFromSource`). Answers the application and the copy report.
 */
export async function startApplication(deps: Deps, caller: Caller, input: StartInput) {
  const actor = requireActorOf(caller);
  const institutionId = requireInstitution(actor);
  const { batch } = await loadPublishedBatch(deps, input.batchId);
  const phase = batchPhase(batch, deps.clock());
  if (phase !== "open") {
    throw new AppError(
      "DEADLINE_PASSED",
      phase === "upcoming" ? "本批次尚未开始网上申报" : "本批次网上申报已截止，不能再新建申报",
    );
  }
  const open = isOccupationOpen(batch, input.kind, input.occupation);
  if (!open.open)
    throw new AppError("OCCUPATION_CLOSED", open.reason, {
      fields: [{ path: "occupation", message: open.reason }],
    });
  const bar = await barredReason(deps, institutionId, input.kind);
  if (bar !== null)
    throw new AppError("APPLICATION_BARRED", bar, { fields: [{ path: "kind", message: bar }] });
  const badLevels = input.levels.filter((level) => !batch.levels.includes(level));
  if (input.levels.length === 0 || badLevels.length > 0) {
    throw new AppError("VALIDATION_FAILED", "请至少选择一个本批次开放的专业技术等级", {
      fields: [{ path: "levels", message: "请至少选择一个本批次开放的专业技术等级" }],
    });
  }
  const existing = await findExisting(deps.db, {
    batchId: input.batchId,
    institutionId,
    kind: input.kind,
    occupation: input.occupation,
  });
  if (existing) {
    throw new AppError(
      "APPLICATION_EXISTS",
      `本单位已在本批次申报${kindName(input.kind)}（${occupationName(input.occupation)}），请继续填写该申报；申报多个职业请按职业分别填报`,
      {
        extra: { applicationId: existing.id },
      },
    );
  }
  const templateId = batch.formTemplates[input.kind];
  const template = templateId ? getFormTemplate(templateId) : undefined;
  if (!template) throw new AppError("INTERNAL_ERROR", "本批次未配置该类机构的申报表");
  const institution = await findInstitution(deps.db, institutionId);
  if (!institution) throw notFound("申报单位");

  const prefilled = prefill(template, institution, input.occupation, input.levels);
  const now = deps.clock().toISOString();
  const id = crypto.randomUUID();
  const copy = await runCommand(
    deps,
    caller,
    "application.create",
    async (trx) => {
      const copied = input.sourceApplicationId
        ? await copyFromSource(trx, deps, {
            institutionId,
            sourceId: input.sourceApplicationId,
            template,
            values: prefilled,
          })
        : null;
      const values = copied?.values ?? prefilled;
      const eligibility = await computeEligibility(
        { ...deps, db: trx },
        {
          batch,
          institution: { ...institution },
          row: { kind: input.kind, occupation: input.occupation, institutionId },
        },
        values,
        input.levels,
        input.applicantCategory ?? null,
      );
      await insertApplication(trx, {
        id,
        batchId: input.batchId,
        institutionId,
        kind: input.kind,
        occupation: input.occupation,
        levels: JSON.stringify(input.levels),
        templateId: template.id,
        templateVersion: template.version,
        applicantCategory: input.applicantCategory ?? null,
        status: "draft",
        draftValues: JSON.stringify(sealValues(template, values, deps.cipher)),
        draftRevision: 1,
        draftSavedAt: now,
        draftSavedBy: caller.username,
        commitmentAccepted: 0,
        eligibility: JSON.stringify(eligibility),
        recommenderType: null,
        recommenderValue: null,
        versionCount: 0,
        number: null,
        returnReason: null,
        returnReplyBy: null,
        returnComments: null,
        firstSubmittedAt: null,
        lastSubmittedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      return copied?.report ?? null;
    },
    (report) => ({
      targetType: "application",
      targetId: id,
      summary: `新建申报：${batch.shortTitle}·${kindName(input.kind)}·${occupationName(input.occupation)}${
        report
          ? `（复制自${report.source.batchTitle}·${report.source.kindName}·${report.source.occupationName}，复制${report.copied.length}项）`
          : ""
      }`,
      ...(report
        ? {
            detail: {
              sourceApplicationId: report.source.id,
              copied: report.copied.map((slot) => slot.key),
              skipped: report.skipped.map((slot) => `${slot.key}:${slot.reason}`),
            },
          }
        : {}),
    }),
  );
  return { application: await getApplication(deps, caller, id), copy };
}

/** Fields the platform already knows from registration, so nobody types them twice. */
function prefill(
  template: FormTemplate,
  institution: { name: string; creditCode: string },
  occupation: OccupationCode,
  levels: LevelCode[],
): FormValues {
  const values: Record<string, FormValues[string]> = { ...emptyValues(template), occupation, levels };
  if ("institutionName" in values) values.institutionName = institution.name;
  if ("creditCode" in values) values.creditCode = institution.creditCode;
  return values;
}

/**
 * The form values carry the head of the form (occupation, levels) and the 承诺 consent; the
 * occupation is fixed when the application starts, the levels may change while in draft.
 */
export type DraftInput = {
  values: unknown;
  applicantCategory?: ApplicantCategory | null | undefined;
  baseRevision: number;
};

/**
 * Autosave: recomputes totals, validates in draft mode (malformed values are reported, missing
 * ones are fine), refreshes eligibility and stores — only if `baseRevision` is still current.
 * On a conflict nothing is written and the current draft comes back so the user can choose.
 */
export async function saveDraft(deps: Deps, caller: Caller, id: string, input: DraftInput) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  assertEditable(deps, ctx);
  const sanitized = sanitizeFormValues(ctx.template, input.values);
  const levels = Array.isArray(sanitized.levels)
    ? (sanitized.levels as LevelCode[])
    : parseLevels(ctx.row.levels);
  if (levels.some((level) => !ctx.batch.levels.includes(level))) {
    throw new AppError("VALIDATION_FAILED", "所选专业技术等级不在本批次范围内", {
      fields: [{ path: "levels", message: "所选等级不在本批次范围内" }],
    });
  }
  const values = computeTotals(ctx.template, { ...sanitized, occupation: ctx.row.occupation, levels });
  const commitmentAccepted = values.commitmentAccepted === true;
  const applicantCategory =
    input.applicantCategory === undefined ? ctx.row.applicantCategory : input.applicantCategory;
  const eligibility = await computeEligibility(deps, ctx, values, levels, applicantCategory);
  const now = deps.clock().toISOString();
  const saved = await runUpdateCommand(
    deps,
    caller,
    "application.saveDraft",
    draftUpdate(
      id,
      input.baseRevision,
      {
        draftValues: JSON.stringify(sealValues(ctx.template, values, deps.cipher)),
        levels: JSON.stringify(levels),
        commitmentAccepted: commitmentAccepted ? 1 : 0,
        eligibility: JSON.stringify(eligibility),
        draftSavedAt: now,
        draftSavedBy: caller.username ?? "",
        applicantCategory,
      },
      EDITABLE_STATUSES,
    ),
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok ? "保存草稿" : "保存草稿被拒绝：版本冲突",
    }),
  );
  if (!saved) {
    const current = await getApplication(deps, caller, id);
    throw new AppError("VERSION_CONFLICT", "该申报已在其他窗口或由本单位其他人保存过，请选择保留哪一份内容", {
      extra: {
        current: {
          values: current.values,
          draftRevision: current.draftRevision,
          draftSavedAt: current.draftSavedAt,
          draftSavedBy: current.draftSavedBy,
        },
      },
    });
  }
  const issues = validateFormValues(ctx.template, values, {
    today: shanghaiDate(deps.clock()),
    mode: "draft",
  }).issues;
  return { draftRevision: input.baseRevision + 1, draftSavedAt: now, values, eligibility, issues };
}

function assertEditable(deps: Deps, ctx: ApplicationContext): void {
  if (!(EDITABLE_STATUSES as readonly string[]).includes(ctx.row.status)) {
    throw new AppError(
      "APPLICATION_NOT_EDITABLE",
      `申报当前状态为“${applicationStatusNames[ctx.row.status as keyof typeof applicationStatusNames] ?? ctx.row.status}”，不能修改`,
    );
  }
  const deadline = effectiveDeadline(ctx.row, ctx.batch);
  if (Date.parse(deadline) < deps.clock().getTime()) {
    throw new AppError(
      "DEADLINE_PASSED",
      ctx.row.status === "returned" ? "退回修改的答复期限已过，不能再修改" : "网上申报已截止，不能再修改",
    );
  }
}

/** 我的申报: the institution's applications with status, deadline and next action. */
export async function listMyApplications(deps: Deps, caller: Caller): Promise<ApplicationSummary[]> {
  const actor = requireActorOf(caller);
  const institutionId = requireInstitution(actor);
  const rows = await listInstitutionApplications(deps.db, institutionId);
  const now = deps.clock();
  const batches = new Map<string, { definition: BatchDefinition }>();
  for (const row of rows) {
    if (!batches.has(row.batchId)) {
      const batchRow = await findBatchRow(deps.db, row.batchId);
      if (batchRow) batches.set(row.batchId, { definition: parseDefinition(batchRow) });
    }
  }
  return rows.flatMap((row) => {
    const batch = batches.get(row.batchId)?.definition;
    if (!batch) return [];
    const status = row.status as keyof typeof applicationStatusNames;
    return [
      {
        id: row.id,
        batchId: row.batchId,
        batchTitle: batch.shortTitle,
        kind: row.kind,
        kindName: kindName(row.kind),
        occupation: row.occupation,
        occupationName: occupationName(row.occupation),
        levels: parseLevels(row.levels),
        templateId: row.templateId,
        status,
        statusName: applicationStatusNames[status] ?? row.status,
        nextAction: nextActionFor(
          status,
          "institution",
          batch.stages.map((stage) => stage.code),
        ),
        versionCount: Number(row.versionCount),
        number: row.number,
        deadline: effectiveDeadline(row, batch),
        phase: batchPhase(batch, now),
        updatedAt: row.updatedAt,
        lastSubmittedAt: row.lastSubmittedAt,
      },
    ];
  });
}
