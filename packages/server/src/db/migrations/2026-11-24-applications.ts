import { type Kysely, sql } from "kysely";

/** Applications with their draft, immutable submitted versions, attachments and re-application bars. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("applications")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("batch_id", "text", (col) => col.notNull().references("batches.id"))
    .addColumn("institution_id", "text", (col) => col.notNull().references("institutions.id"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("occupation", "text", (col) => col.notNull())
    .addColumn("levels", "text", (col) => col.notNull())
    .addColumn("template_id", "text", (col) => col.notNull())
    .addColumn("template_version", "integer", (col) => col.notNull())
    .addColumn("applicant_category", "text")
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("draft_values", "text", (col) => col.notNull())
    .addColumn("draft_revision", "integer", (col) => col.notNull())
    .addColumn("draft_saved_at", "text", (col) => col.notNull())
    .addColumn("draft_saved_by", "text")
    .addColumn("commitment_accepted", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("eligibility", "text")
    .addColumn("recommender_type", "text")
    .addColumn("recommender_value", "text")
    .addColumn("version_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("return_reason", "text")
    .addColumn("return_reply_by", "text")
    .addColumn("return_comments", "text")
    .addColumn("first_submitted_at", "text")
    .addColumn("last_submitted_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  // One live application per institution, batch, kind and occupation (职业仅填一项, 按职业分别填报);
  // a withdrawn one does not stop the institution from applying again while the batch is open.
  await db.schema
    .createIndex("applications_unique_idx")
    .on("applications")
    .columns(["batch_id", "institution_id", "kind", "occupation"])
    .unique()
    .where(sql.ref("status"), "!=", "withdrawn")
    .execute();
  await db.schema
    .createIndex("applications_institution_idx")
    .on("applications")
    .column("institution_id")
    .execute();
  await db.schema
    .createIndex("applications_batch_status_idx")
    .on("applications")
    .columns(["batch_id", "status"])
    .execute();

  await db.schema
    .createTable("application_versions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("application_id", "text", (col) => col.notNull().references("applications.id"))
    .addColumn("number", "integer", (col) => col.notNull())
    .addColumn("levels", "text", (col) => col.notNull())
    .addColumn("form_values", "text", (col) => col.notNull())
    .addColumn("eligibility", "text", (col) => col.notNull())
    .addColumn("attachments", "text", (col) => col.notNull())
    .addColumn("applicant_category", "text")
    .addColumn("submitted_at", "text", (col) => col.notNull())
    .addColumn("submitted_by", "text", (col) => col.notNull())
    .addColumn("note", "text")
    .addColumn("content_hash", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("application_versions_unique_idx")
    .on("application_versions")
    .columns(["application_id", "number"])
    .unique()
    .execute();

  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("application_id", "text", (col) => col.notNull().references("applications.id"))
    .addColumn("code", "text", (col) => col.notNull())
    .addColumn("file_name", "text", (col) => col.notNull())
    .addColumn("content_type", "text", (col) => col.notNull())
    .addColumn("size", "integer", (col) => col.notNull())
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("uploaded_at", "text", (col) => col.notNull())
    .addColumn("uploaded_by", "text", (col) => col.notNull())
    // Removed from the draft; the row stays because a submitted version may still list it.
    .addColumn("removed_at", "text")
    .execute();
  await db.schema
    .createIndex("attachments_application_idx")
    .on("attachments")
    .column("application_id")
    .execute();

  await db.schema
    .createTable("institution_bars")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("institution_id", "text", (col) => col.notNull().references("institutions.id"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("starts_at", "text", (col) => col.notNull())
    .addColumn("until", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("institution_bars_institution_idx")
    .on("institution_bars")
    .column("institution_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["institution_bars", "attachments", "application_versions", "applications"]) {
    await db.schema.dropTable(table).execute();
  }
}
