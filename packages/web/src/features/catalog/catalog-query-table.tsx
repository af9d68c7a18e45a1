import { Link } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { LiteSelect } from "../../shared/lite/field";
import { type LiteColumn, LitePager, LiteTable } from "../../shared/lite/table";
import { PAGE_SIZES } from "./catalog-filter-options";
import { CatalogStatusTag, dateOf } from "./catalog-labels";
import type { CatalogEntry } from "./types";
import "./catalog.css";

const columns: LiteColumn<CatalogEntry>[] = [
  {
    key: "name",
    title: "机构名称 / 统一社会信用代码",
    render: (entry) => (
      <div className="lx-catalog-name">
        <Link className="lx-catalog-link" to={`/catalog/${entry.id}`}>
          {entry.institutionName}
        </Link>
        <DemoTag isDemo={entry.isDemo} />
        <div className="lx-catalog-code">{entry.creditCode}</div>
      </div>
    ),
  },
  { key: "kind", title: "机构类型", width: 90, render: (entry) => entry.kindName },
  { key: "occupation", title: "职业", width: 170, render: (entry) => entry.occupationName },
  { key: "levels", title: "专业技术等级", width: 120, render: (entry) => entry.levelNames.join("、") },
  { key: "region", title: "所在地区", width: 90, render: (entry) => entry.regionName ?? "—" },
  { key: "batch", title: "遴选批次", width: 170, render: (entry) => entry.batchTitle },
  { key: "validUntil", title: "有效期至", width: 140, render: (entry) => dateOf(entry.validUntil) },
  {
    key: "status",
    title: "状态",
    width: 90,
    render: (entry) => <CatalogStatusTag status={entry.status} />,
  },
];

/** The public catalog as a plain table, with the server's pagination and the page size. */
export function CatalogQueryTable({
  items,
  total,
  page,
  pageSize,
  loading,
  onPage,
}: {
  items: CatalogEntry[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}) {
  return (
    <>
      <div className="lx-catalog-results" aria-busy={loading}>
        <LiteTable
          label="目录查询结果"
          columns={columns}
          rows={items}
          rowKey={(entry) => entry.id}
          empty={loading ? "正在查询…" : "没有符合条件的机构"}
        />
      </div>
      <div className="lx-catalog-paging">
        <LitePager
          page={page}
          pageSize={pageSize}
          total={total}
          onChange={(next) => onPage(next, pageSize)}
        />
        <span className="lx-catalog-size">
          每页
          <LiteSelect
            aria-label="每页条数"
            options={PAGE_SIZES.map((size) => ({ value: String(size), label: `${size} 条` }))}
            value={String(pageSize)}
            onChange={(event) => onPage(1, Number(event.target.value))}
          />
        </span>
      </div>
    </>
  );
}
