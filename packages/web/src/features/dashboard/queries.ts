import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, withQuery } from "../../shared/http";
import type { Dashboard, DashboardFilter, PublicStats } from "./types";

export function useDashboard(filter: DashboardFilter, enabled = true) {
  return useQuery({
    queryKey: ["stats", "dashboard", filter],
    queryFn: () => api.get<Dashboard>("/stats/dashboard", filter),
    // Changing a filter keeps the previous figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The Excel export of exactly the figures on screen (same filters). */
export function dashboardXlsxUrl(filter: DashboardFilter): string {
  return withQuery("/api/stats/dashboard.xlsx", filter);
}

export function usePublicStats() {
  return useQuery({
    queryKey: ["public", "stats"],
    queryFn: () => api.get<PublicStats>("/public/stats"),
  });
}
