import { PlusOutlined } from "@ant-design/icons";
import { canManageBatch, roleMayRun } from "@linxuan/domain";
import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { StaffBatchSummary } from "../../app/api-types";
import { actorOf, useSession } from "../../app/session";
import { DemoTag, ScopeText } from "../../shared/batch-tags";
import { ButtonLink } from "../../shared/button-link";
import { deadlineCountdown, formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { batchStatusLabels } from "../../shared/labels";
import { useBatchActions } from "./batch-actions";
import { useStaffBatches } from "./queries";

export function StatusTag({ status }: { status: StaffBatchSummary["status"] }) {
  const label = batchStatusLabels[status];
  return <Tag color={label.color}>{label.text}</Tag>;
}

export function BatchesPage() {
  const batches = useStaffBatches();
  const { data: user } = useSession();
  const { cloneBatch, publishBatch, cloning } = useBatchActions();
  const role = user?.role ?? null;
  const canCreate = roleMayRun(role, "batch.create");
  const manages = (batch: StaffBatchSummary) => (user ? canManageBatch(actorOf(user), batch.scope) : false);
  const canEdit = (batch: StaffBatchSummary) => roleMayRun(role, "batch.edit") && manages(batch);
  const canPublish = (batch: StaffBatchSummary) => roleMayRun(role, "batch.publish") && manages(batch);

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>遴选批次</h1>
          <Typography.Text type="secondary">
            每个批次对应一份遴选通知。已发布的批次不能修改；调整时请复制为新批次，修改后再发布。
          </Typography.Text>
        </div>
        {canCreate && (
          <ButtonLink type="primary" icon={<PlusOutlined />} to="/workbench/batches/new">
            新建批次
          </ButtonLink>
        )}
      </div>
      {batches.isError && (
        <Alert type="error" showIcon title={errorText(batches.error)} style={{ marginBottom: 16 }} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StaffBatchSummary>
          rowKey="id"
          loading={batches.isPending}
          dataSource={batches.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无遴选批次" }}
          columns={[
            {
              title: "通知标题",
              dataIndex: "title",
              render: (title: string, batch) => (
                <Space direction="vertical" size={2}>
                  <Link to={`/workbench/batches/${batch.id}`}>{title}</Link>
                  <Space size={4}>
                    <DemoTag isDemo={batch.isDemo} />
                    {batch.builtIn && <Tag>内置</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      批次设置第{batch.version}版
                    </Typography.Text>
                  </Space>
                </Space>
              ),
            },
            {
              title: "文号",
              dataIndex: "documentNumber",
              width: 170,
              render: (value: string | null) => value ?? "—",
            },
            {
              title: "范围",
              dataIndex: "scope",
              width: 90,
              render: (scope: StaffBatchSummary["scope"]) => <ScopeText scope={scope} />,
            },
            {
              title: "状态",
              dataIndex: "status",
              width: 90,
              render: (status: StaffBatchSummary["status"]) => <StatusTag status={status} />,
            },
            {
              title: "网上申报截止",
              dataIndex: "onlineDeadline",
              width: 190,
              render: (deadline: string) => (
                <Space direction="vertical" size={0}>
                  <span>{formatInstant(deadline)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {deadlineCountdown(deadline).closed ? "已截止" : deadlineCountdown(deadline).text}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: "操作",
              key: "actions",
              width: 220,
              render: (_, batch) => (
                <Space size={0} wrap>
                  <ButtonLink type="link" size="small" to={`/workbench/batches/${batch.id}`}>
                    查看
                  </ButtonLink>
                  {canEdit(batch) && batch.status === "draft" && (
                    <ButtonLink type="link" size="small" to={`/workbench/batches/${batch.id}?tab=edit`}>
                      编辑
                    </ButtonLink>
                  )}
                  {canCreate && (
                    <Button type="link" size="small" disabled={cloning} onClick={() => cloneBatch(batch.id)}>
                      复制
                    </Button>
                  )}
                  {canPublish(batch) && batch.status === "draft" && (
                    <Button type="link" size="small" onClick={() => publishBatch(batch.id, batch.title)}>
                      发布
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
