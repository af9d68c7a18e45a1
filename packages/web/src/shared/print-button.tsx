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

// Kept here for the workbench's imports; it lives apart so that plain public pages can use it without antd.
export { WideTable } from "./wide-table";
