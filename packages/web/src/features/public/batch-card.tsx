import { ClockCircleOutlined } from "@ant-design/icons";
import { Card, Descriptions, Space, Typography } from "antd";
import { Link } from "react-router";
import type { PublicBatchSummary } from "../../app/api-types";
import { DemoTag, KindTags, ScopeText } from "../../shared/batch-tags";
import { deadlineCountdown, formatDate, formatInstant } from "../../shared/dates";

export function BatchCard({ batch }: { batch: PublicBatchSummary }) {
  const countdown = deadlineCountdown(batch.onlineDeadline);
  const closed = batch.phase === "closed" || countdown.closed;
  return (
    <Card
      style={{ height: "100%", borderTop: "3px solid #0b4f9c" }}
      styles={{ body: { display: "flex", flexDirection: "column", gap: 12, height: "100%" } }}
    >
      <Space size={4} wrap>
        <DemoTag isDemo={batch.isDemo} />
        <KindTags kinds={batch.kinds} />
      </Space>
      <Typography.Title level={4} style={{ margin: 0, lineHeight: 1.5, fontSize: 17 }}>
        <Link to={`/notices/${batch.id}`}>{batch.title}</Link>
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: 108, color: "#86909c", whiteSpace: "nowrap" } }}
        items={[
          { key: "number", label: "文号", children: batch.documentNumber ?? "—" },
          { key: "issuer", label: "发文机关", children: batch.issuingBody },
          { key: "scope", label: "遴选范围", children: <ScopeText scope={batch.scope} /> },
          { key: "published", label: "发布日期", children: formatDate(batch.publishedOn) },
          { key: "deadline", label: "网上申报截止", children: formatInstant(batch.onlineDeadline) },
        ]}
      />
      <div
        style={{
          marginTop: "auto",
          padding: "8px 12px",
          background: closed ? "#f5f6f8" : "#fff7e6",
          color: closed ? "#86909c" : "#ad4e00",
          borderRadius: 4,
          fontWeight: 600,
        }}
      >
        <ClockCircleOutlined /> {closed ? "已截止" : countdown.text}
      </div>
    </Card>
  );
}
