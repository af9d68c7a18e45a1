import crypto from "node:crypto";
import { type ExpressionBuilder, sql } from "kysely";
import type { Db } from "../db/connection";
import type { Database, Row } from "../db/types";

export type JobRow = Row<"jobs">;

/** A file a job produced, kept in the file store; the job's result carries it under `file`. */
export type JobFile = { sha256: string; size: number; fileName: string; contentType: string };

/** Adds a job inside the caller's transaction, so it exists exactly when the change that wants it does. */
export async function enqueueJob(
  trx: Db,
  job: {
    type: string;
    payload: unknown;
    now: string;
    runAfter?: string;
    maxAttempts?: number;
    createdBy?: string | null;
    /** A fixed id makes the job a singleton: a second enqueue with the same id adds nothing. */
    id?: string;
  },
): Promise<string> {
  const id = job.id ?? crypto.randomUUID();
  await trx
    .insertInto("jobs")
    .values({
      id,
      type: job.type,
      payload: JSON.stringify(job.payload),
      status: "queued",
      attempts: 0,
      maxAttempts: job.maxAttempts ?? 5,
      runAfter: job.runAfter ?? job.now,
      lockedBy: null,
      lockedUntil: null,
      progress: 0,
      progressNote: null,
      result: null,
      lastError: null,
      createdAt: job.now,
      createdBy: job.createdBy ?? null,
      finishedAt: null,
    })
    .onConflict((conflict) => conflict.column("id").doNothing())
    .execute();
  return id;
}

/**
 * Claims one due job for `worker` with a lease: a queued job whose time has come, or a running
 * one whose lease expired (its worker crashed). The claim is one UPDATE that re-checks the state
 * in its WHERE, so when two instances pick the same row only one update succeeds — on PostgreSQL
 * the loser re-evaluates the WHERE after the winner commits; SQLite has a single writer.
 */
export async function claimJob(
  db: Db,
  worker: string,
  now: Date,
  leaseMs: number,
  types?: readonly string[],
): Promise<JobRow | null> {
  const nowIso = now.toISOString();
  const due = (eb: ExpressionBuilder<Database, "jobs">) =>
    eb.or([
      eb.and([eb("status", "=", "queued"), eb("runAfter", "<=", nowIso)]),
      eb.and([eb("status", "=", "running"), eb("lockedUntil", "<", nowIso)]),
    ]);
  let candidates = db.selectFrom("jobs").select("id").where(due).orderBy("runAfter").limit(5);
  if (types && types.length > 0) candidates = candidates.where("type", "in", [...types]);
  for (const candidate of await candidates.execute()) {
    const claimed = await db
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        lockedBy: worker,
        lockedUntil: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", candidate.id)
      .where(due)
      .returningAll()
      .executeTakeFirst();
    if (claimed) return claimed as JobRow;
  }
  return null;
}

/** Finishes a job the worker still holds; false when its lease was lost to another worker. */
export async function completeJob(
  db: Db,
  job: JobRow,
  worker: string,
  result: unknown,
  now: Date,
): Promise<boolean> {
  const done = await db
    .updateTable("jobs")
    .set({
      status: "done",
      progress: 1,
      progressNote: null,
      result: JSON.stringify(result ?? null),
      finishedAt: now.toISOString(),
      lockedUntil: null,
    })
    .where("id", "=", job.id)
    .where("lockedBy", "=", worker)
    .where("status", "=", "running")
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/**
 * A failure that retrying cannot mend (the file no longer validates, the requester lost the
 * right): the job fails at once with this message, which the requester reads.
 */
export class PermanentJobError extends Error {}

/** Records a failure: retried later with exponential backoff, or failed for good after its attempts. */
export async function failJob(db: Db, job: JobRow, worker: string, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const final = error instanceof PermanentJobError || Number(job.attempts) >= Number(job.maxAttempts);
  const delay = Math.min(3_600_000, 2 ** Number(job.attempts) * 5_000);
  await db
    .updateTable("jobs")
    .set({
      status: final ? "failed" : "queued",
      lastError: message.slice(0, 2000),
      runAfter: new Date(now.getTime() + delay).toISOString(),
      lockedBy: null,
      lockedUntil: null,
      finishedAt: final ? now.toISOString() : null,
    })
    .where("id", "=", job.id)
    .where("lockedBy", "=", worker)
    .execute();
}

/**
 * Hands a job the worker holds back to the queue at once, because its instance is stopping: due
 * now and unlocked, so another instance takes it without waiting out the lease, and the attempt
 * it was claimed with is not counted, since the job did not fail. False when the worker no
 * longer held it (finished, or its lease was lost to another worker).
 */
export async function releaseJob(db: Db, job: JobRow, worker: string, now: Date): Promise<boolean> {
  const released = await db
    .updateTable("jobs")
    .set((eb) => ({
      status: "queued",
      attempts: eb("attempts", "-", 1),
      runAfter: now.toISOString(),
      lockedBy: null,
      lockedUntil: null,
      progress: 0,
      progressNote: null,
    }))
    .where("id", "=", job.id)
    .where("lockedBy", "=", worker)
    .where("status", "=", "running")
    .executeTakeFirst();
  return Number(released.numUpdatedRows) === 1;
}

/**
 * Extends the lease of a job the worker still holds (its heartbeat while the job runs); false when
 * the lease was lost — another worker took the job — and the work should stop.
 */
export async function renewLease(
  db: Db,
  jobId: string,
  worker: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const renewed = await db
    .updateTable("jobs")
    .set({ lockedUntil: new Date(now.getTime() + leaseMs).toISOString() })
    .where("id", "=", jobId)
    .where("lockedBy", "=", worker)
    .where("status", "=", "running")
    .executeTakeFirst();
  return Number(renewed.numUpdatedRows) === 1;
}

export async function reportProgress(
  db: Db,
  jobId: string,
  worker: string,
  progress: number,
  note: string | null,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ progress: Math.max(0, Math.min(1, progress)), progressNote: note })
    .where("id", "=", jobId)
    .where("lockedBy", "=", worker)
    .execute();
}

