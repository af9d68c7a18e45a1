import type { Dashboard, KindCode } from "@linxuan/domain";

/*
 * GET /api/stats/dashboard and /api/public/stats: the contracts in @linxuan/domain (contracts/stats).
 * Names come from the server already in Chinese; codes are kept for keys and filters.
 */
export type { Dashboard, PublicStats } from "@linxuan/domain";

export type DashboardFilter = { batchId?: string; region?: string; kind?: KindCode };

export type OccupationCount = Dashboard["byOccupation"][number];
export type RegionCount = Dashboard["byRegion"][number];
export type KindCount = Dashboard["byKind"][number];
export type StatusCount = Dashboard["byStatus"][number];
export type FunnelStep = Dashboard["funnel"][number];
export type CoverageCell = Dashboard["catalogCoverage"][number];
export type ExpertLoad = Dashboard["expertLoad"][number];
