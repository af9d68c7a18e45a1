import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import "../shared/dates";
import { queryClient } from "./query-client";
import { theme } from "./theme";

/**
 * antd draws the required "*" inside the <label>, so it becomes part of each field's name
 * ("* 用户名"). Keep the label text clean; app.css draws the mark beside the label instead.
 */
const requiredMark = (label: ReactNode) => label;

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      // Keep "登录" as typed: antd would render "登 录", which screen readers and tests then read wrongly.
      button={{ autoInsertSpace: false }}
      // No colon either: like the mark, it would end up in the field's name.
      form={{ requiredMark, colon: false }}
    >
      <AntdApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
