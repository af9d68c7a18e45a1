import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { jobName, jobStatusLabels } from "../notifications/job-progress";
import type { JobStatus } from "../notifications/types";
import { JobNameCell, JobProgressLine, JobStatusTag } from "./job-parts";
import { type MonitoredJob, useJobMonitor, useRetryJob } from "./queries";

const statuses: JobStatus[] = ["queued", "running", "done", "failed"];

const emptyTexts: Record<JobStatus | "all", string> = {
  all: "还没有后台任务",
  queued: "没有排队等待的任务",
  running: "没有正在处理的任务",
  done: "没有已完成的任务",
  failed: "没有失败的任务",
};

/** The 状态 cell: a bar while the job runs; its tag otherwise, with a note when it waits to retry. */
function MonitorState({ job }: { job: MonitoredJob }) {
  if (job.status === "running") return <JobProgressLine job={job} note={jobStatusLabels.running} />;
  return (
    <Space orientation="vertical" size={0}>
      <JobStatusTag status={job.status} />
      {job.status === "queued" && job.attempts > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          出错后等待重试
        </Typography.Text>
      )}
    </Space>
  );
}

/** The 时间 cell: when it was queued, and when it ended or (still queued) when it runs next. */
function MonitorTimes({ job }: { job: MonitoredJob }) {
  const second =
    job.status === "queued"
      ? `${job.attempts > 0 ? "下次重试" : "计划执行"}：${formatInstant(job.runAfter)}`
      : job.finishedAt
        ? `结束：${formatInstant(job.finishedAt)}`
        : null;
  return (
    <Space orientation="vertical" size={0}>
      <span>创建：{formatInstant(job.createdAt)}</span>
      {second && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {second}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * /workbench/job-monitor — 后台任务监控 (administrator): every job the platform runs in the
 * background, whoever queued it, with a retry for those that failed for good. What a job produced
 * (its result, its file) is its requester's alone and never reaches this page.
 */
export function JobMonitorPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<JobStatus | "all">("all");
  const [type, setType] = useState<string | undefined>(undefined);
  const monitor = useJobMonitor({ status: status === "all" ? undefined : status, type });
  const retry = useRetryJob();
  const counts = monitor.data?.counts;
  const total = counts ? statuses.reduce((sum, key) => sum + counts[key], 0) : undefined;
  const countText = (n: number | undefined) => (n === undefined ? "" : ` ${n}`);

  const retryJob = (job: MonitoredJob) =>
    retry
      .mutateAsync(job.id)
      .then(() => message.success(`已重新排队：${jobName(job)}，稍后自动执行`))
      .catch((error: unknown) => message.error(errorText(error)));

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>后台任务监控</h1>
          <Typography.Text type="secondary">
            平台在后台发送通知邮件、发出到期提醒，并执行批量导出、批量导入和自动分配。任务出错时自动重试（通知邮件在约3.5小时内尝试12次），仍未成功的停在“失败”，收件人的消息通知显示“邮件发送失败”。排除原因（如邮件服务器无法连接）后，可对失败的任务“重新执行”。任务的结果和生成的文件只有发起人本人可以查看和下载，这里只显示任务的状态。这里列出最近200个任务，每5秒自动刷新。
          </Typography.Text>
        </div>
        <Button onClick={() => void monitor.refetch()} loading={monitor.isFetching && !monitor.isPending}>
          刷新
        </Button>
      </div>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="任务状态"
          value={status}
          onChange={(value) => setStatus(value as JobStatus | "all")}
          options={[
            { value: "all", label: `全部${countText(total)}` },
            ...statuses.map((key) => ({
              value: key,
              label: `${jobStatusLabels[key]}${countText(counts?.[key])}`,
            })),
          ]}
        />
        <Select
          aria-label="任务类型"
          allowClear
          placeholder="全部任务类型"
          style={{ width: 200 }}
          value={type}
          onChange={(value?: string) => setType(value)}
          options={(monitor.data?.types ?? []).map((item) => ({ value: item.type, label: item.label }))}
        />
      </Space>
      {monitor.isError && (
        <Alert type="error" showIcon title={errorText(monitor.error)} style={{ marginBottom: 16 }} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<MonitoredJob>
          rowKey="id"
          size="middle"
          loading={monitor.isPending}
          dataSource={monitor.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个` }}
          scroll={{ x: 1050 }}
          locale={{ emptyText: emptyTexts[status] }}
          columns={[
            {
              title: "任务",
              key: "label",
              render: (_, job) => <JobNameCell job={job} />,
            },
            {
              title: "发起人",
              dataIndex: "createdBy",
              width: 100,
              render: (createdBy: string | null) =>
                createdBy ?? <Typography.Text type="secondary">系统</Typography.Text>,
            },
            { title: "状态", key: "status", width: 150, render: (_, job) => <MonitorState job={job} /> },
            {
              title: "尝试",
              key: "attempts",
              width: 70,
              render: (_, job) => `${job.attempts}/${job.maxAttempts}`,
            },
            { title: "时间", key: "times", width: 220, render: (_, job) => <MonitorTimes job={job} /> },
            {
              title: "错误",
              dataIndex: "lastError",
              width: 220,
              ellipsis: { showTitle: false },
              // A done job keeps the error of an earlier try: shown, but not as a current problem.
              render: (lastError: string | null, job) =>
                lastError ? (
                  <Tooltip title={lastError} placement="topLeft">
                    <Typography.Text type={job.status === "done" ? "secondary" : "danger"}>
                      {lastError}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  "—"
                ),
            },
            {
              title: "操作",
              key: "actions",
              width: 100,
              fixed: "right",
              render: (_, job) =>
                job.status === "failed" ? (
                  <Popconfirm
                    title="重新执行该任务？"
                    description="任务重新排队，尝试次数从零计。请先确认出错原因已排除。"
                    okText="重新执行"
                    cancelText="取消"
                    onConfirm={() => retryJob(job)}
                  >
                    <Button type="link" size="small">
                      重新执行
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
