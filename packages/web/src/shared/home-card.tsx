import { Card } from "antd";
import type { ReactNode } from "react";

/** A titled card of a workbench home page; several features put their summaries in one. */
export function HomeCard({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>{title}</h2>}
      extra={extra}
      style={{ marginBottom: 16 }}
    >
      {children}
    </Card>
  );
}
