import { canSuperviseCatalogEntry, type RegionFilter, regionFilter } from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import type { Caller } from "../../http/deps";
import { notFound } from "../../http/errors";

/**
 * The jurisdiction a supervision list filters on (属地监管): a provincial office sees the catalog
 * entries of institutions in its province, the national office all, an institution its own.
 */
export function supervisionFilter(caller: Caller): RegionFilter {
  return regionFilter(requireActorOf(caller));
}

/** 404 (not 403) for an entry outside the office's jurisdiction, so existence does not leak. */
export function assertSupervises(caller: Caller, entryRegion: string | null, what: string): void {
  if (!canSuperviseCatalogEntry(requireActorOf(caller), { regionCode: entryRegion })) throw notFound(what);
}
