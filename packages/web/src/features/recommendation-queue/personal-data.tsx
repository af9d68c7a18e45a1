import { EyeOutlined } from "@ant-design/icons";
import { type FormValues, getFormTemplate, listFields, type TableRowValues } from "@linxuan/domain";
import { Alert, App, Button, Table, Typography } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/form-errors";
import { revealValue } from "./queries";

type Row = { path: string; label: string; masked: string };

/** Every ID and phone number of the form, scalars and table cells, with the reveal path the server takes. */
function personalRows(templateId: string, values: FormValues): Row[] {
  const template = getFormTemplate(templateId);
  if (!template) return [];
  const rows: Row[] = [];
  for (const entry of listFields(template)) {
    if (entry.field.type !== "idNumber" && entry.field.type !== "phone") continue;
    const label = entry.path.slice(1).join(" · ");
    if (entry.role === "column" && entry.table) {
      const table = values[entry.table];
      if (!Array.isArray(table)) continue;
      (table as TableRowValues[]).forEach((row, index) => {
        const value = row[entry.key];
        if (typeof value === "string" && value)
          rows.push({
            path: `${entry.table}.${index}.${entry.key}`,
            label: `${entry.path.slice(1, -1).join(" · ")} 第${index + 1}行 · ${entry.field.label}`,
            masked: value,
          });
      });
    } else {
      const value = values[entry.key];
      if (typeof value === "string" && value) rows.push({ path: entry.key, label, masked: value });
    }
  }
  return rows;
}

/**
 * 个人信息: ID and phone numbers are masked for staff; 查看 shows one in full. Each reveal is written
 * to the audit log by the server, which this panel says before anyone clicks.
 */
export function PersonalData({
  applicationId,
  templateId,
  values,
}: {
  applicationId: string;
  templateId: string;
  values: FormValues;
}) {
  const { message } = App.useApp();
  const [shown, setShown] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const rows = personalRows(templateId, values);

  const reveal = async (path: string) => {
    setBusy(path);
    try {
      const result = await revealValue(applicationId, path);
      setShown((prev) => ({ ...prev, [path]: result.value }));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="身份证号和电话号码默认脱敏显示。确因审核需要查看完整信息时点击“查看”，每次查看都会记入审计日志。"
      />
      <Table<Row>
        rowKey="path"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: "申报表中没有身份证号或电话号码" }}
        columns={[
          { title: "项目", dataIndex: "label" },
          {
            title: "内容",
            key: "value",
            width: 260,
            render: (_, row) =>
              shown[row.path] ? (
                <Typography.Text copyable strong>
                  {shown[row.path]}
                </Typography.Text>
              ) : (
                <span>{row.masked}</span>
              ),
          },
          {
            title: "操作",
            key: "action",
            width: 110,
            render: (_, row) =>
              shown[row.path] ? (
                <Typography.Text type="secondary">已查看（已记录）</Typography.Text>
              ) : (
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  loading={busy === row.path}
                  aria-label={`查看${row.label}`}
                  onClick={() => reveal(row.path)}
                >
                  查看
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
