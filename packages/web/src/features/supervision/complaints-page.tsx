import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { ComplaintCloseModal, outcomeOptions } from "./complaint-close-modal";
import { EvidenceLinks } from "./evidence-links";
import { useComplaints, useHandleComplaint } from "./queries";
import type { Complaint, ComplaintStatus } from "./types";
import "../public-notices/public-notices.css";

const statusColors: Record<ComplaintStatus, string> = {
  received: "blue",
  investigating: "gold",
  closed: "green",
};

/** /workbench/complaints: reports from the public, their investigation and outcome. */
export function ComplaintsPage() {
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<ComplaintStatus | "all">("all");
  const complaints = useComplaints(status === "all" ? undefined : status);
  const handle = useHandleComplaint();
  const [closing, setClosing] = useState<Complaint | null>(null);

  const investigate = (complaint: Complaint) =>
    modal.confirm({
      title: `将举报 ${complaint.ackNumber} 转入调查？`,
      content: "举报人查询时将看到“调查核实中”。",
      okText: "转入调查",
      cancelText: "取消",
      onOk: () =>
        handle
          .mutateAsync({ id: complaint.id, action: "investigate" })
          .then(() => message.success("已转入调查"))
          .catch((error: unknown) => message.error(errorText(error))),
    });

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>投诉举报</h1>
          <Typography.Text type="secondary">
            社会公众对目录内机构违规开展培训、乱收费、弄虚作假等问题的举报。办结为“暂停目录资格”或“移出目录”时，同时调整目录并记入公开的变更记录。
          </Typography.Text>
        </div>
      </div>
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => setStatus(value as ComplaintStatus | "all")}
        options={[
          { value: "all", label: "全部" },
          { value: "received", label: "待受理" },
          { value: "investigating", label: "调查中" },
          { value: "closed", label: "已办结" },
        ]}
      />
      {complaints.isError && <Alert type="error" showIcon title={errorText(complaints.error)} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Complaint>
          rowKey="id"
          loading={complaints.isPending}
          dataSource={complaints.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无投诉举报" }}
          expandable={{
            expandRowByClick: false,
            rowExpandable: () => true,
            expandedRowRender: (complaint) => (
              <Space direction="vertical" style={{ width: "100%" }}>
                <div>
                  <span className="lx-muted">举报内容：</span>
                  <p className="lx-user-text">{complaint.content}</p>
                </div>
                <div>
                  <span className="lx-muted">证明材料：</span>
                  <EvidenceLinks files={complaint.evidence} />
                </div>
                {complaint.outcomeNote && (
                  <div>
                    <span className="lx-muted">办理结果说明：</span>
                    <span className="lx-user-text">{complaint.outcomeNote}</span>
                  </div>
                )}
              </Space>
            ),
          }}
          columns={[
            {
              title: "受理编号",
              dataIndex: "ackNumber",
              width: 190,
              render: (ack: string, complaint) => (
                <>
                  <Typography.Text copyable>{ack}</Typography.Text>
                  <div className="lx-muted" style={{ fontSize: 12 }}>
                    {formatInstant(complaint.createdAt)}
                  </div>
                </>
              ),
            },
            {
              title: "被举报机构",
              dataIndex: "institutionName",
              width: 200,
              render: (name: string, complaint) => <Link to={`/catalog/${complaint.entryId}`}>{name}</Link>,
            },
            { title: "类别", dataIndex: "categoryName", width: 100 },
            {
              title: "举报内容",
              dataIndex: "content",
              render: (content: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {content}
                </Typography.Paragraph>
              ),
            },
            {
              title: "举报人",
              key: "who",
              width: 120,
              render: (_, complaint) => (
                <Space direction="vertical" size={0}>
                  <span>{complaint.complainantName}</span>
                  <span className="lx-muted">{complaint.phone}</span>
                </Space>
              ),
            },
            {
              title: "状态",
              key: "status",
              width: 130,
              render: (_, complaint) => (
                <Space direction="vertical" size={2}>
                  <Tag color={statusColors[complaint.status]}>{complaint.statusName}</Tag>
                  {complaint.outcome && (
                    <span>{outcomeOptions.find((item) => item.value === complaint.outcome)?.label}</span>
                  )}
                </Space>
              ),
            },
            {
              title: "操作",
              key: "actions",
              width: 140,
              render: (_, complaint) =>
                complaint.status === "closed" ? null : (
                  <Space size={0}>
                    {complaint.status === "received" && (
                      <Button type="link" size="small" onClick={() => investigate(complaint)}>
                        转入调查
                      </Button>
                    )}
                    <Button type="link" size="small" onClick={() => setClosing(complaint)}>
                      办结
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <ComplaintCloseModal
        complaint={closing}
        onClose={() => setClosing(null)}
        onDone={(outcome) => message.success(`已办结：${outcome}`)}
      />
    </>
  );
}
