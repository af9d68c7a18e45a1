import type { BatchExportStarted, JobMonitor } from "@linxuan/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/http";
import { isFinished } from "../notifications/job-progress";
import type { Job, JobStatus } from "../notifications/types";

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
      api.post<BatchExportStarted>(`/batches/${encodeURIComponent(batchId)}/exports/applications`),
    onSuccess: () => client.invalidateQueries({ queryKey: myJobsKey }),
  });
}

/** 后台任务监控 (GET /api/admin/jobs): the domain's contract (packages/domain/src/contracts/jobs.ts). */
export type { JobMonitor, MonitoredJob } from "@linxuan/domain";

export type JobMonitorFilters = { status?: JobStatus; type?: string };

const MONITOR_POLL_MS = 5_000;
const monitorKey = ["jobs", "monitor"] as const;

/** GET /api/admin/jobs (administrator): every job by state and type, polled while the page is open. */
export function useJobMonitor(filters: JobMonitorFilters) {
  return useQuery({
    queryKey: [...monitorKey, filters],
    queryFn: () => api.get<JobMonitor>("/admin/jobs", filters),
    placeholderData: keepPreviousData,
    refetchInterval: MONITOR_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

/** POST /api/admin/jobs/:id/retry: queues a failed job again, its tries counted afresh. */
export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/admin/jobs/${encodeURIComponent(id)}/retry`),
    onSettled: () => client.invalidateQueries({ queryKey: monitorKey }),
  });
}
