import type { DecisionMade, RandomDraw, RecommendationCheckList, ReviewCandidate } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";
import { applicationsKey } from "../applications/queries";
import type { Candidate, Pair, Progress, RandomDrawRecord, Ranking, ReviewRound, RoundInput } from "./types";

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

/** The applications in (or waiting for) expert review, with their experts and conflicts. */
export function useCandidates(batchId: string | null) {
  const query = useQuery({
    queryKey: [...reviewKey(batchId), "candidates"],
    queryFn: () =>
      api
        .get<{ items: ReviewCandidate[] }>(`${base(batchId ?? "")}/candidates`)
        .then((body) =>
          body.items
            .map(({ applicationId, ...item }): Candidate => ({ id: applicationId, ...item }))
            .sort((a, b) => a.institutionName.localeCompare(b.institutionName, "zh-CN")),
        ),
    enabled: Boolean(batchId),
    staleTime: 0,
  });
  return { candidates: query.data ?? [], isPending: query.isPending, error: query.error };
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

/**
 * Starts 自动分配 as a background job. `apply: false` only computes the proposal (the job's result,
 * an AutoAssignResult) for the office to look at and confirm with useApplyAssignments.
 */
export const useStartAutoAssign = (batchId: string) =>
  useMutation({
    mutationFn: (input: { apply: boolean }) =>
      api.post<{ jobId: string }>(`${base(batchId)}/assignments/auto`, input),
  });

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
    ({
      id,
      ...input
    }: {
      id: string;
      decision: "approved" | "rejected";
      basis: string;
      shortfallReason?: string;
    }) => api.post<DecisionMade>(`/applications/${encodeURIComponent(id)}/decide`, input),
  );

/** 随机抽取: preview (apply false) or save a draw; the seed given draws the same experts again. */
export const useRandomDraw = (batchId: string) =>
  useReviewMutation(batchId, (input: { apply: boolean; seed?: number }) =>
    api.post<RandomDraw>(`${base(batchId)}/assignments/random`, input),
  );

/** The draws saved for the batch, with their seeds. */
export function useDraws(batchId: string) {
  return useQuery({
    queryKey: [...reviewKey(batchId), "draws"],
    queryFn: () =>
      api.get<{ items: RandomDrawRecord[] }>(`${base(batchId)}/draws`).then((body) => body.items),
    staleTime: 0,
  });
}

/** 审核: the national batch's recommended training applications and the office's checks. */
export function useRecommendationChecks(batchId: string) {
  return useQuery({
    queryKey: [...reviewKey(batchId), "recommendation-checks"],
    queryFn: () => api.get<RecommendationCheckList>(`${base(batchId)}/recommendation-checks`),
    staleTime: 0,
  });
}

export const useCheckRecommendation = (batchId: string) =>
  useReviewMutation(
    batchId,
    ({ id, ...input }: { id: string; outcome: "passed" | "failed"; reason: string }) =>
      api.post<{ outcome: string }>(`/applications/${encodeURIComponent(id)}/recommendation-check`, input),
  );
