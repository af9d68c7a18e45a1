import {
  type CatalogStatus,
  EXPIRING_WITHIN_DAYS,
  type KindCode,
  type OccupationCode,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { containsText } from "../../db/like";
import type { Row } from "../../db/types";

export type EntryRow = Row<"catalogEntries">;

export type CatalogFilters = {
  kind?: KindCode | undefined;
  occupation?: OccupationCode | undefined;
  level?: string | undefined;
  region?: string | undefined;
  batch?: string | undefined;
  status?: CatalogStatus | undefined;
  q?: string | undefined;
};

const EXPIRING_MS = EXPIRING_WITHIN_DAYS * 86_400_000;

/** The shared WHERE of the public query; the derived status is expressed on the stored columns. */
export function filteredEntries(db: Db, query: CatalogFilters, now: Date) {
  let builder = db.selectFrom("catalogEntries");
  if (query.kind) builder = builder.where("kind", "=", query.kind);
  if (query.occupation) builder = builder.where("occupation", "=", query.occupation);
  if (query.region) builder = builder.where("regionCode", "=", query.region);
  if (query.batch) builder = builder.where("batchId", "=", query.batch);
  if (query.level) builder = builder.where("levels", "like", `%"${query.level.replace(/[^a-z]/g, "")}"%`);
  if (query.q?.trim()) {
    const text = query.q.trim();
    builder = builder.where((eb) =>
      eb.or([containsText("institution_name", text), containsText("credit_code", text.toUpperCase())]),
    );
  }
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + EXPIRING_MS).toISOString();
  switch (query.status) {
    case "removed":
      builder = builder.where("removed", "=", 1);
      break;
    case "suspended":
      builder = builder.where("removed", "=", 0).where("suspended", "=", 1);
      break;
    case "expired":
      builder = builder.where("removed", "=", 0).where("suspended", "=", 0).where("validUntil", "<=", nowIso);
      break;
    case "expiring":
      builder = builder
        .where("removed", "=", 0)
        .where("suspended", "=", 0)
        .where("validUntil", ">", nowIso)
        .where("validUntil", "<=", soon);
      break;
    case "valid":
      builder = builder.where("removed", "=", 0).where("suspended", "=", 0).where("validUntil", ">", soon);
      break;
  }
  return builder;
}

/**
 * One slice of an export in its order (institution name, then id), after the last row of the
 * previous slice: keyset pagination, so each slice costs the same however far the export is.
 */
export function exportSlice(
  db: Db,
  query: CatalogFilters,
  now: Date,
  after: { institutionName: string; id: string } | null,
  size: number,
) {
  let builder = filteredEntries(db, query, now);
  if (after) {
    builder = builder.where((eb) =>
      eb(eb.refTuple("institutionName", "id"), ">", eb.tuple(after.institutionName, after.id)),
    );
  }
  return builder.selectAll().orderBy("institutionName").orderBy("id").limit(size).execute();
}

/** The catalog's version stamp, which every catalog write changes (see `bumpCatalogState`). */
export async function readCatalogState(db: Db): Promise<{ version: number; changedAt: string }> {
  const row = await db
    .selectFrom("catalogState")
    .select(["version", "changedAt"])
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), changedAt: row.changedAt };
}

/** Marks the catalog changed, inside the writing transaction so the stamp and the change commit together. */
export async function bumpCatalogState(trx: Db, now: string): Promise<void> {
  await trx
    .updateTable("catalogState")
    .set((eb) => ({ version: eb("version", "+", 1), changedAt: now }))
    .where("id", "=", 1)
    .execute();
}

/**
 * The period around `now` in which no entry's derived status changes (expiring 30 days before
 * the end of its validity, expired at the end): from the latest such moment at or before `now`
 * to the first one after it. Four index reads on `valid_until`.
 */
export async function statusPeriod(db: Db, now: Date): Promise<{ from: number; until: number }> {
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + EXPIRING_MS).toISOString();
  const bound = (fn: "min" | "max", op: ">" | "<=", at: string) =>
    db
      .selectFrom("catalogEntries")
      .select((eb) => eb.fn[fn]<string | null>("validUntil").as("at"))
      .where("validUntil", op, at)
      .executeTakeFirst()
      .then((row) => (row?.at ? Date.parse(row.at) : null));
  const [nextEnd, nextSoon, lastEnd, lastSoon] = await Promise.all([
    bound("min", ">", nowIso),
    bound("min", ">", soon),
    bound("max", "<=", nowIso),
    bound("max", "<=", soon),
  ]);
  return {
    from: Math.max(lastEnd ?? -Infinity, lastSoon === null ? -Infinity : lastSoon - EXPIRING_MS),
    until: Math.min(nextEnd ?? Infinity, nextSoon === null ? Infinity : nextSoon - EXPIRING_MS),
  };
}
