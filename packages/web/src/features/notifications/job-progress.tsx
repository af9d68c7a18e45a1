import { useQuery } from "@tanstack/react-query";
import { Alert, Progress, Space, Typography } from "antd";
import { useEffect, useRef } from "react";
import { api, isApiError } from "../../app/api";
import { errorText } from "../../app/form-errors";
import type { Job, JobStatus } from "./types";

/*
 * Progress of a background job (GET /api/jobs/:id; only its creator or an administrator may read
 * it, anyone else gets 404).
 *
 * Usage, once a server route answers with the id of the job it queued:
 *
 *   const { jobId } = await api.post<{ jobId: string }>("/…/export");
 *   followJob(jobId, "导出申报材料");           // listed under the header's bell while it runs,
 *                                               // and announced when it ends, on any page
 *   <JobProgress jobId={jobId} onFinished={(job) => … job.result …} />   // and/or inline here
 *
 * `followJob` / `unfollowJob` live in ./followed-jobs. Both views read the same query (key
 * ["jobs", id]), so following a job and showing it inline cost one request per poll.
 */

const POLL_MS = 1_500;

export const jobStatusLabels: Record<JobStatus, string> = {
  queued: "排队等待",
  running: "正在处理",
  done: "已完成",
  failed: "失败",
};

/** Friendly names of the job types the server runs (packages/server/src/jobs/handlers.ts). */
const jobTypeLabels: Record<string, string> = { "notification.email": "发送通知邮件" };

export function jobTypeLabel(type: string): string {
  return jobTypeLabels[type] ?? "后台任务";
}

export function isFinished(job: Job | undefined): boolean {
  return job?.status === "done" || job?.status === "failed";
}

function isClientError(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

export function jobQuery(id: string) {
  return {
    queryKey: ["jobs", id] as const,
    queryFn: () => api.get<Job>(`/jobs/${encodeURIComponent(id)}`),
    // Polled until it ends; a 4xx (gone, not ours, signed out) ends it too, a network error not.
    refetchInterval: (query: { state: { data?: Job; error: unknown } }) =>
      isFinished(query.state.data) || isClientError(query.state.error) ? false : POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  };
}

export function useJob(id: string) {
  return useQuery(jobQuery(id));
}

/** The sentence under the bar: the job's own note, or what its state means. */
export function jobStatusText(job: Job): string {
  if (job.status === "queued" && job.attempts > 0 && job.lastError) return "上次执行出错，稍后自动重试";
  if (job.status === "failed") return `执行失败${job.lastError ? `：${job.lastError}` : ""}`;
  return job.progressNote ?? jobStatusLabels[job.status];
}

/**
 * A job's progress bar with its state and note. `onFinished` is called once, when the job is done
 * or has failed for good.
 */
export function JobProgress({
  jobId,
  title,
  size = "medium",
  onFinished,
}: {
  jobId: string;
  /** What the job does, shown above the bar; defaults to the job type's name. */
  title?: string;
  size?: "small" | "medium";
  onFinished?: (job: Job) => void;
}) {
  const job = useJob(jobId);
  const finished = useRef(false);
  const data = job.data;
  useEffect(() => {
    if (data && isFinished(data) && !finished.current) {
      finished.current = true;
      onFinished?.(data);
    }
  }, [data, onFinished]);

  if (job.isError) {
    const text = isApiError(job.error, "NOT_FOUND") ? "任务不存在或已无权查看" : errorText(job.error);
    return <Alert type="warning" showIcon title={title ? `${title}：${text}` : text} />;
  }
  const percent = data ? Math.round(data.progress * 100) : 0;
  const status =
    data?.status === "failed"
      ? "exception"
      : data?.status === "done"
        ? "success"
        : data?.status === "running"
          ? "active"
          : "normal";
  const name = title ?? (data ? jobTypeLabel(data.type) : "后台任务");
  return (
    <Space orientation="vertical" size={0} style={{ width: "100%" }} aria-live="polite">
      <Typography.Text strong={size === "medium"} style={{ fontSize: size === "small" ? 13 : 14 }}>
        {name}
      </Typography.Text>
      <Progress percent={percent} status={status} size={size} aria-label={`${name}进度`} />
      <Typography.Text type={data?.status === "failed" ? "danger" : "secondary"} style={{ fontSize: 12 }}>
        {data ? jobStatusText(data) : "正在查询任务状态…"}
      </Typography.Text>
    </Space>
  );
}
