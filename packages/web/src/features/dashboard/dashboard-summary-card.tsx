import { Alert, Space, Statistic } from "antd";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { useDashboard } from "./queries";

/** The office home's glance at the figures, and the way to the 统计看板 (no charts loaded here). */
export function DashboardSummaryCard() {
  const dashboard = useDashboard({});
  const data = dashboard.data;
  const step = (stage: string) => data?.funnel.find((item) => item.stage === stage)?.count ?? 0;
  return (
    <HomeCard
      title="统计概览"
      extra={
        <ButtonLink size="small" type="primary" to="/workbench/dashboard">
          进入统计看板
        </ButtonLink>
      }
    >
      {dashboard.isError ? (
        <Alert type="error" showIcon title={errorText(dashboard.error)} />
      ) : (
        <Space size={48} wrap>
          <Statistic
            loading={dashboard.isPending}
            title="已提交申报"
            value={data?.totals.submitted ?? 0}
            suffix="份"
          />
          <Statistic
            loading={dashboard.isPending}
            title="通过推荐或形式审查"
            value={step("passedFirstStage")}
            suffix="份"
          />
          <Statistic loading={dashboard.isPending} title="审定通过" value={step("approved")} suffix="份" />
          <Statistic
            loading={dashboard.isPending}
            title="纳入目录机构"
            value={data?.totals.listed ?? 0}
            suffix="家"
          />
        </Space>
      )}
    </HomeCard>
  );
}
