import { Alert, App, Button, Card, Segmented, Space, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { kindLabel, occupationLabel } from "../../shared/labels";
import { ReasonModal } from "../../shared/reason-modal";
import { AssessmentDetail, AssessmentStatusTag } from "./assessment-parts";
import { OpenCycleCard } from "./open-cycle-card";
import { useAssessments, useDecideAssessment } from "./queries";
import { RemindersCard } from "./reminders-card";
import type { Assessment } from "./types";
import "./supervision.css";

type Filter = "all" | "pending" | "decided";

/** The office: open a cycle, follow the reports, decide pass or fail. */
export function OfficeAssessments() {
  const { message } = App.useApp();
  const assessments = useAssessments();
  const decide = useDecideAssessment();
  const [filter, setFilter] = useState<Filter>("pending");
  const [deciding, setDeciding] = useState<{ assessment: Assessment; result: "pass" | "fail" } | null>(null);
  const items = (assessments.data ?? []).filter((item) =>
    filter === "all"
      ? true
      : filter === "pending"
        ? item.status === "open" || item.status === "submitted"
        : item.status === "passed" || item.status === "failed",
  );
  return (
    <>
      <OpenCycleCard />
      <RemindersCard />
      {assessments.isError && <Alert type="error" showIcon title={errorText(assessments.error)} />}
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>考核评估</h2>}
        extra={
          <Segmented
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            options={[
              { value: "pending", label: "待结论" },
              { value: "decided", label: "已有结论" },
              { value: "all", label: "全部" },
            ]}
          />
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<Assessment>
          rowKey="id"
          loading={assessments.isPending}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: "暂无考核评估" }}
          rowClassName={(item) => (item.overdue ? "lx-row-late" : "")}
          expandable={{ expandedRowRender: (item) => <AssessmentDetail assessment={item} /> }}
          columns={[
            { title: "考核名称", dataIndex: "cycleName", width: 180 },
            {
              title: "机构",
              dataIndex: "institutionName",
              render: (name: string, item) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/catalog/${item.entryId}`}>{name}</Link>
                  <span className="lx-muted">
                    {kindLabel(item.kind)}·{occupationLabel(item.occupation)}
                  </span>
                </Space>
              ),
            },
            {
              title: "有效期至",
              dataIndex: "validUntil",
              width: 150,
              render: (at: string) => formatInstant(at),
            },
            { title: "报告截止", dataIndex: "dueAt", width: 150, render: (at: string) => formatInstant(at) },
            {
              title: "状态",
              key: "status",
              width: 170,
              render: (_, item) => <AssessmentStatusTag assessment={item} />,
            },
            {
              title: "结论",
              key: "actions",
              width: 140,
              render: (_, item) =>
                item.status === "open" || item.status === "submitted" ? (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setDeciding({ assessment: item, result: "pass" })}
                    >
                      通过
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => setDeciding({ assessment: item, result: "fail" })}
                    >
                      不通过
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={deciding !== null}
        title={
          deciding
            ? `考核评估${deciding.result === "pass" ? "通过" : "不通过"}：${deciding.assessment.institutionName}`
            : ""
        }
        label="结论意见"
        okText={deciding?.result === "fail" ? "确认不通过" : "确认通过"}
        danger={deciding?.result === "fail"}
        extra={
          deciding ? (
            <Alert
              type={deciding.result === "fail" ? "warning" : "info"}
              showIcon
              style={{ marginBottom: 12 }}
              title={
                deciding.result === "fail"
                  ? "不通过：该机构将移出目录，并在批次规定的年限（一般为3年）内不得再次申报同类机构。"
                  : "通过：该机构的目录有效期自当前届满之日起延续一个有效期。"
              }
              description={deciding.assessment.status === "open" ? "该机构尚未提交考核评估报告。" : undefined}
            />
          ) : null
        }
        onClose={() => setDeciding(null)}
        onSubmit={async ({ reason }) => {
          if (!deciding) return;
          await decide.mutateAsync({ id: deciding.assessment.id, result: deciding.result, note: reason });
          message.success(
            deciding.result === "pass" ? "已通过，有效期已延续" : "已记录不通过，该机构已移出目录",
          );
        }}
      />
    </>
  );
}
