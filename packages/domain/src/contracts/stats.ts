import { z } from "zod";
import { kindCodes } from "../reference/kinds";
import { occupationCodes } from "../reference/occupations";

/** GET /api/stats/dashboard: the office's figures. Names come in Chinese; codes are for keys and filters. */
export const dashboardSchema = z.object({
  totals: z.object({ drafts: z.number(), submitted: z.number(), listed: z.number() }),
  byOccupation: z.array(
    z.object({
      kind: z.enum(kindCodes),
      kindName: z.string(),
      occupation: z.enum(occupationCodes),
      occupationName: z.string(),
      count: z.number(),
    }),
  ),
  /** `region` is "unknown" for an institution without one. */
  byRegion: z.array(z.object({ region: z.string(), regionName: z.string(), count: z.number() })),
  byKind: z.array(z.object({ kind: z.enum(kindCodes), kindName: z.string(), count: z.number() })),
  byStatus: z.array(z.object({ status: z.string(), statusName: z.string(), count: z.number() })),
  funnel: z.array(z.object({ stage: z.string(), name: z.string(), count: z.number() })),
  catalogCoverage: z.array(
    z.object({
      region: z.string(),
      regionName: z.string(),
      occupation: z.enum(occupationCodes),
      occupationName: z.string(),
      count: z.number(),
    }),
  ),
  expertLoad: z.array(z.object({ name: z.string(), assigned: z.number(), submitted: z.number() })),
  reviewProgress: z.object({ assigned: z.number(), submitted: z.number() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** GET /api/public/stats: counts only, nothing that names an institution. */
export const publicStatsSchema = z.object({
  publishedBatches: z.number(),
  submittedApplications: z.number(),
  catalog: z.object({ total: z.number(), training: z.number(), evaluation: z.number() }),
});
export type PublicStats = z.infer<typeof publicStatsSchema>;

/** One key date of a published batch (GET /api/public/deadlines). */
export const deadlineSchema = z.object({
  batchId: z.string(),
  /** The batch's short title; a demo copy's already starts with 【演示】. */
  batchTitle: z.string(),
  isDemo: z.boolean(),
  /** onlineDeadline, paperDeadline, or `${stage}.opens` / `${stage}.closes`. */
  kind: z.string(),
  name: z.string(),
  /** ISO-8601 instant with offset. */
  at: z.string(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const deadlineListSchema = z.object({ items: z.array(deadlineSchema) });
