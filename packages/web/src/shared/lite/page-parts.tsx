import type { ReactNode } from "react";
import { LiteButton } from "./button";
import "./page-parts.css";

/*
 * Parts of a public page drawn without antd: 打印, the wide-table hint, the breadcrumb.
 */

/**
 * 打印 for pages drawn without antd (shared/print-button.tsx is antd's). The print styles
 * (app.css, `@media print`) leave out the navigation and anything marked `lx-no-print`.
 */
export function LitePrintButton() {
  return (
    <LiteButton className="lx-no-print" onClick={() => window.print()}>
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor">
        <path d="M4 6V1.5h8V6M4 12H1.5V6h13v6H12M4 9.5h8v5H4z" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
      打印
    </LiteButton>
  );
}

/** A table too wide for a phone scrolls sideways; below 768 px a line above it says so. */
export function LiteWideTable({ children }: { children: ReactNode }) {
  return (
    <div className="lx-wide-table">
      <p className="lx-wide-table-hint" aria-hidden="true">
        表格较宽，可左右滑动查看全部列 →
      </p>
      {children}
    </div>
  );
}

/** Where the page sits: 首页 / … / this page, the last item (a nav landmark named 当前位置). */
export function LiteBreadcrumb({ items }: { items: ReactNode[] }) {
  return (
    <nav className="lite-breadcrumb lx-no-print" aria-label="当前位置">
      <ol>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the trail's places are its identity
          <li key={index} aria-current={index === items.length - 1 ? "page" : undefined}>
            {item}
          </li>
        ))}
      </ol>
    </nav>
  );
}
