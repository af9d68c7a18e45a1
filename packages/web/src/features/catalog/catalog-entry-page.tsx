import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Skeleton, Table, Tag } from "antd";
import { Link, useParams } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { CatalogStatusTag, changeLabels } from "./catalog-labels";
import { dateOf } from "./catalog-table";
import { ComplaintForm, ComplaintGuide } from "./complaint-form";
import { useCatalogEntry } from "./queries";
import type { CatalogHistoryItem } from "./types";
import "../public-notices/public-notices.css";
import { PrintButton, WideTable } from "../../shared/print-button";

/** /catalog/:id: one entry, its status and validity, its append-only history and the complaint form. */
export function CatalogEntryPage() {
  const { id = "" } = useParams();
  const query = useCatalogEntry(id);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <PlainResult
          kind="404"
          title="目录条目不存在"
          extra={<ButtonLink to="/catalog">返回目录查询</ButtonLink>}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  const { entry, history } = query.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/catalog">目录查询</Link> },
          { title: entry.institutionName },
        ]}
      />
      <div className="lx-panel">
        <div className="lx-page-heading">
          <h1 style={{ fontSize: 22, margin: "0 0 16px" }}>
            {entry.institutionName} <DemoTag isDemo={entry.isDemo} />
            <CatalogStatusTag status={entry.status} />
          </h1>
          <PrintButton />
        </div>
        {entry.isDemo && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="演示条目：来自【演示】批次，仅供熟悉流程，不具任何效力，不计入公开统计。"
          />
        )}
        {(entry.status === "suspended" || entry.status === "removed" || entry.status === "expired") && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              entry.status === "expired"
                ? "该机构的目录有效期已届满"
                : `该机构目前为“${entry.statusName}”状态，原因见下方变更记录`
            }
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          styles={{ label: { width: 140 } }}
          items={[
            {
              key: "code",
              label: "统一社会信用代码",
              children: <code className="lx-nowrap">{entry.creditCode}</code>,
            },
            { key: "kind", label: "机构类型", children: entry.kindName },
            { key: "occupation", label: "职业", children: entry.occupationName },
            { key: "levels", label: "专业技术等级", children: entry.levelNames.join("、") },
            { key: "region", label: "所在地区", children: entry.regionName ?? "—" },
            { key: "batch", label: "遴选批次", children: entry.batchTitle || "—" },
            { key: "approved", label: "审定通过时间", children: formatInstant(entry.approvedAt) },
            { key: "listed", label: "纳入目录时间", children: formatInstant(entry.listedAt) },
            {
              key: "valid",
              label: "有效期至",
              children: `${dateOf(entry.validUntil)}（自审定通过之日起计算）`,
            },
            { key: "status", label: "状态", children: <CatalogStatusTag status={entry.status} /> },
            { key: "version", label: "当前版本", children: `第${entry.version}版` },
          ]}
        />
      </div>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>变更记录</h2>} style={{ margin: "16px 0" }}>
        <WideTable>
          <Table<CatalogHistoryItem>
            size="small"
            rowKey="version"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={[...history].reverse()}
            columns={[
              { title: "版本", dataIndex: "version", width: 64, render: (v: number) => `第${v}版` },
              {
                title: "变更",
                dataIndex: "change",
                width: 110,
                render: (change: string) => <Tag>{changeLabels[change] ?? change}</Tag>,
              },
              {
                title: "理由",
                dataIndex: "reason",
                render: (reason: string) => <p className="lx-user-text">{reason}</p>,
              },
              {
                title: "时间",
                dataIndex: "changedAt",
                width: 150,
                render: (at: string) => formatInstant(at),
              },
            ]}
          />
        </WideTable>
      </Card>
      <Card
        id="complaint"
        className="lx-no-print"
        title={<h2 style={{ margin: 0, fontSize: 16 }}>投诉举报</h2>}
        extra={<Link to="/complaint-status">投诉举报办理查询 ›</Link>}
      >
        <Row gutter={32}>
          <Col xs={24} lg={15}>
            <ComplaintForm entryId={entry.id} />
          </Col>
          <Col xs={24} lg={9}>
            <ComplaintGuide />
          </Col>
        </Row>
      </Card>
    </>
  );
}
