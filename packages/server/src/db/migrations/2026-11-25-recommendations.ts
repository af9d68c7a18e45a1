import type { Kysely } from "kysely";

/** Recommendations with quota counters, the units' closed lists, and Shanghai paper receipts. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("recommendations")
    .addColumn("application_id", "text", (col) => col.primaryKey().references("applications.id"))
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("unit_type", "text", (col) => col.notNull())
    .addColumn("unit_value", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("occupation", "text", (col) => col.notNull())
    .addColumn("decision", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("rank", "integer")
    .addColumn("decided_at", "text", (col) => col.notNull())
    .addColumn("decided_by", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("recommendations_unit_idx")
    .on("recommendations")
    .columns(["batch_id", "unit_type", "unit_value", "kind", "occupation"])
    .execute();

  // One row per unit × kind × occupation; recommending increments `used` only while below `quota`
  // in a single UPDATE, so two people racing for the last place cannot both get it.
  await db.schema
    .createTable("quota_counters")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("unit_type", "text", (col) => col.notNull())
    .addColumn("unit_value", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("occupation", "text", (col) => col.notNull())
    .addColumn("used", "integer", (col) => col.notNull())
    .addColumn("quota", "integer", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("recommendation_closures")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("unit_type", "text", (col) => col.notNull())
    .addColumn("unit_value", "text", (col) => col.notNull())
    .addColumn("unit_name", "text", (col) => col.notNull())
    .addColumn("leader_name", "text", (col) => col.notNull())
    .addColumn("contact_name", "text", (col) => col.notNull())
    .addColumn("contact_phone_enc", "text", (col) => col.notNull())
    .addColumn("closed_at", "text", (col) => col.notNull())
    .addColumn("closed_by", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("recommendation_closures_unit_idx")
    .on("recommendation_closures")
    .columns(["batch_id", "unit_type", "unit_value"])
    .unique()
    .execute();

  await db.schema
    .createTable("paper_receipts")
    .addColumn("application_id", "text", (col) => col.primaryKey().references("applications.id"))
    .addColumn("copies", "integer", (col) => col.notNull())
    .addColumn("received_on", "text", (col) => col.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_at", "text", (col) => col.notNull())
    .addColumn("recorded_by", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["paper_receipts", "recommendation_closures", "quota_counters", "recommendations"]) {
    await db.schema.dropTable(table).execute();
  }
}
