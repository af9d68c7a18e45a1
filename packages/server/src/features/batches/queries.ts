import type { BatchDefinition } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { BatchStatus } from "../../db/stored-values";
import type { Row } from "../../db/types";

export type BatchRow = Row<"batches">;

export async function listBatchRows(db: Db, filter: { status?: BatchStatus } = {}): Promise<BatchRow[]> {
  let query = db.selectFrom("batches").selectAll();
  if (filter.status) query = query.where("status", "=", filter.status);
  return query.orderBy("publishedOn", "desc").orderBy("createdAt", "desc").execute();
}

export async function findBatchRow(db: Db, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom("batches").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The batches of the given ids, in one query however many there are. */
export async function findBatchRows(db: Db, ids: readonly string[]): Promise<BatchRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("batches").selectAll().where("id", "in", ids).execute();
}

export async function findBatchRowByCode(db: Db, code: string): Promise<BatchRow | undefined> {
  return db.selectFrom("batches").selectAll().where("code", "=", code).executeTakeFirst();
}

/** The columns kept beside the JSON definition so lists can filter and sort without parsing it. */
export function indexedColumns(definition: BatchDefinition) {
  return {
    code: definition.code,
    scopeLevel: definition.scope.level,
    regionCode: definition.scope.level === "region" ? definition.scope.regionCode : null,
    onlineDeadline: new Date(definition.onlineDeadline).toISOString(),
    publishedOn: definition.publishedOn,
    definition: JSON.stringify(definition),
  };
}

export async function insertBatch(
  db: Db,
  row: {
    id: string;
    status: BatchStatus;
    builtIn: boolean;
    isDemo: boolean;
    definition: BatchDefinition;
    now: string;
    createdBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto("batches")
    .values({
      id: row.id,
      status: row.status,
      builtIn: row.builtIn ? 1 : 0,
      isDemo: row.isDemo ? 1 : 0,
      version: 1,
      ...indexedColumns(row.definition),
      createdAt: row.now,
      updatedAt: row.now,
      publishedAt: row.status === "published" ? row.now : null,
      createdBy: row.createdBy,
    })
    .execute();
}

/** A new version of a batch's definition, only if nobody saved since `version` and `guard` holds. */
async function replaceDefinition(
  db: Db,
  id: string,
  version: number,
  definition: BatchDefinition,
  now: string,
  guard: { status: "draft" } | { builtIn: 1 },
): Promise<boolean> {
  let query = db
    .updateTable("batches")
    .set((eb) => ({ ...indexedColumns(definition), version: eb("version", "+", 1), updatedAt: now }))
    .where("id", "=", id)
    .where("version", "=", version);
  query =
    "status" in guard ? query.where("status", "=", guard.status) : query.where("builtIn", "=", guard.builtIn);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Optimistic update of a draft: succeeds only if nobody saved since `version`; returns whether it did. */
export function updateBatchDefinition(
  db: Db,
  id: string,
  version: number,
  definition: BatchDefinition,
  now: string,
): Promise<boolean> {
  return replaceDefinition(db, id, version, definition, now, { status: "draft" });
}

/**
 * Brings a stored built-in batch to the definition the code now ships (a corrected seed): a new
 * version of the batch; submitted applications keep the snapshot they were submitted with.
 */
export function replaceBuiltInDefinition(
  db: Db,
  id: string,
  version: number,
  definition: BatchDefinition,
  now: string,
): Promise<boolean> {
  return replaceDefinition(db, id, version, definition, now, { builtIn: 1 });
}

export async function markBatchPublished(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("batches")
    .set((eb) => ({ status: "published", publishedAt: now, updatedAt: now, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
