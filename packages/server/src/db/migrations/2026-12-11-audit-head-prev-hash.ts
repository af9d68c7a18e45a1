import type { Kysely } from "kysely";

/**
 * The audit head keeps the hash before its current one. On PostgreSQL one statement bumps the head
 * and inserts the event (audit-log/append.ts); an UPDATE's RETURNING shows only new values, so
 * the head copies the hash it replaces into `prev_hash` for the event's `prev_hash` to take.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_head").addColumn("prev_hash", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_head").dropColumn("prev_hash").execute();
}
