import crypto from "node:crypto";
import {
  aggregateScores,
  type ConflictOverride,
  decisionQuota,
  expertShortfall,
  kindName,
  LEVELS,
  occupationName,
  rankApplications,
  recommendationCheckClause,
  recommendationCheckSummary,
  regionName,
  reviewOpinionParagraphs,
  type SheetStatus,
  shanghaiChineseDate,
} from "@linxuan/domain";
import { levelsJson, readJson } from "../../db/json";
import { type ListDocument, renderListDocx, renderListPdf } from "../../documents/list-document";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { loadApplication } from "../applications/context";
import { checkTransition, transition } from "../applications/transition";
import { loadQuotaSettings } from "../quotas/settings";
import { siteVisitSummaries } from "../site-visits/service";
import { loadOfficeBatch } from "./round";

/** Review progress: per expert (assigned, submitted, overdue) and per application (experts, submitted). */
export async function reviewProgress(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const { round } = await loadOfficeBatch(deps, actor, batchId);
  const rows = await deps.db
    .selectFrom("reviewAssignments")
    .innerJoin("experts", "experts.id", "reviewAssignments.expertId")
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .leftJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
    .select([
      "reviewAssignments.id",
      "reviewAssignments.applicationId",
      "reviewAssignments.expertId",
      "experts.name as expertName",
      "institutions.name as institutionName",
      "applications.occupation",
      "applications.status",
      "scoreSheets.status as sheetStatus",
      "scoreSheets.total",
    ])
    .where("reviewAssignments.batchId", "=", batchId)
    .where("reviewAssignments.removedAt", "is", null)
    .execute();
  const overdue = Boolean(round.dueAt && Date.parse(round.dueAt) < deps.clock().getTime());
  const experts = new Map<
    string,
    { expertId: string; name: string; assigned: number; submitted: number; overdue: number }
  >();
  for (const row of rows) {
    const entry = experts.get(row.expertId) ?? {
      expertId: row.expertId,
      name: row.expertName,
      assigned: 0,
      submitted: 0,
      overdue: 0,
    };
    entry.assigned++;
    if (row.sheetStatus === "submitted") entry.submitted++;
    else if (overdue) entry.overdue++;
    experts.set(row.expertId, entry);
  }
  return {
    round,
    experts: [...experts.values()].sort(
      (a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, "zh-CN"),
    ),
    assignments: rows.map((row) => ({
      id: row.id,
      applicationId: row.applicationId,
      expertId: row.expertId,
      expertName: row.expertName,
      institutionName: row.institutionName,
      occupationName: occupationName(row.occupation),
      // Scores stay hidden from the office's progress list until it opens them.
      status: (row.sheetStatus ?? "notStarted") as SheetStatus,
      overdue: overdue && row.sheetStatus !== "submitted",
    })),
  };
}

/** The office pins or clears a conflict for an expert × application pair, with a reason. */
export async function overrideConflict(
  deps: Deps,
  caller: Caller,
  input: { expertId: string; applicationId: string } & ConflictOverride,
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, input.applicationId);
  await loadOfficeBatch(deps, actor, ctx.batchId);
  await runCommand(
    deps,
    caller,
    "review.conflictOverride",
    async (trx) => {
      await trx
        .insertInto("conflictRecords")
        .values({
          id: crypto.randomUUID(),
          expertId: input.expertId,
          applicationId: input.applicationId,
          action: input.action,
          conflictType: input.type,
          reason: input.reason,
          createdAt: deps.clock().toISOString(),
          createdBy: caller.username ?? "",
        })
        .execute();
      if (input.action === "pin") {
        await trx
          .updateTable("reviewAssignments")
          .set({ removedAt: deps.clock().toISOString(), removedReason: `办公室指定回避：${input.reason}` })
          .where("expertId", "=", input.expertId)
          .where("applicationId", "=", input.applicationId)
          .where("removedAt", "is", null)
          .execute();
      }
    },
    () => ({
      targetType: "application",
      targetId: input.applicationId,
      summary: `${input.action === "pin" ? "指定回避" : "解除回避"}（${input.type}）：${input.reason}`,
    }),
  );
}

/** Opens the scores: experts see each other's totals, the office sees the ranking. */
export async function openScores(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const { round } = await loadOfficeBatch(deps, actor, batchId);
  if (round.version === 0) throw new AppError("VALIDATION_FAILED", "请先保存评议设置");
  await runCommand(
    deps,
    caller,
    "review.openScores",
    (trx) =>
      trx
        .updateTable("reviewRounds")
        .set({ scoresOpenedAt: deps.clock().toISOString() })
        .where("batchId", "=", batchId)
        .execute(),
    () => ({ targetType: "batch", targetId: batchId, summary: "公开专家评分" }),
  );
}

