import { Alert, App, Button, Card, Form, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { ReasonModal } from "../../shared/reason-modal";
import { useExperts } from "../experts/queries";
import { useApplyAssignments, useProgress, useRemoveAssignment } from "./queries";
import type { ProgressAssignment, SheetStatus } from "./types";

export const sheetStatusLabels: Record<SheetStatus, { text: string; color: string }> = {
  notStarted: { text: "未开始", color: "default" },
  draft: { text: "草稿", color: "gold" },
  submitted: { text: "已提交", color: "green" },
};

/** 评议进度: per expert and per assignment, overdue ones first and in red; 取消分配 and 改派. */
export function ProgressPanel({ batchId }: { batchId: string }) {
  const progress = useProgress(batchId);
  const remove = useRemoveAssignment(batchId);
  const apply = useApplyAssignments(batchId);
  const experts = useExperts({ active: "true" });
  const { message } = App.useApp();
  const [acting, setActing] = useState<{
    mode: "remove" | "reassign";
    assignment: ProgressAssignment;
  } | null>(null);
  const data = progress.data;
  const assignments = [...(data?.assignments ?? [])].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) || a.institutionName.localeCompare(b.institutionName, "zh-CN"),
  );

  const act = async (values: Record<string, unknown> & { reason: string }) => {
    if (!acting) return;
    const { assignment, mode } = acting;
    await remove.mutateAsync({ id: assignment.id, reason: values.reason });
    if (mode === "reassign") {
      try {
        await apply.mutateAsync({
          assignments: [{ applicationId: assignment.applicationId, expertId: String(values.expertId) }],
          source: "manual",
        });
      } catch (error) {
        message.error(`原分配已取消，但新专家未能分配：${errorText(error)}`);
        return;
      }
      message.success("已改派");
    } else message.success("已取消分配");
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      {progress.isError && <Alert type="error" showIcon title={errorText(progress.error)} />}
      {data?.round.dueAt && (
        <Alert
          type={Date.parse(data.round.dueAt) < Date.now() ? "warning" : "info"}
          showIcon
          title={`评议截止：${formatInstant(data.round.dueAt)}${data.round.closesAt ? `；关闭：${formatInstant(data.round.closesAt)}` : ""}`}
        />
      )}
      <Card title="专家进度" size="small">
        <Table
          rowKey="expertId"
          size="small"
          loading={progress.isFetching}
          dataSource={data?.experts ?? []}
          pagination={false}
          locale={{ emptyText: "还没有分配评议任务" }}
          columns={[
            { title: "专家", dataIndex: "name" },
            { title: "已分配", dataIndex: "assigned", width: 100 },
            { title: "已提交", dataIndex: "submitted", width: 100 },
            {
              title: "逾期",
              dataIndex: "overdue",
              width: 100,
              render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
            },
          ]}
        />
      </Card>
      <Card title="评议任务" size="small">
        <Table<ProgressAssignment>
          rowKey="id"
          size="small"
          loading={progress.isFetching}
          dataSource={assignments}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          rowClassName={(row) => (row.overdue ? "lx-row-overdue" : "")}
          locale={{ emptyText: "还没有分配评议任务" }}
          columns={[
            { title: "申报单位", dataIndex: "institutionName" },
            { title: "职业", dataIndex: "occupationName", width: 180 },
            { title: "专家", dataIndex: "expertName", width: 100 },
            {
              title: "状态",
              key: "status",
              width: 140,
              render: (_, row) => (
                <Space size={4}>
                  <Tag color={sheetStatusLabels[row.status].color}>{sheetStatusLabels[row.status].text}</Tag>
                  {row.overdue && <Tag color="red">已逾期</Tag>}
                </Space>
              ),
            },
            {
              title: "操作",
              key: "actions",
              width: 150,
              render: (_, row) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setActing({ mode: "reassign", assignment: row })}
                  >
                    改派
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setActing({ mode: "remove", assignment: row })}
                  >
                    取消分配
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={acting !== null}
        title={
          acting?.mode === "reassign"
            ? `改派：${acting.assignment.institutionName}（原专家：${acting.assignment.expertName}）`
            : `取消分配：${acting?.assignment.institutionName ?? ""}（${acting?.assignment.expertName ?? ""}）`
        }
        label={acting?.mode === "reassign" ? "改派原因" : "取消原因"}
        okText={acting?.mode === "reassign" ? "改派" : "取消分配"}
        danger={acting?.mode === "remove"}
        extra={<Typography.Paragraph type="secondary">已提交的评分保留在历史记录中。</Typography.Paragraph>}
        onSubmit={act}
        onClose={() => setActing(null)}
      >
        {acting?.mode === "reassign" && (
          <Form.Item name="expertId" label="新的评议专家" rules={[{ required: true, message: "请选择专家" }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              aria-label="新的评议专家"
              options={(experts.data ?? [])
                .filter(
                  (expert) =>
                    expert.occupationNames.includes(acting.assignment.occupationName) &&
                    expert.name !== acting.assignment.expertName,
                )
                .map((expert) => ({ value: expert.id, label: `${expert.name}（${expert.employer}）` }))}
            />
          </Form.Item>
        )}
      </ReasonModal>
    </Space>
  );
}
