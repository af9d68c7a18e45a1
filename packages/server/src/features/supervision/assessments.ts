import crypto from "node:crypto";
import {
  barReasonText,
  describeBar,
  EXPIRING_WITHIN_DAYS,
  reapplicationBarUntil,
  shanghaiDate,
  validUntil,
} from "@linxuan/domain";
import { regionCondition } from "../../db/region-filter";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow, parseDefinition } from "../batches/service";
import { writeEntryVersion } from "../catalog/service";
import { institutionUserIds, notify } from "../notifications/service";
import { assertSupervises, supervisionFilter } from "./scope";

/**
 * 考核评估: the office opens a cycle for the valid entries whose validity ends before `before`
 * (default: within the expiring window); each gets an open assessment with a due date.
 */
export async function openAssessmentCycle(
  deps: Deps,
  caller: Caller,
  input: { name: string; dueAt: string; before?: string | null | undefined },
) {
  const jurisdiction = supervisionFilter(caller);
  const now = deps.clock();
  const before = input.before ?? new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000).toISOString();
  const entries = await deps.db
    .selectFrom("catalogEntries")
    .select(["id", "institutionName", "institutionId"])
    .where("removed", "=", 0)
    .where("validUntil", "<=", before)
    .$if(jurisdiction.kind !== "all", (query) =>
      query.where((eb) => regionCondition(eb, "regionCode", jurisdiction)),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("assessments")
            .select("assessments.id")
            .whereRef("assessments.entryId", "=", "catalogEntries.id")
            .where("assessments.status", "in", ["open", "submitted"]),
        ),
      ),
    )
    .execute();
  if (entries.length === 0) throw new AppError("VALIDATION_FAILED", "没有需要考核评估的目录条目");
  const created = now.toISOString();
  await runCommand(
    deps,
    caller,
    "assessment.open",
    async (trx) => {
      for (const entry of entries) {
        await trx
          .insertInto("assessments")
          .values({
            id: crypto.randomUUID(),
            cycleName: input.name,
            entryId: entry.id,
            dueAt: input.dueAt,
            status: "open",
            report: null,
            submittedAt: null,
            resultNote: null,
            decidedAt: null,
            decidedBy: null,
            createdAt: created,
            createdBy: caller.username ?? "",
          })
          .execute();
        await notify(trx, deps, {
          userIds: await institutionUserIds(trx, entry.institutionId),
          event: "assessmentDue",
          detail: `${entry.institutionName}已列入考核评估“${input.name}”，请于${shanghaiDate(new Date(input.dueAt))}前提交考核评估报告。`,
          link: "/workbench/assessments",
        });
      }
    },
    () => ({
      targetType: "assessment",
      targetId: null,
      summary: `开启考核评估“${input.name}”：${entries.length}家机构`,
    }),
  );
  return { opened: entries.length };
}

export async function listAssessments(deps: Deps, caller: Caller) {
  const jurisdiction = supervisionFilter(caller);
  let query = deps.db
    .selectFrom("assessments")
    .innerJoin("catalogEntries", "catalogEntries.id", "assessments.entryId")
    .selectAll("assessments")
    .select([
      "catalogEntries.institutionName",
      "catalogEntries.validUntil",
      "catalogEntries.occupation",
      "catalogEntries.kind",
    ]);
  if (jurisdiction.kind === "institution")
    query = query.where("catalogEntries.institutionId", "=", jurisdiction.institutionId ?? "");
  else if (jurisdiction.kind !== "all")
    query = query.where((eb) => regionCondition(eb, "catalogEntries.regionCode", jurisdiction));
  const rows = await query.orderBy("assessments.dueAt").execute();
  return rows.map((row) => ({
    ...row,
    overdue: row.status === "open" && Date.parse(row.dueAt) < deps.clock().getTime(),
  }));
}

