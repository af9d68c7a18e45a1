import type { Kysely } from "kysely";

/**
 * 形式审查 passed, with the receiving centre's opinion (意见, optional when passed: a check that
 * does not pass is a return, whose reason the application keeps). One row per application: a
 * resubmitted application passes again and replaces it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("formal_checks")
    .addColumn("application_id", "text", (col) => col.primaryKey().references("applications.id"))
    .addColumn("opinion", "text")
    .addColumn("checked_at", "text", (col) => col.notNull())
    .addColumn("checked_by", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("formal_checks").execute();
}
