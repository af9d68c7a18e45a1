import { Alert, Button, Card, Space, Table, Typography } from "antd";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { jobStatusText } from "../notifications/job-progress";
import type { Job } from "../notifications/types";
import { JobNameCell, JobProgressLine, JobStatusTag } from "./job-parts";
import { JobResult } from "./job-result";
import { useMyJobs } from "./queries";

/** The 状态 cell: a bar while the job waits or runs, its tag and time once it has ended. */
function JobState({ job }: { job: Job }) {
  if (job.status === "queued" || job.status === "running")
    return <JobProgressLine job={job} note={jobStatusText(job)} />;
  return (
    <Space orientation="vertical" size={0}>
      <JobStatusTag status={job.status} />
      {job.finishedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatInstant(job.finishedAt)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** /workbench/jobs — 后台任务: the long operations the user started (latest 50), for every role. */
export function JobsPage() {
  const jobs = useMyJobs();
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>后台任务</h1>
          <Typography.Text type="secondary">
            批量导出、批量导入、自动分配等耗时操作在后台执行，离开页面不影响进度。这里列出您发起的最近50个任务，生成的文件可在此下载。
          </Typography.Text>
        </div>
        <Button onClick={() => void jobs.refetch()} loading={jobs.isFetching && !jobs.isPending}>
          刷新
        </Button>
      </div>
      {jobs.isError && (
        <Alert type="error" showIcon title={errorText(jobs.error)} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<Job>
          rowKey="id"
          size="middle"
          loading={jobs.isPending}
          dataSource={jobs.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: "您还没有发起过后台任务" }}
          columns={[
            {
              title: "任务",
              key: "label",
              render: (_, job) => <JobNameCell job={job} />,
            },
            {
              title: "发起时间",
              dataIndex: "createdAt",
              width: 190,
              render: (at: string) => formatInstant(at),
            },
            { title: "状态", key: "status", width: 260, render: (_, job) => <JobState job={job} /> },
            { title: "结果", key: "result", render: (_, job) => <JobResult job={job} /> },
          ]}
        />
      </Card>
    </>
  );
}
