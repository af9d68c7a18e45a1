import { Link, useSearchParams } from "react-router";
import { errorText } from "../../shared/form-errors";
import { buttonClass } from "../../shared/lite/button";
import { LiteAlert } from "../../shared/lite/display";
import { LiteBreadcrumb } from "../../shared/lite/page-parts";
import { SectionTitle } from "../../shared/section-title";
import { WideTable } from "../../shared/wide-table";
import { PAGE_SIZES } from "./catalog-filter-options";
import { CatalogQueryFilters } from "./catalog-query-filters";
import { CatalogQueryTable } from "./catalog-query-table";
import { catalogDownloadUrl, useCatalog } from "./queries";
import type { CatalogFilters, CatalogSort } from "./types";
import "./catalog.css";

const FILTER_KEYS = ["kind", "occupation", "level", "region", "batch", "status", "q", "sort"] as const;

/** The filters, page and page size live in the address, so a query can be bookmarked and shared. */
function readQuery(params: URLSearchParams) {
  const filters: CatalogFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  if (filters.sort && !["name", "validUntil", "approvedAt", "listedAt"].includes(filters.sort))
    filters.sort = undefined as CatalogSort | undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const size = Number(params.get("pageSize"));
  const pageSize = PAGE_SIZES.includes(size) ? size : 20;
  return { filters, page, pageSize };
}

function writeQuery(filters: CatalogFilters, page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (page > 1) params.set("page", String(page));
  if (pageSize !== 20) params.set("pageSize", String(pageSize));
  return params;
}

/**
 * /catalog: the public query service of the institution catalog, with downloads of the result.
 * Drawn without antd (issue 17: the pages anyone opens stay light).
 */
export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const { filters, page, pageSize } = readQuery(params);
  const catalog = useCatalog({ ...filters, page, pageSize });

  return (
    <>
      <LiteBreadcrumb items={[{ title: "首页", to: "/" }, { title: "目录查询" }]} />
      <div className="lx-panel">
        <SectionTitle
          title="培训机构和评价机构目录查询"
          as="h1"
          extra={
            <Link className="lx-catalog-link" to="/complaint-status">
              投诉举报办理查询 ›
            </Link>
          }
        />
        <p className="lx-catalog-intro">
          目录收录经遴选、公示后纳入的培训机构和评价机构，有效期按各批次通知的规定，实行动态调整。学员、用人单位和补贴经办机构可按条件查询，并下载查询结果。
        </p>
        <CatalogQueryFilters
          value={filters}
          onChange={(update) => {
            // The address itself, not this render's copy of it: the previous choice may still be rendering.
            const current = readQuery(new URLSearchParams(window.location.search));
            setParams(writeQuery(update(current.filters), 1, current.pageSize), { replace: true });
          }}
        />
        <div className="lx-catalog-toolbar">
          <span role="status">{catalog.data ? `共查询到 ${catalog.data.total} 条记录` : "正在查询…"}</span>
          <div className="lx-catalog-downloads">
            <a className={buttonClass({})} href={catalogDownloadUrl("xlsx", filters)} download>
              下载Excel
            </a>
            <a className={buttonClass({})} href={catalogDownloadUrl("csv", filters)} download>
              下载CSV
            </a>
          </div>
        </div>
        {catalog.isError && <LiteAlert type="error" title={errorText(catalog.error)} />}
        <WideTable>
          <CatalogQueryTable
            items={catalog.data?.items ?? []}
            total={catalog.data?.total ?? 0}
            page={page}
            pageSize={pageSize}
            loading={catalog.isFetching}
            onPage={(nextPage, nextSize) =>
              setParams(writeQuery(filters, nextSize === pageSize ? nextPage : 1, nextSize))
            }
          />
        </WideTable>
        <p className="lx-catalog-note">
          下载文件包含当前查询条件下的全部记录（不限于本页）。状态说明：有效期届满前90天内为“即将到期”；“暂停”“已移出”为动态调整结果，详见机构的变更记录。
        </p>
      </div>
    </>
  );
}
