import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, type ButtonProps, Progress, Space, Typography } from "antd";
import { useEffect, useRef } from "react";
import { errorText } from "../../shared/form-errors";
import { api, isApiError } from "../../shared/http";
import type { Job, JobStatus } from "./types";

/*
 * Progress of a background job (GET /api/jobs/:id; only its creator may read it, anyone else —
 * the administrator included — gets 404).
 *
 * Usage, once a server route answers with the id of the job it queued:
 *
 *   const { jobId } = await api.post<{ jobId: string }>("/…/export");
 *   followJob(jobId, "导出申报材料");           // listed under the header's bell while it runs,
 *                                               // and announced when it ends, on any page
 *   <JobProgress jobId={jobId} onFinished={(job) => … job.result …} />   // and/or inline here
 *
 * `followJob` / `unfollowJob` live in ./followed-jobs. Both views read the same query (key
 * ["jobs", id]), so following a job and showing it inline cost one request per poll. A job that
 * produced a file (`hasFile`) shows its download link under the bar once done.
 */

const POLL_MS = 1_500;

export const jobStatusLabels: Record<JobStatus, string> = {
  queued: "排队等待",
  running: "正在处理",
  done: "已完成",
  failed: "失败",
};

/**
 * Names of the job types the server runs (packages/server/src/jobs/handlers.ts). The server sends
 * its own name as `job.label`; these are for a job not loaded yet or an older server.
 */
export const jobTypeLabels: Record<string, string> = {
  "notification.email": "发送通知邮件",
  "reminders.sweep": "到期提醒",
  "applications.batchExport": "批量导出申报材料",
  "experts.import": "批量导入专家",
  "review.autoAssign": "自动分配评议专家",
};

export function jobTypeLabel(type: string): string {
  return jobTypeLabels[type] ?? "后台任务";
}

/** What a job is called: the server's label, else the known name of its type. */
export function jobName(job: Pick<Job, "type" | "label">): string {
  return job.label || jobTypeLabel(job.type);
}

/** Where a finished job's file downloads (GET /api/jobs/:id/file, its requester only). */
export function jobFileUrl(id: string): string {
  return `/api/jobs/${encodeURIComponent(id)}/file`;
}

/** The name of the file a job produced, when its result says (`result.file.fileName`). */
export function jobFileName(job: Job): string | undefined {
  const file = (job.result as { file?: { fileName?: unknown } } | null)?.file;
  return typeof file?.fileName === "string" ? file.fileName : undefined;
}

/** The download of a finished job's file, as a real link (opens the browser's save dialog). */
export function JobFileLink({ job, ...props }: { job: Job } & Omit<ButtonProps, "href">) {
  const fileName = jobFileName(job);
  return (
    <Button
      icon={<DownloadOutlined />}
      title={fileName ? `下载 ${fileName}` : undefined}
      {...props}
      href={jobFileUrl(job.id)}
      download={fileName ?? true}
    >
      下载文件
    </Button>
  );
}

/** antd Progress's look for each state. */
export function progressStatus(status: JobStatus | undefined): "exception" | "success" | "active" | "normal" {
  if (status === "failed") return "exception";
  if (status === "done") return "success";
  return status === "running" ? "active" : "normal";
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
  // The server keeps the last running note ("正在打包") on a finished job: it no longer applies.
  if (job.status === "done") return jobStatusLabels.done;
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
  /** What the job does, shown above the bar; defaults to the server's name for the job. */
  title?: string;
  size?: "small" | "medium";
  onFinished?: (job: Job) => void;
}) {
  const job = useJob(jobId);
  // The job already reported, so that a new `jobId` in the same place is reported too.
  const reported = useRef<string | null>(null);
  const data = job.data;
  useEffect(() => {
    if (data && isFinished(data) && reported.current !== data.id) {
      reported.current = data.id;
      onFinished?.(data);
    }
  }, [data, onFinished]);

  if (job.isError) {
    const text = isApiError(job.error, "NOT_FOUND") ? "任务不存在或已无权查看" : errorText(job.error);
    return <Alert type="warning" showIcon title={title ? `${title}：${text}` : text} />;
  }
  const percent = data ? Math.round(data.progress * 100) : 0;
  const name = title ?? (data ? jobName(data) : "后台任务");
  return (
    <Space orientation="vertical" size={0} style={{ width: "100%" }} aria-live="polite">
      <Typography.Text strong={size === "medium"} style={{ fontSize: size === "small" ? 13 : 14 }}>
        {name}
      </Typography.Text>
      <Progress
        percent={percent}
        status={progressStatus(data?.status)}
        size={size}
        aria-label={`${name}进度`}
      />
      <Typography.Text type={data?.status === "failed" ? "danger" : "secondary"} style={{ fontSize: 12 }}>
        {data ? jobStatusText(data) : "正在查询任务状态…"}
      </Typography.Text>
      {data?.status === "done" && data.hasFile && (
        <JobFileLink job={data} type="primary" size="small" style={{ marginTop: 6 }} />
      )}
    </Space>
  );
}
