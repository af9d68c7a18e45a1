import type { Kysely } from "kysely";

/**
 * 名额设定: where a notice gives no number (北京、上海、粤港澳大湾区“可适当扩大规模”; a province's
 * own decision) the office enters the number with its basis, per batch × kind × quota area (a
 * recommender's region, or a part of it such as 440000:粤港澳大湾区). One row per area; edits
 * overwrite it and the audit log keeps the history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quota_settings")
    .addColumn("batch_id", "text", (col) => col.notNull().references("batches.id"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("area_key", "text", (col) => col.notNull())
    .addColumn("quota_limit", "integer", (col) => col.notNull())
    .addColumn("basis", "text", (col) => col.notNull())
    .addColumn("set_at", "text", (col) => col.notNull())
    .addColumn("set_by", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("quota_settings_pk", ["batch_id", "kind", "area_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("quota_settings").execute();
}
