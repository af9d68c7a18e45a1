import { PrinterOutlined } from "@ant-design/icons";
import { Button, type ButtonProps } from "antd";

/**
 * 打印: prints the page as it stands. The print styles (app.css, `@media print`) leave out the
 * navigation, menus, buttons and anything marked `lx-no-print`, so the paper carries the record only.
 */
export function PrintButton(props: Omit<ButtonProps, "onClick" | "icon">) {
  return (
    <Button
      {...props}
      className={["lx-no-print", props.className].filter(Boolean).join(" ")}
      icon={<PrinterOutlined aria-hidden="true" />}
      onClick={() => window.print()}
    >
      打印
    </Button>
  );
}

/** A table too wide for a phone scrolls sideways; below 768 px a line above it says so. */
export function WideTable({ children }: { children: React.ReactNode }) {
  return (
    <div className="lx-wide-table">
      <p className="lx-wide-table-hint" aria-hidden="true">
        表格较宽，可左右滑动查看全部列 →
      </p>
      {children}
    </div>
  );
}
