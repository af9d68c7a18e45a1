import { useQuery } from "@tanstack/react-query";
import type { PublicBatch, PublicBatchSummary } from "../../app/api-types";
import { api } from "../../shared/http";

export function usePublicBatches() {
  return useQuery({
    queryKey: ["public", "batches"],
    queryFn: () => api.get<{ items: PublicBatchSummary[] }>("/public/batches").then((body) => body.items),
  });
}

export function usePublicBatch(id: string) {
  return useQuery({
    queryKey: ["public", "batches", id],
    queryFn: () =>
      api.get<{ batch: PublicBatch }>(`/public/batches/${encodeURIComponent(id)}`).then((b) => b.batch),
  });
}
