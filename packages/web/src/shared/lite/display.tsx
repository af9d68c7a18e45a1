import type { ReactNode } from "react";
import { Spinner } from "./button";
import "./lite.css";

const alertMarks = { info: "i", success: "✓", warning: "!", error: "×" } as const;

/** A message box: 提示, 成功, 注意 or 错误; errors are announced as they appear. */
export function LiteAlert({
  type = "info",
  title,
  description,
  action,
  role,
}: {
  type?: keyof typeof alertMarks;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  role?: "alert" | "status";
}) {
  return (
    <div className={`lite-alert lite-alert-${type}`} role={role ?? (type === "error" ? "alert" : undefined)}>
      <span className="lite-alert-mark" aria-hidden="true">
        {alertMarks[type]}
      </span>
      <div className="lite-alert-body">
        <div className="lite-alert-title">{title}</div>
        {description && <div className="lite-alert-description">{description}</div>}
      </div>
      {action && <div className="lite-alert-action">{action}</div>}
    </div>
  );
}

/** A white panel with an optional heading (a real heading, at `level`) and something on its right. */
export function LiteCard({
  title,
  extra,
  level = 2,
  children,
  className,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  level?: 2 | 3;
  children: ReactNode;
  className?: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={className ? `lite-card ${className}` : "lite-card"}>
      {(title || extra) && (
        <div className="lite-card-head">
          {title && <Heading className="lite-card-title">{title}</Heading>}
          {extra}
        </div>
      )}
      <div className="lite-card-body">{children}</div>
    </section>
  );
}

export type LiteTagColor = "blue" | "green" | "orange" | "red" | "gray";

export function LiteTag({ color, children }: { color?: LiteTagColor; children: ReactNode }) {
  return <span className={color ? `lite-tag lite-tag-${color}` : "lite-tag"}>{children}</span>;
}

/** Shown while something loads: a spinner and words, announced politely. */
export function LiteLoading({ text = "正在加载…" }: { text?: string }) {
  return (
    <div className="lite-loading" role="status" aria-live="polite">
      <Spinner />
      <span className="lite-loading-text">{text}</span>
    </div>
  );
}

export function LiteEmpty({ children = "暂无数据" }: { children?: ReactNode }) {
  return <div className="lite-empty">{children}</div>;
}

/** Label–value pairs (a <dl>): two columns on a desk, one on a phone. */
export function LiteDescriptions({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="lite-descriptions">
      {items.map((item) => (
        <div key={item.label} style={{ display: "contents" }}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
