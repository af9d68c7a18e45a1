import { Alert, Space, Statistic, Typography } from "antd";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { useMyAssignments } from "./queries";

/** The expert's home: how many reviews are waiting, and which are overdue. */
export function ExpertTasksCard() {
  const assignments = useMyAssignments();
  const items = assignments.data ?? [];
  const waiting = items.filter((item) => item.status !== "submitted").length;
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <HomeCard
      title="我的评议任务"
      extra={
        <ButtonLink size="small" type="primary" to="/workbench/expert-review">
          进入评议
        </ButtonLink>
      }
    >
      {assignments.isError ? (
        <Alert type="error" showIcon title={errorText(assignments.error)} />
      ) : (
        <Space direction="vertical" size={8}>
          <Space size={40} wrap>
            <Statistic title="分配给我的" value={items.length} suffix="份" loading={assignments.isPending} />
            <Statistic title="待评分" value={waiting} suffix="份" loading={assignments.isPending} />
            <Statistic
              title="已逾期"
              value={overdue}
              suffix="份"
              loading={assignments.isPending}
              styles={{ content: overdue > 0 ? { color: "#cf1322" } : undefined }}
            />
          </Space>
          {overdue > 0 && (
            <Typography.Text type="danger">有评议已超过截止时间，请尽快提交评分。</Typography.Text>
          )}
        </Space>
      )}
    </HomeCard>
  );
}
