import type { Kysely } from "kysely";

/**
 * The glossary's names for the recommendation tables: a 推荐单位 is a `recommender` (never a
 * "unit"), and what it records for an application is its `choice` (recommended or declined), since
 * "decision" means the office's 审定 only. A quota counter belongs to a recommender or to the
 * decision, so its owner is a `scope`. Columns are renamed in place (SQLite ≥ 3.25 and PostgreSQL
 * both keep the data and rewrite the indexes); the indexes are recreated under the new names.
 */
const renames: [table: string, from: string, to: string][] = [
  ["recommendations", "unit_type", "recommender_type"],
  ["recommendations", "unit_value", "recommender_value"],
  ["recommendations", "decision", "choice"],
  ["recommendations", "decided_at", "chosen_at"],
  ["recommendations", "decided_by", "chosen_by"],
  ["recommendation_closures", "unit_type", "recommender_type"],
  ["recommendation_closures", "unit_value", "recommender_value"],
  ["recommendation_closures", "unit_name", "recommender_name"],
  ["quota_counters", "unit_type", "scope_type"],
  ["quota_counters", "unit_value", "scope_value"],
];

async function renameAll(db: Kysely<any>, pairs: [string, string, string][]): Promise<void> {
  // One statement per column: SQLite's ALTER TABLE takes a single change.
  for (const [table, from, to] of pairs) await db.schema.alterTable(table).renameColumn(from, to).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("recommendations_unit_idx").execute();
  await db.schema.dropIndex("recommendation_closures_unit_idx").execute();
  await renameAll(db, renames);
  await db.schema
    .createIndex("recommendations_recommender_idx")
    .on("recommendations")
    .columns(["batch_id", "recommender_type", "recommender_value", "kind", "occupation"])
    .execute();
  await db.schema
    .createIndex("recommendation_closures_recommender_idx")
    .on("recommendation_closures")
    .columns(["batch_id", "recommender_type", "recommender_value"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("recommendations_recommender_idx").execute();
  await db.schema.dropIndex("recommendation_closures_recommender_idx").execute();
  await renameAll(
    db,
    renames.map(([table, from, to]) => [table, to, from]),
  );
  await db.schema
    .createIndex("recommendations_unit_idx")
    .on("recommendations")
    .columns(["batch_id", "unit_type", "unit_value", "kind", "occupation"])
    .execute();
  await db.schema
    .createIndex("recommendation_closures_unit_idx")
    .on("recommendation_closures")
    .columns(["batch_id", "unit_type", "unit_value"])
    .unique()
    .execute();
}
