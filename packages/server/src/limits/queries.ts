import { sql } from "kysely";
import type { Db } from "../db/connection";

/**
 * Counts one request against `key` in a fixed window, atomically on SQLite and PostgreSQL (one
 * INSERT … ON CONFLICT … RETURNING): a window that has ended starts again at 1. Returns the count
 * and when the window started.
 */
export async function countRequest(db: Db, key: string, nowMs: number, windowMs: number) {
  const expired = sql<boolean>`rate_limit_counters.window_started_ms + ${windowMs} <= ${nowMs}`;
  const row = await db
    .insertInto("rateLimitCounters")
    .values({ key, windowStartedMs: nowMs, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`case when ${expired} then 1 else rate_limit_counters.count + 1 end`,
        windowStartedMs: sql`case when ${expired} then ${nowMs} else rate_limit_counters.window_started_ms end`,
      }),
    )
    .returning(["count", "windowStartedMs"])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStartedMs: Number(row.windowStartedMs) };
}

/** Deletes counters whose window ended before `beforeMs` (housekeeping). */
export async function deleteStaleCounters(db: Db, beforeMs: number): Promise<number> {
  const result = await db
    .deleteFrom("rateLimitCounters")
    .where("windowStartedMs", "<", beforeMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
