import { Alert, Empty, Space, Statistic, Typography } from "antd";
import type { User } from "../../app/api-types";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { useQueue } from "./queries";
import { useStageBatches } from "./stage-batches";

/** The workbench home's view of the recommender's or receiving centre's queue: what waits in the current batch, and the way in. */
export function QueueSummaryCard({ user }: { user: User }) {
  const centre = user.role === "receivingCentre";
  const stages = useStageBatches(user, centre ? "formalCheck" : "recommendation");
  const batch = stages.batches[0] ?? null;
  const queue = useQueue(batch ? { batchId: batch.id } : null);
  const data = queue.data;
  const link = batch
    ? `/workbench/recommendation-queue?batchId=${encodeURIComponent(batch.id)}`
    : "/workbench/recommendation-queue";
  const waitingPaper =
    data?.items.filter((item) => !item.paperReceipt && ["submitted", "resubmitted"].includes(item.status))
      .length ?? 0;
  return (
    <HomeCard
      title={centre ? "纸质材料与形式审查" : "审核推荐"}
      extra={
        <ButtonLink size="small" type="primary" to={link}>
          进入审核队列
        </ButtonLink>
      }
    >
      {stages.error || queue.error ? (
        <Alert type="error" showIcon title={errorText(stages.error ?? queue.error)} />
      ) : !stages.isPending && !batch ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有需要本单位审核的批次" />
      ) : (
        <Space direction="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text strong>{batch?.shortTitle ?? "正在加载…"}</Typography.Text>
          <Space size={40} wrap>
            <Statistic
              title="收到申报"
              value={data?.items.length ?? 0}
              suffix="份"
              loading={queue.isPending}
            />
            <Statistic title="待审核" value={data?.pending ?? 0} suffix="份" loading={queue.isPending} />
            {centre ? (
              <Statistic title="纸质材料未登记" value={waitingPaper} suffix="份" loading={queue.isPending} />
            ) : (
              <Statistic
                title="已推荐"
                value={data?.quotas.reduce((sum, quota) => sum + quota.used, 0) ?? 0}
                suffix="家"
                loading={queue.isPending}
              />
            )}
          </Space>
          {!centre && data?.closed && (
            <Typography.Text type="success">
              已于{formatInstant(data.closed.closedAt)}确认推荐名单，可下载推荐函。
            </Typography.Text>
          )}
          {data?.stage?.closesAt && (
            <Typography.Text type="secondary">
              {data.stage.open ? "本环节截止：" : "本环节已于以下时间截止："}
              {formatInstant(data.stage.closesAt)}
            </Typography.Text>
          )}
        </Space>
      )}
    </HomeCard>
  );
}
