import { Empty, List, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { PublicBatchSummary } from "../../app/api-types";
import { DemoTag, KindTags, PhaseTag, ScopeText } from "../../shared/batch-tags";
import { deadlineCountdown, formatInstant } from "../../shared/dates";

export function HomeHeading({ title, subtitle }: { title: string; subtitle?: ReactNode }) {
  return (
    <div style={{ marginBottom: 20 }}>
      <h1 style={{ fontSize: 22, margin: 0 }}>{title}</h1>
      {subtitle && (
        <Typography.Paragraph type="secondary" style={{ margin: "6px 0 0" }}>
          {subtitle}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/**
 * Batches as a list of notice links with their deadline; `href` picks where a title leads
 * (the public notice, or the back-office batch page).
 */
export function BatchLinks({
  batches,
  empty,
  href = (batch) => `/notices/${batch.id}`,
  extra,
}: {
  batches: PublicBatchSummary[];
  empty: string;
  href?: (batch: PublicBatchSummary) => string;
  extra?: (batch: PublicBatchSummary) => ReactNode;
}) {
  if (batches.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <List
      dataSource={batches}
      renderItem={(batch) => {
        const countdown = deadlineCountdown(batch.onlineDeadline);
        return (
          <List.Item key={batch.id} extra={extra?.(batch)}>
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <DemoTag isDemo={batch.isDemo} />
                  <Link to={href(batch)}>{batch.title}</Link>
                </Space>
              }
              description={
                <Space size={12} wrap>
                  <PhaseTag phase={batch.phase} />
                  <KindTags kinds={batch.kinds} />
                  <span>
                    范围：
                    <ScopeText scope={batch.scope} />
                  </span>
                  <span>网上申报截止：{formatInstant(batch.onlineDeadline)}</span>
                  {!countdown.closed && batch.phase === "open" && (
                    <Typography.Text type="warning">{countdown.text}</Typography.Text>
                  )}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
