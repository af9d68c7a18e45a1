import { Col, Progress, Row, Space, Typography } from "antd";
import { useMemo } from "react";
import { ChartCard } from "./chart-card";
import {
  coverageOption,
  expertLoadOption,
  funnelOption,
  kindOption,
  occupationOption,
  regionOption,
  statusOption,
} from "./chart-options";
import type { Dashboard } from "./types";

const count = (suffix: string) => ({
  align: "right" as const,
  width: 110,
  render: (value: number) => `${value} ${suffix}`,
});

/** Every chart of the dashboard, each with a table view and an empty state of its own. */
export function DashboardCharts({ data, loading }: { data: Dashboard | undefined; loading: boolean }) {
  const options = useMemo(
    () =>
      data && {
        occupation: occupationOption(data.byOccupation),
        region: regionOption(data.byRegion),
        kind: kindOption(data.byKind),
        status: statusOption(data.byStatus),
        funnel: funnelOption(data.funnel),
        coverage: coverageOption(data.catalogCoverage),
        expert: expertLoadOption(data.expertLoad.slice(0, 15)),
      },
    [data],
  );
  if (!data || !options) return null;
  const noSubmissions = data.totals.submitted === 0;
  const coverageRegions = new Set(data.catalogCoverage.map((cell) => cell.region)).size;
  const review = data.reviewProgress;
  // The region ranking and the status chart share a row: one height keeps their cards level.
  const middleRowHeight = Math.max(240, data.byRegion.length * 30 + 70);
  const reviewPercent = review.assigned > 0 ? Math.round((review.submitted / review.assigned) * 100) : 0;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <ChartCard
          title="各职业申报情况"
          note="已提交的申报，按职业和机构类型"
          loading={loading}
          isEmpty={noSubmissions}
          emptyText="所选范围内还没有已提交的申报"
          option={options.occupation}
          height={360}
          rows={data.byOccupation}
          rowKey={(row) => `${row.kind}-${row.occupation}`}
          columns={[
            { title: "职业", dataIndex: "occupationName" },
            { title: "机构类型", dataIndex: "kindName", width: 110 },
            { title: "申报数", dataIndex: "count", ...count("份") },
          ]}
        />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title="机构类型构成"
          note="已提交的申报"
          loading={loading}
          isEmpty={noSubmissions}
          emptyText="所选范围内还没有已提交的申报"
          option={options.kind}
          height={360}
          rows={data.byKind}
          rowKey={(row) => row.kind}
          columns={[
            { title: "机构类型", dataIndex: "kindName" },
            { title: "申报数", dataIndex: "count", ...count("份") },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="各地区申报排名"
          note="按申报单位登记所在地，已提交的申报"
          loading={loading}
          isEmpty={data.byRegion.length === 0}
          emptyText="所选范围内还没有已提交的申报"
          option={options.region}
          height={middleRowHeight}
          rows={data.byRegion}
          rowKey={(row) => row.region}
          columns={[
            { title: "排名", key: "rank", width: 64, render: (_, __, index) => index + 1 },
            { title: "地区", dataIndex: "regionName" },
            { title: "申报数", dataIndex: "count", ...count("份") },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="申报状态分布"
          note="含草稿，按办理环节先后排列"
          loading={loading}
          isEmpty={data.byStatus.length === 0}
          emptyText="所选范围内还没有申报"
          option={options.status}
          height={middleRowHeight}
          rows={data.byStatus}
          rowKey={(row) => row.status}
          columns={[
            { title: "状态", dataIndex: "statusName" },
            { title: "数量", dataIndex: "count", ...count("份") },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="遴选流程漏斗"
          note="到达各环节的申报数及占已提交的比例"
          loading={loading}
          isEmpty={noSubmissions}
          emptyText="所选范围内还没有已提交的申报"
          option={options.funnel}
          height={300}
          rows={data.funnel}
          rowKey={(row) => row.stage}
          columns={[
            { title: "环节", dataIndex: "name" },
            { title: "数量", dataIndex: "count", ...count("份") },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          title="专家评议进度"
          note="评分表的分配与提交，工作量前15位专家"
          loading={loading}
          isEmpty={review.assigned === 0}
          emptyText="所选范围内还没有分配评议任务"
          before={
            review.assigned > 0 && (
              <Space orientation="vertical" size={2} style={{ width: "100%", marginBottom: 8 }}>
                <Typography.Text>
                  已提交评分表 <strong>{review.submitted}</strong> / 已分配 <strong>{review.assigned}</strong>{" "}
                  份
                </Typography.Text>
                <Progress
                  percent={reviewPercent}
                  status={reviewPercent === 100 ? "success" : "active"}
                  aria-label="专家评议完成率"
                />
              </Space>
            )
          }
          option={options.expert}
          height={Math.max(220, Math.min(15, data.expertLoad.length) * 44 + 90)}
          rows={data.expertLoad}
          rowKey={(row) => row.name}
          columns={[
            { title: "专家", dataIndex: "name" },
            { title: "已分配", dataIndex: "assigned", ...count("份") },
            { title: "已提交", dataIndex: "submitted", ...count("份") },
          ]}
        />
      </Col>
      <Col xs={24}>
        <ChartCard
          title="目录覆盖情况"
          note={
            coverageRegions > 0
              ? `目录内机构数，按所在地区 × 职业（${coverageRegions} 个地区）`
              : "目录内机构数，按所在地区 × 职业"
          }
          loading={loading}
          isEmpty={data.catalogCoverage.length === 0}
          emptyText="所选范围内还没有纳入目录的机构"
          option={options.coverage}
          height={Math.max(170, coverageRegions * 36 + 100)}
          rows={data.catalogCoverage}
          rowKey={(row) => `${row.region}-${row.occupation}`}
          columns={[
            { title: "地区", dataIndex: "regionName" },
            { title: "职业", dataIndex: "occupationName" },
            { title: "目录内机构", dataIndex: "count", ...count("家") },
          ]}
        />
      </Col>
    </Row>
  );
}
