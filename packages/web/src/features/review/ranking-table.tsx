import { type ApplicationStatus, applicationStatusNames, levelName } from "@linxuan/domain";
import { Alert, App, Button, Form, Input, Radio, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { LevelCode } from "../../app/api-types";
import { ReasonModal } from "../../shared/reason-modal";
import { ApplicationStatusTag } from "../applications/status-parts";
import { useDecide, useReopen } from "./queries";
import type { ProgressAssignment, RankedApplication, RankingGroup } from "./types";

const levelsText = (levels: string[]) => levels.map((level) => levelName(level as LevelCode)).join("、");
const visitColor = (conclusion: string | null) =>
  conclusion === "conforming"
    ? "green"
    : conclusion === "nonConforming"
      ? "red"
      : conclusion
        ? "gold"
        : "blue";
const score = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/** One ranked list, the quota line under the last application inside the quota; 审定 and 请专家复核. */
export function RankingTable({
  batchId,
  group,
  assignments,
}: {
  batchId: string;
  group: RankingGroup;
  assignments: ProgressAssignment[];
}) {
  const decide = useDecide(batchId);
  const reopen = useReopen(batchId);
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{
    item: RankedApplication;
    decision: "approved" | "rejected";
  } | null>(null);
  const [reopening, setReopening] = useState<RankedApplication | null>(null);
  const lastWithin = group.items.reduce((last, item, index) => (item.withinQuota ? index : last), -1);
  const sheetsOf = (applicationId: string) =>
    assignments.filter(
      (assignment) => assignment.applicationId === applicationId && assignment.status === "submitted",
    );

  return (
    <>
      <Table<RankedApplication>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={group.items}
        scroll={{ x: 1280 }}
        rowClassName={(_, index) =>
          index === lastWithin && index < group.items.length - 1 ? "lx-quota-line" : ""
        }
        columns={[
          {
            title: "排名",
            dataIndex: "rank",
            width: 70,
            render: (rank: number, item) => (
              <Space size={4}>
                <strong>{rank}</strong>
                {item.tiedAtQuotaLine && (
                  <Tooltip title="并列于名额线，须由办公室审定取舍并写明依据">
                    <Tag color="orange">并列</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: "申报单位",
            key: "institution",
            width: 220,
            render: (_, item) => (
              <div>
                <div>
                  <Link to={`/workbench/applications/${encodeURIComponent(item.applicationId)}`}>
                    {item.institutionName}
                  </Link>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {levelsText(item.levels)}
                  {item.regionName ? ` · ${item.regionName}` : ""}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: "专家数",
            key: "experts",
            width: 130,
            render: (_, item) => (
              <Space size={4} wrap>
                <span>
                  {item.aggregate.count}/{item.expertsAssigned}
                </span>
                {item.shortfall > 0 && (
                  <Tooltip
                    title={`本轮每份申报应由${item.expertsRequired}名专家评议，因回避等原因只分配到${item.expertsAssigned}名${item.shortfallReason ? `；缺额审定说明：${item.shortfallReason}` : "；审定时须说明理由"}`}
                  >
                    <Tag color="red">缺{item.shortfall}名专家</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: "平均分", key: "mean", width: 80, render: (_, item) => score(item.aggregate.mean) },
          {
            title: "去极值平均分",
            key: "trimmed",
            width: 110,
            render: (_, item) => score(item.aggregate.trimmedMean),
          },
          {
            title: "离散（最高−最低）",
            key: "spread",
            width: 190,
            render: (_, item) => (
              <Space size={4} wrap>
                <span>{score(item.aggregate.spread)}</span>
                {item.aggregate.dispersed && <Tag color="red">分歧较大</Tag>}
                {item.aggregate.dispersed && item.status === "underReview" && (
                  <Button size="small" onClick={() => setReopening(item)}>
                    请专家复核
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: "考察",
            key: "siteVisit",
            width: 110,
            render: (_, item) =>
              item.siteVisit ? (
                <Tooltip title={item.siteVisit.sentence ?? "考察尚未作出结论，审定前须完成"}>
                  <Tag color={visitColor(item.siteVisit.conclusion)}>
                    {item.siteVisit.conclusionName
                      ? `考察${item.siteVisit.conclusionName}`
                      : item.siteVisit.stateName}
                  </Tag>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          ...(group.items.some((item) => item.recommendationCheck)
            ? [
                {
                  title: "推荐审核",
                  key: "recommendationCheck",
                  width: 110,
                  render: (_: unknown, item: RankedApplication) =>
                    item.recommendationCheck ? (
                      <Tooltip title={`审核意见：${item.recommendationCheck.reason}`}>
                        <Tag color={item.recommendationCheck.outcome === "passed" ? "green" : "red"}>
                          {item.recommendationCheck.outcomeName}
                        </Tag>
                      </Tooltip>
                    ) : (
                      <Typography.Text type="secondary">未审核</Typography.Text>
                    ),
                },
              ]
            : []),
          {
            title: "名额",
            key: "quota",
            width: 80,
            render: (_, item) => (item.withinQuota ? <Tag color="green">名额内</Tag> : <Tag>名额外</Tag>),
          },
          {
            title: "状态",
            dataIndex: "status",
            width: 110,
            render: (status: ApplicationStatus) => (
              <ApplicationStatusTag status={status} name={applicationStatusNames[status] ?? status} />
            ),
          },
          {
            title: "审定",
            key: "decision",
            width: 170,
            render: (_, item) =>
              item.decision ? (
                <Tooltip title={`审定依据：${item.basis ?? ""}`}>
                  <Tag color={item.decision === "approved" ? "green" : "red"}>
                    {item.decision === "approved" ? "通过" : "不通过"}
                  </Tag>
                </Tooltip>
              ) : item.status === "reviewed" ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ item, decision: "approved" })}
                  >
                    通过
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ item, decision: "rejected" })}>
                    不通过
                  </Button>
                </Space>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  完成评议后审定
                </Typography.Text>
              ),
          },
        ]}
      />
      <ReasonModal
        open={deciding !== null}
        title={`审定：${deciding?.item.institutionName ?? ""}`}
        label="审定依据"
        okText="确认审定"
        danger={deciding?.decision === "rejected"}
        extra={
          <Typography.Paragraph type="secondary">
            第{deciding?.item.rank}名，去极值平均分 {score(deciding?.item.aggregate.trimmedMean ?? null)}，
            {deciding?.item.withinQuota ? "名额之内" : "名额之外"}。审定通过须在本职业名额之内。
            {deciding?.item.recommendationCheck && (
              <>
                <br />
                推荐结果{deciding.item.recommendationCheck.outcomeName}，审核意见：
                {deciding.item.recommendationCheck.reason}
              </>
            )}
            {deciding?.item.siteVisit?.sentence && (
              <>
                <br />
                考察：{deciding.item.siteVisit.sentence}。
              </>
            )}
          </Typography.Paragraph>
        }
        onSubmit={async (values) => {
          if (!deciding) return;
          const decision = (values.decision as "approved" | "rejected" | undefined) ?? deciding.decision;
          const shortfallReason =
            typeof values.shortfallReason === "string" ? values.shortfallReason.trim() : undefined;
          await decide.mutateAsync({
            id: deciding.item.applicationId,
            decision,
            basis: values.reason,
            ...(shortfallReason ? { shortfallReason } : {}),
          });
          message.success(decision === "approved" ? "已审定通过" : "已审定不通过");
        }}
        onClose={() => setDeciding(null)}
      >
        <Form.Item name="decision" label="审定结果" initialValue={deciding?.decision}>
          <Radio.Group
            options={[
              { value: "approved", label: "通过" },
              { value: "rejected", label: "不通过" },
            ]}
          />
        </Form.Item>
        {deciding && deciding.item.shortfall > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`评议专家不足：应${deciding.item.expertsRequired}名，实有${deciding.item.expertsAssigned}名（缺${deciding.item.shortfall}名）`}
              description="审定该申报须说明为何在专家不足的情况下审定；说明将记入审计日志，并写入评议结果意见。"
            />
            <Form.Item
              name="shortfallReason"
              label="缺额审定说明"
              rules={[
                { required: true, whitespace: true, min: 2, message: "请填写缺额审定说明（至少2个字）" },
              ]}
            >
              <Input.TextArea rows={2} maxLength={1000} showCount />
            </Form.Item>
          </>
        )}
      </ReasonModal>
      <ReasonModal
        open={reopening !== null}
        title={`请专家复核：${reopening?.institutionName ?? ""}`}
        label="复核原因"
        okText="请专家复核"
        extra={
          <Typography.Paragraph type="secondary">
            所选专家的评分表回到草稿状态（原评分保留在历史中），专家重新提交后再汇总。
          </Typography.Paragraph>
        }
        onSubmit={async (values) => {
          await reopen.mutateAsync({ id: String(values.assignmentId), reason: values.reason });
          message.success("已请专家复核");
        }}
        onClose={() => setReopening(null)}
      >
        <Form.Item name="assignmentId" label="专家" rules={[{ required: true, message: "请选择专家" }]}>
          <Select
            aria-label="复核的专家"
            options={sheetsOf(reopening?.applicationId ?? "").map((sheet) => ({
              value: sheet.id,
              label: sheet.expertName,
            }))}
          />
        </Form.Item>
      </ReasonModal>
    </>
  );
}
