import type { Kysely } from "kysely";

/**
 * The ranking, 完成评议 and the dashboard read a batch's assignments by `batch_id`; without an
 * index each of those reads scanned the assignments of every batch there ever was (issue 17,
 * point 5: cost that grows with the data of other batches).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("review_assignments_batch_idx")
    .on("review_assignments")
    .column("batch_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("review_assignments_batch_idx").execute();
}
