import { Alert, Card, Empty, Skeleton, Tabs, Typography } from "antd";
import type { User } from "../../app/api-types";
import { useSession } from "../../app/session";
import { errorText } from "../../shared/form-errors";
import { BatchSelect, useBatchParam, useStageBatches } from "../recommendation-queue/stage-batches";
import { AssignmentPanel } from "./assignment-panel";
import { CheckPanel } from "./check-panel";
import { ConflictsPanel } from "./conflicts-panel";
import { ProgressPanel } from "./progress-panel";
import { useRound } from "./queries";
import { RankingPanel } from "./ranking-panel";
import { SettingsCard } from "./settings-card";
import "./review.css";

/** /workbench/review — 专家评议 organised by the office: settings, assignment, progress, conflicts, ranking. */
export function ReviewPage() {
  const { data: user } = useSession();
  return user ? <ReviewView user={user} /> : null;
}

function ReviewView({ user }: { user: User }) {
  const stages = useStageBatches(user, "expertReview");
  const { batchId, choose, batch } = useBatchParam(stages.batches);
  const round = useRound(batchId);

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>专家评议</h1>
          <Typography.Text type="secondary">
            设置评分细则，分配评议专家（回避利益冲突），跟踪进度，公开评分后按职业排名并审定。
          </Typography.Text>
        </div>
        <BatchSelect batches={stages.batches} value={batchId} onChange={choose} loading={stages.isPending} />
      </div>
      {stages.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(stages.error)} />
      )}
      {!stages.isPending && stages.batches.length === 0 ? (
        <Card>
          <Empty description="没有由本单位组织专家评议的已发布批次" />
        </Card>
      ) : round.isError ? (
        <Alert type="error" showIcon title={errorText(round.error)} />
      ) : !round.data || !batchId || !batch ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Tabs
          key={batchId}
          destroyOnHidden
          items={[
            {
              key: "settings",
              label: "评议设置",
              children: <SettingsCard batchId={batchId} round={round.data} kinds={batch.definition.kinds} />,
            },
            // 审核 of the provinces' recommended training applications: national batches only.
            ...(batch.definition.scope.level === "national" && batch.definition.kinds.includes("training")
              ? [{ key: "checks", label: "审核推荐结果", children: <CheckPanel batchId={batchId} /> }]
              : []),
            { key: "assign", label: "专家分配", children: <AssignmentPanel batchId={batchId} /> },
            { key: "progress", label: "评议进度", children: <ProgressPanel batchId={batchId} /> },
            { key: "conflicts", label: "回避管理", children: <ConflictsPanel batchId={batchId} /> },
            { key: "ranking", label: "排名与审定", children: <RankingPanel batchId={batchId} /> },
          ]}
        />
      )}
    </>
  );
}
