import { App as AntdApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { theme } from "./theme";

/**
 * antd draws the required "*" inside the <label>, so it becomes part of each field's name
 * ("* 用户名"). Keep the label text clean; app.css draws the mark beside the label instead.
 */
const requiredMark = (label: ReactNode) => label;

/**
 * Ant Design's locale, theme and `App` context (message, notification, modal) around the parts of
 * the platform drawn with antd: the workbench and the public pages not yet drawn without it. The
 * public pages anyone opens first are plain markup (issue 17: a light public site), so antd is not
 * part of the first script and loads only with a page that needs it.
 */
export function AntdRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={theme}
      // Keep "登录" as typed: antd would render "登 录", which screen readers and tests then read wrongly.
      button={{ autoInsertSpace: false }}
      // No colon either: like the mark, it would end up in the field's name.
      form={{ requiredMark, colon: false }}
    >
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
