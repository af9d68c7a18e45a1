import type { ReactNode } from "react";
import { LiteButton } from "./button";
import { LiteEmpty } from "./display";
import "./lite.css";

export type LiteColumn<T> = {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  width?: number | string;
};

/** A plain table that scrolls sideways inside its box on a narrow screen. */
export function LiteTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  empty = "暂无数据",
  label,
}: {
  columns: LiteColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  caption?: ReactNode;
  empty?: ReactNode;
  /** The table's accessible name when it has no visible caption. */
  label?: string;
}) {
  return (
    <div className="lite-table-wrap">
      <table className="lite-table" aria-label={label}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" style={column.width ? { width: column.width } : undefined}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>
                <LiteEmpty>{empty}</LiteEmpty>
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key}>{column.render(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The page numbers to offer: the first, the last, and two either side of the current one. */
export function pagerPages(current: number, pageCount: number): (number | "gap")[] {
  const pages: (number | "gap")[] = [];
  for (let page = 1; page <= pageCount; page++) {
    if (page === 1 || page === pageCount || Math.abs(page - current) <= 2) pages.push(page);
    else if (pages[pages.length - 1] !== "gap") pages.push("gap");
  }
  return pages;
}

/** 共 N 条 and the pages: 上一页, numbers, 下一页. */
export function LitePager({
  page,
  pageSize,
  total,
  onChange,
  label = "分页",
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  label?: string;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="lite-pager" aria-label={label}>
      <span className="lite-pager-total">共 {total} 条</span>
      <LiteButton size="small" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        上一页
      </LiteButton>
      <ol>
        {pagerPages(page, pageCount).map((item, index) =>
          item === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <LiteButton
                size="small"
                aria-current={item === page ? "page" : undefined}
                aria-label={`第 ${item} 页`}
                onClick={() => onChange(item)}
              >
                {item}
              </LiteButton>
            </li>
          ),
        )}
      </ol>
      <LiteButton size="small" disabled={page >= pageCount} onClick={() => onChange(page + 1)}>
        下一页
      </LiteButton>
    </nav>
  );
}
