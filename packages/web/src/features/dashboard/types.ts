import type { KindCode, OccupationCode } from "../../app/api-types";

/*
 * GET /api/stats/dashboard (packages/server/src/features/stats/service.ts `dashboard`). Names come
 * from the server already in Chinese; codes are kept for keys and filters.
 */

export type DashboardFilter = { batchId?: string; region?: string; kind?: KindCode };

export type OccupationCount = {
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  count: number;
};

export type RegionCount = { region: string; regionName: string; count: number };

export type KindCount = { kind: KindCode; kindName: string; count: number };

export type StatusCount = { status: string; statusName: string; count: number };

export type FunnelStep = { stage: string; name: string; count: number };

export type CoverageCell = {
  region: string;
  regionName: string;
  occupation: OccupationCode;
  occupationName: string;
  count: number;
};

export type ExpertLoad = { name: string; assigned: number; submitted: number };

export type Dashboard = {
  totals: { drafts: number; submitted: number; listed: number };
  byOccupation: OccupationCount[];
  byRegion: RegionCount[];
  byKind: KindCount[];
  byStatus: StatusCount[];
  funnel: FunnelStep[];
  catalogCoverage: CoverageCell[];
  expertLoad: ExpertLoad[];
  reviewProgress: { assigned: number; submitted: number };
};

/** GET /api/public/stats: counts only, nothing that names an institution. */
export type PublicStats = {
  publishedBatches: number;
  submittedApplications: number;
  catalog: { total: number; training: number; evaluation: number };
};
