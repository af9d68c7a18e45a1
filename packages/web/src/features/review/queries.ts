import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import { applicationsKey } from "../applications/queries";
import type { Candidate, Pair, Preview, Progress, Ranking, ReviewRound, RoundInput } from "./types";

const base = (batchId: string) => `/review/${encodeURIComponent(batchId)}`;
export const reviewKey = (batchId: string | null) => ["review", batchId] as const;

export function useRound(batchId: string | null) {
  return useQuery({
    queryKey: [...reviewKey(batchId), "settings"],
    queryFn: () =>
      api.get<{ round: ReviewRound }>(`${base(batchId ?? "")}/settings`).then((body) => body.round),
    enabled: Boolean(batchId),
  });
}

export function useProgress(batchId: string | null) {
  return useQuery({
    queryKey: [...reviewKey(batchId), "progress"],
    queryFn: () => api.get<Progress>(`${base(batchId ?? "")}/progress`),
    enabled: Boolean(batchId),
    staleTime: 0,
  });
}

export function useRanking(batchId: string | null) {
  return useQuery({
    queryKey: [...reviewKey(batchId), "ranking"],
    queryFn: () => api.get<Ranking>(`${base(batchId ?? "")}/ranking`),
    enabled: Boolean(batchId),
    staleTime: 0,
  });
}

/**
 * The applications waiting for experts, read from the assignment preview (which stores nothing):
 * the review API has no plain list of a batch's review candidates, so the preview's proposals and
 * unstaffed applications, together with the live assignments, are the office's choice.
 */
export function useCandidates(batchId: string | null) {
  const progress = useProgress(batchId);
  const preview = useQuery({
    queryKey: [...reviewKey(batchId), "candidates"],
    queryFn: () => api.post<Preview>(`${base(batchId ?? "")}/assignments/preview`),
    enabled: Boolean(batchId),
    staleTime: 0,
  });
  const map = new Map<string, Candidate>();
  const put = (id: string, institutionName: string, occupationName: string | null) => {
    if (!map.has(id) || (occupationName && !map.get(id)?.occupationName))
      map.set(id, { id, institutionName, occupationName });
  };
  for (const item of progress.data?.assignments ?? [])
    put(item.applicationId, item.institutionName, item.occupationName);
  for (const item of preview.data?.assignments ?? [])
    put(item.applicationId, item.institutionName, item.occupationName);
  for (const item of preview.data?.unstaffed ?? []) put(item.applicationId, item.institutionName, null);
  const candidates = [...map.values()].sort((a, b) =>
    a.institutionName.localeCompare(b.institutionName, "zh-CN"),
  );
  return { candidates, isPending: preview.isPending || progress.isPending };
}

/** Every review query of the batch may change after any office action. */
function useReviewMutation<TInput, TResult>(batchId: string, run: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: reviewKey(batchId) });
      void client.invalidateQueries({ queryKey: applicationsKey });
    },
  });
}

export const useSaveRound = (batchId: string) =>
  useReviewMutation(batchId, (input: RoundInput) =>
    api.put<{ round: ReviewRound }>(`${base(batchId)}/settings`, input).then((body) => body.round),
  );

export const usePreview = (batchId: string) =>
  useMutation({ mutationFn: () => api.post<Preview>(`${base(batchId)}/assignments/preview`) });

export const useApplyAssignments = (batchId: string) =>
  useReviewMutation(batchId, (input: { assignments: Pair[]; source: "auto" | "manual" | "csv" }) =>
    api.post<{ applied: number }>(`${base(batchId)}/assignments`, input),
  );

export const useCsvAssignments = (batchId: string) =>
  useReviewMutation(batchId, (text: string) =>
    api.post<{ applied: number }>(`${base(batchId)}/assignments/csv`, { text }),
  );

export const useRemoveAssignment = (batchId: string) =>
  useReviewMutation(batchId, ({ id, reason }: { id: string; reason: string }) =>
    api.delete<{ ok: true }>(`/review/assignments/${encodeURIComponent(id)}`, { body: { reason } }),
  );

export const useReopen = (batchId: string) =>
  useReviewMutation(batchId, ({ id, reason }: { id: string; reason: string }) =>
    api.post<{ ok: true }>(`/review/assignments/${encodeURIComponent(id)}/reopen`, { reason }),
  );

export const useConflictOverride = (batchId: string) =>
  useReviewMutation(
    batchId,
    (input: {
      expertId: string;
      applicationId: string;
      type: string;
      action: "pin" | "clear";
      reason: string;
    }) => api.post<{ ok: true }>("/review/conflicts", input),
  );

export const useOpenScores = (batchId: string) =>
  useReviewMutation(batchId, () => api.post<{ ok: true }>(`${base(batchId)}/open-scores`));

export const useCompleteReview = (batchId: string) =>
  useReviewMutation(batchId, () =>
    api.post<{ completed: number; stillUnderReview: number }>(`${base(batchId)}/complete`),
  );

export const useDecide = (batchId: string) =>
  useReviewMutation(
    batchId,
    ({ id, ...input }: { id: string; decision: "approved" | "rejected"; basis: string }) =>
      api.post<{ status: string }>(`/applications/${encodeURIComponent(id)}/decide`, input),
  );
