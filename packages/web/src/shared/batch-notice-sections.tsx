import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import type { BatchDefinition } from "@linxuan/domain";
import { isOccupationOpen } from "@linxuan/domain";
import { Button, Descriptions, List, Space, Table, Tag, Timeline, Typography } from "antd";
import type { BlankForm, KindCode, OccupationCode } from "../app/api-types";
import { deadlineCountdown, formatInstant } from "./dates";
import {
  catalogPublisherLabels,
  describeRule,
  kindLabel,
  levelLabel,
  occupationLabel,
  recommenderChoiceLabels,
  regionLabel,
  stageLabel,
} from "./labels";

type Props = { definition: BatchDefinition };

export function KeyDates({ definition }: Props) {
  const countdown = deadlineCountdown(definition.onlineDeadline);
  const items = [
    {
      key: "online",
      label: "网上申报截止",
      children: (
        <Space direction="vertical" size={0}>
          <strong>{formatInstant(definition.onlineDeadline)}</strong>
          <Typography.Text type={countdown.closed ? "secondary" : "warning"}>
            {countdown.text}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  if (definition.paperDeadline) {
    items.push({
      key: "paper",
      label: "纸质材料截止",
      children: (
        <Space direction="vertical" size={0}>
          <strong>{formatInstant(definition.paperDeadline)}</strong>
          {definition.paperCopies > 0 && <span>一式{definition.paperCopies}份</span>}
        </Space>
      ),
    });
  }
  if (definition.submitTo) items.push({ key: "to", label: "材料报送", children: <>{definition.submitTo}</> });
  items.push({
    key: "publicNoticePeriod",
    label: "公示期",
    children: <>{definition.publicNoticeWorkdays} 个工作日</>,
  });
  items.push(...termItems(definition));
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={items}
      styles={{ label: { width: 112, whiteSpace: "nowrap" } }}
    />
  );
}

/**
 * 目录有效期, 考核评估 and 考核不通过 as the notice words them; a row the notice does not state is
 * left out. A definition without notice texts (an office's own batch) shows its figures.
 */
function termItems(definition: BatchDefinition) {
  const terms = definition.batchNoticeTerms ?? {
    validity: `${definition.catalogValidityYears} 年`,
    assessmentCycle: `每 ${definition.assessmentCycleYears} 年`,
    reapplicationBan:
      definition.reapplicationBanYears > 0 ? `${definition.reapplicationBanYears} 年内不得再次申报` : null,
  };
  const rows = [
    { key: "validity", label: "目录有效期", text: terms.validity },
    { key: "cycle", label: "考核评估", text: terms.assessmentCycle },
    { key: "ban", label: "考核不通过", text: terms.reapplicationBan },
  ];
  return rows.flatMap((row) =>
    row.text ? [{ key: row.key, label: row.label, children: <>{row.text}</> }] : [],
  );
}

function Cell({ definition, kind, occupation }: Props & { kind: KindCode; occupation: OccupationCode }) {
  const open = isOccupationOpen(definition, kind, occupation);
  if (!open.open) {
    return (
      <span>
        <Tag color="red">不含</Tag>
        <Typography.Text type="secondary">{open.reason}</Typography.Text>
      </span>
    );
  }
  return <>{definition.levels.map(levelLabel).join("、")}</>;
}

/** 职业 × 机构类型, with each exclusion and its reason in the cell it closes. */
export function OccupationTable({ definition }: Props) {
  const rows = definition.occupations.map((occupation, index) => ({
    key: occupation,
    index: index + 1,
    occupation,
  }));
  const excluded = definition.exclusions;
  return (
    <>
      <Table
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={[
          { title: "序号", dataIndex: "index", width: 64, align: "center" },
          {
            title: "职业",
            dataIndex: "occupation",
            width: 220,
            render: (code: OccupationCode) => occupationLabel(code),
          },
          ...definition.kinds.map((kind) => ({
            title: `${kindLabel(kind)}开放等级`,
            key: kind,
            render: (_: unknown, row: { occupation: OccupationCode }) => (
              <Cell definition={definition} kind={kind} occupation={row.occupation} />
            ),
          })),
        ]}
      />
      {excluded.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {definition.kinds
            .map((kind) => {
              const names = excluded.filter((item) => item.kind === kind);
              if (names.length === 0) return null;
              const reasons = [...new Set(names.map((item) => item.reason))].join("；");
              return `${kindLabel(kind)}不含${names.map((item) => occupationLabel(item.occupation)).join("、")}（${reasons}）。`;
            })
            .filter(Boolean)
            .join(" ")}
        </Typography.Paragraph>
      )}
    </>
  );
}

export function EligibilityList({ definition }: Props) {
  return (
    <List
      size="small"
      dataSource={definition.eligibilityRules}
      locale={{ emptyText: "本批次未设置资格条件" }}
      renderItem={(rule) => (
        <List.Item>
          <Space>
            {rule.severity === "hard" ? <Tag color="red">必须满足</Tag> : <Tag color="gold">一般应满足</Tag>}
            {describeRule(rule)}
          </Space>
        </List.Item>
      )}
    />
  );
}

export function QuotaSummary({ definition }: Props) {
  const { evaluation, training, note } = definition.quotas;
  const items = [];
  if (evaluation) {
    items.push({
      key: "evaluation",
      label: "评价机构",
      children: `每个职业计划遴选 ${evaluation.perOccupationMin}—${evaluation.perOccupationMax} 家`,
    });
  }
  if (training) {
    items.push({
      key: "training",
      label: "培训机构",
      children: (
        <Space direction="vertical" size={2}>
          <span>每个职业每个地方不超过 {training.perOccupationPerRegion} 家</span>
          {training.regionOverrides.map((override) => (
            <span key={override.regionCode}>
              {regionLabel(override.regionCode)}：每个职业不超过 {override.perOccupation} 家
              {override.note && <Typography.Text type="secondary">（{override.note}）</Typography.Text>}
            </span>
          ))}
          {(training.officeSetAreas ?? []).map((area) => (
            <span key={`${area.regionCode}-${area.name}`}>
              {area.name}：名额由主管部门设定
              <Typography.Text type="secondary">（依据：{area.basis}）</Typography.Text>
            </span>
          ))}
        </Space>
      ),
    });
  }
  items.push(
    ...definition.kinds.map((kind) => ({
      key: `publisher-${kind}`,
      label: `${kindLabel(kind)}推荐与公布`,
      children: `${recommenderChoiceLabels[definition.recommenderChoice[kind]]}；${catalogPublisherLabels[definition.catalogPublisher[kind]]}`,
    })),
  );
  return (
    <>
      <Descriptions column={1} size="small" bordered items={items} styles={{ label: { width: 160 } }} />
      {note && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          说明：{note}
        </Typography.Paragraph>
      )}
    </>
  );
}

