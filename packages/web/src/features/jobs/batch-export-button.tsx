import { ExportOutlined } from "@ant-design/icons";
import { App, Button, Space, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { errorText } from "../../shared/form-errors";
import { followJob, useFollowedJobs } from "../notifications/followed-jobs";
import { JobProgress } from "../notifications/job-progress";
import type { Job } from "../notifications/types";
import { useStartBatchExport } from "./queries";

type Started = { batchId: string; jobId: string; finished: boolean };

/**
 * 导出本批次申报材料: queues the batch export (PDF of every submitted application the user may see,
 * plus 申报汇总表.xlsx, as one ZIP), follows it under the header's bell and shows its progress here;
 * the download appears under the bar when it is done. Leaving the page does not stop it.
 */
export function BatchExportButton({
  batchId,
  batchTitle,
  align = "start",
}: {
  batchId: string;
  /** The batch's short title, for the job's name under the bell. */
  batchTitle?: string;
  /** Which side the button and the progress keep to (a page heading's right column: "end"). */
  align?: "start" | "end";
}) {
  const { message } = App.useApp();
  const start = useStartBatchExport();
  const [started, setStarted] = useState<Started | null>(null);
  const [failure, setFailure] = useState<{ batchId: string; text: string } | null>(null);
  const label = batchTitle ? `导出申报材料：${batchTitle}` : "导出申报材料";
  // Back on the page while an export of this batch still runs: show it here again.
  const running = useFollowedJobs().find((job) => job.label === label);
  useEffect(() => {
    if (running && started?.batchId !== batchId) setStarted({ batchId, jobId: running.id, finished: false });
  }, [running, started?.batchId, batchId]);
  const current = started?.batchId === batchId ? started : null;
  const onFinished = useCallback(
    (job: Job) => setStarted((prev) => (prev?.jobId === job.id ? { ...prev, finished: true } : prev)),
    [],
  );

  const run = () => {
    setFailure(null);
    start.mutate(batchId, {
      onSuccess: ({ jobId, count }) => {
        followJob(jobId, label);
        setStarted({ batchId, jobId, finished: false });
        message.info(`已开始导出${count}份申报材料，完成后可在此处或“后台任务”页下载`);
      },
      onError: (error) => setFailure({ batchId, text: errorText(error) }),
    });
  };

  return (
    <Space orientation="vertical" size={8} align={align}>
      <Button
        icon={<ExportOutlined />}
        loading={start.isPending}
        disabled={Boolean(current && !current.finished)}
        title={current && !current.finished ? "本批次的导出正在进行" : undefined}
        onClick={run}
      >
        导出本批次申报材料
      </Button>
      {failure?.batchId === batchId && (
        <Typography.Text type="danger" role="alert">
          {failure.text}
        </Typography.Text>
      )}
      {current && (
        <div
          style={{
            width: 340,
            maxWidth: "100%",
            padding: "8px 12px",
            border: "1px solid var(--lx-border)",
            borderRadius: 6,
            background: "#fff",
          }}
        >
          <JobProgress
            key={current.jobId}
            jobId={current.jobId}
            title={label}
            size="small"
            onFinished={onFinished}
          />
        </div>
      )}
    </Space>
  );
}
