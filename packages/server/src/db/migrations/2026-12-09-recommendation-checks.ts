import type { Kysely } from "kysely";

/**
 * The office's 审核 of the provinces' recommendations (notice 四(四)): one check per recommended
 * training application of a national batch, 通过 or 不通过 with the office's reason. Whether
 * experts also score training applications is the batch's review setting
 * (`review_rounds.training_expert_scoring`, 1 as before this migration).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("recommendation_checks")
    .addColumn("application_id", "text", (col) => col.primaryKey().references("applications.id"))
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("outcome", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("checked_at", "text", (col) => col.notNull())
    .addColumn("checked_by", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .alterTable("review_rounds")
    .addColumn("training_expert_scoring", "integer", (col) => col.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("review_rounds").dropColumn("training_expert_scoring").execute();
  await db.schema.dropTable("recommendation_checks").execute();
}
