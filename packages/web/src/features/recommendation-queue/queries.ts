import type { LatePaperDecision, RecommendationClosure, Recommended } from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";
import { applicationsKey } from "../applications/queries";
import type { Application } from "../applications/types";
import type { CloseInput, Queue, QueueFilter, ReturnInput } from "./types";

export const queueKey = ["recommendation-queue"] as const;
const path = (id: string) => `/applications/${encodeURIComponent(id)}`;

export function useQueue(filter: QueueFilter | null) {
  return useQuery({
    queryKey: [...queueKey, filter],
    queryFn: () => api.get<Queue>("/recommendation-queue", filter ?? undefined),
    enabled: Boolean(filter?.batchId),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The queue of the application's batch, unfiltered: quota, stage and closure for the detail page. */
export function useBatchQueue(batchId: string | null) {
  return useQueue(batchId ? { batchId } : null);
}

/** After any action both the queue (counts, quota) and the application itself have changed. */
function useApplicationMutation<TInput, TResult>(id: string, run: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queueKey });
      void client.invalidateQueries({ queryKey: [...applicationsKey, id] });
    },
  });
}

/** The contract passes the application through; it is the application view of GET /api/applications/:id. */
export type RecommendResult = { application: Application; quota: Recommended["quota"] };

export const useRecommend = (id: string) =>
  useApplicationMutation(id, (input: { reason: string; rank: number }) =>
    api.post<RecommendResult>(`${path(id)}/recommend`, input),
  );

export const useDecline = (id: string) =>
  useApplicationMutation(id, (reason: string) =>
    api.post<{ application: Application }>(`${path(id)}/decline`, { reason }),
  );

export const useUndoRecommendation = (id: string) =>
  useApplicationMutation(id, () => api.post<{ application: Application }>(`${path(id)}/undo-recommendation`));

export const useReturnApplication = (id: string) =>
  useApplicationMutation(id, (input: ReturnInput) =>
    api.post<{ application: Application }>(`${path(id)}/return`, {
      reason: input.reason,
      replyBy: input.replyBy,
      fieldComments: input.fieldComments.length > 0 ? input.fieldComments : undefined,
    }),
  );

export const usePaperReceipt = (id: string) =>
  useApplicationMutation(
    id,
    (input: {
      copies: number;
      receivedOn: string;
      note: string | null;
      lateDecision: LatePaperDecision | null;
      lateReason: string | null;
    }) => api.post<{ application: Application }>(`${path(id)}/paper-receipt`, input),
  );

export const useFormalCheck = (id: string) =>
  useApplicationMutation(id, (input: { opinion: string | null }) =>
    api.post<{ application: Application }>(`${path(id)}/formal-check`, input),
  );

export function useCloseRecommendation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseInput) =>
      api.post<{ closure: RecommendationClosure }>("/recommendation/close", input),
    onSettled: () => client.invalidateQueries({ queryKey: queueKey }),
  });
}

/** POST /api/applications/:id/reveal: one ID or phone number in full; the server audits it. */
export function revealValue(id: string, fieldPath: string) {
  return api.post<{ path: string; value: string }>(`${path(id)}/reveal`, { path: fieldPath });
}
