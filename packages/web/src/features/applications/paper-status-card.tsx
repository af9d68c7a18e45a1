import { latePaperDecisionLabels } from "@linxuan/domain";
import { Card, Descriptions, Tag, Typography } from "antd";
import { formatDate, formatInstant } from "../../shared/dates";
import { usePaperAndFormalCheck } from "./queries";
import type { Application } from "./types";

/**
 * 纸质材料与形式审查 for a submitted application in a batch with a receiving centre: what the batch
 * asks for, whether and when the copies were received (late or not, and what the centre decided),
 * and the outcome of the formal check with the centre's opinion.
 */
export function PaperStatusCard({ application }: { application: Application }) {
  const submitted = application.status !== "draft";
  const query = usePaperAndFormalCheck(application.id, submitted);
  const data = query.data;
  if (!submitted || !data?.applies) return null;
  const receipt = data.paperReceipt;
  const waiting = ["submitted", "resubmitted"].includes(application.status);
  const requirement = [
    data.paperCopies > 0 ? `加盖公章的纸质材料一式${data.paperCopies}份` : "纸质材料",
    data.paperDeadline ? `于${formatInstant(data.paperDeadline)}前` : null,
    `报送${data.submitTo}`,
  ]
    .filter(Boolean)
    .join("，");
  return (
    <Card
      size="small"
      title={<h2 style={{ margin: 0, fontSize: 16 }}>纸质材料与形式审查</h2>}
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: "requirement", label: "报送要求", children: requirement },
          {
            key: "receipt",
            label: "接收情况",
            children: receipt ? (
              <span>
                已接收{receipt.copies}份（{formatDate(receipt.receivedOn)}）
                {receipt.lateDecision && (
                  <>
                    <Tag
                      color={receipt.lateDecision === "refused" ? "red" : "orange"}
                      style={{ marginInline: 8 }}
                    >
                      逾期·{latePaperDecisionLabels[receipt.lateDecision]}
                    </Tag>
                    <Typography.Text type="secondary">理由：{receipt.lateReason}</Typography.Text>
                  </>
                )}
              </span>
            ) : (
              <Typography.Text type="warning">材料接收中心尚未登记接收</Typography.Text>
            ),
          },
          {
            key: "check",
            label: "形式审查",
            children: data.formalCheck ? (
              <span>
                <Tag color="green">已通过</Tag>
                {formatInstant(data.formalCheck.passedAt)}
                {data.formalCheck.opinion && <>　审查意见：{data.formalCheck.opinion}</>}
              </span>
            ) : waiting ? (
              <Typography.Text type="secondary">待形式审查</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{application.statusName}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
