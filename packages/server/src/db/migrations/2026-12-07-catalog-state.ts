import type { Kysely } from "kysely";

/**
 * The catalog's version stamp, one row shared by every instance: each catalog write bumps it in
 * its own transaction, so an instance that caches public catalog answers learns from one
 * primary-key read whether the catalog changed, whichever instance wrote.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("catalog_state")
    .addColumn("id", "integer", (col) => col.primaryKey())
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("changed_at", "text", (col) => col.notNull())
    .execute();
  await db
    .insertInto("catalog_state")
    .values({ id: 1, version: 1, changed_at: new Date().toISOString() })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("catalog_state").execute();
}