export function AttachmentList({ definition }: Props) {
  return (
    <List
      size="small"
      dataSource={definition.requiredAttachments}
      locale={{ emptyText: "本批次未列出附件要求" }}
      renderItem={(attachment, index) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <span>
                  {index + 1}. {attachment.name}
                </span>
                {attachment.required ? <Tag color="blue">必须提供</Tag> : <Tag>按需提供</Tag>}
              </Space>
            }
            description={attachment.note || undefined}
          />
        </List.Item>
      )}
    />
  );
}

export function ContactList({ definition }: Props) {
  if (definition.contacts.length === 0)
    return <Typography.Text type="secondary">通知未列出联系方式</Typography.Text>;
  return (
    <Descriptions
      column={1}
      size="small"
      items={definition.contacts.map((contact, index) => ({
        key: `${index}`,
        label: contact.label,
        children: contact.value,
      }))}
    />
  );
}

export function StageTimeline({ definition }: Props) {
  return (
    <Timeline
      items={definition.stages.map((stage) => ({
        key: stage.code,
        color: stage.code === "submission" ? "blue" : "gray",
        children: (
          <Space direction="vertical" size={0}>
            <strong>{stageLabel(stage.code)}</strong>
            <Typography.Text type="secondary">
              {stage.opensAt || stage.closesAt
                ? `${formatInstant(stage.opensAt)} 至 ${formatInstant(stage.closesAt)}`
                : "时间另行通知"}
            </Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}

/** Blank forms as real download links. */
export function FormDownloads({ forms }: { forms: BlankForm[] }) {
  if (forms.length === 0) return <Typography.Text type="secondary">本批次暂无可下载的申报表</Typography.Text>;
  return (
    <List
      dataSource={forms}
      split
      renderItem={(form) => (
        <List.Item style={{ display: "block" }}>
          <div style={{ marginBottom: 8, fontWeight: 600 }}>{form.title}</div>
          <Space wrap>
            <Button type="primary" icon={<FilePdfOutlined />} href={form.pdfUrl} download>
              下载PDF申报表
            </Button>
            <Button icon={<FileWordOutlined />} href={form.docxUrl} download>
              下载Word申报表
            </Button>
          </Space>
        </List.Item>
      )}
    />
  );
}
