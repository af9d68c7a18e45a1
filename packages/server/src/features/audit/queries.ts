import { storedAuditEventNames } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { Row } from "../../db/types";

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
  if (filter.command) query = query.where("command", "in", storedAuditEventNames(filter.command));
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
