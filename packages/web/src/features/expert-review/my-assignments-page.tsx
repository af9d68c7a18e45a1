import { Alert, Card, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { type MyAssignment, type SheetStatus, useMyAssignments } from "./queries";

export const sheetStatusTags: Record<SheetStatus, { text: string; color: string }> = {
  notStarted: { text: "未开始", color: "default" },
  draft: { text: "草稿", color: "gold" },
  submitted: { text: "已提交", color: "green" },
};

/** /workbench/expert-review — the expert's own review tasks, overdue ones flagged. */
export function MyAssignmentsPage() {
  const assignments = useMyAssignments();
  const items = assignments.data ?? [];
  const open = items.filter((item) => item.status !== "submitted").length;
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>我的评议任务</h1>
          <Typography.Text type="secondary">
            只能查看分配给本人的申报材料。与申报单位存在利益关系的，请在评分页点击“申报回避”。
          </Typography.Text>
        </div>
      </div>
      {overdue > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`有 ${overdue} 项评议已超过截止时间，请尽快提交评分。`}
        />
      )}
      <Card>
        <Typography.Paragraph>
          共 {items.length} 项，待完成 {open} 项。
        </Typography.Paragraph>
        <Table<MyAssignment>
          rowKey="id"
          size="middle"
          loading={assignments.isFetching}
          dataSource={items}
          pagination={false}
          locale={{
            emptyText: assignments.isError ? errorText(assignments.error) : "暂无分配给您的评议任务",
          }}
          columns={[
            {
              title: "申报单位",
              key: "institution",
              render: (_, item) => (
                <div>
                  <Link to={`/workbench/expert-review/${item.id}`}>{item.institutionName}</Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.batchTitle}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: "机构类型", dataIndex: "kindName", width: 110 },
            { title: "职业", dataIndex: "occupationName", width: 190 },
            {
              title: "状态",
              key: "status",
              width: 170,
              render: (_, item) => (
                <Space size={4} wrap>
                  <Tag color={sheetStatusTags[item.status].color}>{sheetStatusTags[item.status].text}</Tag>
                  {item.total !== null && <span>{item.total.toFixed(2)} 分</span>}
                  {item.reopenedReason && item.status !== "submitted" && <Tag color="orange">请复核</Tag>}
                </Space>
              ),
            },
            {
              title: "评议截止",
              key: "due",
              width: 200,
              render: (_, item) =>
                item.dueAt ? (
                  <Space size={4} wrap>
                    <span>{formatInstant(item.dueAt)}</span>
                    {item.overdue && <Tag color="red">已逾期</Tag>}
                  </Space>
                ) : (
                  "—"
                ),
            },
            {
              title: "操作",
              key: "action",
              width: 100,
              render: (_, item) => (
                <Link to={`/workbench/expert-review/${item.id}`}>
                  {item.status === "submitted" ? "查看" : "评分"}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
