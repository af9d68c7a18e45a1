import { Progress, Space, Tag, Typography } from "antd";
import { jobName, jobStatusLabels, progressStatus } from "../notifications/job-progress";
import type { Job, JobStatus } from "../notifications/types";

/** Cells both job tables (后台任务 and 后台任务监控) show the same way. */

const statusColors: Record<JobStatus, string> = {
  queued: "default",
  running: "processing",
  done: "success",
  failed: "error",
};

/** The job's state as a coloured tag. */
export function JobStatusTag({ status }: { status: JobStatus }) {
  return <Tag color={statusColors[status]}>{jobStatusLabels[status]}</Tag>;
}

/** 任务: what the job does, and what it is about (which batch, which e-mail) beneath. */
export function JobNameCell({ job }: { job: Pick<Job, "type" | "label" | "description"> }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>{jobName(job)}</Typography.Text>
      {job.description && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {job.description}
        </Typography.Text>
      )}
    </Space>
  );
}

/** A small progress bar with a note under it, for a job that waits or runs. */
export function JobProgressLine({
  job,
  note,
}: {
  job: Pick<Job, "type" | "label" | "status" | "progress">;
  note: string;
}) {
  return (
    <Space orientation="vertical" size={0} style={{ width: "100%" }}>
      <Progress
        percent={Math.round(job.progress * 100)}
        status={progressStatus(job.status)}
        size="small"
        aria-label={`${jobName(job)}进度`}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note}
      </Typography.Text>
    </Space>
  );
}
