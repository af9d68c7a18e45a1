import type { ReactNode } from "react";
import { Link } from "react-router";
import { LiteButton } from "./button";
import "./lite.css";
import "./page-parts.css";

/** Where the page sits: 首页 › 通知公告 › this page (not printed). */
export function LiteBreadcrumb({ items }: { items: { title: string; to?: string }[] }) {
  return (
    <nav className="lite-breadcrumb lx-no-print" aria-label="当前位置">
      <ol>
        {items.map((item, index) => (
          <li key={item.title} aria-current={index === items.length - 1 ? "page" : undefined}>
            {item.to ? <Link to={item.to}>{item.title}</Link> : item.title}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * 打印: prints the page as it stands. The print styles (app.css, `@media print`) leave out the
 * navigation and anything marked `lx-no-print`, so the paper carries the record only.
 */
export function LitePrintButton({ size }: { size?: "small" | "middle" }) {
  return (
    <LiteButton size={size} className="lx-no-print" onClick={() => window.print()}>
      <svg className="lite-icon" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4 1h8v4H4zM2 6h12a1 1 0 0 1 1 1v5h-3v3H4v-3H1V7a1 1 0 0 1 1-1zm3 5v3h6v-3z" />
      </svg>
      打印
    </LiteButton>
  );
}

/** 404 without illustrations: the code, what is missing and the way back. */
export function LiteResult({
  title,
  subTitle,
  extra,
}: {
  title: string;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="lite-result">
      <div className="lite-result-code" aria-hidden="true">
        404
      </div>
      <h1 className="lite-result-title">{title}</h1>
      {subTitle && <p className="lite-result-subtitle">{subTitle}</p>}
      {extra && <div className="lite-result-extra">{extra}</div>}
    </div>
  );
}
