import { Space, Tag } from "antd";
import { formatInstant } from "../../shared/dates";
import type { Assessment, AssessmentStatus } from "./types";

export const assessmentStatusLabels: Record<AssessmentStatus, { text: string; color: string }> = {
  open: { text: "待提交报告", color: "blue" },
  submitted: { text: "报告已提交", color: "gold" },
  passed: { text: "通过", color: "green" },
  failed: { text: "不通过", color: "red" },
};

export function AssessmentStatusTag({ assessment }: { assessment: Assessment }) {
  const label = assessmentStatusLabels[assessment.status];
  return (
    <Space size={4} wrap>
      <Tag color={label.color}>{label.text}</Tag>
      {assessment.overdue && <Tag color="red">已逾期</Tag>}
    </Space>
  );
}

/** The report and the conclusion, as written. */
export function AssessmentDetail({ assessment }: { assessment: Assessment }) {
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <div>
        <span className="lx-muted">考核评估报告</span>
        {assessment.submittedAt && (
          <span className="lx-muted">（{formatInstant(assessment.submittedAt)} 提交）</span>
        )}
        ：
        {assessment.report ? (
          <p className="lx-user-text">{assessment.report}</p>
        ) : (
          <span className="lx-muted">尚未提交</span>
        )}
      </div>
      {assessment.resultNote && (
        <div>
          <span className="lx-muted">结论意见（{formatInstant(assessment.decidedAt)}）：</span>
          <p className="lx-user-text">{assessment.resultNote}</p>
        </div>
      )}
    </Space>
  );
}
