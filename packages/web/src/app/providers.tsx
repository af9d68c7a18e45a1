import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import "./dates";
import { queryClient } from "./query-client";
import { theme } from "./theme";

function requiredMark(label: ReactNode, { required }: { required: boolean }) {
  return (
    <>
      {required && (
        <span className="lx-required" aria-hidden="true">
          *
        </span>
      )}
      {label}
    </>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      // Keep "登录" as typed: antd would render "登 录", which screen readers and tests then read wrongly.
      button={{ autoInsertSpace: false }}
      // antd draws "*" and ":" with CSS, which then become part of each field's accessible name
      // ("* 用户名:"). Render the mark as hidden text instead, and no colon.
      form={{ requiredMark, colon: false }}
    >
      <AntdApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
