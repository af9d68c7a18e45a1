import { Alert, Breadcrumb, List, Skeleton, Space, Typography } from "antd";
import { Link } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { errorText } from "../../shared/form-errors";
import { SectionTitle } from "../../shared/section-title";
import { PhaseTag, periodText } from "./public-notice-period";
import { usePublicNotices } from "./queries";
import "./public-notices.css";

/** /public-notices: every 拟纳入目录 list put to the public, newest first. */
export function PublicNoticesPage() {
  const publicNotices = usePublicNotices();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: "公示公告" }]}
      />
      <div className="lx-panel">
        <SectionTitle title="公示公告" as="h1" extra={<Link to="/objection-status">异议办理查询 ›</Link>} />
        <Typography.Paragraph type="secondary">
          经专家评议和审定，拟纳入目录的机构名单在此公示。公示期按工作日计算，公示期内任何单位和个人均可对名单中的机构实名提出异议。
        </Typography.Paragraph>
        {publicNotices.isPending && <Skeleton active />}
        {publicNotices.isError && <Alert type="error" showIcon title={errorText(publicNotices.error)} />}
        {publicNotices.isSuccess && (
          <List
            dataSource={publicNotices.data}
            locale={{ emptyText: "暂无公示" }}
            renderItem={(publicNotice) => (
              <List.Item key={publicNotice.id} extra={<PhaseTag phase={publicNotice.phase} />}>
                <List.Item.Meta
                  title={
                    <Space size={6} wrap>
                      <DemoTag isDemo={publicNotice.isDemo} />
                      <Link
                        to={`/public-notices/${publicNotice.id}`}
                        style={{ fontSize: 15, fontWeight: "normal" }}
                      >
                        {publicNotice.title}
                      </Link>
                    </Space>
                  }
                  description={
                    <Space size={16} wrap>
                      <span>公示期：{periodText(publicNotice)}</span>
                      {publicNotice.phase === "open" && (
                        <Typography.Text type="warning">
                          剩余{Math.floor(publicNotice.remainingMs / 86_400_000)}天
                          {Math.floor((publicNotice.remainingMs % 86_400_000) / 3_600_000)}小时
                        </Typography.Text>
                      )}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </div>
    </>
  );
}
