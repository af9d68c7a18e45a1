import type { BatchDefinition } from "@linxuan/domain";
import { isOccupationOpen } from "@linxuan/domain";
import type { ReactNode } from "react";
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
import { buttonClass } from "./lite/button";
import { LiteDescriptions, LiteEmpty, LiteTag } from "./lite/display";
import { LiteTable } from "./lite/table";
import "./batch-notice-sections.css";

/*
 * The sections of a batch notice (通知公告 and the workbench's batch view), drawn without antd: the
 * public notice page is one that anyone opens first (issue 17, point 4).
 */

type Props = { definition: BatchDefinition };
type Row = { label: string; value: ReactNode };

export function KeyDates({ definition }: Props) {
  const countdown = deadlineCountdown(definition.onlineDeadline);
  const items: Row[] = [
    {
      label: "网上申报截止",
      value: (
        <>
          <strong className="lx-block">{formatInstant(definition.onlineDeadline)}</strong>
          <span className={countdown.closed ? "lx-muted" : "lx-warning-text"}>{countdown.text}</span>
        </>
      ),
    },
  ];
  if (definition.paperDeadline) {
    items.push({
      label: "纸质材料截止",
      value: (
        <>
          <strong className="lx-block">{formatInstant(definition.paperDeadline)}</strong>
          {definition.paperCopies > 0 && <span>一式{definition.paperCopies}份</span>}
        </>
      ),
    });
  }
  if (definition.submitTo) items.push({ label: "材料报送", value: definition.submitTo });
  items.push({ label: "公示期", value: <>{definition.publicNoticeWorkdays} 个工作日</> });
  items.push(...termItems(definition));
  return <LiteDescriptions items={items} />;
}

/**
 * 目录有效期, 考核评估 and 考核不通过 as the notice words them; a row the notice does not state is
 * left out. A definition without notice texts (an office's own batch) shows its figures.
 */
function termItems(definition: BatchDefinition): Row[] {
  const terms = definition.batchNoticeTerms ?? {
    validity: `${definition.catalogValidityYears} 年`,
    assessmentCycle: `每 ${definition.assessmentCycleYears} 年`,
    reapplicationBan:
      definition.reapplicationBanYears > 0 ? `${definition.reapplicationBanYears} 年内不得再次申报` : null,
  };
  const rows = [
    { label: "目录有效期", text: terms.validity },
    { label: "考核评估", text: terms.assessmentCycle },
    { label: "考核不通过", text: terms.reapplicationBan },
  ];
  return rows.flatMap((row) => (row.text ? [{ label: row.label, value: row.text }] : []));
}

function Cell({ definition, kind, occupation }: Props & { kind: KindCode; occupation: OccupationCode }) {
  const open = isOccupationOpen(definition, kind, occupation);
  if (!open.open) {
    return (
      <span>
        <LiteTag color="red">不含</LiteTag>
        <span className="lx-muted">{open.reason}</span>
      </span>
    );
  }
  return <>{definition.levels.map(levelLabel).join("、")}</>;
}

/** 职业 × 机构类型, with each exclusion and its reason in the cell it closes. */
export function OccupationTable({ definition }: Props) {
  const rows = definition.occupations.map((occupation, index) => ({ index: index + 1, occupation }));
  const excluded = definition.exclusions;
  return (
    <>
      <LiteTable
        label="申报范围：职业与等级"
        rows={rows}
        rowKey={(row) => row.occupation}
        columns={[
          { key: "index", title: "序号", width: 64, render: (row) => row.index },
          { key: "occupation", title: "职业", width: 220, render: (row) => occupationLabel(row.occupation) },
          ...definition.kinds.map((kind) => ({
            key: kind,
            title: `${kindLabel(kind)}开放等级`,
            render: (row: { occupation: OccupationCode }) => (
              <Cell definition={definition} kind={kind} occupation={row.occupation} />
            ),
          })),
        ]}
      />
      {excluded.length > 0 && (
        <p className="lx-muted lx-section-note">
          {definition.kinds
            .map((kind) => {
              const names = excluded.filter((item) => item.kind === kind);
              if (names.length === 0) return null;
              const reasons = [...new Set(names.map((item) => item.reason))].join("；");
              return `${kindLabel(kind)}不含${names.map((item) => occupationLabel(item.occupation)).join("、")}（${reasons}）。`;
            })
            .filter(Boolean)
            .join(" ")}
        </p>
      )}
    </>
  );
}

