import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Space, Table, Typography } from "antd";
import { useRef, useState } from "react";
import { errorText } from "../../shared/form-errors";
import { type ImportResult, useImportCalendar } from "./queries";

function importSummary(result: ImportResult): string {
  if (result.errors.length === 0) {
    const years = result.years?.length ? `（${result.years.map((year) => `${year}年`).join("、")}）` : "";
    return `已导入 ${result.imported} 条${years}`;
  }
  const done = result.imported > 0 ? `已导入 ${result.imported} 条` : "本次未导入任何数据";
  return `发现 ${result.errors.length} 处错误，${done}。请按下表修改后重新导入。`;
}

const example = `date,kind,name
#year,2027,complete
2027-01-01,holiday,元旦
2027-02-05,holiday,春节
2027-02-20,workday,春节调休`;

/** Imports a year's holidays from CSV or JSON text, pasted or read from a local file. */
export function ImportCard() {
  const [text, setText] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importCalendar = useImportCalendar();
  const { message } = App.useApp();

  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1_000_000) {
      message.error("文件超过1MB，请检查是否选错文件");
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setText(String(reader.result ?? ""));
    reader.onerror = () => message.error("无法读取该文件");
    reader.readAsText(file, "utf-8");
  };

  const submit = () =>
    importCalendar.mutate(text, {
      onSuccess: (outcome) => {
        setResult(outcome);
        if (outcome.errors.length === 0) message.success(`已导入 ${outcome.imported} 条`);
      },
      onError: (error) => message.error(errorText(error)),
    });

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>导入节假日安排</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        国务院办公厅每年发布下一年度部分节假日安排后，可在此导入。支持 CSV（表头 date,kind,name；kind 为
        holiday 休息或 workday 上班）或 JSON 数组。以一行 <code>#year,2027,complete</code> 声明该年度已完整：
        该年度须包含全部法定节假日（元旦、春节除夕至初三、清明节、劳动节5月1日至2日、端午节、中秋节、国庆节10月1日至3日），
        否则整个文件不导入。2035年以后的年度还须写明农历节日的日期，如
        <code>#year,2036,complete,春节=2036-01-28,清明节=2036-04-04,端午节=2036-05-30,中秋节=2036-10-04</code>
        （春节填正月初一）。
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label="导入内容（CSV 或 JSON）" htmlFor="calendar-import-text">
          <Input.TextArea
            id="calendar-import-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoSize={{ minRows: 6, maxRows: 16 }}
            placeholder={example}
            style={{ fontFamily: "monospace" }}
          />
        </Form.Item>
        <Space>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.json,.txt,text/csv,application/json,text/plain"
            aria-label="选择导入文件"
            style={{ display: "none" }}
            onChange={(event) => {
              readFile(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
            从文件读取
          </Button>
          <Button type="primary" htmlType="submit" disabled={!text.trim()} loading={importCalendar.isPending}>
            导入
          </Button>
        </Space>
      </Form>
      {result && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={result.errors.length > 0 ? "warning" : "success"}
            showIcon
            title={importSummary(result)}
          />
          {result.errors.length > 0 && (
            <Table
              size="small"
              style={{ marginTop: 8 }}
              rowKey={(row) => `${row.line}:${row.message}`}
              dataSource={result.errors}
              pagination={false}
              columns={[
                { title: "行号", dataIndex: "line", width: 80 },
                { title: "问题", dataIndex: "message" },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
