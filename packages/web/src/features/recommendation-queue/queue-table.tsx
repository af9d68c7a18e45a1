import {
  type ApplicationStatus,
  type EligibilityOutcome,
  latePaperDecisionLabels,
  levelName,
} from "@linxuan/domain";
import { Table, Tag, Tooltip, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { formatDate, formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { outcomeLabels } from "../applications/eligibility-panel";
import { ApplicationStatusTag } from "../applications/status-parts";
import type { QueueItem } from "./types";

export function EligibilityTag({ outcome, notes }: { outcome: EligibilityOutcome | null; notes: string[] }) {
  if (!outcome) return <Tag>未计算</Tag>;
  const label = outcomeLabels[outcome];
  const tag = <Tag color={label.color}>{label.text}</Tag>;
  // With notes, a button (reachable by keyboard) that shows them on hover and on focus.
  return notes.length > 0 ? (
    <Tooltip
      trigger={["hover", "focus"]}
      title={
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      }
    >
      <button
        type="button"
        className="lx-tag-button"
        aria-label={`资格条件${label.text}：${notes.join("；")}`}
      >
        {tag}
      </button>
    </Tooltip>
  ) : (
    tag
  );
}

function Choice({ item }: { item: QueueItem }) {
  if (item.choice === "recommended") {
    return (
      <Tooltip title={item.choiceReason}>
        <Tag color="cyan">推荐·第{item.rank}名</Tag>
      </Tooltip>
    );
  }
  if (item.choice === "declined") {
    return (
      <Tooltip title={item.choiceReason}>
        <Tag color="red">不予推荐</Tag>
      </Tooltip>
    );
  }
  if (item.status === "returned") {
    return (
      <Tooltip title={item.returnReason}>
        <Tag color="orange">已退回</Tag>
      </Tooltip>
    );
  }
  return <Typography.Text type="secondary">待决定</Typography.Text>;
}

function Paper({ item, required }: { item: QueueItem; required: number }) {
  if (!item.paperReceipt) return <Typography.Text type="secondary">未登记</Typography.Text>;
  const enough = item.paperReceipt.copies >= required;
  return (
    <span>
      <Tag color={enough ? "green" : "orange"}>
        {item.paperReceipt.copies} / {required} 份
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDate(item.paperReceipt.receivedOn)}
      </Typography.Text>
      {item.paperReceipt.lateDecision && (
        <Tag
          color={item.paperReceipt.lateDecision === "refused" ? "red" : "orange"}
          style={{ marginInlineStart: 4 }}
        >
          逾期·{latePaperDecisionLabels[item.paperReceipt.lateDecision]}
        </Tag>
      )}
    </span>
  );
}

export function QueueTable({
  items,
  loading,
  error,
  centre,
  paperCopies,
  batchId,
}: {
  items: QueueItem[];
  loading: boolean;
  error: unknown;
  /** The receiving centre sees paper receipts where recommenders see their choices. */
  centre: boolean;
  paperCopies: number;
  batchId: string;
}) {
  const navigate = useNavigate();
  const detail = (id: string) =>
    `/workbench/recommendation-queue/${id}?batchId=${encodeURIComponent(batchId)}`;
  return (
    <Table<QueueItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: 1100 }}
      locale={{ emptyText: error ? errorText(error) : "没有符合条件的申报" }}
      pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 份申报`, hideOnSinglePage: true }}
      onRow={(item) => ({
        onClick: (event) => {
          if ((event.target as HTMLElement).closest("a,button")) return;
          navigate(detail(item.id));
        },
        style: { cursor: "pointer" },
      })}
      columns={[
        {
          title: "申报单位",
          key: "institution",
          width: 260,
          render: (_, item) => (
            <div>
              <Link to={detail(item.id)}>{item.institutionName}</Link>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.creditCode}
                </Typography.Text>
              </div>
              {item.number && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    申报编号 {item.number}
                  </Typography.Text>
                </div>
              )}
            </div>
          ),
        },
        { title: "机构类型", dataIndex: "kindName", width: 100 },
        { title: "职业", dataIndex: "occupationName", width: 170 },
        {
          title: "等级",
          dataIndex: "levels",
          width: 110,
          render: (levels: QueueItem["levels"]) => levels.map(levelName).join("、"),
        },
        {
          title: "状态",
          key: "status",
          width: 120,
          render: (_, item) => (
            <ApplicationStatusTag status={item.status as ApplicationStatus} name={item.statusName} />
          ),
        },
        {
          title: "资格条件",
          key: "eligibility",
          width: 100,
          render: (_, item) => <EligibilityTag outcome={item.eligibility} notes={item.eligibilityNotes} />,
        },
        {
          title: "提交时间",
          dataIndex: "submittedAt",
          width: 150,
          render: (at: string | null) => <span style={{ whiteSpace: "nowrap" }}>{formatInstant(at)}</span>,
        },
        { title: "版本", dataIndex: "versionCount", width: 70, render: (n: number) => `${n}版` },
        centre
          ? {
              title: "纸质材料",
              key: "paper",
              width: 170,
              render: (_, item) => <Paper item={item} required={paperCopies} />,
            }
          : { title: "推荐结果", key: "choice", width: 140, render: (_, item) => <Choice item={item} /> },
      ]}
    />
  );
}
