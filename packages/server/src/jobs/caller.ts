import { type Actor, type Command, type Role, roleMayRun } from "@linxuan/domain";
import type { Caller, Deps } from "../http/deps";
import { PermanentJobError } from "./queue";

/** Who asked for a job, recorded in its payload when it was queued. */
export type JobRequester = { userId: string; ip: string | null };

export function requesterOf(caller: Caller): JobRequester {
  return { userId: caller.actor?.userId ?? "", ip: caller.ip };
}

/**
 * The caller a job acts as: its requester as they are *now*. A job queued before the account was
 * disabled or lost the right fails instead of acting on an authority that is gone, and the audit
 * log names the requester, as if they had waited for the result.
 */
export async function jobCaller(
  deps: Pick<Deps, "db">,
  requester: JobRequester,
  command: Command,
): Promise<Caller> {
  const user = await deps.db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", requester.userId)
    .executeTakeFirst();
  if (!user || user.status !== "active") throw new PermanentJobError("发起该任务的账号已停用，任务未执行");
  const actor: Actor = {
    userId: user.id,
    role: user.role as Role,
    regionCode: user.regionCode,
    industryScope: user.industryScope,
    institutionId: user.institutionId,
  };
  if (!roleMayRun(actor.role, command)) throw new PermanentJobError("发起该任务的账号已无此权限，任务未执行");
  return { actor, username: user.username, ip: requester.ip };
}
