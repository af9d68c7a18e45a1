import crypto from "node:crypto";
import {
  type Actor,
  officeActsOnBatch,
  SITE_VISIT_CONCLUSION_NAMES,
  SITE_VISIT_STATE_NAMES,
  type SiteVisitCommand,
  type SiteVisitEnvelope,
  type SiteVisitPlanInput,
  type SiteVisitState,
  type siteVisitConcludeSchema,
  siteVisitOpen,
  type siteVisitRecordSchema,
  siteVisitSentence,
  siteVisitTransition,
} from "@linxuan/domain";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { readJson } from "../../db/json";
import type { Row } from "../../db/types";
import { requireActorOf } from "../../http/actor";
import { recordEvent, runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { detectFileKind } from "../../storage/files";
import type { StagedUpload } from "../../storage/staging";
import { loadApplication } from "../applications/context";
import {
  findAttachment,
  findVisit,
  insertAttachment,
  insertVisit,
  listAttachments,
  listBatchVisits,
  updateVisit,
} from "./queries";

/*
 * 考察 (site visit): the office acting on the application's batch plans a visit, records what
 * the team found (with its files), and concludes 符合/基本符合/不符合. Staff who may see the
 * application read it; the institution does not (like the experts' scores, it is the office's
 * working record until the decision).
 */

const teamJson = z.array(z.object({ name: z.string(), unit: z.string() }));
const ACCEPTED = ["pdf", "jpg", "png"];

const isOffice = (actor: Actor) => actor.role === "nationalOffice" || actor.role === "provincialOffice";

/** The application as the reader may see it; institutions are told there is no such visit. */
async function loadContext(deps: Deps, caller: Caller, applicationId: string) {
  const actor = requireActorOf(caller);
  if (actor.role === "institution" || actor.role === "expert") throw notFound("考察记录");
  const ctx = await loadApplication(deps, actor, applicationId);
  const canManage = isOffice(actor) && officeActsOnBatch(actor, ctx.batch) && siteVisitOpen(ctx.row.status);
  return { actor, ctx, canManage };
}

/** The office may run `command` now: its batch, the application under review, the visit's state. */
async function loadForCommand(deps: Deps, caller: Caller, applicationId: string, command: SiteVisitCommand) {
  const { actor, ctx } = await loadContext(deps, caller, applicationId);
  if (!isOffice(actor) || !officeActsOnBatch(actor, ctx.batch)) throw notFound("申报");
  if (!siteVisitOpen(ctx.row.status))
    throw new AppError("SITE_VISIT_NOT_OPEN", "只有专家评议中或评议完成、尚未审定的申报可以考察");
  const visit = (await findVisit(deps.db, applicationId)) ?? null;
  const step = siteVisitTransition(visit?.state ?? null, command);
  if (!step.ok) throw new AppError("SITE_VISIT_STATE", step.reason);
  return { ctx, visit, to: step.to };
}

function present(visit: Row<"siteVisits">, attachments: Row<"siteVisitAttachments">[]) {
  return {
    id: visit.id,
    applicationId: visit.applicationId,
    state: visit.state,
    stateName: SITE_VISIT_STATE_NAMES[visit.state],
    plan: visit.plan,
    team: readJson("site_visits.team", teamJson, visit.team),
    visitDate: visit.visitDate,
    findings: visit.findings,
    conclusion: visit.conclusion,
    conclusionName: visit.conclusion ? SITE_VISIT_CONCLUSION_NAMES[visit.conclusion] : null,
    conclusionText: visit.conclusionText,
    plannedAt: visit.plannedAt,
    plannedBy: visit.plannedBy,
    recordedAt: visit.recordedAt,
    concludedAt: visit.concludedAt,
    concludedBy: visit.concludedBy,
    attachments: attachments.map((file) => ({
      id: file.id,
      fileName: file.fileName,
      contentType: file.contentType,
      size: Number(file.size),
      uploadedAt: file.uploadedAt,
      uploadedBy: file.uploadedBy,
    })),
  };
}

/** The application's visit (null when none) and whether the reader may act on it. */
export async function getSiteVisit(
  deps: Deps,
  caller: Caller,
  applicationId: string,
): Promise<SiteVisitEnvelope> {
  const { canManage } = await loadContext(deps, caller, applicationId);
  const visit = await findVisit(deps.db, applicationId);
  const concluded = visit?.state === "concluded";
  return {
    visit: visit ? present(visit, await listAttachments(deps.db, visit.id)) : null,
    canManage: canManage && !concluded,
  };
}

/** 考察方案: plan the visit, or revise the plan until findings are recorded. */
export async function planSiteVisit(
  deps: Deps,
  caller: Caller,
  applicationId: string,
  input: SiteVisitPlanInput,
) {
  const { ctx, visit } = await loadForCommand(deps, caller, applicationId, "plan");
  const now = deps.clock().toISOString();
  const team = JSON.stringify(input.team.map(({ name, unit }) => ({ name, unit })));
  await runCommand(
    deps,
    caller,
    "siteVisit.plan",
    async (trx) => {
      if (!visit) {
        await insertVisit(trx, {
          id: crypto.randomUUID(),
          applicationId,
          batchId: ctx.batchId,
          state: "planned",
          plan: input.plan,
          team,
          visitDate: input.visitDate,
          findings: null,
          conclusion: null,
          conclusionText: null,
          plannedAt: now,
          plannedBy: caller.username ?? "",
          recordedAt: null,
          recordedBy: null,
          concludedAt: null,
          concludedBy: null,
        });
      } else if (
        !(await updateVisit(trx, visit.id, "planned", {
          plan: input.plan,
          team,
          visitDate: input.visitDate,
          plannedAt: now,
          plannedBy: caller.username ?? "",
        }))
      ) {
        throw stale();
      }
    },
    () => ({
      targetType: "application",
      targetId: applicationId,
      summary: `${visit ? "修改" : "制定"}考察方案：${input.visitDate}，考察组${input.team.map((m) => m.name).join("、")}`,
      detail: { plan: input.plan, team: input.team, visitDate: input.visitDate },
    }),
  );
  return getSiteVisit(deps, caller, applicationId);
}

const stale = () => new AppError("VERSION_CONFLICT", "考察记录已被他人修改，请刷新后再操作");

/** 考察情况: what the team found; may be revised until the conclusion. */
export async function recordSiteVisit(
  deps: Deps,
  caller: Caller,
  applicationId: string,
  input: z.infer<typeof siteVisitRecordSchema>,
) {
  const { visit } = await loadForCommand(deps, caller, applicationId, "record");
  if (!visit) throw notFound("考察记录");
  await runCommand(
    deps,
    caller,
    "siteVisit.record",
    async (trx) => {
      const set = {
        state: "recorded" as SiteVisitState,
        findings: input.findings,
        recordedAt: deps.clock().toISOString(),
        recordedBy: caller.username ?? "",
      };
      if (!(await updateVisit(trx, visit.id, visit.state, set))) throw stale();
    },
    () => ({
      targetType: "application",
      targetId: applicationId,
      summary: `记录考察情况：${input.findings.slice(0, 200)}`,
    }),
  );
  return getSiteVisit(deps, caller, applicationId);
}

/** 考察结论: final; printed beside the scores and in the 评议结果意见. */
export async function concludeSiteVisit(
  deps: Deps,
  caller: Caller,
  applicationId: string,
  input: z.infer<typeof siteVisitConcludeSchema>,
) {
  const { visit } = await loadForCommand(deps, caller, applicationId, "conclude");
  if (!visit) throw notFound("考察记录");
  await runCommand(
    deps,
    caller,
    "siteVisit.conclude",
    async (trx) => {
      const set = {
        state: "concluded" as SiteVisitState,
        conclusion: input.conclusion,
        conclusionText: input.conclusionText,
        concludedAt: deps.clock().toISOString(),
        concludedBy: caller.username ?? "",
      };
      if (!(await updateVisit(trx, visit.id, "recorded", set))) throw stale();
    },
    () => ({
      targetType: "application",
      targetId: applicationId,
      summary: `考察结论：${SITE_VISIT_CONCLUSION_NAMES[input.conclusion]}（${input.conclusionText.slice(0, 200)}）`,
    }),
  );
  return getSiteVisit(deps, caller, applicationId);
}

/** A file the team brought back: PDF, JPG or PNG by content, within the upload limit. */
export async function uploadSiteVisitAttachment(
  deps: Deps,
  caller: Caller,
  applicationId: string,
  input: { fileName: string; file: StagedUpload },
) {
  const { visit } = await loadForCommand(deps, caller, applicationId, "attach");
  if (!visit) throw notFound("考察记录");
  const limitMb = Math.round(deps.config.uploadMaxBytes / 1_048_576);
  if (input.file.truncated || input.file.size > deps.config.uploadMaxBytes)
    throw new AppError("FILE_TOO_LARGE", `考察材料文件超过${limitMb}MB的大小限制`, {
      fields: [{ path: "file", message: `文件超过${limitMb}MB` }],
    });
  if (input.file.size === 0)
    throw new AppError("VALIDATION_FAILED", "上传的考察材料是空的", {
      fields: [{ path: "file", message: "文件为空" }],
    });
  const kind = detectFileKind(input.file.head);
  const fileName = cleanFileName(input.fileName);
  if (!kind || !ACCEPTED.includes(kind.extension))
    throw new AppError(
      "FILE_TYPE_NOT_ALLOWED",
      `考察材料只接受PDF、JPG或PNG文件，“${fileName}”不是（按文件内容识别，与扩展名无关）`,
      { fields: [{ path: "file", message: "只接受PDF、JPG或PNG文件" }] },
    );
  const stored = await deps.files.putFile(input.file.path, input.file.sha256);
  const id = crypto.randomUUID();
  await runCommand(
    deps,
    caller,
    "siteVisit.attach",
    (trx) =>
      insertAttachment(trx, {
        id,
        siteVisitId: visit.id,
        fileName,
        contentType: kind.contentType,
        size: stored.size,
        sha256: stored.sha256,
        uploadedAt: deps.clock().toISOString(),
        uploadedBy: caller.username ?? "",
      }),
    () => ({
      targetType: "application",
      targetId: applicationId,
      summary: `上传考察材料：${fileName}（${stored.size}字节）`,
      detail: { sha256: stored.sha256 },
    }),
  );
  return getSiteVisit(deps, caller, applicationId);
}

/** Streams a visit's file to staff who may see the application; each download is audited. */
export async function downloadSiteVisitAttachment(
  deps: Deps,
  caller: Caller,
  applicationId: string,
  attachmentId: string,
) {
  await loadContext(deps, caller, applicationId);
  const visit = await findVisit(deps.db, applicationId);
  const file = visit ? await findAttachment(deps.db, visit.id, attachmentId) : undefined;
  if (!file) throw notFound("考察材料");
  await recordEvent(deps, caller, "siteVisit.download", {
    targetType: "application",
    targetId: applicationId,
    summary: `下载考察材料：${file.fileName}`,
  });
  const stored = await deps.files.getStream(file.sha256);
  return { body: stored.stream, size: stored.size, fileName: file.fileName, contentType: file.contentType };
}

/** Each visit of a batch as the ranking and the 评议结果意见 show it, keyed by application. */
export async function siteVisitSummaries(db: Db, batchId: string) {
  const visits = await listBatchVisits(db, batchId);
  return new Map(
    visits.map((visit) => [
      visit.applicationId,
      {
        state: visit.state,
        stateName: SITE_VISIT_STATE_NAMES[visit.state],
        conclusion: visit.conclusion,
        conclusionName: visit.conclusion ? SITE_VISIT_CONCLUSION_NAMES[visit.conclusion] : null,
        sentence:
          visit.conclusion && visit.conclusionText
            ? siteVisitSentence({
                visitDate: visit.visitDate,
                conclusion: visit.conclusion,
                conclusionText: visit.conclusionText,
              })
            : null,
      },
    ]),
  );
}

/** Refuses 审定 while a planned visit has no conclusion: the decision must see it. */
export async function requireNoPendingSiteVisit(db: Db, applicationId: string) {
  const visit = await findVisit(db, applicationId);
  if (visit && visit.state !== "concluded")
    throw new AppError("SITE_VISIT_PENDING", "该申报已安排考察，尚未作出考察结论，请先完成考察再审定");
}

/** Keeps a file name printable and short; it is only ever shown, never used as a path. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/\p{Cc}|["<>|*?:]/gu, "").trim();
  return (cleaned || "file").slice(0, 120);
}
