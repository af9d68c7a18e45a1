import type { Kysely } from "kysely";

/** Public notices with objections, the catalog with its append-only history, complaints. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("public_notices")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("batch_id", "text", (col) => col.notNull().references("batches.id"))
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("kind", "text")
    .addColumn("region_code", "text")
    .addColumn("starts_at", "text", (col) => col.notNull())
    .addColumn("ends_at", "text", (col) => col.notNull())
    .addColumn("last_day", "text", (col) => col.notNull())
    .addColumn("workdays", "integer", (col) => col.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("public_notice_items")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("notice_id", "text", (col) => col.notNull().references("public_notices.id"))
    .addColumn("application_id", "text", (col) => col.notNull().unique().references("applications.id"))
    .addColumn("institution_name", "text", (col) => col.notNull())
    .addColumn("credit_code", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("occupation", "text", (col) => col.notNull())
    .addColumn("levels", "text", (col) => col.notNull())
    .addColumn("region_code", "text")
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("removed_reason", "text")
    .execute();
  await db.schema
    .createIndex("public_notice_items_notice_idx")
    .on("public_notice_items")
    .column("notice_id")
    .execute();

  await db.schema
    .createTable("objections")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("ack_number", "text", (col) => col.notNull().unique())
    .addColumn("notice_id", "text", (col) => col.notNull().references("public_notices.id"))
    .addColumn("item_id", "text", (col) => col.notNull().references("public_notice_items.id"))
    .addColumn("objector_name", "text", (col) => col.notNull())
    .addColumn("objector_org", "text", (col) => col.notNull())
    .addColumn("phone_enc", "text", (col) => col.notNull())
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("content", "text", (col) => col.notNull())
    .addColumn("evidence", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("handling_note", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("ip", "text")
    .addColumn("handled_at", "text")
    .addColumn("handled_by", "text")
    .execute();
  await db.schema.createIndex("objections_notice_idx").on("objections").column("notice_id").execute();

  await db.schema
    .createTable("catalog_entries")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("institution_id", "text", (col) => col.notNull().references("institutions.id"))
    .addColumn("application_id", "text", (col) => col.notNull().unique().references("applications.id"))
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("institution_name", "text", (col) => col.notNull())
    .addColumn("credit_code", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("occupation", "text", (col) => col.notNull())
    .addColumn("levels", "text", (col) => col.notNull())
    .addColumn("region_code", "text")
    .addColumn("approved_at", "text", (col) => col.notNull())
    .addColumn("valid_until", "text", (col) => col.notNull())
    .addColumn("suspended", "integer", (col) => col.notNull())
    .addColumn("removed", "integer", (col) => col.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_phone_enc", "text")
    .addColumn("contact_email", "text")
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
  for (const column of ["kind", "occupation", "region_code", "batch_id", "valid_until", "credit_code"]) {
    await db.schema
      .createIndex(`catalog_entries_${column}_idx`)
      .on("catalog_entries")
      .column(column)
      .execute();
  }

  // The public register's history: one row per change, never updated or deleted.
  await db.schema
    .createTable("catalog_entry_versions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("entry_id", "text", (col) => col.notNull().references("catalog_entries.id"))
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("change", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("snapshot", "text", (col) => col.notNull())
    .addColumn("changed_at", "text", (col) => col.notNull())
    .addColumn("changed_by", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("catalog_entry_versions_entry_idx")
    .on("catalog_entry_versions")
    .columns(["entry_id", "version"])
    .unique()
    .execute();

  await db.schema
    .createTable("complaints")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("ack_number", "text", (col) => col.notNull().unique())
    .addColumn("entry_id", "text", (col) => col.notNull().references("catalog_entries.id"))
    .addColumn("category", "text", (col) => col.notNull())
    .addColumn("complainant_name", "text", (col) => col.notNull())
    .addColumn("phone_enc", "text", (col) => col.notNull())
    .addColumn("email", "text")
    .addColumn("content", "text", (col) => col.notNull())
    .addColumn("evidence", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("outcome", "text")
    .addColumn("outcome_note", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("ip", "text")
    .addColumn("handled_at", "text")
    .addColumn("handled_by", "text")
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("cycle_name", "text", (col) => col.notNull())
    .addColumn("entry_id", "text", (col) => col.notNull().references("catalog_entries.id"))
    .addColumn("due_at", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("report", "text")
    .addColumn("submitted_at", "text")
    .addColumn("result_note", "text")
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("assessments_entry_idx").on("assessments").column("entry_id").execute();

  await db.schema
    .createTable("contact_requests")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("entry_id", "text", (col) => col.notNull().references("catalog_entries.id"))
    .addColumn("contact_name", "text", (col) => col.notNull())
    .addColumn("contact_phone_enc", "text", (col) => col.notNull())
    .addColumn("contact_email", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("decision_note", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "contact_requests",
    "assessments",
    "complaints",
    "catalog_entry_versions",
    "catalog_entries",
    "objections",
    "public_notice_items",
    "public_notices",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
