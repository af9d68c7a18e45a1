import { EXPIRING_WITHIN_DAYS, occupationName, shanghaiDate } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { Deps } from "../../http/deps";
import { cleanUpJobs, cleanUpSignInRecords } from "../../jobs/housekeeping";
import { enqueueJob } from "../../jobs/queue";
import type { JobHandler } from "../../jobs/runner";
import { findBatchRow, parseDefinition } from "../batches/service";
import { institutionUserIds, notify } from "./service";

/**
 * Reminders nobody has to remember to send: review due, catalog validity expiring, assessment
 * due. An hourly job sweeps for them; each reminder has a key written in the same transaction as
 * its notification, so a sweep run twice (a retry after a crash, two instances) tells nobody twice.
 */
export const REMINDER_SWEEP_JOB = "reminders.sweep";
const SWEEP_EVERY_MS = 3_600_000;
/** Experts are reminded when their round's deadline is this close and scores are still missing. */
export const REVIEW_DUE_WITHIN_DAYS = 3;
/** Institutions are reminded of an open assessment this long before its due date. */
export const ASSESSMENT_DUE_WITHIN_DAYS = 7;
/** Institutions hear of the end of their validity at these distances (days), each once. */
export const EXPIRING_STEPS = [EXPIRING_WITHIN_DAYS, 30] as const;

const DAY = 86_400_000;

/** The id of the sweep for the hour containing `instant`: one per hour, whoever enqueues it. */
export function sweepJobId(instant: Date): string {
  const hour = new Date(Math.floor(instant.getTime() / SWEEP_EVERY_MS) * SWEEP_EVERY_MS);
  return `${REMINDER_SWEEP_JOB}@${hour.toISOString()}`;
}

/** Makes sure a sweep is queued for this hour (called when an instance starts its job runner). */
export async function ensureReminderSweep(deps: Pick<Deps, "db" | "clock">): Promise<void> {
  const now = deps.clock();
  await enqueueJob(deps.db, {
    id: sweepJobId(now),
    type: REMINDER_SWEEP_JOB,
    payload: {},
    now: now.toISOString(),
    maxAttempts: 3,
  });
}

/** True the first time a key is claimed; false when the reminder was already sent. */
export async function claimReminder(trx: Db, key: string, now: string): Promise<boolean> {
  const inserted = await trx
    .insertInto("reminderKeys")
    .values({ key, createdAt: now })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

async function remindOnce(deps: Deps, key: string, send: (trx: Db) => Promise<void>): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await claimReminder(trx, key, deps.clock().toISOString()))) return false;
    await send(trx);
    return true;
  });
}

export type SweepResult = { reviewDue: number; expiring: number; assessmentDue: number };

