import { appendAuditEvent } from "../audit-log/append";
import type { Db } from "../db/connection";
import type { Caller, Deps } from "./deps";

export type AuditRecord = {
  targetType: string | null;
  targetId: string | null;
  summary: string;
  detail?: Record<string, unknown> | null;
};

/**
 * The single pipeline for every state change: runs the change and appends its audit event in
 * one transaction, so a change without its audit record (or the reverse) can never be stored.
 * Permission is checked before (route policy) and inside `change` (jurisdiction).
 */
export async function runCommand<T>(
  deps: Pick<Deps, "db" | "clock">,
  caller: Caller,
  command: string,
  change: (trx: Db) => Promise<T>,
  describe: (result: T) => AuditRecord,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await change(trx);
    const record = describe(result);
    await appendAuditEvent(trx, {
      at: deps.clock().toISOString(),
      actorUserId: caller.actor?.userId ?? null,
      actorUsername: caller.username,
      actorRole: caller.actor?.role ?? null,
      command,
      targetType: record.targetType,
      targetId: record.targetId,
      ip: caller.ip,
      summary: record.summary,
      detail: record.detail ? JSON.stringify(record.detail) : null,
      requestId: caller.requestId,
    });
    return result;
  });
}

/** Records an event that changes nothing else (a login, an export, a reveal). */
export async function recordEvent(
  deps: Pick<Deps, "db" | "clock">,
  caller: Caller,
  command: string,
  record: AuditRecord,
) {
  await runCommand(
    deps,
    caller,
    command,
    async () => null,
    () => record,
  );
}
