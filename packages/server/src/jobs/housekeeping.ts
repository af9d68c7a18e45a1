import { expertImportResultJson, readJson } from "../db/json";
import { pruneLoginThrottles } from "../features/auth/throttle";
import { pruneCaptchas } from "../features/captcha/service";
import type { Deps } from "../http/deps";
import { deleteStaleCounters } from "../limits/queries";

/** Finished e-mail and sweep jobs are kept this long for inspection, then deleted. */
export const ROUTINE_JOBS_KEPT_DAYS = 30;
/** Initial passwords in an import's result stay readable this long (they must be changed at first login anyway). */
export const SECRETS_KEPT_DAYS = 7;

const DAY = 86_400_000;

/**
 * Keeps the jobs table from growing for ever and secrets from lingering: routine jobs finished
 * long ago are deleted, and the initial passwords in old expert imports are erased (the list of
 * accounts stays). Jobs a person started stay, so they can still see what they did.
 */
export async function cleanUpJobs(
  deps: Pick<Deps, "db" | "clock">,
): Promise<{ deleted: number; erased: number }> {
  const now = deps.clock().getTime();
  const deleted = await deps.db
    .deleteFrom("jobs")
    .where("type", "in", ["notification.email", "reminders.sweep"])
    .where("status", "in", ["done", "failed"])
    .where("finishedAt", "<", new Date(now - ROUTINE_JOBS_KEPT_DAYS * DAY).toISOString())
    .executeTakeFirst();
  const old = await deps.db
    .selectFrom("jobs")
    .select(["id", "result"])
    .where("type", "=", "experts.import")
    .where("status", "=", "done")
    .where("finishedAt", "<", new Date(now - SECRETS_KEPT_DAYS * DAY).toISOString())
    .where("result", "like", "%initialPasswordEnc%")
    .execute();
  for (const job of old) {
    if (job.result === null) continue;
    const result = readJson("jobs.result", expertImportResultJson, job.result);
    for (const row of result.imported) delete row.initialPasswordEnc;
    await deps.db
      .updateTable("jobs")
      .set({ result: JSON.stringify({ ...result, passwordsErased: true }) })
      .where("id", "=", job.id)
      .execute();
  }
  // Rate-limit windows are minutes long; a day-old counter is dead.
  await deleteStaleCounters(deps.db, now - DAY);
  return { deleted: Number(deleted.numDeletedRows), erased: old.length };
}

/**
 * Sign-in records nobody needs any more: captchas past their five minutes, and login counters a
 * day quiet that hold no lock or wait (an account lock stays until the administrator lifts it).
 */
export async function cleanUpSignInRecords(
  deps: Pick<Deps, "db" | "clock">,
): Promise<{ captchas: number; loginThrottles: number }> {
  return { captchas: await pruneCaptchas(deps), loginThrottles: await pruneLoginThrottles(deps) };
}
