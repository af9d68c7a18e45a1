import { Alert, App, Button, Card, Descriptions, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { regionLabel } from "../../shared/labels";
import { ReasonModal } from "../../shared/reason-modal";
import {
  type ContactRequest,
  type ContactRequestStatus,
  useContactRequests,
  useDecideContactRequest,
} from "./contact-requests-queries";
import "../public-notices/public-notices.css";

const statusTags: Record<ContactRequestStatus, { text: string; color: string }> = {
  pending: { text: "待审核", color: "blue" },
  approved: { text: "已通过", color: "green" },
  rejected: { text: "未通过", color: "red" },
};

type Deciding = { request: ContactRequest; approve: boolean };

/** 通过 / 不通过 with the required 审核意见; the server's refusal stays in the modal. */
function DecisionModal({ deciding, onClose }: { deciding: Deciding | null; onClose: () => void }) {
  const { message } = App.useApp();
  const decide = useDecideContactRequest();
  const approve = deciding?.approve ?? true;
  return (
    <ReasonModal
      open={deciding !== null}
      title={
        deciding ? `${approve ? "通过" : "不通过"}联系方式变更：${deciding.request.institutionName}` : ""
      }
      label="审核意见"
      okText={approve ? "确认通过" : "确认不通过"}
      danger={!approve}
      onClose={onClose}
      extra={
        deciding && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: "name", label: "联系人", children: deciding.request.contactName },
              { key: "phone", label: "联系电话", children: deciding.request.contactPhone },
              { key: "email", label: "电子邮箱", children: deciding.request.contactEmail || "—" },
              {
                key: "effect",
                label: "审核后",
                children: approve ? "目录中该机构的联系方式随即更新并记入变更记录" : "目录联系方式保持不变",
              },
            ]}
          />
        )
      }
      onSubmit={async (values) => {
        if (!deciding) return;
        await decide.mutateAsync({ id: deciding.request.id, approve, note: values.reason });
        message.success(approve ? "已通过，目录联系方式已更新" : "已退回该变更申请");
      }}
    />
  );
}

/** /workbench/contact-requests: institutions' requests to change their catalog contact details. */
export function ContactRequestsPage() {
  const [status, setStatus] = useState<ContactRequestStatus>("pending");
  const requests = useContactRequests(status);
  const [deciding, setDeciding] = useState<Deciding | null>(null);

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>联系方式变更</h1>
          <Typography.Text type="secondary">
            目录内机构申请变更公开的联系人、联系电话和电子邮箱，审核通过后目录随即更新并记入公开的变更记录。
          </Typography.Text>
        </div>
      </div>
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(value) => setStatus(value as ContactRequestStatus)}
        options={(Object.keys(statusTags) as ContactRequestStatus[]).map((value) => ({
          value,
          label: statusTags[value].text,
        }))}
      />
      {requests.isError && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(requests.error)} />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ContactRequest>
          rowKey="id"
          loading={requests.isPending}
          dataSource={requests.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: `暂无${statusTags[status].text}的变更申请` }}
          columns={[
            {
              title: "机构",
              dataIndex: "institutionName",
              width: 200,
              render: (name: string, request) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/catalog/${request.entryId}`}>{name}</Link>
                  <span className="lx-muted">{regionLabel(request.regionCode)}</span>
                </Space>
              ),
            },
            {
              title: "拟变更为",
              key: "contact",
              width: 220,
              render: (_, request) => (
                <Space direction="vertical" size={0}>
                  <span>{request.contactName}</span>
                  <span>{request.contactPhone}</span>
                  <span className="lx-muted">{request.contactEmail || "—"}</span>
                </Space>
              ),
            },
            {
              title: "变更原因",
              dataIndex: "reason",
              render: (reason: string, request) => (
                <>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                    <span className="lx-user-text">{reason}</span>
                  </Typography.Paragraph>
                  {request.decisionNote && (
                    <div className="lx-muted" style={{ marginTop: 4 }}>
                      审核意见：<span className="lx-user-text">{request.decisionNote}</span>
                    </div>
                  )}
                </>
              ),
            },
            {
              title: "申请时间",
              key: "time",
              width: 170,
              render: (_, request) => (
                <Space direction="vertical" size={0}>
                  <span>{formatInstant(request.createdAt)}</span>
                  <span className="lx-muted">{request.createdBy}</span>
                  {request.decidedAt && (
                    <span className="lx-muted">
                      审核：{formatInstant(request.decidedAt)} {request.decidedBy ?? ""}
                    </span>
                  )}
                </Space>
              ),
            },
            {
              title: "状态",
              dataIndex: "status",
              width: 90,
              render: (value: ContactRequestStatus) => (
                <Tag color={statusTags[value].color}>{statusTags[value].text}</Tag>
              ),
            },
            {
              title: "操作",
              key: "actions",
              width: 130,
              render: (_, request) =>
                request.status === "pending" ? (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setDeciding({ request, approve: true })}>
                      通过
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => setDeciding({ request, approve: false })}
                    >
                      不通过
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
