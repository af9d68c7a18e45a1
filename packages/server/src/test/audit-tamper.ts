import crypto from "node:crypto";
import { shanghaiDateTime } from "@linxuan/domain";
import { sql } from "kysely";
import { type ChainedFields, GENESIS_HASH, hashEvent, storedFields } from "../audit-log/chain";
import type { Db } from "../db/connection";
import { findAuditEvent, readAuditPage } from "../features/audit/queries";

/** What someone with write access to the database might do to the audit table, by hand. */
export const tamper = {
  editSummary: (db: Db, seq: number, summary: string) =>
    sql`update audit_events set summary = ${summary} where seq = ${seq}`.execute(db),
  editHash: (db: Db, seq: number) =>
    sql`update audit_events set hash = ${"f".repeat(64)} where seq = ${seq}`.execute(db),
  remove: (db: Db, seq: number) => sql`delete from audit_events where seq = ${seq}`.execute(db),
  setHeadSeq: (db: Db, seq: number) => sql`update audit_head set seq = ${seq} where id = 1`.execute(db),
  editRequestId: (db: Db, seq: number, requestId: string | null) =>
    sql`update audit_events set request_id = ${requestId} where seq = ${seq}`.execute(db),

  /**
   * Rewrites the whole table consistently, as an attacker who knows the scheme would: every
   * event's content changed by `change`, every hash and link recomputed, the head moved along.
   * The rewritten chain verifies on its own; only an exported head can tell.
   */
  async rewriteChain(db: Db, change: (summary: string) => string): Promise<void> {
    let prevHash = GENESIS_HASH;
    let last = 0;
    for (;;) {
      const rows = await readAuditPage(db, last, 500);
      if (rows.length === 0) break;
      for (const row of rows) {
        const fields = storedFields({ ...row, summary: change(row.summary) });
        const hash = hashEvent(prevHash, fields);
        await sql`update audit_events set summary = ${fields.summary}, prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`.execute(
          db,
        );
        prevHash = hash;
        last = row.seq;
      }
    }
    await sql`update audit_head set seq = ${last}, hash = ${prevHash} where id = 1`.execute(db);
  },
};

/** How verification names a stored event: `第 12 条（2026-12-07 10:30:00，auth.login）`. */
export async function namedEvent(db: Db, seq: number): Promise<string> {
  const row = await findAuditEvent(db, seq);
  if (!row) throw new Error(`no audit event ${seq}`);
  return `第 ${seq} 条（${shanghaiDateTime(row.at)}，${row.command}）`;
}

/** The hash function as it was before `storableText` (commit 268dc09), kept to prove compatibility. */
export function legacyHashEvent(prevHash: string, event: Omit<ChainedFields, "requestId">): string {
  const fields = [
    event.seq,
    event.at,
    event.actorUserId,
    event.actorUsername,
    event.actorRole,
    event.command,
    event.targetType,
    event.targetId,
    event.ip,
    event.summary,
    event.detail,
  ];
  return crypto
    .createHash("sha256")
    .update(`${prevHash}\n${JSON.stringify(fields)}`)
    .digest("hex");
}

/**
 * Writes events as the old code did: hashed over the text as given, then stored (where a lone
 * surrogate became U+FFFD). Appends after the current head and moves the head.
 */
export async function appendLegacyEvents(
  db: Db,
  events: Omit<ChainedFields, "seq" | "requestId">[],
): Promise<number[]> {
  const head = await db
    .selectFrom("auditHead")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  let prevHash = head.hash;
  let seq = Number(head.seq);
  const written: number[] = [];
  for (const event of events) {
    seq += 1;
    const fields = { ...event, seq };
    const hash = legacyHashEvent(prevHash, fields);
    await db
      .insertInto("auditEvents")
      .values({ ...fields, prevHash, hash })
      .execute();
    prevHash = hash;
    written.push(seq);
  }
  await db.updateTable("auditHead").set({ seq, hash: prevHash }).where("id", "=", 1).execute();
  return written;
}
