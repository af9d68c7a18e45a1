import type { CorrectRegion, InstitutionPage, InstitutionSummary } from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";

export type InstitutionFilters = { q?: string; page: number; pageSize: number };

const institutionsKey = ["institutions"] as const;

export function useInstitutions(filters: InstitutionFilters) {
  return useQuery({
    queryKey: [...institutionsKey, filters],
    queryFn: () => api.get<InstitutionPage>("/institutions", filters),
    placeholderData: keepPreviousData,
  });
}

/** 更正所在地区: the list (and every application's 申报去向) follows. */
export function useCorrectRegion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: CorrectRegion & { id: string }) =>
      api.post<{ institution: InstitutionSummary }>(`/institutions/${encodeURIComponent(id)}/region`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: institutionsKey }),
  });
}
