import { ensureDailyAuditCheck } from "../features/audit/daily-check";
import { ensureReminderSweep } from "../features/notifications/reminders";
import type { Deps } from "../http/deps";

/**
 * The recurring jobs, made sure of by every instance that starts its job runner: the hourly
 * reminder sweep and the daily audit check. Each has a fixed id per period and queues its own
 * successor, so however many instances start, one of each runs.
 */
export async function ensureRecurringJobs(deps: Pick<Deps, "db" | "clock">): Promise<void> {
  await ensureReminderSweep(deps);
  await ensureDailyAuditCheck(deps);
}
