import type { BatchDefinition } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { findBatchRow } from "./queries";
import { parseDefinition } from "./service";

/** How many parsed definitions one database keeps (a handful of batches are open at a time). */
export const DEFINITION_CACHE_SIZE = 64;

type Entry = { version: number; updatedAt: string; definition: BatchDefinition };

/** Per database (tests open many in one process, with the same built-in batch ids). */
const caches = new WeakMap<Db, Map<string, Entry>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * A batch's definition, parsed once per version: every change of a definition (and publishing)
 * bumps `version` and sets `updatedAt`, and batches are never deleted, so (id, version, updatedAt)
 * names one definition. A hit reads only those columns; a miss reads the row and parses it. The
 * definition is frozen, as it is shared by every request.
 */
export async function findBatchDefinition(
  db: Db,
  id: string,
  /** The row's (version, updatedAt) when the caller has just read them (saves a query on a hit). */
  known?: { version: number; updatedAt: string },
): Promise<{ id: string; definition: BatchDefinition } | undefined> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const current =
    known ??
    (await db.selectFrom("batches").select(["version", "updatedAt"]).where("id", "=", id).executeTakeFirst());
  if (!current) return undefined;
  const cached = cache.get(id);
  if (cached && cached.version === Number(current.version) && cached.updatedAt === current.updatedAt)
    return { id, definition: cached.definition };
  const row = await findBatchRow(db, id);
  if (!row) return undefined;
  const definition = deepFreeze(parseDefinition(row));
  cache.delete(id);
  if (cache.size >= DEFINITION_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(id, { version: Number(row.version), updatedAt: row.updatedAt, definition });
  return { id, definition };
}