export function EligibilityList({ definition }: Props) {
  if (definition.eligibilityRules.length === 0) return <LiteEmpty>本批次未设置资格条件</LiteEmpty>;
  return (
    <ul className="lx-plain-list">
      {definition.eligibilityRules.map((rule, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id and never move
        <li key={index}>
          {rule.severity === "hard" ? (
            <LiteTag color="red">必须满足</LiteTag>
          ) : (
            <LiteTag color="orange">一般应满足</LiteTag>
          )}
          {describeRule(rule)}
        </li>
      ))}
    </ul>
  );
}

export function QuotaSummary({ definition }: Props) {
  const { evaluation, training, note } = definition.quotas;
  const items: Row[] = [];
  if (evaluation) {
    items.push({
      label: "评价机构",
      value: `每个职业计划遴选 ${evaluation.perOccupationMin}—${evaluation.perOccupationMax} 家`,
    });
  }
  if (training) {
    items.push({
      label: "培训机构",
      value: (
        <>
          <span className="lx-block">每个职业每个地方不超过 {training.perOccupationPerRegion} 家</span>
          {training.regionOverrides.map((override) => (
            <span key={override.regionCode} className="lx-block">
              {regionLabel(override.regionCode)}：每个职业不超过 {override.perOccupation} 家
              {override.note && <span className="lx-muted">（{override.note}）</span>}
            </span>
          ))}
          {(training.officeSetAreas ?? []).map((area) => (
            <span key={`${area.regionCode}-${area.name}`} className="lx-block">
              {area.name}：名额由主管部门设定
              <span className="lx-muted">（依据：{area.basis}）</span>
            </span>
          ))}
        </>
      ),
    });
  }
  items.push(
    ...definition.kinds.map((kind) => ({
      label: `${kindLabel(kind)}推荐与公布`,
      value: `${recommenderChoiceLabels[definition.recommenderChoice[kind]]}；${catalogPublisherLabels[definition.catalogPublisher[kind]]}`,
    })),
  );
  return (
    <>
      <LiteDescriptions items={items} />
      {note && <p className="lx-muted lx-section-note">说明：{note}</p>}
    </>
  );
}

export function AttachmentList({ definition }: Props) {
  if (definition.requiredAttachments.length === 0) return <LiteEmpty>本批次未列出附件要求</LiteEmpty>;
  return (
    <ul className="lx-plain-list">
      {definition.requiredAttachments.map((attachment, index) => (
        <li key={attachment.code}>
          <span className="lx-attachment-name">
            {index + 1}. {attachment.name}
          </span>
          {attachment.required ? <LiteTag color="blue">必须提供</LiteTag> : <LiteTag>按需提供</LiteTag>}
          {attachment.note && <div className="lx-muted">{attachment.note}</div>}
        </li>
      ))}
    </ul>
  );
}

export function ContactList({ definition }: Props) {
  if (definition.contacts.length === 0) return <span className="lx-muted">通知未列出联系方式</span>;
  return (
    <dl className="lx-contacts">
      {definition.contacts.map((contact, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: contacts are fixed text; two may share a label
        <div key={index}>
          <dt>{contact.label}</dt>
          <dd>{contact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StageTimeline({ definition }: Props) {
  return (
    <ol className="lx-timeline">
      {definition.stages.map((stage) => (
        <li key={stage.code} className={stage.code === "submission" ? "lx-timeline-current" : undefined}>
          <strong className="lx-block">{stageLabel(stage.code)}</strong>
          <span className="lx-muted">
            {stage.opensAt || stage.closesAt
              ? `${formatInstant(stage.opensAt)} 至 ${formatInstant(stage.closesAt)}`
              : "时间另行通知"}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Blank forms as real download links. */
export function FormDownloads({ forms }: { forms: BlankForm[] }) {
  if (forms.length === 0) return <span className="lx-muted">本批次暂无可下载的申报表</span>;
  return (
    <ul className="lx-plain-list">
      {forms.map((form) => (
        <li key={form.pdfUrl}>
          <div className="lx-form-title">{form.title}</div>
          <div className="lx-button-row">
            <a className={buttonClass({ variant: "primary" })} href={form.pdfUrl} download>
              下载PDF申报表
            </a>
            <a className={buttonClass({})} href={form.docxUrl} download>
              下载Word申报表
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}
