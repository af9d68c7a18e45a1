import type { AuditVerification } from "@linxuan/domain";
import { SHANGHAI_OFFSET_MS, shanghaiDateTime } from "@linxuan/domain";
import { runCommand } from "../../http/command";
import { type Deps, systemCaller } from "../../http/deps";
import { jobRequestId } from "../../jobs/caller";
import { enqueueJob } from "../../jobs/queue";
import type { JobHandler } from "../../jobs/runner";
import { claimReminder } from "../notifications/reminders";
import { activeUserIdsOfRole, notify } from "../notifications/service";
import { verificationSummary } from "./service";
import { verificationLines, verifyAuditChain } from "./verify";

/**
 * The audit chain is verified every day without anyone asking: a broken chain is told to every
 * active administrator; a chain that holds is only recorded in the job's result.
 */
export const AUDIT_CHECK_JOB = "audit.dailyCheck";
const DAY = 86_400_000;
/** The daily run starts at 03:00 in Asia/Shanghai (19:00 UTC), when the platform is quiet. */
const SLOT_START_UTC_MS = DAY + 3 * 3_600_000 - SHANGHAI_OFFSET_MS;

/** The start of the daily slot containing `instant`. */
function slotStart(instant: Date): number {
  return Math.floor((instant.getTime() - SLOT_START_UTC_MS) / DAY) * DAY + SLOT_START_UTC_MS;
}

/** The id of the check for the day containing `instant`: one per day, whoever enqueues it. */
export function dailyCheckJobId(instant: Date): string {
  return `${AUDIT_CHECK_JOB}@${new Date(slotStart(instant)).toISOString()}`;
}

/**
 * Makes sure today's check is queued (called when an instance starts its job runner): an
 * instance started in the afternoon checks at once, then at 03:00 from the next day on.
 */
export async function ensureDailyAuditCheck(deps: Pick<Deps, "db" | "clock">): Promise<void> {
  const now = deps.clock();
  await enqueueJob(deps.db, {
    id: dailyCheckJobId(now),
    type: AUDIT_CHECK_JOB,
    payload: {},
    now: now.toISOString(),
    maxAttempts: 3,
  });
}

export type DailyCheckResult = {
  ok: boolean;
  checked: number;
  headSeq: number;
  problems: number;
  /** The problems in Chinese (the first ones), for the job monitor. */
  lines: string[];
  /** Administrators told of a broken chain. */
  notified: number;
};

/**
 * The daily check: queues tomorrow's first, so the chain of checks survives a failing run; then
 * verifies the whole chain, and on a broken one notifies the administrators — once per day's
 * check, even when a retry runs it again.
 */
export const runDailyAuditCheck: JobHandler = async ({ deps, job }) => {
  const now = deps.clock();
  const next = new Date(slotStart(now) + DAY);
  await enqueueJob(deps.db, {
    id: dailyCheckJobId(next),
    type: AUDIT_CHECK_JOB,
    payload: {},
    now: now.toISOString(),
    runAfter: next.toISOString(),
    maxAttempts: 3,
  });
  const result = await verifyAuditChain(deps.db);
  const outcome: DailyCheckResult = {
    ok: result.ok,
    checked: result.checked,
    headSeq: result.headSeq,
    problems: result.problems.length + result.omitted,
    lines: verificationLines(result).slice(0, 20),
    notified: 0,
  };
  if (!result.ok) outcome.notified = await alertAdministrators(deps, job.id, result);
  return outcome;
};

async function alertAdministrators(deps: Deps, jobId: string, result: AuditVerification): Promise<number> {
  const count = result.problems.length + result.omitted;
  const first = result.problems[0]?.message ?? "";
  return runCommand(
    deps,
    { ...systemCaller, requestId: jobRequestId(jobId) },
    "audit.dailyCheck",
    async (trx) => {
      if (!(await claimReminder(trx, `auditChainBroken:${jobId}`, deps.clock().toISOString()))) return 0;
      const admins = await activeUserIdsOfRole(trx, "admin");
      await notify(trx, deps, {
        userIds: admins,
        event: "auditChainBroken",
        detail: `每日自动校验（${shanghaiDateTime(deps.clock().toISOString())}）发现审计链有 ${count} 处问题。第一处：${first}。请在审计日志页面校验并查看完整列表，保全数据库备份并报告安全负责人。`,
        link: "/workbench/audit",
      });
      return admins.length;
    },
    () => ({
      targetType: "audit",
      targetId: null,
      summary: `每日自动校验：${verificationSummary(result)}`,
      detail: {
        checked: result.checked,
        headSeq: result.headSeq,
        problems: count,
        firstBadSeq: result.firstBadSeq,
      },
    }),
  );
}
