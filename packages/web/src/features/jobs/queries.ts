import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api";
import { isFinished } from "../notifications/job-progress";
import type { Job } from "../notifications/types";

const POLL_MS = 1_500;
const myJobsKey = ["jobs", "mine"] as const;

/** GET /api/jobs: the caller's latest 50 jobs, newest first; polled while any is unfinished. */
export function useMyJobs() {
  return useQuery({
    queryKey: myJobsKey,
    queryFn: () => api.get<{ items: Job[] }>("/jobs").then((body) => body.items),
    refetchInterval: (query) => (query.state.data?.some((job) => !isFinished(job)) ? POLL_MS : false),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

/**
 * POST /api/batches/:id/exports/applications: queues 批量导出申报材料 (every submitted application
 * of the batch the caller may see) and answers with the job and how many applications it holds.
 */
export function useStartBatchExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (batchId: string) =>
      api.post<{ jobId: string; count: number }>(
        `/batches/${encodeURIComponent(batchId)}/exports/applications`,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: myJobsKey }),
  });
}
