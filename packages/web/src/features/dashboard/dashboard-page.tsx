import { FileExcelOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Statistic, Typography } from "antd";
import type { User } from "../../app/api-types";
import { useSession } from "../../app/session";
import { inShanghai } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { kindLabel, regionLabel } from "../../shared/labels";
import { useStaffBatches } from "../batches/queries";
import { DashboardCharts } from "./dashboard-charts";
import { DashboardFilters, useDashboardFilter } from "./dashboard-filters";
import { dashboardXlsxUrl, useDashboard } from "./queries";
import type { Dashboard, DashboardFilter } from "./types";
import "./dashboard.css";

/** /workbench/dashboard — 统计看板 of the 工程指导协调小组办公室 and the provincial offices (stats.view). */
export function DashboardPage() {
  const { data: user } = useSession();
  return user ? <DashboardView user={user} /> : null;
}

function DashboardView({ user }: { user: User }) {
  const { filter, set, reset, regionFixed } = useDashboardFilter(user);
  const dashboard = useDashboard(filter);
  const scope = useScopeText(filter);
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>统计看板</h1>
          <Typography.Text type="secondary">
            统计范围：{scope}
            {dashboard.dataUpdatedAt > 0 &&
              `　数据更新于 ${inShanghai(dashboard.dataUpdatedAt).format("YYYY年M月D日 HH:mm:ss")}`}
          </Typography.Text>
        </div>
        <Space wrap>
          <Button
            icon={<ReloadOutlined />}
            loading={dashboard.isFetching}
            onClick={() => void dashboard.refetch()}
          >
            刷新
          </Button>
          <Button type="primary" icon={<FileExcelOutlined />} href={dashboardXlsxUrl(filter)} download>
            导出Excel
          </Button>
        </Space>
      </div>
      <Card
        size="small"
        className="lx-dashboard-filter-card"
        title={<h2 className="lx-chart-title">统计条件</h2>}
      >
        <DashboardFilters filter={filter} onChange={set} onReset={reset} regionFixed={regionFixed} />
      </Card>
      {dashboard.isError && (
        <Alert type="error" showIcon title={errorText(dashboard.error)} style={{ marginBottom: 16 }} />
      )}
      <TotalsRow data={dashboard.data} loading={dashboard.isPending} />
      <DashboardCharts data={dashboard.data} loading={dashboard.isPending} />
    </>
  );
}

/** "【演示】全国第二批遴选 · 北京市 · 培训机构": the figures' scope in words, also for a printout. */
function useScopeText(filter: DashboardFilter): string {
  const batches = useStaffBatches();
  const batch = batches.data?.find((item) => item.id === filter.batchId);
  return [
    filter.batchId ? (batch?.shortTitle ?? "所选批次") : "全部批次",
    filter.region ? regionLabel(filter.region) : "全国",
    filter.kind ? kindLabel(filter.kind) : "全部机构类型",
  ].join(" · ");
}

function TotalsRow({ data, loading }: { data: Dashboard | undefined; loading: boolean }) {
  const step = (stage: string) => data?.funnel.find((item) => item.stage === stage)?.count ?? 0;
  const items = [
    { key: "submitted", label: "已提交申报", value: data?.totals.submitted ?? 0, suffix: "份" },
    { key: "drafts", label: "填报中（草稿）", value: data?.totals.drafts ?? 0, suffix: "份" },
    { key: "firstStage", label: "通过推荐或形式审查", value: step("passedFirstStage"), suffix: "份" },
    { key: "approved", label: "审定通过", value: step("approved"), suffix: "份" },
    { key: "listed", label: "纳入目录机构", value: data?.totals.listed ?? 0, suffix: "家" },
  ];
  return (
    <section className="lx-stat-grid" aria-label="主要指标">
      {items.map((item) => (
        <Card key={item.key} className={`lx-stat lx-stat-${item.key}`} loading={loading} size="small">
          <Statistic title={item.label} value={item.value} suffix={item.suffix} />
        </Card>
      ))}
    </section>
  );
}
