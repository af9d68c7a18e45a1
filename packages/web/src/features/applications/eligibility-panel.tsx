import type { EligibilityOutcome, EligibilityResult } from "@linxuan/domain";
import { Alert, Empty, Table, Tag, Typography } from "antd";

export const outcomeLabels: Record<EligibilityOutcome, { text: string; color: string }> = {
  pass: { text: "符合", color: "green" },
  review: { text: "需复核", color: "gold" },
  fail: { text: "不符合", color: "red" },
};

export function OutcomeTag({ outcome }: { outcome: EligibilityOutcome }) {
  const label = outcomeLabels[outcome];
  return <Tag color={label.color}>{label.text}</Tag>;
}

type Row = EligibilityResult["results"][number];

/**
 * 资格条件自查, recomputed by the server on every save: the overall outcome, then each rule with
 * whether it is hard (不满足不能提交) or soft (一般应, flagged for reviewers), its outcome and why.
 */
export function EligibilityPanel({ eligibility }: { eligibility: EligibilityResult | null }) {
  if (!eligibility) return <Empty description="尚未计算资格条件，保存草稿后显示" />;
  const summary =
    eligibility.outcome === "pass"
      ? "按目前填写的内容，全部资格条件均符合。"
      : eligibility.blocking
        ? "有硬性条件不符合，不能提交。请核对相关填写内容；确不符合的，本批次不能申报该职业。"
        : "部分条件需评审复核或尚未填写完整；柔性条件不符合不影响提交，但会提示评审专家关注。";
  return (
    <div aria-live="polite">
      <Alert
        type={eligibility.outcome === "pass" ? "success" : eligibility.blocking ? "error" : "warning"}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          <span>
            资格条件自查结果：
            <OutcomeTag outcome={eligibility.outcome} />
          </span>
        }
        description={`${summary}结果随填写内容自动更新（每次保存后重新计算）。`}
      />
      <Table<Row>
        rowKey="rule"
        size="small"
        pagination={false}
        dataSource={eligibility.results}
        columns={[
          { title: "条件", dataIndex: "title", width: 260 },
          {
            title: "类别",
            dataIndex: "severity",
            width: 90,
            render: (severity: Row["severity"]) =>
              severity === "hard" ? (
                <Tag color="volcano" title="不满足不能提交">
                  硬性
                </Tag>
              ) : (
                <Tag title="一般应满足，不满足时提示评审关注">柔性</Tag>
              ),
          },
          {
            title: "结果",
            dataIndex: "outcome",
            width: 90,
            render: (outcome: Row["outcome"]) => <OutcomeTag outcome={outcome} />,
          },
          {
            title: "依据",
            dataIndex: "reason",
            render: (reason: string) => <Typography.Text>{reason}</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