export async function findJob(db: Db, id: string) {
  return db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** How many jobs wait or run, per type and state, and since when the oldest of them is due. */
export type JobQueueStat = {
  type: string;
  state: "queued" | "running";
  count: number;
  /** Of the queued: those whose time has come (`runAfter` ≤ now); the rest are scheduled later. */
  due: number;
  /** The earliest `runAfter` in the group. */
  oldestRunAfter: string;
};

/**
 * The queue as the metrics report it: one grouped query over the queued and running jobs (the
 * claim index `status, run_after` narrows it to them; finished jobs are never read).
 */
export async function jobQueueStats(db: Db, now: string): Promise<JobQueueStat[]> {
  const rows = await db
    .selectFrom("jobs")
    .select((eb) => [
      "type",
      "status",
      eb.fn.countAll().as("count"),
      sql<number | string>`sum(case when run_after <= ${now} then 1 else 0 end)`.as("due"),
      eb.fn.min("runAfter").as("oldestRunAfter"),
    ])
    .where("status", "in", ["queued", "running"])
    .groupBy(["type", "status"])
    .execute();
  return rows.map((row) => ({
    type: row.type,
    state: row.status === "running" ? "running" : "queued",
    count: Number(row.count),
    due: Number(row.due),
    oldestRunAfter: String(row.oldestRunAfter),
  }));
}

/** The administrator's monitor: the latest 200 jobs, filtered by status and type. */
export async function listJobsForMonitor(
  db: Db,
  filter: { status?: JobRow["status"]; type?: string },
): Promise<JobRow[]> {
  let query = db.selectFrom("jobs").selectAll();
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.type) query = query.where("type", "=", filter.type);
  return query.orderBy("createdAt", "desc").limit(200).execute();
}

/** How many jobs are in each status (of one type when given). */
export async function countJobsByStatus(db: Db, type?: string): Promise<Map<string, number>> {
  let query = db.selectFrom("jobs").select(["status", (eb) => eb.fn.countAll().as("n")]);
  if (type) query = query.where("type", "=", type);
  const rows = await query.groupBy("status").execute();
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

/** The latest 50 jobs one person started. */
export async function listJobsOf(db: Db, username: string): Promise<JobRow[]> {
  return db
    .selectFrom("jobs")
    .selectAll()
    .where("createdBy", "=", username)
    .orderBy("createdAt", "desc")
    .limit(50)
    .execute();
}

/** Puts a failed job back in the queue from scratch; false when it is no longer failed. */
export async function requeueFailedJob(db: Db, id: string, now: Date): Promise<boolean> {
  const requeued = await db
    .updateTable("jobs")
    .set({
      status: "queued",
      attempts: 0,
      runAfter: now.toISOString(),
      lockedBy: null,
      lockedUntil: null,
      finishedAt: null,
      progress: 0,
      progressNote: null,
    })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(requeued.numUpdatedRows) === 1;
}

/**
 * Whether a job's payload or result names this file (an uploaded sheet to import, a produced
 * export): a file store holds one copy of equal content, so whoever removes a file asks first.
 */
export async function jobsMentionFile(db: Db, sha256: string): Promise<boolean> {
  const pattern = `%${sha256}%`;
  const row = await db
    .selectFrom("jobs")
    .select("id")
    .where((eb) => eb.or([eb("payload", "like", pattern), eb("result", "like", pattern)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