/** One pass over everything that may be due; returns how many reminders it sent. */
export async function sweepReminders(deps: Deps): Promise<SweepResult> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  const result: SweepResult = { reviewDue: 0, expiring: 0, assessmentDue: 0 };

  // 评议即将截止: per expert and round, scores not yet submitted.
  const rounds = await deps.db
    .selectFrom("reviewRounds")
    .select(["batchId", "dueAt"])
    .where("dueAt", "is not", null)
    .where("dueAt", ">", nowIso)
    .where("dueAt", "<=", new Date(now.getTime() + REVIEW_DUE_WITHIN_DAYS * DAY).toISOString())
    .execute();
  for (const round of rounds) {
    const batchRow = await findBatchRow(deps.db, round.batchId);
    if (!batchRow) continue;
    const batch = parseDefinition(batchRow);
    const pending = await deps.db
      .selectFrom("reviewAssignments")
      .innerJoin("experts", "experts.id", "reviewAssignments.expertId")
      .leftJoin("scoreSheets", "scoreSheets.assignmentId", "reviewAssignments.id")
      .select(["experts.id as expertId", "experts.userId"])
      .where("reviewAssignments.batchId", "=", round.batchId)
      .where("reviewAssignments.removedAt", "is", null)
      .where((eb) =>
        eb.or([eb("scoreSheets.status", "is", null), eb("scoreSheets.status", "!=", "submitted")]),
      )
      .execute();
    const perExpert = new Map<string, { userId: string; count: number }>();
    for (const row of pending) {
      const current = perExpert.get(row.expertId) ?? { userId: row.userId, count: 0 };
      current.count += 1;
      perExpert.set(row.expertId, current);
    }
    for (const [expertId, { userId, count }] of perExpert) {
      const sent = await remindOnce(deps, `reviewDue:${round.batchId}:${expertId}:${round.dueAt}`, (trx) =>
        notify(trx, deps, {
          userIds: [userId],
          event: "reviewDue",
          detail: `${batch.shortTitle}的专家评议将于${shanghaiDate(new Date(round.dueAt ?? nowIso))}截止，您还有${count}份评分未提交。`,
          link: "/workbench/expert-review",
        }),
      );
      if (sent) result.reviewDue += 1;
    }
  }

  // 目录有效期即将届满: at 90 and at 30 days, each once per validity.
  const entries = await deps.db
    .selectFrom("catalogEntries")
    .select(["id", "institutionId", "institutionName", "occupation", "validUntil"])
    .where("removed", "=", 0)
    .where("validUntil", ">", nowIso)
    .where("validUntil", "<=", new Date(now.getTime() + EXPIRING_STEPS[0] * DAY).toISOString())
    .execute();
  for (const entry of entries) {
    const left = Date.parse(entry.validUntil) - now.getTime();
    const step = [...EXPIRING_STEPS].reverse().find((days) => left <= days * DAY) ?? EXPIRING_STEPS[0];
    const sent = await remindOnce(deps, `expiring:${step}:${entry.id}:${entry.validUntil}`, async (trx) =>
      notify(trx, deps, {
        userIds: await institutionUserIds(trx, entry.institutionId),
        event: "expiring",
        detail: `${entry.institutionName}（${occupationName(entry.occupation)}）的目录有效期将于${shanghaiDate(new Date(entry.validUntil))}届满，请关注考核评估安排。`,
        link: `/catalog/${entry.id}`,
      }),
    );
    if (sent) result.expiring += 1;
  }

  // 考核评估待提交: open assessments close to their due date.
  const assessments = await deps.db
    .selectFrom("assessments")
    .innerJoin("catalogEntries", "catalogEntries.id", "assessments.entryId")
    .select([
      "assessments.id",
      "assessments.cycleName",
      "assessments.dueAt",
      "catalogEntries.institutionId",
      "catalogEntries.institutionName",
    ])
    .where("assessments.status", "=", "open")
    .where("assessments.dueAt", ">", nowIso)
    .where(
      "assessments.dueAt",
      "<=",
      new Date(now.getTime() + ASSESSMENT_DUE_WITHIN_DAYS * DAY).toISOString(),
    )
    .execute();
  for (const assessment of assessments) {
    const sent = await remindOnce(deps, `assessmentDue:${assessment.id}:${assessment.dueAt}`, async (trx) =>
      notify(trx, deps, {
        userIds: await institutionUserIds(trx, assessment.institutionId),
        event: "assessmentDue",
        detail: `${assessment.institutionName}的考核评估报告（${assessment.cycleName}）将于${shanghaiDate(new Date(assessment.dueAt))}截止提交，尚未提交。`,
        link: "/workbench/assessments",
      }),
    );
    if (sent) result.assessmentDue += 1;
  }
  return result;
}

/**
 * The hourly sweep: queues the next hour's sweep first, so the chain survives a failing pass; then
 * reminders, then housekeeping of the jobs table and the sign-in records.
 */
export const runReminderSweep: JobHandler = async ({ deps }) => {
  const now = deps.clock();
  await enqueueJob(deps.db, {
    id: sweepJobId(new Date(now.getTime() + SWEEP_EVERY_MS)),
    type: REMINDER_SWEEP_JOB,
    payload: {},
    now: now.toISOString(),
    runAfter: new Date(Math.floor(now.getTime() / SWEEP_EVERY_MS + 1) * SWEEP_EVERY_MS).toISOString(),
    maxAttempts: 3,
  });
  const reminders = await sweepReminders(deps);
  return {
    ...reminders,
    housekeeping: { ...(await cleanUpJobs(deps)), ...(await cleanUpSignInRecords(deps)) },
  };
};
