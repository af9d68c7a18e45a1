import { ThunderboltOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, Input, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { isApiError } from "../../app/api";
import { errorText } from "../../app/form-errors";
import { ManualAssign } from "./manual-assign";
import { useApplyAssignments, useCsvAssignments, usePreview } from "./queries";
import type { Preview } from "./types";

/** Every refused pair of a save, as the server lists them (one bad pair refuses the whole set). */
export function FailureList({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = isApiError(error) ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 12 }}
      title={errorText(error)}
      description={
        fields.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map((field) => (
              <li key={`${field.path}-${field.message}`}>{field.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
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

/** 自动分配 (preview → confirm), manual pairs and CSV pairs. */
export function AssignmentPanel({ batchId }: { batchId: string }) {
  const preview = usePreview(batchId);
  const apply = useApplyAssignments(batchId);
  const csv = useCsvAssignments(batchId);
  const [text, setText] = useState("");
  const { message } = App.useApp();

  const confirm = async () => {
    const proposals = preview.data?.assignments ?? [];
    try {
      const result = await apply.mutateAsync({
        assignments: proposals.map(({ applicationId, expertId }) => ({ applicationId, expertId })),
        source: "auto",
      });
      message.success(`已分配 ${result.applied} 人次，相关申报进入专家评议`);
      preview.reset();
    } catch {
      // Shown under the preview.
    }
  };

  const importCsv = async () => {
    try {
      const result = await csv.mutateAsync(text);
      message.success(`已批量分配 ${result.applied} 人次`);
      setText("");
    } catch {
      // Shown under the text box.
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        title="自动分配"
        extra={
          <Button icon={<ThunderboltOutlined />} loading={preview.isPending} onClick={() => preview.mutate()}>
            预览
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          按评议职业、负荷均衡、利益冲突回避和地区要求计算分配方案。预览不保存，确认后才生效；已有的分配保持不变。
        </Typography.Paragraph>
        {preview.isError && <Alert type="error" showIcon title={errorText(preview.error)} />}
        {preview.data ? (
          <>
            <PreviewResult preview={preview.data} />
            <Space style={{ marginTop: 16 }}>
              <Button
                type="primary"
                disabled={preview.data.assignments.length === 0}
                loading={apply.isPending}
                onClick={confirm}
              >
                确认分配
              </Button>
              <Button onClick={() => preview.reset()}>放弃</Button>
            </Space>
            <FailureList error={apply.error} />
          </>
        ) : (
          !preview.isError && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="点击“预览”查看分配方案" />
          )
        )}
      </Card>
      <ManualAssign batchId={batchId} />
      <Card title="批量分配（CSV）">
        <Typography.Paragraph type="secondary">
          每行一条：申报编号,专家用户名（申报编号见“手工分配”中的申报列表）。全部正确才保存。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="批量分配内容"
          rows={5}
          value={text}
          placeholder={"申报编号,专家用户名\n0b6f…-…,expert01"}
          onChange={(event) => setText(event.target.value)}
        />
        <Button style={{ marginTop: 8 }} disabled={!text.trim()} loading={csv.isPending} onClick={importCsv}>
          批量分配
        </Button>
        <FailureList error={csv.error} />
      </Card>
    </Space>
  );
}
