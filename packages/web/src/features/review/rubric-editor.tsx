import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Rubric, RubricCriterion } from "@linxuan/domain";
import { Alert, Button, Checkbox, Input, InputNumber, Space, Table, Typography } from "antd";

type Props = {
  rubric: Rubric;
  onChange: (rubric: Rubric) => void;
  issues: { path: string; message: string }[];
};

/** A key nobody has used in this rubric yet (keys are where scores are stored, so they never change). */
function freshKey(rubric: Rubric): string {
  let n = rubric.criteria.length + 1;
  while (rubric.criteria.some((criterion) => criterion.key === `criterion${n}`)) n++;
  return `criterion${n}`;
}

/**
 * 评分细则 of one kind: each criterion's title, points to look for, weight (the weights add up to
 * 100), score range and step, and whether a rationale is required.
 */
export function RubricEditor({ rubric, onChange, issues }: Props) {
  const sum =
    Math.round(rubric.criteria.reduce((total, criterion) => total + (criterion.weight || 0), 0) * 1000) /
    1000;
  const setCriterion = (index: number, patch: Partial<RubricCriterion>) =>
    onChange({
      ...rubric,
      criteria: rubric.criteria.map((criterion, i) => (i === index ? { ...criterion, ...patch } : criterion)),
    });
  const issueAt = (index: number) =>
    issues.filter((issue) => issue.path.startsWith(`criteria.${index}.`)).map((issue) => issue.message);
  const general = issues.filter((issue) => !/^criteria\.\d+\./.test(issue.path));

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>细则名称</span>
        <Input
          aria-label="评分细则名称"
          value={rubric.title}
          maxLength={60}
          style={{ width: 360 }}
          onChange={(event) => onChange({ ...rubric, title: event.target.value })}
        />
        <Typography.Text type={sum === 100 ? "success" : "danger"} strong aria-live="polite">
          权重合计 {sum} / 100
        </Typography.Text>
      </Space>
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={general.map((issue) => issue.message).join("；")}
        />
      )}
      <Table<RubricCriterion>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rubric.criteria}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (_, index) => {
            const messages = issueAt(index);
            return messages.length > 0 ? (
              <Typography.Text type="danger">{messages.join("；")}</Typography.Text>
            ) : null;
          },
          rowExpandable: (criterion) => issueAt(rubric.criteria.indexOf(criterion)).length > 0,
          showExpandColumn: false,
          expandedRowKeys: rubric.criteria.filter((_, index) => issueAt(index).length > 0).map((c) => c.key),
        }}
        columns={[
          {
            title: "评分项",
            key: "title",
            width: 180,
            render: (_, criterion, index) => (
              <Input
                aria-label={`第${index + 1}项名称`}
                value={criterion.title}
                maxLength={40}
                onChange={(event) => setCriterion(index, { title: event.target.value })}
              />
            ),
          },
          {
            title: "评分要点",
            key: "description",
            render: (_, criterion, index) => (
              <Input.TextArea
                aria-label={`第${index + 1}项评分要点`}
                value={criterion.description}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={500}
                onChange={(event) => setCriterion(index, { description: event.target.value })}
              />
            ),
          },
          ...(["weight", "min", "max", "step"] as const).map((key) => ({
            title: { weight: "权重（%）", min: "最低分", max: "最高分", step: "步长" }[key],
            key,
            width: 100,
            render: (_: unknown, criterion: RubricCriterion, index: number) => (
              <InputNumber
                aria-label={`第${index + 1}项${{ weight: "权重", min: "最低分", max: "最高分", step: "步长" }[key]}`}
                value={criterion[key]}
                min={key === "step" ? 0.01 : 0}
                max={key === "weight" ? 100 : 1000}
                style={{ width: "100%" }}
                onChange={(value) => setCriterion(index, { [key]: value ?? 0 })}
              />
            ),
          })),
          {
            title: "必填理由",
            key: "rationaleRequired",
            width: 80,
            render: (_, criterion, index) => (
              <Checkbox
                aria-label={`第${index + 1}项必须填写评分理由`}
                checked={criterion.rationaleRequired}
                onChange={(event) => setCriterion(index, { rationaleRequired: event.target.checked })}
              />
            ),
          },
          {
            title: "",
            key: "remove",
            width: 48,
            render: (_, _criterion, index) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除第${index + 1}项`}
                disabled={rubric.criteria.length <= 1}
                onClick={() =>
                  onChange({ ...rubric, criteria: rubric.criteria.filter((_, i) => i !== index) })
                }
              />
            ),
          },
        ]}
      />
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() =>
          onChange({
            ...rubric,
            criteria: [
              ...rubric.criteria,
              {
                key: freshKey(rubric),
                title: "",
                description: "",
                weight: 0,
                min: 0,
                max: 10,
                step: 0.5,
                rationaleRequired: false,
              },
            ],
          })
        }
      >
        添加评分项
      </Button>
    </div>
  );
}