/** The listed institution submits its assessment report. */
export async function submitAssessmentReport(deps: Deps, caller: Caller, id: string, report: string) {
  const actor = requireActorOf(caller);
  const row = await deps.db
    .selectFrom("assessments")
    .innerJoin("catalogEntries", "catalogEntries.id", "assessments.entryId")
    .select(["assessments.id", "assessments.status", "assessments.entryId", "catalogEntries.institutionId"])
    .where("assessments.id", "=", id)
    .executeTakeFirst();
  if (!row || row.institutionId !== actor.institutionId) throw notFound("考核评估");
  if (row.status !== "open") throw new AppError("TRANSITION_NOT_ALLOWED", "该考核评估已提交或已有结论");
  await runCommand(
    deps,
    caller,
    "assessment.report",
    (trx) =>
      trx
        .updateTable("assessments")
        .set({ status: "submitted", report, submittedAt: deps.clock().toISOString() })
        .where("id", "=", id)
        .where("status", "=", "open")
        .execute(),
    () => ({ targetType: "catalogEntry", targetId: row.entryId, summary: "提交考核评估报告" }),
  );
}

/**
 * 考核评估结论: pass renews the entry for the batch's validity years from its current end; fail
 * removes it and bars the institution from applying for the same kind for the ban years, to 00:00
 * Asia/Shanghai of the first day it may apply again (`reapplicationBarUntil`) — the application
 * options, the start of a draft and the eligibility engine read that bar.
 */
export async function decideAssessment(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { result: "pass" | "fail"; note: string },
) {
  requireActorOf(caller);
  const assessment = await deps.db
    .selectFrom("assessments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!assessment) throw notFound("考核评估");
  if (assessment.status !== "submitted" && assessment.status !== "open")
    throw new AppError("TRANSITION_NOT_ALLOWED", "该考核评估已有结论");
  const entry = await deps.db
    .selectFrom("catalogEntries")
    .selectAll()
    .where("id", "=", assessment.entryId)
    .executeTakeFirstOrThrow();
  assertSupervises(caller, entry.regionCode, "考核评估");
  if (entry.removed === 1)
    throw new AppError("TRANSITION_NOT_ALLOWED", "该机构已移出目录，考核评估不能再作结论");
  const batchRow = await findBatchRow(deps.db, entry.batchId);
  const batch = batchRow ? parseDefinition(batchRow) : null;
  const years = batch?.catalogValidityYears ?? 3;
  const banYears = batch?.reapplicationBanYears ?? 3;
  const now = deps.clock().toISOString();
  const by = caller.username ?? "";
  const barUntil = reapplicationBarUntil(now, banYears);
  await runCommand(
    deps,
    caller,
    `assessment.${input.result}`,
    async (trx) => {
      const decided = await trx
        .updateTable("assessments")
        .set({
          status: input.result === "pass" ? "passed" : "failed",
          resultNote: input.note,
          decidedAt: now,
          decidedBy: by,
        })
        .where("id", "=", id)
        .where("status", "=", assessment.status)
        .executeTakeFirst();
      if (Number(decided.numUpdatedRows) !== 1)
        throw new AppError("TRANSITION_NOT_ALLOWED", "该考核评估已被他人处理，请刷新");
      if (input.result === "pass") {
        await writeEntryVersion(
          trx,
          entry,
          { validUntil: validUntil(entry.validUntil, years) },
          "renewed",
          `考核评估通过，有效期延续${years}年：${input.note}`,
          now,
          by,
        );
        return;
      }
      const bar = { reason: barReasonText(`考核评估不通过：${input.note}`), until: barUntil };
      await trx
        .insertInto("institutionBars")
        .values({
          id: crypto.randomUUID(),
          institutionId: entry.institutionId,
          kind: entry.kind,
          reason: bar.reason,
          startsAt: now,
          until: bar.until,
          createdAt: now,
        })
        .execute();
      await writeEntryVersion(
        trx,
        entry,
        { removed: 1 },
        "removed",
        `移出目录；${describeBar(bar)}`,
        now,
        by,
      );
    },
    () => ({
      targetType: "catalogEntry",
      targetId: entry.id,
      summary: `考核评估${input.result === "pass" ? "通过" : "不通过"}：${input.note.slice(0, 200)}`,
    }),
  );
}
