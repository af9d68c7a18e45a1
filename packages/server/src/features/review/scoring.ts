import crypto from "node:crypto";
import {
  formValuesSchema,
  getFormTemplate,
  kindName,
  occupationName,
  validateScoreSheet,
  weightedTotal,
} from "@linxuan/domain";
import { levelsJson, readJson, sheetRationalesJson, sheetScoresJson } from "../../db/json";
import type { RowChanges } from "../../db/types";
import { recordEvent, runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { maskValues } from "../applications/sealing";
import { findBatchRow, parseDefinition } from "../batches/service";
import { reviewContext } from "./assignment";
import { reviewAttachments } from "./materials";
import { findOwnExpert, loadOwnAssignment } from "./own-assignment";
import { requirePledge } from "./pledge";
import { loadRound } from "./round";

export async function listMyAssignments(deps: Deps, caller: Caller) {
  const expert = await findOwnExpert(deps, caller);
  if (!expert) return [];
  const rows = await deps.db
    .selectFrom("reviewAssignments")
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .leftJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
    .select([
      "reviewAssignments.id",
      "reviewAssignments.batchId",
      "applications.kind",
      "applications.occupation",
      "institutions.name as institutionName",
      "scoreSheets.status as sheetStatus",
      "scoreSheets.total",
      "scoreSheets.reopenedReason",
    ])
    .where("reviewAssignments.expertId", "=", expert.id)
    .where("reviewAssignments.removedAt", "is", null)
    .execute();
  const rounds = new Map<string, { dueAt: string | null; closesAt: string | null; title: string }>();
  for (const batchId of new Set(rows.map((row) => row.batchId))) {
    const batchRow = await findBatchRow(deps.db, batchId);
    if (!batchRow) continue;
    const batch = parseDefinition(batchRow);
    const round = await loadRound(deps.db, batchId, batch);
    rounds.set(batchId, { dueAt: round.dueAt, closesAt: round.closesAt, title: batch.shortTitle });
  }
  const now = deps.clock().getTime();
  return rows.map((row) => {
    const round = rounds.get(row.batchId);
    return {
      id: row.id,
      batchTitle: round?.title ?? "",
      institutionName: row.institutionName,
      kindName: kindName(row.kind),
      occupationName: occupationName(row.occupation),
      status: row.sheetStatus ?? ("notStarted" as const),
      total: row.total === null ? null : Number(row.total),
      reopenedReason: row.reopenedReason,
      dueAt: round?.dueAt ?? null,
      overdue: Boolean(round?.dueAt && Date.parse(round.dueAt) < now && row.sheetStatus !== "submitted"),
    };
  });
}

/**
 * Opens an assigned application for scoring. The conflict check runs again here: a conflict found
 * since assignment (a new declaration, a pinned conflict) refuses the opening.
 */
export async function openAssignment(deps: Deps, caller: Caller, assignmentId: string) {
  const { expert, assignment, batch, round } = await loadOwnAssignment(deps, caller, assignmentId);
  await requirePledge(deps.db, assignment.batchId, expert.id);
  const context = await reviewContext(deps, assignment.batchId, round, ["underReview", "reviewed"]);
  const conflict = context.conflicts.get(`${expert.id}|${assignment.applicationId}`);
  if (conflict && conflict.length > 0) {
    // A conflict found after assignment withdraws it, so the office sees the gap and reassigns.
    await runCommand(
      deps,
      caller,
      "review.conflictOnOpen",
      (trx) =>
        trx
          .updateTable("reviewAssignments")
          .set({
            removedAt: deps.clock().toISOString(),
            removedReason: `打开时发现利益冲突：${conflict.map((item) => item.reason).join("；")}`,
          })
          .where("id", "=", assignmentId)
          .where("removedAt", "is", null)
          .execute(),
      () => ({
        targetType: "application",
        targetId: assignment.applicationId,
        summary: "专家打开评议材料时发现利益冲突，自动取消分配",
      }),
    );
    throw new AppError(
      "CONFLICT_OF_INTEREST",
      `您与该申报单位存在利益冲突，须回避：${conflict.map((item) => item.reason).join("；")}`,
    );
  }
  const application = await deps.db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .selectAll("applications")
    .select(["institutions.name as institutionName", "institutions.creditCode"])
    .where("applications.id", "=", assignment.applicationId)
    .executeTakeFirstOrThrow();
  const template = getFormTemplate(application.templateId);
  if (!template) throw notFound("申报表模板");
  const rubric = round.rubrics[application.kind];
  const sheet = await deps.db
    .selectFrom("scoreSheets")
    .selectAll()
    .where("assignmentId", "=", assignmentId)
    .executeTakeFirst();
  const history = await deps.db
    .selectFrom("scoreHistory")
    .select(["total", "submittedAt"])
    .where("assignmentId", "=", assignmentId)
    .orderBy("submittedAt")
    .execute();
  const peers = round.scoresOpenedAt
    ? await deps.db
        .selectFrom("reviewAssignments")
        .innerJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
        .innerJoin("experts", "experts.id", "reviewAssignments.expertId")
        .select(["experts.name", "scoreSheets.total", "scoreSheets.overall"])
        .where("reviewAssignments.applicationId", "=", assignment.applicationId)
        .where("reviewAssignments.removedAt", "is", null)
        .where("scoreSheets.status", "=", "submitted")
        .where("reviewAssignments.id", "!=", assignmentId)
        .execute()
    : null;
  await recordEvent(deps, caller, "review.open", {
    targetType: "application",
    targetId: assignment.applicationId,
    summary: "专家打开评议材料",
  });
  return {
    assignmentId,
    batch: { title: batch.title, dueAt: round.dueAt, closesAt: round.closesAt },
    application: {
      id: application.id,
      institutionName: application.institutionName,
      kind: application.kind,
      kindName: kindName(application.kind),
      occupationName: occupationName(application.occupation),
      levels: readJson("applications.levels", levelsJson, application.levels),
      templateId: application.templateId,
      values: maskValues(
        template,
        readJson("applications.draft_values", formValuesSchema, application.draftValues),
        deps.cipher,
      ),
    },
    rubric,
    sheet: sheet
      ? {
          scores: readJson("score_sheets.scores", sheetScoresJson, sheet.scores),
          rationales: readJson("score_sheets.rationales", sheetRationalesJson, sheet.rationales),
          overall: sheet.overall,
          total: sheet.total === null ? null : Number(sheet.total),
          status: sheet.status as "draft" | "submitted",
          revision: Number(sheet.revision),
          savedAt: sheet.savedAt,
          reopenedReason: sheet.reopenedReason,
        }
      : null,
    history: history.map((item) => ({ total: Number(item.total), submittedAt: item.submittedAt })),
    attachments: await reviewAttachments(deps, application.id, batch.requiredAttachments),
    peers:
      peers?.map((peer) => ({
        name: peer.name,
        total: peer.total === null ? null : Number(peer.total),
        overall: peer.overall,
      })) ?? null,
  };
}

export type SheetInput = {
  scores: Record<string, number | null>;
  rationales: Record<string, string>;
  overall: string;
  revision: number;
};

function assertReviewOpen(round: { closesAt: string | null }, now: Date) {
  if (round.closesAt && Date.parse(round.closesAt) < now.getTime())
    throw new AppError("REVIEW_CLOSED", "专家评议已关闭，不能再修改评分");
}

/** Autosave (draft) or submit of the expert's score sheet; a resubmission keeps the earlier one in history. */
export async function saveSheet(
  deps: Deps,
  caller: Caller,
  assignmentId: string,
  input: SheetInput,
  mode: "draft" | "submit",
) {
  const { expert, assignment, round } = await loadOwnAssignment(deps, caller, assignmentId);
  await requirePledge(deps.db, assignment.batchId, expert.id);
  assertReviewOpen(round, deps.clock());
  const application = await deps.db
    .selectFrom("applications")
    .select(["kind", "status"])
    .where("id", "=", assignment.applicationId)
    .executeTakeFirstOrThrow();
  if (application.status !== "underReview")
    throw new AppError("REVIEW_CLOSED", "该申报已完成评议，不能再修改评分");
  const rubric = round.rubrics[application.kind];
  if (!rubric) throw new AppError("REVIEW_CLOSED", "本批次尚未设置评分细则");
  const sheet = { scores: input.scores, rationales: input.rationales, overall: input.overall };
  const issues = validateScoreSheet(rubric, sheet, mode);
  if (issues.length > 0) {
    throw new AppError("SCORE_INVALID", `评分表有${issues.length}处问题：${issues[0]?.message}`, {
      fields: issues.map((issue) => ({ path: issue.path, message: issue.message })),
    });
  }
  const current = await deps.db
    .selectFrom("scoreSheets")
    .selectAll()
    .where("assignmentId", "=", assignmentId)
    .executeTakeFirst();
  if (current?.status === "submitted" && mode === "draft")
    throw new AppError("REVIEW_CLOSED", "评分已提交；如需修改请联系办公室重新开放");
  if ((current ? Number(current.revision) : 0) !== input.revision) {
    throw new AppError("VERSION_CONFLICT", "评分表已在其他窗口保存过，请刷新后再改");
  }
  const total = weightedTotal(rubric, input.scores);
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    mode === "submit" ? "review.submitScores" : "review.saveScores",
    async (trx) => {
      const values = {
        scores: JSON.stringify(input.scores),
        rationales: JSON.stringify(input.rationales),
        overall: input.overall,
        total: mode === "submit" ? total : null,
        status: mode === "submit" ? "submitted" : "draft",
        savedAt: now,
        submittedAt: mode === "submit" ? now : null,
      } satisfies RowChanges<"scoreSheets">;
      if (!current) {
        await trx
          .insertInto("scoreSheets")
          .values({ assignmentId, ...values, revision: 1, reopenedReason: null })
          .execute();
      } else {
        const result = await trx
          .updateTable("scoreSheets")
          .set((eb) => ({ ...values, revision: eb("revision", "+", 1) }))
          .where("assignmentId", "=", assignmentId)
          .where("revision", "=", input.revision)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1)
          throw new AppError("VERSION_CONFLICT", "评分表已在其他窗口保存过，请刷新后再改");
      }
      if (mode === "submit") {
        await trx
          .insertInto("scoreHistory")
          .values({
            id: crypto.randomUUID(),
            assignmentId,
            scores: values.scores,
            rationales: values.rationales,
            overall: input.overall,
            total,
            submittedAt: now,
          })
          .execute();
      }
    },
    () => ({
      targetType: "application",
      targetId: assignment.applicationId,
      summary: mode === "submit" ? `专家提交评分：${total.toFixed(2)}分` : "专家保存评分草稿",
    }),
  );
  return {
    revision: input.revision + 1,
    total: mode === "submit" ? total : null,
    status: mode === "submit" ? ("submitted" as const) : ("draft" as const),
    savedAt: now,
  };
}

/** The expert declares a conflict: recorded, and the assignment is withdrawn so the office can reassign. */
export async function declareConflict(deps: Deps, caller: Caller, assignmentId: string, reason: string) {
  const { expert, assignment } = await loadOwnAssignment(deps, caller, assignmentId);
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "review.declareConflict",
    async (trx) => {
      await trx
        .insertInto("conflictRecords")
        .values({
          id: crypto.randomUUID(),
          expertId: expert.id,
          applicationId: assignment.applicationId,
          action: "declare",
          conflictType: "declared",
          reason,
          createdAt: now,
          createdBy: caller.username ?? "",
        })
        .execute();
      await trx
        .updateTable("reviewAssignments")
        .set({ removedAt: now, removedReason: `专家申报回避：${reason}` })
        .where("id", "=", assignmentId)
        .execute();
    },
    () => ({
      targetType: "application",
      targetId: assignment.applicationId,
      summary: `专家申报回避：${reason}`,
    }),
  );
}
