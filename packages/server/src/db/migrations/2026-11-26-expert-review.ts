import { type Kysely, sql } from "kysely";

/** Expert pool, review rounds with rubric, assignments, conflicts, score sheets with history, decisions. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("experts")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().unique().references("users.id"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("employer", "text", (col) => col.notNull())
    .addColumn("employer_credit_code", "text")
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("occupations", "text", (col) => col.notNull())
    .addColumn("region_code", "text", (col) => col.notNull())
    .addColumn("phone_enc", "text")
    .addColumn("email", "text")
    .addColumn("active", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("review_rounds")
    .addColumn("batch_id", "text", (col) => col.primaryKey().references("batches.id"))
    .addColumn("per_application", "integer", (col) => col.notNull())
    .addColumn("max_load", "integer", (col) => col.notNull())
    .addColumn("cross_region", "integer", (col) => col.notNull())
    .addColumn("require_outside_region", "integer", (col) => col.notNull())
    .addColumn("dispersion_threshold", "real", (col) => col.notNull())
    .addColumn("due_at", "text")
    .addColumn("closes_at", "text")
    .addColumn("rubrics", "text", (col) => col.notNull())
    .addColumn("scores_opened_at", "text")
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("updated_by", "text")
    .execute();

  await db.schema
    .createTable("review_assignments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("application_id", "text", (col) => col.notNull().references("applications.id"))
    .addColumn("expert_id", "text", (col) => col.notNull().references("experts.id"))
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("assigned_at", "text", (col) => col.notNull())
    .addColumn("assigned_by", "text", (col) => col.notNull())
    .addColumn("removed_at", "text")
    .addColumn("removed_reason", "text")
    .execute();
  await db.schema
    .createIndex("review_assignments_live_idx")
    .on("review_assignments")
    .columns(["application_id", "expert_id"])
    .unique()
    .where(sql.ref("removed_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("review_assignments_expert_idx")
    .on("review_assignments")
    .columns(["expert_id", "batch_id"])
    .execute();

  await db.schema
    .createTable("conflict_records")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("expert_id", "text", (col) => col.notNull().references("experts.id"))
    .addColumn("application_id", "text", (col) => col.notNull().references("applications.id"))
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("conflict_type", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("conflict_records_pair_idx")
    .on("conflict_records")
    .columns(["expert_id", "application_id"])
    .execute();

  await db.schema
    .createTable("score_sheets")
    .addColumn("assignment_id", "text", (col) => col.primaryKey().references("review_assignments.id"))
    .addColumn("scores", "text", (col) => col.notNull())
    .addColumn("rationales", "text", (col) => col.notNull())
    .addColumn("overall", "text", (col) => col.notNull())
    .addColumn("total", "real")
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("revision", "integer", (col) => col.notNull())
    .addColumn("saved_at", "text", (col) => col.notNull())
    .addColumn("submitted_at", "text")
    .addColumn("reopened_reason", "text")
    .execute();

  await db.schema
    .createTable("score_history")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("assignment_id", "text", (col) => col.notNull().references("review_assignments.id"))
    .addColumn("scores", "text", (col) => col.notNull())
    .addColumn("rationales", "text", (col) => col.notNull())
    .addColumn("overall", "text", (col) => col.notNull())
    .addColumn("total", "real", (col) => col.notNull())
    .addColumn("submitted_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("application_id", "text", (col) => col.primaryKey().references("applications.id"))
    .addColumn("batch_id", "text", (col) => col.notNull())
    .addColumn("decision", "text", (col) => col.notNull())
    .addColumn("basis", "text", (col) => col.notNull())
    .addColumn("total", "real")
    .addColumn("decided_at", "text", (col) => col.notNull())
    .addColumn("decided_by", "text", (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "decisions",
    "score_history",
    "score_sheets",
    "conflict_records",
    "review_assignments",
    "review_rounds",
    "experts",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