/** Asks an expert to review again (a dispersed score): the sheet returns to draft, history keeps the old one. */
export async function reopenSheet(deps: Deps, caller: Caller, assignmentId: string, reason: string) {
  const actor = requireActorOf(caller);
  const assignment = await deps.db
    .selectFrom("reviewAssignments")
    .selectAll()
    .where("id", "=", assignmentId)
    .where("removedAt", "is", null)
    .executeTakeFirst();
  if (!assignment) throw notFound("评议任务");
  await loadOfficeBatch(deps, actor, assignment.batchId);
  await runCommand(
    deps,
    caller,
    "review.reopen",
    (trx) =>
      trx
        .updateTable("scoreSheets")
        .set({ status: "draft", total: null, submittedAt: null, reopenedReason: reason })
        .where("assignmentId", "=", assignmentId)
        .execute(),
    () => ({
      targetType: "application",
      targetId: assignment.applicationId,
      summary: `请专家重新评议：${reason}`,
    }),
  );
}

/** Aggregated scores and the ranked lists per occupation (and region for training) with the quota line. */
export async function reviewRanking(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  const applications = await deps.db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .leftJoin("decisions", "decisions.applicationId", "applications.id")
    .leftJoin("recommendationChecks", "recommendationChecks.applicationId", "applications.id")
    .select([
      "applications.id",
      "applications.kind",
      "applications.occupation",
      "applications.status",
      "applications.levels",
      "institutions.name as institutionName",
      "institutions.regionCode",
      "decisions.decision",
      "decisions.basis",
      "decisions.shortfallReason",
      "recommendationChecks.outcome as checkOutcome",
      "recommendationChecks.reason as checkReason",
    ])
    .where("applications.batchId", "=", batchId)
    .where("applications.status", "in", ["underReview", "reviewed", "approved", "rejected"])
    .execute();
  const sheets = await deps.db
    .selectFrom("reviewAssignments")
    .innerJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
    .select(["reviewAssignments.applicationId", "scoreSheets.total"])
    .where("reviewAssignments.batchId", "=", batchId)
    .where("reviewAssignments.removedAt", "is", null)
    .where("scoreSheets.status", "=", "submitted")
    .execute();
  const assigned = await deps.db
    .selectFrom("reviewAssignments")
    .select(["applicationId"])
    .where("batchId", "=", batchId)
    .where("removedAt", "is", null)
    .execute();
  const visits = await siteVisitSummaries(deps.db, batchId);
  // Grouped once by application: a filter per application would make the page quadratic.
  const totalsOf = new Map<string, number[]>();
  for (const sheet of sheets) {
    const totals = totalsOf.get(sheet.applicationId) ?? [];
    totals.push(Number(sheet.total));
    totalsOf.set(sheet.applicationId, totals);
  }
  const assignedTo = new Map<string, number>();
  for (const row of assigned) assignedTo.set(row.applicationId, (assignedTo.get(row.applicationId) ?? 0) + 1);
  const items = applications.map((application) => {
    const totals = totalsOf.get(application.id) ?? [];
    const expertsAssigned = assignedTo.get(application.id) ?? 0;
    const aggregate = aggregateScores(totals, {
      trimmed: true,
      dispersionThreshold: round.dispersionThreshold,
    });
    return {
      applicationId: application.id,
      institutionName: application.institutionName,
      kind: application.kind,
      occupation: application.occupation,
      regionCode: application.regionCode,
      regionName: application.regionCode ? (regionName(application.regionCode) ?? null) : null,
      levels: readJson("applications.levels", levelsJson, application.levels),
      status: application.status,
      decision: application.decision,
      basis: application.basis,
      expertsAssigned,
      expertsRequired: round.perApplication,
      shortfall:
        application.kind === "training" && !round.trainingExpertScoring
          ? 0
          : expertShortfall(round.perApplication, expertsAssigned),
      shortfallReason: application.shortfallReason,
      siteVisit: visits.get(application.id) ?? null,
      recommendationCheck: recommendationCheckSummary(application.checkOutcome, application.checkReason),
      aggregate,
      total: aggregate.score ?? 0,
    };
  });
  const visible = round.scoresOpenedAt !== null;
  const settings = await loadQuotaSettings(deps.db, batchId);
  const groups = rankApplications(items, {
    quota: (kind, occupation, regionCode) =>
      decisionQuota(batch, kind, occupation, regionCode, settings)?.limit ?? 0,
    groupTrainingByRegion: true,
  });
  return {
    scoresOpened: visible,
    dispersionThreshold: round.dispersionThreshold,
    expertsRequired: round.perApplication,
    shortfalls: items
      .filter((item) => item.shortfall > 0)
      .map(({ applicationId, institutionName, expertsAssigned, shortfall, shortfallReason }) => ({
        applicationId,
        institutionName,
        expertsAssigned,
        shortfall,
        shortfallReason,
      })),
    groups: visible ? groups : [],
    pending: items.filter((item) => item.aggregate.count < item.expertsAssigned).length,
  };
}

