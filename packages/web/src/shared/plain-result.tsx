import { FileUnknownOutlined, LockOutlined } from "@ant-design/icons";
import { Result } from "antd";
import type { ReactNode } from "react";

/** 404 / 403 without antd's cartoon illustrations: a plain icon suits a government service. */
export function PlainResult({
  kind,
  title,
  subTitle,
  extra,
}: {
  kind: "404" | "403";
  title: string;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  const Icon = kind === "404" ? FileUnknownOutlined : LockOutlined;
  return (
    <Result
      icon={<Icon style={{ color: "#0b4f9c", fontSize: 64 }} />}
      title={
        <>
          <div style={{ fontSize: 40, fontWeight: 700, color: "#c9cdd4", lineHeight: 1.2 }}>{kind}</div>
          {title}
        </>
      }
      subTitle={subTitle}
      extra={extra}
    />
  );
}
