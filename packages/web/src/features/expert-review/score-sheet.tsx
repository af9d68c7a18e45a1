import { type Rubric, validateScoreSheet, weightedTotal } from "@linxuan/domain";
import { Alert, App, Button, Card, Input, InputNumber, Space, Statistic, Tag, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { type OpenedAssignment, useSubmitSheet } from "./queries";
import { type FieldMessages, issuesToMessages, messagesOf, type SaveState, useSheet } from "./use-sheet";

function SaveLine({ state }: { state: SaveState }) {
  switch (state.kind) {
    case "idle":
      return <Typography.Text type="secondary">尚未保存（输入后每隔几秒自动保存草稿）</Typography.Text>;
    case "dirty":
      return <Typography.Text type="secondary">有修改，稍后自动保存…</Typography.Text>;
    case "saving":
      return <Typography.Text type="secondary">正在保存…</Typography.Text>;
    case "saved":
      return (
        <Typography.Text type="success">
          草稿已自动保存 {formatInstant(state.at, true).slice(-8)}
        </Typography.Text>
      );
    case "failed":
      return <Typography.Text type="danger">保存失败：{state.message}</Typography.Text>;
  }
}

function Messages({ list }: { list: string[] | undefined }) {
  if (!list?.length) return null;
  return (
    <div role="alert" style={{ color: "#cf1322", fontSize: 13, marginTop: 4 }}>
      {list.map((message) => (
        <div key={message}>{message}</div>
      ))}
    </div>
  );
}

/** What the expert is about to submit: each criterion's score, the weighted total, the opinion. */
function ScoreSummary({
  rubric,
  scores,
  total,
  overall,
}: {
  rubric: Rubric;
  scores: Record<string, number | null>;
  total: number;
  overall: string;
}) {
  return (
    <div>
      <Typography.Paragraph type="secondary">
        提交后不能再自行修改；如需修改，须由办公室重新开放。请核对：
      </Typography.Paragraph>
      <table className="lx-score-summary" aria-label="评分汇总">
        <thead>
          <tr>
            <th>评分项</th>
            <th>权重</th>
            <th>评分</th>
          </tr>
        </thead>
        <tbody>
          {rubric.criteria.map((criterion) => (
            <tr key={criterion.key}>
              <td>{criterion.title}</td>
              <td>{criterion.weight}%</td>
              <td>
                {scores[criterion.key] ?? "—"} / {criterion.max}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>加权总分</td>
            <td>
              <strong>{total.toFixed(2)} 分</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} ellipsis={{ rows: 3 }}>
        综合评议意见：{overall}
      </Typography.Paragraph>
    </div>
  );
}

/** 评分表: one score and rationale per criterion, the live weighted total, the overall opinion. */
export function ScoreSheet({
  assignmentId,
  opened,
  rubric,
  onSubmitted,
}: {
  assignmentId: string;
  opened: OpenedAssignment;
  rubric: Rubric;
  onSubmitted: () => void;
}) {
  const { sheet, update, state, finish, markSubmitted, serverMessages, setServerMessages } = useSheet(
    assignmentId,
    opened,
  );
  const submit = useSubmitSheet(assignmentId);
  const { message, modal } = App.useApp();
  const [local, setLocal] = useState<FieldMessages>({});
  const [failure, setFailure] = useState<string | null>(null);
  const submitted = opened.sheet?.status === "submitted";
  const total = weightedTotal(rubric, sheet.scores);
  const shown: FieldMessages = { ...serverMessages, ...local };

  const send = async () => {
    setFailure(null);
    const issues = validateScoreSheet(rubric, sheet, "submit");
    setLocal(issuesToMessages(issues));
    if (issues.length > 0) {
      setFailure(`评分表有${issues.length}处问题：${issues[0]?.message}`);
      return;
    }
    // Submission cannot be undone by the expert: show what is about to be sent first.
    modal.confirm({
      title: "确认提交评分",
      width: 560,
      icon: null,
      content: <ScoreSummary rubric={rubric} scores={sheet.scores} total={total} overall={sheet.overall} />,
      okText: "确认提交",
      cancelText: "返回修改",
      onOk: submitNow,
    });
  };

  const submitNow = async () => {
    try {
      const revision = await finish();
      const saved = await submit.mutateAsync({ ...sheet, revision });
      markSubmitted(saved.revision);
      message.success(`评分已提交，总分 ${saved.total?.toFixed(2)} 分`);
      onSubmitted();
    } catch (error) {
      setServerMessages(messagesOf(error));
      setFailure(errorText(error));
    }
  };

  return (
    <Card
      title={
        <Space size={8}>
          评分表
          <Tag color="blue" aria-live="polite">
            加权总分 {(submitted ? (opened.sheet?.total ?? total) : total).toFixed(2)} 分
          </Tag>
        </Space>
      }
      size="small"
      extra={!submitted && <SaveLine state={state} />}
      styles={{ body: { display: "flex", flexDirection: "column", gap: 12 } }}
    >
      <Statistic
        title={submitted ? "已提交的加权总分" : "加权总分（实时计算，满分100）"}
        value={submitted ? (opened.sheet?.total ?? total) : total}
        precision={2}
        suffix="分"
      />
      {rubric.criteria.map((criterion) => (
        <section
          key={criterion.key}
          aria-label={criterion.title}
          style={{ borderTop: "1px solid #f0f0f0", paddingTop: 10 }}
        >
          <Space wrap size={8}>
            <strong>{criterion.title}</strong>
            <Tag>权重 {criterion.weight}%</Tag>
            <Typography.Text type="secondary">
              {criterion.min}–{criterion.max} 分，步长 {criterion.step}
            </Typography.Text>
            {criterion.rationaleRequired && <Tag color="orange">须填写理由</Tag>}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: "4px 0 8px", fontSize: 13 }}>
            {criterion.description}
          </Typography.Paragraph>
          <InputNumber
            aria-label={`${criterion.title}评分`}
            min={criterion.min}
            max={criterion.max}
            step={criterion.step}
            disabled={submitted}
            value={sheet.scores[criterion.key] ?? null}
            status={shown[`scores.${criterion.key}`] ? "error" : undefined}
            style={{ width: 140 }}
            addonAfter="分"
            onChange={(value) =>
              update((prev) => ({ ...prev, scores: { ...prev.scores, [criterion.key]: value ?? null } }))
            }
          />
          <Messages list={shown[`scores.${criterion.key}`]} />
          <Input.TextArea
            aria-label={`${criterion.title}评分理由`}
            placeholder={
              criterion.rationaleRequired ? "评分理由（必填）" : "评分理由（评为最高分或最低分时必填）"
            }
            autoSize={{ minRows: 2, maxRows: 6 }}
            disabled={submitted}
            value={sheet.rationales[criterion.key] ?? ""}
            status={shown[`rationales.${criterion.key}`] ? "error" : undefined}
            style={{ marginTop: 8 }}
            onChange={(event) =>
              update((prev) => ({
                ...prev,
                rationales: { ...prev.rationales, [criterion.key]: event.target.value },
              }))
            }
          />
          <Messages list={shown[`rationales.${criterion.key}`]} />
        </section>
      ))}
      <section aria-label="综合评议意见" style={{ borderTop: "1px solid #f0f0f0", paddingTop: 10 }}>
        <strong>综合评议意见</strong>
        <Input.TextArea
          aria-label="综合评议意见"
          autoSize={{ minRows: 3, maxRows: 10 }}
          disabled={submitted}
          value={sheet.overall}
          status={shown.overall ? "error" : undefined}
          style={{ marginTop: 8 }}
          onChange={(event) => update((prev) => ({ ...prev, overall: event.target.value }))}
        />
        <Messages list={shown.overall} />
      </section>
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      {!submitted && (
        <Button type="primary" size="large" loading={submit.isPending} onClick={send}>
          提交评分
        </Button>
      )}
    </Card>
  );
}
