import { PlusOutlined } from "@ant-design/icons";
import { levelName } from "@linxuan/domain";
import { Alert, Empty, Space, Table, Typography } from "antd";
import { Link } from "react-router";
import type { LevelCode } from "../../app/api-types";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { DeleteDraftButton } from "./delete-draft-button";
import { useMyApplications } from "./queries";
import { ApplicationStatusTag, actionLabel, Deadline } from "./status-parts";
import type { ApplicationSummary } from "./types";
import "./application-parts.css";
import "./applications.css";

const href = (item: ApplicationSummary) => `/workbench/applications/${item.id}`;

/**
 * 我的申报: every application of the institution with its batch, kind, occupation, levels, status,
 * versions, deadline countdown and the one thing to do next as the primary button.
 */
export function ApplicationList({ newHref = "/workbench/applications/new" }: { newHref?: string }) {
  const applications = useMyApplications();
  if (applications.isError) return <Alert type="error" showIcon title={errorText(applications.error)} />;
  const items = applications.data ?? [];
  if (!applications.isPending && items.length === 0) {
    return (
      <Empty
        className="lx-list-empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <div>还没有申报。选择一个正在受理的遴选批次，按职业新建申报（一个职业一份申报表）。</div>
        }
      >
        <ButtonLink type="primary" icon={<PlusOutlined />} to={newHref}>
          新建申报
        </ButtonLink>
      </Empty>
    );
  }
  return (
    <Table<ApplicationSummary>
      rowKey="id"
      loading={applications.isPending}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: "职业 / 机构类型",
          key: "occupation",
          width: 190,
          render: (_, item) => (
            <Space orientation="vertical" size={2}>
              <Link to={href(item)}>{item.occupationName}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.kindName}
              </Typography.Text>
            </Space>
          ),
        },
        { title: "遴选批次", dataIndex: "batchTitle" },
        {
          title: "等级",
          dataIndex: "levels",
          width: 130,
          render: (levels: LevelCode[]) => levels.map(levelName).join("、"),
        },
        {
          title: "状态",
          dataIndex: "status",
          width: 150,
          render: (_, item) => (
            <Space orientation="vertical" size={2}>
              <ApplicationStatusTag status={item.status} name={item.statusName} />
              {item.nextAction && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.nextAction}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: "申报编号",
          dataIndex: "number",
          width: 130,
          render: (number: string | null) => <span className="lx-nowrap">{number ?? "—"}</span>,
        },
        {
          title: "版本",
          dataIndex: "versionCount",
          width: 70,
          render: (count: number) => (count > 0 ? `${count}个` : "—"),
        },
        {
          title: "截止时间",
          dataIndex: "deadline",
          width: 190,
          render: (deadline: string, item) =>
            ["draft", "returned"].includes(item.status) ? (
              <Deadline deadline={deadline} compact />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: "操作",
          key: "action",
          width: 190,
          fixed: "right",
          render: (_, item) => {
            const label = actionLabel(item.status, item.phase);
            return (
              <Space size={6}>
                <ButtonLink type={label === "查看" ? "default" : "primary"} size="small" to={href(item)}>
                  {label}
                </ButtonLink>
                {item.status === "draft" && <DeleteDraftButton application={item} />}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
