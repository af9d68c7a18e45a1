import type { Kysely } from "kysely";

/**
 * Request counters of the rate limits (login, registration, public forms), in the database so that
 * every instance counts against the same window: N instances allow the configured limit, not N
 * times it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit_counters")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("window_started_ms", "bigint", (col) => col.notNull())
    .addColumn("count", "integer", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit_counters").execute();
}
