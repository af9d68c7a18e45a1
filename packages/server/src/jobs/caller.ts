import { type Actor, type Command, roleMayRun } from "@linxuan/domain";
import { type AuditRecord, runCommand } from "../http/command";
import type { Caller, Deps } from "../http/deps";
import { enqueueJob, PermanentJobError } from "./queue";

/** Who asked for a job, recorded in its payload when it was queued. */
export type JobRequester = { userId: string; ip: string | null };

export function requesterOf(caller: Caller): JobRequester {
  return { userId: caller.actor?.userId ?? "", ip: caller.ip };
}

/** The request id a job's audit events carry: `job:<id>` (never a valid incoming `X-Request-Id`). */
export const jobRequestId = (jobId: string) => `job:${jobId}`;

/**
 * The caller a job acts as: its requester as they are *now*. A job queued before the account was
 * disabled or lost the right fails instead of acting on an authority that is gone, and the audit
 * log names the requester, as if they had waited for the result, with the job as the request.
 */
export async function jobCaller(
  deps: Pick<Deps, "db">,
  requester: JobRequester,
  command: Command,
  jobId: string,
): Promise<Caller> {
  const user = await deps.db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", requester.userId)
    .executeTakeFirst();
  if (user?.status !== "active") throw new PermanentJobError("发起该任务的账号已停用，任务未执行");
  const actor: Actor = {
    userId: user.id,
    role: user.role,
    regionCode: user.regionCode,
    industryScope: user.industryScope,
    institutionId: user.institutionId,
  };
  if (!roleMayRun(actor.role, command)) throw new PermanentJobError("发起该任务的账号已无此权限，任务未执行");
  return { actor, username: user.username, ip: requester.ip, requestId: jobRequestId(jobId) };
}

/**
 * Queues a job a person asked for, with its audit event in the same transaction: the requester
 * (who alone may follow it) and a description are stored in the payload. Returns the job id.
 */
export async function startRequestedJob(
  deps: Pick<Deps, "db" | "clock">,
  caller: Caller,
  job: {
    type: string;
    payload: Record<string, unknown>;
    description: string;
    audit: string;
    record: AuditRecord;
  },
): Promise<string> {
  return runCommand(
    deps,
    caller,
    job.audit,
    (trx) =>
      enqueueJob(trx, {
        type: job.type,
        payload: { ...job.payload, requester: requesterOf(caller), description: job.description },
        now: deps.clock().toISOString(),
        createdBy: caller.username,
        maxAttempts: 3,
      }),
    () => job.record,
  );
}
