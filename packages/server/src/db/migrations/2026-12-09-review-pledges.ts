import type { Kysely } from "kysely";

/**
 * 评审承诺: an expert accepts the pledge (confidentiality, impartiality, no conflict of interest)
 * once per batch's review round before opening the first assigned application. One row per
 * batch × expert, naming the pledge text's version accepted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("review_pledges")
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("expert_id", "text", (col) => col.notNull().references("experts.id"))
    .addColumn("pledge_version", "text", (col) => col.notNull())
    .addColumn("accepted_at", "text", (col) => col.notNull())
    .addColumn("accepted_by", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("review_pledges_pk", ["batch_id", "expert_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("review_pledges").execute();
}
