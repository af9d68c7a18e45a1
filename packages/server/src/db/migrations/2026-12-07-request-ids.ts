import type { Kysely } from "kysely";

/**
 * The request id of each audit event (the `X-Request-Id` the server answered with), so an event
 * can be matched with the log lines of the request that wrote it. Null for events written before
 * this column and for events without a request (CLI); jobs write `job:<id>`. The chain hashes it
 * only when present, so events without one hash exactly as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_events").addColumn("request_id", "text").execute();
  await db.schema
    .createIndex("audit_events_request_id_idx")
    .on("audit_events")
    .column("request_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_events_request_id_idx").execute();
  await db.schema.alterTable("audit_events").dropColumn("request_id").execute();
}
