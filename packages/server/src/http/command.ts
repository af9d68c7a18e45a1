import { PostgresAdapter } from "kysely";
import {
  type AuditInput,
  appendAuditEvent,
  appendWithUpdate,
  type ConditionalUpdate,
} from "../audit-log/append";
import type { Db } from "../db/connection";
import type { Database } from "../db/types";
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
    await appendAuditEvent(trx, auditInput(caller, command, deps.clock().toISOString(), describe(result)));
    return result;
  });
}

/**
 * `runCommand` for a change that is one conditional UPDATE (an optimistic save): true when it
 * changed its row. Its event is `describe(true)` or, when the conditions failed, `describe(false)`
 * — both written in the same transaction as before. On PostgreSQL the UPDATE, the audit head and
 * the event go as one statement (see `appendWithUpdate`): an autosave costs no BEGIN/COMMIT round
 * trips and holds the chain's lock only while that statement runs.
 */
export async function runUpdateCommand<T extends keyof Database>(
  deps: Pick<Deps, "db" | "clock">,
  caller: Caller,
  command: string,
  change: ConditionalUpdate<T>,
  describe: (changed: boolean) => AuditRecord,
): Promise<boolean> {
  if (deps.db.getExecutor().adapter instanceof PostgresAdapter) {
    const at = deps.clock().toISOString();
    const event = (changed: boolean) => auditInput(caller, command, at, describe(changed));
    return appendWithUpdate(deps.db, change, { ok: event(true), rejected: event(false) });
  }
  return runCommand(
    deps,
    caller,
    command,
    async (trx) => (await change(trx).executeTakeFirst()) !== undefined,
    describe,
  );
}

function auditInput(caller: Caller, command: string, at: string, record: AuditRecord): AuditInput {
  return {
    at,
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
  };
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
