import {
  type KindCode,
  kindName,
  type OccupationCode,
  occupationName,
  type RecommendationOverview,
  type RecommenderProgress,
} from "@linxuan/domain";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Card,
  Col,
  Empty,
  Row,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import type { User } from "../../app/api-types";
import { useSession } from "../../app/session";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { api } from "../../shared/http";
import { BatchExportButton } from "../jobs/batch-export-button";
import { BatchSelect, useBatchParam, useStageBatches } from "../recommendation-queue/stage-batches";

function useOverview(batchId: string | null) {
  return useQuery({
    queryKey: ["recommendation-overview", batchId],
    queryFn: () => api.get<RecommendationOverview>("/recommendation/overview", { batchId }),
    enabled: Boolean(batchId),
    staleTime: 0,
  });
}

/** /workbench/recommendation-overview — 推荐进度总览 for the office. */
export function RecommendationOverviewPage() {
  const { data: user } = useSession();
  return user ? <OverviewView user={user} /> : null;
}

function QuotaTags({ row }: { row: RecommenderProgress }) {
  if (row.quotaUsed.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {row.quotaUsed.map((use) => (
        <Tooltip
          key={`${use.kind}-${use.occupation}-${use.area ?? ""}`}
          title={`${kindName(use.kind as KindCode)}${use.area ? `·${use.area}` : ""}`}
        >
          {/* Quota 0 is a counter without a cap (the notice sets none per recommender). */}
          <Tag color={use.quota > 0 && use.used >= use.quota ? "gold" : "blue"}>
            {occupationName(use.occupation as OccupationCode)}
            {use.area ? `（${use.area}）` : ""} {use.used}
            {use.quota > 0 ? `/${use.quota}` : "（不限）"}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

function OverviewView({ user }: { user: User }) {
  const stages = useStageBatches(user, "recommendation");
  const { batchId, choose, batch } = useBatchParam(stages.batches);
  const overview = useOverview(batchId);
  const [onlyActive, setOnlyActive] = useState(true);
  const rows = (overview.data?.recommenders ?? []).filter((row) => !onlyActive || row.received > 0);
  const sum = (key: "received" | "pending" | "returned" | "recommended" | "declined") =>
    rows.reduce((total, row) => total + row[key], 0);
  const notClosed = overview.data?.totals.recommendersNotClosed ?? [];

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>推荐进度总览</h1>
          <Typography.Text type="secondary">
            各省级人社部门和行业主管部门的审核推荐进度与名额使用情况。
          </Typography.Text>
        </div>
        <Space orientation="vertical" align="end">
          <BatchSelect
            batches={stages.batches}
            value={batchId}
            onChange={choose}
            loading={stages.isPending}
          />
          {batchId && <BatchExportButton batchId={batchId} batchTitle={batch?.shortTitle} align="end" />}
        </Space>
      </div>
      {(stages.error || overview.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(stages.error ?? overview.error)}
        />
      )}
      {!stages.isPending && stages.batches.length === 0 ? (
        <Card>
          <Empty description="没有设有审核推荐环节的已发布批次" />
        </Card>
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              { label: "收到申报", value: overview.data?.totals.received, suffix: "份" },
              { label: "已推荐", value: overview.data?.totals.recommended, suffix: "家" },
              {
                label: "有申报的推荐单位",
                value: overview.data?.totals.recommendersWithApplications,
                suffix: "个",
              },
              { label: "尚未确认名单", value: notClosed.length, suffix: "个" },
            ].map((item) => (
              <Col key={item.label} xs={12} md={6}>
                <Card loading={overview.isPending}>
                  <Statistic title={item.label} value={item.value ?? 0} suffix={item.suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="尚未确认推荐名单的单位" style={{ marginBottom: 16 }}>
            {notClosed.length === 0 ? (
              <Typography.Text type="success">有申报的推荐单位均已确认推荐名单。</Typography.Text>
            ) : (
              <Space size={[6, 6]} wrap>
                {notClosed.map((name) => (
                  <Tag key={name} color="orange">
                    {name}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card
            title="各推荐单位进度"
            extra={
              <Space>
                <span>只看有申报的单位</span>
                <Switch checked={onlyActive} onChange={setOnlyActive} aria-label="只看有申报的单位" />
              </Space>
            }
          >
            <Table<RecommenderProgress>
              rowKey={(row) => `${row.recommender.type}:${row.recommender.value}`}
              size="middle"
              loading={overview.isFetching}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: "本批次还没有收到申报" }}
              summary={() =>
                rows.length > 0 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>合计</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1}>{sum("received")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2}>{sum("pending")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3}>{sum("returned")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={4}>{sum("recommended")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={5}>{sum("declined")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={6} colSpan={2} />
                  </Table.Summary.Row>
                ) : null
              }
              columns={[
                {
                  title: "推荐单位",
                  key: "recommender",
                  render: (_, row) => (
                    <Space size={6}>
                      <span>{row.recommender.name}</span>
                      {row.recommender.type === "industry" && <Tag>行业</Tag>}
                    </Space>
                  ),
                },
                { title: "收到", dataIndex: "received", width: 80 },
                {
                  title: "待审核",
                  dataIndex: "pending",
                  width: 80,
                  render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
                },
                { title: "已退回", dataIndex: "returned", width: 80 },
                { title: "已推荐", dataIndex: "recommended", width: 80 },
                { title: "不予推荐", dataIndex: "declined", width: 90 },
                { title: "名额使用", key: "quota", render: (_, row) => <QuotaTags row={row} /> },
                {
                  title: "确认名单时间",
                  dataIndex: "closedAt",
                  width: 170,
                  render: (at: string | null, row) =>
                    at ? (
                      <Tag color="green">{formatInstant(at)}</Tag>
                    ) : row.received > 0 ? (
                      <Tag color="orange">未确认</Tag>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
