import { PostgresAdapter, type QueryCreator, type RawBuilder, sql, type UpdateQueryBuilder } from "kysely";
import type { Db } from "../db/connection";
import type { Database } from "../db/types";
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
  const event = eventColumns({ ok: input, rejected: input }, sql<boolean>`true`);
  const inserted = await trx
    .with("head", (db) => bumpHead(db, event.tail))
    .insertInto("auditEvents")
    .columns(EVENT_COLUMNS)
    .expression((eb) => eb.selectFrom("head").select(event.select))
    .returning("seq")
    .executeTakeFirstOrThrow();
  return Number(inserted.seq);
}

/** An UPDATE that returns the id of the row it changed, or nothing when its conditions fail. */
export type ConditionalUpdate<T extends keyof Database> = (
  db: QueryCreator<Database>,
) => UpdateQueryBuilder<Database, T, T, { id: string }>;

/**
 * PostgreSQL only: a change that is one conditional UPDATE, the head bump and its audit event as a
 * single statement — atomic by itself, so no BEGIN and COMMIT round trips, and the head is locked
 * only while the statement runs. The event is `events.ok` when the UPDATE changed its row and
 * `events.rejected` when it did not (a revision conflict is audited too). Returns whether it changed.
 */
export async function appendWithUpdate<T extends keyof Database>(
  db: Db,
  change: ConditionalUpdate<T>,
  events: { ok: AuditInput; rejected: AuditInput },
): Promise<boolean> {
  const changed = sql<boolean>`exists (select 1 from change)`;
  const event = eventColumns(events, changed);
  const inserted = await db
    .with("change", (qc) => change(qc))
    .with("head", (qc) => bumpHead(qc, event.tail))
    .insertInto("auditEvents")
    .columns(EVENT_COLUMNS)
    .expression((eb) => eb.selectFrom("head").select(event.select))
    .returning(changed.as("changed"))
    .executeTakeFirstOrThrow();
  return inserted.changed === true;
}

const EVENT_COLUMNS = [
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
] as const;

/**
 * Bumps the head under its row lock and hashes the event there (`hashEvent`'s text: the previous
 * hash, "\n[", the new seq, ",", then `tail`), keeping the replaced hash for the event's prevHash.
 */
function bumpHead(db: QueryCreator<Database>, tail: RawBuilder<string>) {
  return db
    .updateTable("auditHead")
    .set((eb) => ({
      seq: eb("seq", "+", 1),
      prevHash: eb.ref("hash"),
      hash: sql<string>`encode(sha256(convert_to(hash || chr(10) || '[' || (seq + 1)::text || ',' || ${tail}, 'UTF8')), 'hex')`,
    }))
    .where("id", "=", 1)
    .returning(["seq", "hash", "prevHash"]);
}

/**
 * The event's stored values as SQL, each the `ok` or the `rejected` event's by `changed` where
 * the two differ, and the JSON tail to hash chosen the same way.
 */
function eventColumns(events: { ok: AuditInput; rejected: AuditInput }, changed: RawBuilder<boolean>) {
  // seq 0 is a placeholder: the tail leaves the seq out, and the row takes the head's.
  const ok = storedFields({ ...events.ok, seq: 0 });
  const rejected = storedFields({ ...events.rejected, seq: 0 });
  const pick = (a: string | null, b: string | null) =>
    a === b
      ? sql<string | null>`${a}::text`
      : sql<string | null>`case when ${changed} then ${a}::text else ${b}::text end`;
  const text = (key: keyof AuditInput) => pick(ok[key], rejected[key]);
  return {
    tail: pick(hashedTail(ok), hashedTail(rejected)) as RawBuilder<string>,
    select: [
      "head.seq",
      text("at").as("at"),
      text("actorUserId").as("actorUserId"),
      text("actorUsername").as("actorUsername"),
      text("actorRole").as("actorRole"),
      text("command").as("command"),
      text("targetType").as("targetType"),
      text("targetId").as("targetId"),
      text("ip").as("ip"),
      text("summary").as("summary"),
      text("detail").as("detail"),
      text("requestId").as("requestId"),
      sql<string>`head.prev_hash`.as("prevHash"),
      "head.hash",
    ] as const,
  };
}
