import type { Kysely } from "kysely";

/**
 * The data key's fingerprint (never the key): one row, so that a process started with another
 * key — or with none, over a folder restored without its secret.key — stops instead of sealing
 * new personal data with a key that cannot open the old.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_key")
    .addColumn("id", "integer", (col) => col.primaryKey())
    .addColumn("fingerprint", "text", (col) => col.notNull())
    .addColumn("recorded_at", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("data_key").execute();
}
