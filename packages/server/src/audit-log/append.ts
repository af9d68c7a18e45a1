import { PostgresAdapter, sql } from "kysely";
import type { Db } from "../db/connection";
import { type ChainedFields, hashEvent, hashedTail, storedFields } from "./chain";

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
  if (trx.getExecutor().adapter instanceof PostgresAdapter) return appendInOneStatement(trx, input);
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
  await trx.updateTable("auditHead").set({ hash, prevHash: head.hash }).where("id", "=", 1).execute();
  return seq;
}

/**
 * PostgreSQL: the head row stays locked until the caller commits, so every round trip after the
 * bump holds up every other writer of the chain (every command of every instance). One statement
 * bumps the head, hashes the event there with the seq and previous hash it finds under the lock
 * (`hashEvent`'s text: previous hash, "\n[", seq, ",", then the rest as JSON, which is computed
 * here) and inserts it; the lock is then held only until the caller's COMMIT. SQLite writes
 * synchronously, with no round trips to save, and keeps the three plain statements.
 */
async function appendInOneStatement(trx: Db, input: AuditInput): Promise<number> {
  // seq 0 is a placeholder: the tail leaves the seq out, and the row takes the head's.
  const fields = storedFields({ ...input, seq: 0 });
  const tail = hashedTail(fields);
  const { seq: _placeholder, ...values } = fields;
  const inserted = await trx
    .with("head", (db) =>
      db
        .updateTable("auditHead")
        .set((eb) => ({
          seq: eb("seq", "+", 1),
          prevHash: eb.ref("hash"),
          hash: sql<string>`encode(sha256(convert_to(hash || chr(10) || '[' || (seq + 1)::text || ',' || ${tail}::text, 'UTF8')), 'hex')`,
        }))
        .where("id", "=", 1)
        .returning(["seq", "hash", "prevHash"]),
    )
    .insertInto("auditEvents")
    .columns([
      "seq",
      "at",
      "actorUserId",
      "actorUsername",
      "actorRole",
      "command",
      "targetType",
      "targetId",
      "ip",
      "summary",
      "detail",
      "requestId",
      "prevHash",
      "hash",
    ])
    .expression((eb) =>
      eb
        .selectFrom("head")
        .select([
          "head.seq",
          sql<string>`${values.at}::text`.as("at"),
          sql<string | null>`${values.actorUserId}::text`.as("actorUserId"),
          sql<string | null>`${values.actorUsername}::text`.as("actorUsername"),
          sql<string | null>`${values.actorRole}::text`.as("actorRole"),
          sql<string>`${values.command}::text`.as("command"),
          sql<string | null>`${values.targetType}::text`.as("targetType"),
          sql<string | null>`${values.targetId}::text`.as("targetId"),
          sql<string | null>`${values.ip}::text`.as("ip"),
          sql<string>`${values.summary}::text`.as("summary"),
          sql<string | null>`${values.detail}::text`.as("detail"),
          sql<string | null>`${values.requestId}::text`.as("requestId"),
          sql<string>`head.prev_hash`.as("prevHash"),
          "head.hash",
        ]),
    )
    .returning("seq")
    .executeTakeFirstOrThrow();
  return Number(inserted.seq);
}
