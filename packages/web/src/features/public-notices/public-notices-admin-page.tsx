import { Alert, Card, Space, Table, Typography } from "antd";
import { Link } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { CreatePublicNoticeCard, useManagedBatches } from "./create-public-notice-card";
import { PhaseTag, periodText } from "./public-notice-period";
import { usePublicNotices } from "./queries";
import type { PublicNoticeSummary } from "./types";

/** /workbench/public-notices: publish a notice, and the office's notices with where each stands. */
export function PublicNoticesAdminPage() {
  const publicNotices = usePublicNotices();
  const { batches, managed, regionCode } = useManagedBatches();
  const titles = new Map(managed.map((batch) => [batch.id, batch.shortTitle]));
  const localOnly = new Set(managed.filter((batch) => batch.localTrainingOnly).map((batch) => batch.id));
  // Of a national batch, a provincial office handles only its own region's training notice.
  const mine = (publicNotices.data ?? []).filter(
    (publicNotice) =>
      titles.has(publicNotice.batchId) &&
      (!localOnly.has(publicNotice.batchId) || publicNotice.regionCode === regionCode),
  );
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>公示管理</h1>
          <Typography.Text type="secondary">
            审定通过的申报按批次、机构类型（培训机构按地区）公示；公示期满、异议处理完毕后确认纳入目录。
          </Typography.Text>
        </div>
      </div>
      <CreatePublicNoticeCard />
      {(publicNotices.isError || batches.isError) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(publicNotices.error ?? batches.error)}
        />
      )}
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>公示列表</h2>} styles={{ body: { padding: 0 } }}>
        <Table<PublicNoticeSummary>
          rowKey="id"
          loading={publicNotices.isPending || batches.isPending}
          dataSource={mine}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "还没有发布公示" }}
          columns={[
            {
              title: "公示标题",
              dataIndex: "title",
              render: (title: string, publicNotice) => (
                <Space direction="vertical" size={2}>
                  <Space size={6}>
                    <DemoTag isDemo={publicNotice.isDemo} />
                    <Link to={`/workbench/public-notices/${publicNotice.id}`}>{title}</Link>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {titles.get(publicNotice.batchId)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: "公示期",
              key: "period",
              width: 340,
              render: (_, publicNotice) => periodText(publicNotice),
            },
            {
              title: "阶段",
              dataIndex: "phase",
              width: 110,
              render: (phase: PublicNoticeSummary["phase"]) => <PhaseTag phase={phase} />,
            },
            {
              title: "操作",
              key: "actions",
              width: 200,
              render: (_, publicNotice) => (
                <Space size={0}>
                  <ButtonLink type="link" size="small" to={`/workbench/public-notices/${publicNotice.id}`}>
                    异议处理与确认
                  </ButtonLink>
                  <ButtonLink type="link" size="small" to={`/public-notices/${publicNotice.id}`}>
                    公开页面
                  </ButtonLink>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
