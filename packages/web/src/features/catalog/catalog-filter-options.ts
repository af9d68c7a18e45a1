import { catalogStatuses, catalogStatusNames, KINDS, LEVELS, OCCUPATIONS, REGIONS } from "@linxuan/domain";
import type { PublicBatchSummary } from "../../app/api-types";
import type { CatalogFilters, CatalogSort } from "./types";

/*
 * What the catalog can be filtered and sorted by: shared by the public query (plain selects,
 * catalog-query-filters.tsx) and the office's 目录管理 (antd, catalog-filters.tsx).
 */

/** The page sizes offered (the address accepts only these). */
export const PAGE_SIZES = [20, 50, 100, 200];

export const catalogSortOptions: { value: CatalogSort; label: string }[] = [
  { value: "name", label: "按机构名称" },
  { value: "validUntil", label: "按有效期（先到期在前）" },
  { value: "listedAt", label: "按纳入目录时间（早的在前）" },
];

export type CatalogSelectKey = Exclude<keyof CatalogFilters, "q" | "sort">;

export type CatalogSelect = {
  key: CatalogSelectKey;
  label: string;
  options: { value: string; label: string }[];
};

/** The filters chosen from a list, in the order shown; batches come from the server. */
export function catalogSelects(batches: PublicBatchSummary[]): CatalogSelect[] {
  return [
    {
      key: "kind",
      label: "机构类型",
      options: KINDS.map((kind) => ({ value: kind.code, label: kind.name })),
    },
    {
      key: "occupation",
      label: "职业",
      options: OCCUPATIONS.map((occupation) => ({ value: occupation.code, label: occupation.name })),
    },
    {
      key: "level",
      label: "专业技术等级",
      options: LEVELS.map((level) => ({ value: level.code, label: level.name })),
    },
    {
      key: "region",
      label: "所在地区",
      options: REGIONS.map((region) => ({ value: region.code, label: region.name })),
    },
    {
      key: "batch",
      label: "遴选批次",
      options: batches.map((batch) => ({ value: batch.id, label: batch.shortTitle })),
    },
    {
      key: "status",
      label: "状态",
      options: catalogStatuses.map((status) => ({ value: status, label: catalogStatusNames[status] })),
    },
  ];
}
