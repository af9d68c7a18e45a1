import type { Kysely } from "kysely";

/**
 * 考察 (site visit): notice 四(四) lets the office inspect an institution on site before 审定. One
 * visit per application: its plan (text, team as JSON, date), findings, conclusion, and the files
 * the team brought back (content-addressed in the file store, like application attachments).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("site_visits")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("application_id", "text", (col) => col.notNull().unique().references("applications.id"))
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull())
    .addColumn("plan", "text", (col) => col.notNull())
    .addColumn("team", "text", (col) => col.notNull())
    .addColumn("visit_date", "text", (col) => col.notNull())
    .addColumn("findings", "text")
    .addColumn("conclusion", "text")
    .addColumn("conclusion_text", "text")
    .addColumn("planned_at", "text", (col) => col.notNull())
    .addColumn("planned_by", "text", (col) => col.notNull())
    .addColumn("recorded_at", "text")
    .addColumn("recorded_by", "text")
    .addColumn("concluded_at", "text")
    .addColumn("concluded_by", "text")
    .execute();
  await db.schema
    .createTable("site_visit_attachments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("site_visit_id", "text", (col) => col.notNull().references("site_visits.id"))
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("content_type", "text", (col) => col.notNull())
    .addColumn("size", "integer", (col) => col.notNull())
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("uploaded_at", "text", (col) => col.notNull())
    .addColumn("uploaded_by", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("site_visit_attachments_visit")
    .on("site_visit_attachments")
    .column("site_visit_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("site_visit_attachments").execute();
  await db.schema.dropTable("site_visits").execute();
}
