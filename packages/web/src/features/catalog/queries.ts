import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, postMultipart, type Query } from "../../shared/http";
import type { Acknowledgement } from "../public-notices/types";
import type { CatalogEntryDetail, CatalogFilters, CatalogPage, CatalogQuery } from "./types";

export const catalogKey = ["public", "catalog"] as const;

export function useCatalog(query: CatalogQuery) {
  return useQuery({
    queryKey: [...catalogKey, query],
    queryFn: () => api.get<CatalogPage>("/public/catalog", query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useCatalogEntry(id: string) {
  return useQuery({
    queryKey: [...catalogKey, "entry", id],
    queryFn: () => api.get<CatalogEntryDetail>(`/public/catalog/${encodeURIComponent(id)}`),
  });
}

/** A download of the whole filtered catalog (not just the page shown). */
export function catalogDownloadUrl(format: "xlsx" | "csv", filters: CatalogFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return `/api/public/catalog.${format}${text ? `?${text}` : ""}`;
}

export function fileComplaint(entryId: string, form: FormData) {
  return postMultipart<Acknowledgement>(`/public/catalog/${encodeURIComponent(entryId)}/complaints`, form);
}

export type AdjustAction = "suspend" | "restore" | "remove";

export function useAdjustEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: AdjustAction; reason: string }) =>
      api.post<{ ok: true }>(`/catalog/${encodeURIComponent(input.id)}/adjust`, {
        action: input.action,
        reason: input.reason,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: catalogKey }),
  });
}
