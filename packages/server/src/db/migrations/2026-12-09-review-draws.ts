import type { Kysely } from "kysely";

/**
 * 随机抽取: each saved draw with the seed it was drawn from, so that it can be drawn again and
 * checked; and, on a decision, the office's reason for deciding an application that has fewer
 * experts than the round requires (null when it had enough).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("review_draws")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("seed", "bigint", (col) => col.notNull())
    .addColumn("per_application", "integer", (col) => col.notNull())
    .addColumn("result", "text", (col) => col.notNull())
    .addColumn("drawn_at", "text", (col) => col.notNull())
    .addColumn("drawn_by", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("review_draws_batch_idx").on("review_draws").column("batch_id").execute();
  await db.schema.alterTable("decisions").addColumn("shortfall_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("decisions").dropColumn("shortfall_reason").execute();
  await db.schema.dropTable("review_draws").execute();
}