/** Moves every application whose experts have all submitted from 专家评议中 to 评议完成. */
export async function completeReview(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const { batch } = await loadOfficeBatch(deps, actor, batchId);
  const stages = batch.stages.map((stage) => stage.code);
  const rows = await deps.db
    .selectFrom("reviewAssignments")
    .innerJoin("applications", "applications.id", "reviewAssignments.applicationId")
    .leftJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
    .select(["reviewAssignments.applicationId", "scoreSheets.status"])
    .where("reviewAssignments.batchId", "=", batchId)
    .where("reviewAssignments.removedAt", "is", null)
    .where("applications.status", "=", "underReview")
    .execute();
  // An application is done when none of its sheets is unsubmitted: one pass, not one per application.
  const waiting = new Set(rows.filter((row) => row.status !== "submitted").map((row) => row.applicationId));
  const done = [...new Set(rows.map((row) => row.applicationId))].filter((id) => !waiting.has(id));
  const check = { status: "underReview", command: "completeReview", role: actor.role, stages } as const;
  checkTransition(check);
  await runCommand(
    deps,
    caller,
    "review.complete",
    async (trx) => {
      for (const id of done)
        await transition(trx, deps, {
          ...check,
          applicationId: id,
          set: { updatedAt: deps.clock().toISOString() },
          onConflict: "skip",
        });
    },
    () => ({ targetType: "batch", targetId: batchId, summary: `完成专家评议：${done.length}份申报` }),
  );
  return {
    completed: done.length,
    stillUnderReview: new Set(rows.map((row) => row.applicationId)).size - done.length,
  };
}

/** 评议结果意见: per occupation, the ranking with scores and decisions, as PDF or DOCX. */
export async function reviewOpinionDocument(
  deps: Deps,
  caller: Caller,
  batchId: string,
  format: "pdf" | "docx",
) {
  const ranking = await reviewRanking(deps, caller, batchId);
  if (!ranking.scoresOpened) throw new AppError("VALIDATION_FAILED", "请先公开专家评分，再生成评议结果意见");
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  const levelName = (code: string) => LEVELS.find((level) => level.code === code)?.name ?? code;
  const ranked = ranking.groups.flatMap((group) => group.items);
  const document: ListDocument = {
    title: "评议结果意见",
    paragraphs: reviewOpinionParagraphs({
      batchTitle: batch.title,
      expertsRequired: ranking.expertsRequired,
      trainingExpertScoring: round.trainingExpertScoring,
      items: ranked,
    }),
    columns: [
      { label: "排名", weight: 0.7 },
      { label: "申报单位", weight: 2.6 },
      { label: "等级", weight: 1.2 },
      { label: "专家数", weight: 0.8 },
      { label: "平均分", weight: 0.9 },
      { label: "去极值平均分", weight: 1.1 },
      { label: "评议意见", weight: 2.4 },
    ],
    groups: ranking.groups.map((group) => ({
      heading: `${kindName(group.kind)}·${occupationName(group.occupation)}${group.regionCode ? `·${regionName(group.regionCode) ?? group.regionCode}` : ""}（名额${group.quota}家）`,
      rows: group.items.map((item) => [
        String(item.rank),
        item.institutionName,
        item.levels.map(levelName).join("、"),
        String(item.aggregate.count),
        item.aggregate.mean?.toFixed(2) ?? "—",
        item.aggregate.trimmedMean?.toFixed(2) ?? "—",
        `${item.withinQuota ? "名额内" : "名额外"}${item.shortfall > 0 ? `；评议专家不足（应${item.expertsRequired}名，实有${item.expertsAssigned}名）` : ""}${item.aggregate.dispersed ? "；专家意见分歧较大" : ""}${item.shortfallReason ? `；缺额审定说明：${item.shortfallReason}` : ""}${item.siteVisit?.sentence ? `；${item.siteVisit.sentence}` : ""}${item.recommendationCheck ? `；${recommendationCheckClause(item.recommendationCheck)}` : ""}${item.decision ? `；审定${item.decision === "approved" ? "通过" : "不通过"}：${item.basis ?? ""}` : ""}`,
      ]),
    })),
    signature: [batch.issuingBody, shanghaiChineseDate(deps.clock())],
  };
  const body = format === "pdf" ? await renderListPdf(document) : await renderListDocx(document);
  return {
    body,
    fileName: `评议结果意见-${batch.shortTitle}.${format}`,
    contentType:
      format === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}
