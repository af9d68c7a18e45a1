import { useParams } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { LiteButtonLink } from "../../shared/lite/button";
import { LiteAlert, LiteCard, LiteDescriptions, LiteLoading, LiteTag } from "../../shared/lite/display";
import { LiteBreadcrumb, LitePrintButton, LiteResult } from "../../shared/lite/page-parts";
import { LiteTable } from "../../shared/lite/table";
import { WideTable } from "../../shared/wide-table";
import { CatalogStatusTag, changeLabels, dateOf } from "./catalog-labels";
import { ComplaintSection } from "./complaint-section";
import { useCatalogEntry } from "./queries";
import type { CatalogHistoryItem } from "./types";
import "./catalog.css";

/**
 * /catalog/:id: one entry, its status and validity, its append-only history and the complaint form.
 * Drawn without antd (issue 17); the complaint form, antd's, loads when the visitor asks for it.
 */
export function CatalogEntryPage() {
  const { id = "" } = useParams();
  const query = useCatalogEntry(id);
  if (query.isPending) return <LiteLoading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <div className="lx-panel">
          <LiteResult
            title="目录条目不存在"
            extra={<LiteButtonLink to="/catalog">返回目录查询</LiteButtonLink>}
          />
        </div>
      );
    }
    return <LiteAlert type="error" title={errorText(query.error)} />;
  }
  const { entry, history } = query.data;
  return (
    <>
      <LiteBreadcrumb
        items={[
          { title: "首页", to: "/" },
          { title: "目录查询", to: "/catalog" },
          { title: entry.institutionName },
        ]}
      />
      <div className="lx-panel">
        <div className="lx-page-heading">
          <h1 className="lx-catalog-entry-title">
            {entry.institutionName}
            <DemoTag isDemo={entry.isDemo} />
            <CatalogStatusTag status={entry.status} />
          </h1>
          <LitePrintButton />
        </div>
        {entry.isDemo && (
          <LiteAlert
            type="warning"
            title="演示条目：来自【演示】批次，仅供熟悉流程，不具任何效力，不计入公开统计。"
          />
        )}
        {(entry.status === "suspended" || entry.status === "removed" || entry.status === "expired") && (
          <LiteAlert
            type="warning"
            title={
              entry.status === "expired"
                ? "该机构的目录有效期已届满"
                : `该机构目前为“${entry.statusName}”状态，原因见下方变更记录`
            }
          />
        )}
        <div className="lx-catalog-details">
          <LiteDescriptions
            items={[
              { label: "统一社会信用代码", value: <code className="lx-nowrap">{entry.creditCode}</code> },
              { label: "机构类型", value: entry.kindName },
              { label: "职业", value: entry.occupationName },
              { label: "专业技术等级", value: entry.levelNames.join("、") },
              { label: "所在地区", value: entry.regionName ?? "—" },
              { label: "遴选批次", value: entry.batchTitle || "—" },
              { label: "审定通过时间", value: formatInstant(entry.approvedAt) },
              { label: "纳入目录时间", value: formatInstant(entry.listedAt) },
              { label: "有效期至", value: `${dateOf(entry.validUntil)}（自审定通过之日起计算）` },
              { label: "状态", value: <CatalogStatusTag status={entry.status} /> },
              { label: "当前版本", value: `第${entry.version}版` },
            ]}
          />
        </div>
      </div>
      <LiteCard title="变更记录" className="lx-catalog-history">
        <WideTable>
          <LiteTable<CatalogHistoryItem>
            label="变更记录"
            rowKey={(item) => String(item.version)}
            rows={[...history].reverse()}
            columns={[
              { key: "version", title: "版本", width: 64, render: (item) => `第${item.version}版` },
              {
                key: "change",
                title: "变更",
                width: 110,
                render: (item) => <LiteTag>{changeLabels[item.change] ?? item.change}</LiteTag>,
              },
              {
                key: "reason",
                title: "理由",
                render: (item) => <p className="lx-catalog-reason">{item.reason}</p>,
              },
              {
                key: "changedAt",
                title: "时间",
                width: 150,
                render: (item) => formatInstant(item.changedAt),
              },
            ]}
          />
        </WideTable>
      </LiteCard>
      <ComplaintSection entryId={entry.id} />
    </>
  );
}
