import { Alert, Space, Statistic, Typography } from "antd";
import type { User } from "../../app/api-types";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { useExperts } from "../experts/queries";
import { useStageBatches } from "../recommendation-queue/stage-batches";
import { useProgress } from "./queries";

/** The office's home: the expert pool, and how far the current expert review has come. */
export function OfficeReviewCard({ user }: { user: User }) {
  const experts = useExperts();
  const review = useStageBatches(user, "expertReview");
  const recommendation = useStageBatches(user, "recommendation");
  const batch = review.batches[0] ?? null;
  const progress = useProgress(batch?.id ?? null);
  const pool = experts.data ?? [];
  const assignments = progress.data?.assignments ?? [];
  const error = experts.error ?? review.error ?? progress.error;
  return (
    <HomeCard
      title="推荐、专家评议与审定"
      extra={
        <Space>
          {recommendation.batches.length > 0 && (
            <ButtonLink size="small" to="/workbench/recommendation-overview">
              推荐进度总览
            </ButtonLink>
          )}
          <ButtonLink size="small" to="/workbench/experts">
            专家库
          </ButtonLink>
          <ButtonLink
            size="small"
            type="primary"
            to={batch ? `/workbench/review?batchId=${batch.id}` : "/workbench/review"}
          >
            专家评议
          </ButtonLink>
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : (
        <Space direction="vertical" size={12}>
          {batch && <Typography.Text strong>{batch.shortTitle}</Typography.Text>}
          <Space size={40} wrap>
            <Statistic title="专家库" value={pool.length} suffix="名" loading={experts.isPending} />
            <Statistic
              title="可参加评议"
              value={pool.filter((expert) => expert.active).length}
              suffix="名"
              loading={experts.isPending}
            />
            <Statistic
              title="评议任务"
              value={assignments.length}
              suffix="项"
              loading={progress.isPending && Boolean(batch)}
            />
            <Statistic
              title="已提交评分"
              value={assignments.filter((item) => item.status === "submitted").length}
              suffix="项"
              loading={progress.isPending && Boolean(batch)}
            />
            <Statistic
              title="逾期未交"
              value={assignments.filter((item) => item.overdue).length}
              suffix="项"
              loading={progress.isPending && Boolean(batch)}
            />
          </Space>
        </Space>
      )}
    </HomeCard>
  );
}
