import { ThunderboltOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/form-errors";
import { followJob } from "../notifications/followed-jobs";
import { JobProgress, jobQuery } from "../notifications/job-progress";
import { FailureList } from "./failure-list";
import { useApplyAssignments, useStartAutoAssign } from "./queries";
import type { AutoAssignResult, Preview } from "./types";

/**
 * The proposal job of a batch, kept for the browser tab (sessionStorage): the office may look at
 * another tab or page while it is computed and still find it here.
 */
function useProposalJob(batchId: string) {
  const key = `lx.autoAssignJob.${batchId}`;
  const [jobId, setJobId] = useState<string | null>(() => {
    try {
      return window.sessionStorage.getItem(key);
    } catch {
      return null;
    }
  });
  const remember = (id: string | null) => {
    try {
      if (id) window.sessionStorage.setItem(key, id);
      else window.sessionStorage.removeItem(key);
    } catch {
      // Storage disabled: the proposal lasts as long as this panel.
    }
    setJobId(id);
  };
  return [jobId, remember] as const;
}

function PreviewResult({ preview }: { preview: Preview }) {
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "n", label: "拟分配", children: `${preview.assignments.length} 人次` },
          {
            key: "load",
            label: "专家负荷",
            children: `最少 ${preview.stats.min} · 最多 ${preview.stats.max} · 平均 ${preview.stats.mean.toFixed(2)} 份`,
          },
          { key: "conflicts", label: "已回避的利益冲突", children: `${preview.conflictsAvoided} 对` },
        ]}
      />
      {preview.unstaffed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${preview.unstaffed.length} 份申报专家不足`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {preview.unstaffed.map((item) => (
                <li key={item.applicationId}>
                  {item.institutionName}：缺{item.missing}人。{item.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {preview.withoutOutsideExpert.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="未能安排外地专家"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {preview.withoutOutsideExpert.map((item) => (
                <li key={item.applicationId}>{item.reason}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        rowKey={(row) => `${row.applicationId}-${row.expertId}`}
        size="small"
        dataSource={preview.assignments}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        locale={{ emptyText: "没有需要分配的申报（均已分配足够的专家）" }}
        columns={[
          { title: "申报单位", dataIndex: "institutionName" },
          { title: "职业", dataIndex: "occupationName", width: 180 },
          { title: "拟分配专家", dataIndex: "expertName", width: 110 },
          { title: "专家工作单位", dataIndex: "expertEmployer" },
        ]}
      />
      <Space size={[6, 6]} wrap style={{ marginTop: 8, display: "flex" }}>
        <Typography.Text type="secondary">分配后各专家负荷：</Typography.Text>
        {preview.loads
          .filter((load) => load.load > 0)
          .map((load) => (
            <Tag key={load.expertId}>
              {load.name} {load.load}
            </Tag>
          ))}
      </Space>
    </>
  );
}

/**
 * 自动分配: the proposal is computed by a background job (conflict checks on every form take a
 * while for a large batch), shown here when done, and saved only when the office confirms it.
 */
export function AutoAssignCard({ batchId }: { batchId: string }) {
  const [jobId, setJobId] = useProposalJob(batchId);
  const start = useStartAutoAssign(batchId);
  const job = useQuery({ ...jobQuery(jobId ?? ""), enabled: jobId !== null });
  const apply = useApplyAssignments(batchId);
  const { message } = App.useApp();
  const proposal =
    jobId !== null && job.data?.id === jobId && job.data.status === "done"
      ? (job.data.result as AutoAssignResult)
      : null;
  const computing =
    jobId !== null &&
    !job.isError &&
    (!job.data || job.data.status === "queued" || job.data.status === "running");

  const compute = async () => {
    apply.reset();
    try {
      const started = await start.mutateAsync({ apply: false });
      followJob(started.jobId, "自动分配评议专家");
      setJobId(started.jobId);
    } catch {
      // Shown in the card.
    }
  };

  const discard = () => {
    apply.reset();
    setJobId(null);
  };

  const confirm = async () => {
    if (!proposal) return;
    try {
      const result = await apply.mutateAsync({
        assignments: proposal.assignments.map(({ applicationId, expertId }) => ({ applicationId, expertId })),
        source: "auto",
      });
      message.success(`已分配 ${result.applied} 人次，相关申报进入专家评议`);
      discard();
    } catch {
      // Shown under the proposal.
    }
  };

  return (
    <Card
      title="自动分配"
      extra={
        <Button icon={<ThunderboltOutlined />} loading={start.isPending || computing} onClick={compute}>
          预览
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        按评议职业、负荷均衡、利益冲突回避和地区要求计算分配方案。方案在后台计算，完成前可以离开本页；预览不保存，确认后才生效；已有的分配保持不变。
      </Typography.Paragraph>
      {start.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={errorText(start.error)}
        />
      )}
      {jobId && (
        <div style={{ maxWidth: 520, marginBottom: 16 }}>
          <JobProgress jobId={jobId} title="计算分配方案" size="small" />
        </div>
      )}
      {proposal && <PreviewResult preview={proposal} />}
      {jobId ? (
        <>
          <Space style={{ marginTop: proposal ? 16 : 0 }}>
            {proposal && (
              <Button
                type="primary"
                disabled={proposal.assignments.length === 0}
                loading={apply.isPending}
                onClick={confirm}
              >
                确认分配
              </Button>
            )}
            <Button onClick={discard}>放弃</Button>
          </Space>
          <FailureList error={apply.error} />
        </>
      ) : (
        !start.isError && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="点击“预览”查看分配方案" />
      )}
    </Card>
  );
}
