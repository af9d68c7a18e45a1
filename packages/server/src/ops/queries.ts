import { type Kysely, sql } from "kysely";
import type { Db } from "../db/connection";
import { containsText } from "../db/like";
import type { Dialect } from "../db/types";

/** The recorded fingerprint of the data key, or null before the first start with this code. */
export async function readKeyFingerprint(db: Db): Promise<string | null> {
  const row = await db.selectFrom("dataKey").select("fingerprint").where("id", "=", 1).executeTakeFirst();
  return row?.fingerprint ?? null;
}

/** Records the first fingerprint; returns false when another process recorded one first. */
export async function insertKeyFingerprint(trx: Db, fingerprint: string, at: string): Promise<boolean> {
  const result = await trx
    .insertInto("dataKey")
    .values({ id: 1, fingerprint, recordedAt: at })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Moves the fingerprint from `from` to `to`; false when it no longer is `from`. */
export async function replaceKeyFingerprint(trx: Db, from: string, to: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable("dataKey")
    .set({ fingerprint: to, recordedAt: at })
    .where("id", "=", 1)
    .where("fingerprint", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every table of the platform's schema (the current PostgreSQL schema, or the SQLite file). */
export async function listTables(db: Db, dialect: Dialect): Promise<string[]> {
  const rows =
    dialect === "postgres"
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.rows.map((row) => row.name);
}

export async function countRows(db: Db, table: string): Promise<number> {
  const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** Names of the migrations applied to this database, in order: its schema version. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** The stored files that attachments point at (each must come back with a restore). */
export async function attachmentHashes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("attachments").select("sha256").distinct().execute();
  return rows.map((row) => row.sha256);
}

/*
 * Sealed values live in tables the ops module does not own; it reads and rewrites them only to
 * move them to a new data key, so these helpers take the table and column by name.
 */
type SealedTables = Record<string, { id: string } & Record<string, string | null>>;
type ByNameDb = Kysely<SealedTables>;

export type SealedRow = { id: string; value: string; templateId?: string };

/** One page of non-null values of `table.column`, by id, optionally only those containing `marker`. */
export async function readSealedPage(
  db: Db,
  place: { table: string; column: string; marker?: string },
  afterId: string,
  limit: number,
): Promise<SealedRow[]> {
  let query = (db as ByNameDb)
    .selectFrom(place.table)
    .select(["id", `${place.column} as value`])
    .where(place.column, "is not", null)
    .where("id", ">", afterId);
  if (place.marker) query = query.where(containsText(place.column, place.marker));
  return (await query.orderBy("id").limit(limit).execute()) as SealedRow[];
}

/** One page of form values with the template that says which of their fields are sealed. */
export async function readFormValuesPage(
  db: Db,
  place: { table: "applications" | "applicationVersions"; column: "draftValues" | "formValues" },
  afterId: string,
  limit: number,
): Promise<SealedRow[]> {
  if (place.table === "applications")
    return db
      .selectFrom("applications")
      .select(["id", "draftValues as value", "templateId"])
      .where(containsText("draftValues", "sealed:"))
      .where("id", ">", afterId)
      .orderBy("id")
      .limit(limit)
      .execute();
  return db
    .selectFrom("applicationVersions")
    .innerJoin("applications", "applications.id", "applicationVersions.applicationId")
    .select(["applicationVersions.id as id", "formValues as value", "applications.templateId"])
    .where(containsText("formValues", "sealed:"))
    .where("applicationVersions.id", ">", afterId)
    .orderBy("applicationVersions.id")
    .limit(limit)
    .execute();
}

export async function writeSealedValue(
  trx: Db,
  place: { table: string; column: string },
  id: string,
  value: string,
): Promise<void> {
  await (trx as ByNameDb)
    .updateTable(place.table)
    .set({ [place.column]: value })
    .where("id", "=", id)
    .execute();
}
