import { Alert, App, Button, Card, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useSession } from "../../app/session";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { kindLabel, occupationLabel } from "../../shared/labels";
import { CatalogStatusTag } from "../catalog/catalog-labels";
import { dateOf } from "../catalog/catalog-table";
import { useCatalog } from "../catalog/queries";
import type { CatalogEntry } from "../catalog/types";
import { AssessmentDetail, AssessmentStatusTag } from "./assessment-parts";
import { ContactRequestModal } from "./contact-request-modal";
import { useAssessments } from "./queries";
import { ReportModal } from "./report-modal";
import type { Assessment } from "./types";

/** The institution's catalog entries: the public query by its own credit code. */
export function useOwnEntries() {
  const { data: user } = useSession();
  const creditCode = user?.institution?.creditCode ?? "";
  const query = useCatalog({ q: creditCode, page: 1, pageSize: 200 });
  const items = (query.data?.items ?? []).filter((entry) => entry.creditCode === creditCode);
  return { query, items };
}

/** An institution: its catalog entries and its assessments, with the report to submit. */
export function InstitutionAssessments() {
  const { message } = App.useApp();
  const assessments = useAssessments();
  const own = useOwnEntries();
  const [reporting, setReporting] = useState<Assessment | null>(null);
  const [changing, setChanging] = useState<CatalogEntry | null>(null);
  return (
    <>
      {assessments.isError && <Alert type="error" showIcon title={errorText(assessments.error)} />}
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>本单位的考核评估</h2>}
        style={{ marginBottom: 16 }}
      >
        <Table<Assessment>
          rowKey="id"
          loading={assessments.isPending}
          dataSource={assessments.data ?? []}
          pagination={false}
          locale={{ emptyText: "目前没有需要参加的考核评估" }}
          expandable={{ expandedRowRender: (item) => <AssessmentDetail assessment={item} /> }}
          columns={[
            { title: "考核名称", dataIndex: "cycleName" },
            {
              title: "目录条目",
              key: "entry",
              render: (_, item) => (
                <Link to={`/catalog/${item.entryId}`}>
                  {kindLabel(item.kind)}·{occupationLabel(item.occupation)}
                </Link>
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
              title: "操作",
              key: "actions",
              width: 120,
              render: (_, item) =>
                item.status === "open" ? (
                  <Button type="primary" size="small" onClick={() => setReporting(item)}>
                    提交报告
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>本单位的目录条目</h2>}>
        <Table<CatalogEntry>
          rowKey="id"
          loading={own.query.isPending}
          dataSource={own.items}
          pagination={false}
          locale={{ emptyText: "本单位尚未纳入目录" }}
          columns={[
            {
              title: "职业",
              key: "occupation",
              render: (_, entry) => (
                <Link to={`/catalog/${entry.id}`}>{`${entry.kindName}·${entry.occupationName}`}</Link>
              ),
            },
            { title: "等级", dataIndex: "levelNames", render: (names: string[]) => names.join("、") },
            { title: "有效期至", dataIndex: "validUntil", width: 140, render: dateOf },
            {
              title: "状态",
              dataIndex: "status",
              width: 100,
              render: (s: CatalogEntry["status"]) => <CatalogStatusTag status={s} />,
            },
            {
              title: "操作",
              key: "actions",
              width: 150,
              render: (_, entry) =>
                entry.status === "removed" ? null : (
                  <Button size="small" onClick={() => setChanging(entry)}>
                    申请变更联系方式
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <ReportModal
        assessment={reporting}
        onClose={() => setReporting(null)}
        onDone={() => message.success("考核评估报告已提交")}
      />
      <ContactRequestModal
        entry={
          changing ? { id: changing.id, label: `${changing.kindName}·${changing.occupationName}` } : null
        }
        onClose={() => setChanging(null)}
        onDone={() => message.success("变更申请已提交，经办公室审核通过后生效")}
      />
    </>
  );
}
