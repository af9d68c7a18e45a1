import type { CatalogStatus } from "@linxuan/domain";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";

/** Shapes of the catalog API (packages/server/src/features/catalog/service.ts). */

export type CatalogEntry = {
  id: string;
  institutionName: string;
  creditCode: string;
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  levels: LevelCode[];
  levelNames: string[];
  regionCode: string | null;
  regionName: string | null;
  batchId: string;
  batchTitle: string;
  approvedAt: string;
  validUntil: string;
  status: CatalogStatus;
  statusName: string;
  version: number;
};

export type CatalogPage = { items: CatalogEntry[]; total: number; page: number; pageSize: number };

export type CatalogChange = "listed" | "suspended" | "restored" | "removed" | "renewed" | "contact";

export type CatalogHistoryItem = { version: number; change: string; reason: string; changedAt: string };

export type CatalogEntryDetail = { entry: CatalogEntry; history: CatalogHistoryItem[] };

export type CatalogSort = "name" | "validUntil" | "approvedAt";

/** The public query's filters, as the URL and the API both spell them. */
export type CatalogFilters = {
  kind?: string;
  occupation?: string;
  level?: string;
  region?: string;
  batch?: string;
  status?: string;
  q?: string;
  sort?: CatalogSort;
};

export type CatalogQuery = CatalogFilters & { page: number; pageSize: number };
