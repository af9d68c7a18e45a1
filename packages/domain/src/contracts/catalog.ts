import { z } from "zod";
import { catalogStatuses } from "../catalog/validity";
import { kindCodes } from "../reference/kinds";
import { levelCodes } from "../reference/levels";
import { occupationCodes } from "../reference/occupations";

/** One entry of the public catalog. */
export const catalogEntrySchema = z.object({
  id: z.string(),
  institutionName: z.string(),
  creditCode: z.string(),
  kind: z.enum(kindCodes),
  kindName: z.string(),
  occupation: z.enum(occupationCodes),
  occupationName: z.string(),
  levels: z.array(z.enum(levelCodes)),
  levelNames: z.array(z.string()),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  batchId: z.string(),
  batchTitle: z.string(),
  /** An entry of a 【演示】 batch: marked 演示 wherever it shows, never counted in public figures. */
  isDemo: z.boolean(),
  /** The online approval time (审定通过), from which validity is counted. */
  approvedAt: z.string(),
  /** 纳入目录时间: when the confirmed notice put it in the catalog. */
  listedAt: z.string(),
  /** 有效期至: one instant, shown as its Beijing date everywhere. */
  validUntil: z.string(),
  status: z.enum(catalogStatuses),
  statusName: z.string(),
  version: z.number(),
});

/** GET /api/public/catalog */
export const catalogPageSchema = z.object({
  items: z.array(catalogEntrySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** One version in an entry's history (listed, suspended, restored, removed, renewed, contact). */
export const catalogHistoryItemSchema = z.object({
  version: z.number(),
  change: z.string(),
  reason: z.string(),
  changedAt: z.string(),
});

/** GET /api/public/catalog/:id */
export const catalogEntryDetailSchema = z.object({
  entry: catalogEntrySchema,
  history: z.array(catalogHistoryItemSchema),
});

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type CatalogPage = z.infer<typeof catalogPageSchema>;
export type CatalogHistoryItem = z.infer<typeof catalogHistoryItemSchema>;
export type CatalogEntryDetail = z.infer<typeof catalogEntryDetailSchema>;
