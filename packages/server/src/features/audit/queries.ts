import type { Db } from "../../db/connection";
import type { Row } from "../../db/types";
import type { ChainedFields } from "./chain";
import { hashEvent, storedFields } from "./chain";

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

export async function listAuditEvents(
  db: Db,
  filter: {
    page: number;
    pageSize: number;
    command?: string | undefined;
    actor?: string | undefined;
    requestId?: string | undefined;
  },
): Promise<{ items: Row<"auditEvents">[]; total: number }> {
  let query = db.selectFrom("auditEvents");
  if (filter.command) query = query.where("command", "=", filter.command);
  if (filter.actor) query = query.where("actorUsername", "=", filter.actor);
  if (filter.requestId) query = query.where("requestId", "=", filter.requestId);
  const [items, count] = await Promise.all([
    query
      .selectAll()
      .orderBy("seq", "desc")
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((item) => ({ ...item, seq: Number(item.seq) })), total: Number(count.n) };
}

export async function readAuditPage(db: Db, afterSeq: number, limit: number): Promise<Row<"auditEvents">[]> {
  const rows = await db
    .selectFrom("auditEvents")
    .selectAll()
    .where("seq", ">", afterSeq)
    .orderBy("seq", "asc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db
    .selectFrom("auditHead")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

export async function findAuditEvent(db: Db, seq: number): Promise<Row<"auditEvents"> | null> {
  const row = await db.selectFrom("auditEvents").selectAll().where("seq", "=", seq).executeTakeFirst();
  return row ? { ...row, seq: Number(row.seq) } : null;
}
