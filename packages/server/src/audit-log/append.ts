import type { Db } from "../db/connection";
import { type ChainedFields, hashEvent, storedFields } from "./chain";

/*
 * The one writer of the audit chain (auditEvents and auditHead). It lives outside the features
 * because the command pipeline (http/command.ts) calls it for every state change; the audit
 * feature reads and verifies what it wrote.
 */

export type AuditInput = Omit<ChainedFields, "seq">;

/**
 * Appends one event to the chain inside the caller's transaction. Bumping the head row first
 * takes the lock that orders concurrent writers, on SQLite and PostgreSQL alike. The event is
 * made storable first (`storedFields`) and hashed as stored, whatever text the caller passed.
 */
export async function appendAuditEvent(trx: Db, input: AuditInput): Promise<number> {
  const head = await trx
    .updateTable("auditHead")
    .set((eb) => ({ seq: eb("seq", "+", 1) }))
    .where("id", "=", 1)
    .returning(["seq", "hash"])
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  const fields = storedFields({ ...input, seq });
  const hash = hashEvent(head.hash, fields);
  await trx
    .insertInto("auditEvents")
    .values({ ...fields, prevHash: head.hash, hash })
    .execute();
  await trx.updateTable("auditHead").set({ hash }).where("id", "=", 1).execute();
  return seq;
}
