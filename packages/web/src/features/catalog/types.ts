/** Shapes of the catalog API: the domain's contracts (packages/domain/src/contracts/catalog.ts). */
export type { CatalogEntry, CatalogEntryDetail, CatalogHistoryItem, CatalogPage } from "@linxuan/domain";

export type CatalogChange = "listed" | "suspended" | "restored" | "removed" | "renewed" | "contact";

export type CatalogSort = "name" | "validUntil" | "approvedAt" | "listedAt";

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
