import type { BatchDefinition } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { StaffBatch, StaffBatchSummary } from "../../app/api-types";
import { api } from "../../shared/http";

export const batchesKey = ["batches"] as const;

export function useStaffBatches(enabled = true) {
  return useQuery({
    queryKey: batchesKey,
    queryFn: () => api.get<{ items: StaffBatchSummary[] }>("/batches").then((body) => body.items),
    enabled,
  });
}

export function useStaffBatch(id: string) {
  return useQuery({
    queryKey: [...batchesKey, id],
    queryFn: () =>
      api.get<{ batch: StaffBatch }>(`/batches/${encodeURIComponent(id)}`).then((body) => body.batch),
  });
}

/** After any change, the list, the batch and the public pages may all have changed. */
function useRefresh() {
  const client = useQueryClient();
  return (batch?: StaffBatch) => {
    if (batch) client.setQueryData([...batchesKey, batch.id], batch);
    void client.invalidateQueries({ queryKey: batchesKey });
    void client.invalidateQueries({ queryKey: ["public"] });
  };
}

export function useCreateBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (definition: BatchDefinition) =>
      api.post<{ batch: StaffBatch }>("/batches", { definition }).then((body) => body.batch),
    onSuccess: refresh,
  });
}

export function useSaveBatch(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { definition: BatchDefinition; version: number }) =>
      api.put<{ batch: StaffBatch }>(`/batches/${encodeURIComponent(id)}`, input).then((body) => body.batch),
    onSuccess: refresh,
  });
}

export function useCloneBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ batch: StaffBatch }>(`/batches/${encodeURIComponent(id)}/clone`).then((body) => body.batch),
    onSuccess: refresh,
  });
}

export function usePublishBatch() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      api
        .post<{ batch: StaffBatch }>(`/batches/${encodeURIComponent(id)}/publish`)
        .then((body) => body.batch),
    onSuccess: refresh,
  });
}
