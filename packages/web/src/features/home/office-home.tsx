import { PlusOutlined } from "@ant-design/icons";
import { roleMayRun } from "@linxuan/domain";
import { Alert, Card, Col, Row, Space, Statistic } from "antd";
import type { User } from "../../app/api-types";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { StatusTag } from "../batches/batches-page";
import { useStaffBatches } from "../batches/queries";
import { DashboardSummaryCard } from "../dashboard/dashboard-summary-card";
import { OfficeReviewCard } from "../review/office-review-card";
import { OfficeSupervisionCard } from "../supervision/office-supervision-card";
import { BatchLinks, HomeHeading } from "./home-parts";

/** 工程指导协调小组办公室 and provincial organising offices: their batches and where each stands. */
export function OfficeHome({ user }: { user: User }) {
  const batches = useStaffBatches();
  const items = batches.data ?? [];
  const title =
    user.role === "nationalOffice"
      ? "工程指导协调小组办公室工作台"
      : `${user.regionName ?? ""} 省级人社部门工作台`.trim();
  const counts = [
    { label: "批次总数", value: items.length },
    { label: "草稿", value: items.filter((batch) => batch.status === "draft").length },
    { label: "已发布", value: items.filter((batch) => batch.status === "published").length },
    {
      label: "正在受理网上申报",
      value: items.filter((batch) => batch.status === "published" && batch.phase === "open").length,
    },
  ];
  return (
    <>
      <HomeHeading
        title={title}
        subtitle={`您好，${user.displayName}。您可以在这里定义、维护和发布遴选批次。`}
      />
      {batches.isError && (
        <Alert type="error" showIcon title={errorText(batches.error)} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {counts.map((count) => (
          <Col key={count.label} xs={12} md={6}>
            <Card loading={batches.isPending}>
              <Statistic title={count.label} value={count.value} suffix="个" />
            </Card>
          </Col>
        ))}
      </Row>
      <DashboardSummaryCard />
      <OfficeReviewCard user={user} />
      <OfficeSupervisionCard />
      <HomeCard
        title="遴选批次"
        extra={
          <Space>
            {roleMayRun(user.role, "batch.create") && (
              <ButtonLink size="small" icon={<PlusOutlined />} to="/workbench/batches/new">
                新建批次
              </ButtonLink>
            )}
            <ButtonLink size="small" type="primary" to="/workbench/batches">
              管理全部批次
            </ButtonLink>
          </Space>
        }
      >
        <BatchLinks
          batches={items.slice(0, 8)}
          empty="还没有遴选批次"
          href={(batch) => `/workbench/batches/${batch.id}`}
          extra={(batch) => {
            const full = items.find((item) => item.id === batch.id);
            return full ? <StatusTag status={full.status} /> : null;
          }}
        />
      </HomeCard>
    </>
  );
}
