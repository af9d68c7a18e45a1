import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import type { TableItem } from "@linxuan/domain";
import { Alert, Button, List, Modal, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/form-errors";
import { isEmptyRow, type Rows } from "./form-model";
import { tableTemplateUrl } from "./form-table";
import { importTable } from "./queries";
import type { TableImport } from "./types";

type Props = {
  templateId: string;
  table: TableItem | null;
  currentRows: Rows;
  onClose: () => void;
  onApply: (rows: Rows) => void;
};

/**
 * 从Excel导入: the server reads the sheet (nothing is saved), the page shows what it read and every
 * problem by row and column, and the applicant appends the rows or replaces the table with them.
 */
export function TableImportModal({ templateId, table, currentRows, onClose, onApply }: Props) {
  const [result, setResult] = useState<TableImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!table) return null;
  const existing = currentRows.filter((row) => !isEmptyRow(table, row));

  const close = () => {
    setResult(null);
    setError(null);
    onClose();
  };
  const apply = (mode: "append" | "replace") => {
    if (!result) return;
    onApply(mode === "append" ? [...existing, ...result.rows] : result.rows);
    close();
  };

  return (
    <Modal
      open
      width={760}
      title={`从Excel导入：${table.label}`}
      onCancel={close}
      footer={
        result && result.rows.length > 0 ? (
          <Space>
            <Button onClick={close}>取消</Button>
            {existing.length > 0 && (
              <Button danger onClick={() => apply("replace")}>
                替换现有 {existing.length} 行
              </Button>
            )}
            <Button type="primary" onClick={() => apply("append")}>
              {existing.length > 0 ? `追加到现有 ${existing.length} 行之后` : `导入 ${result.rows.length} 行`}
            </Button>
          </Space>
        ) : (
          <Button onClick={close}>关闭</Button>
        )
      }
    >
      <Typography.Paragraph>
        请先
        <Button
          type="link"
          size="small"
          icon={<DownloadOutlined />}
          href={tableTemplateUrl(templateId, table.key)}
          download
        >
          下载导入模板
        </Button>
        ，从第2行起每行填写一条记录（不要修改第1行的列名），保存为 .xlsx
        后在下面选择文件。导入不会立即保存，确认后写入表格并随草稿自动保存。
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={busy}
        customRequest={({ file, onSuccess, onError }) => {
          setBusy(true);
          setError(null);
          setResult(null);
          importTable(templateId, table.key, file as File)
            .then((body) => {
              setResult(body);
              onSuccess?.(body);
            })
            .catch((failure: unknown) => {
              setError(errorText(failure));
              onError?.(failure as Error);
            })
            .finally(() => setBusy(false));
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? "正在读取…" : "点击或将 Excel 文件拖到此处"}</p>
        <p className="ant-upload-hint">仅支持 .xlsx，不超过 5MB，每次最多 500 行</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={error} />}
      {result && (
        <div style={{ marginTop: 12 }} aria-live="polite">
          <Alert
            type={result.errors.length > 0 ? "warning" : "success"}
            showIcon
            title={`读取到 ${result.rows.length} 行${result.errors.length > 0 ? `，其中 ${result.errors.length} 处需要修改` : "，未发现问题"}`}
            description={
              result.errors.length > 0
                ? "有问题的行也会导入（无法识别的选项留空），导入后请在表格中逐项改正。"
                : undefined
            }
          />
          {result.errors.length > 0 && (
            <List
              size="small"
              bordered
              style={{ marginTop: 8, maxHeight: 240, overflow: "auto" }}
              dataSource={result.errors}
              renderItem={(item) => (
                <List.Item>
                  <span className="lx-import-error">
                    Excel 第{item.row}行{item.column ? ` · ${item.column}` : ""}：
                    {item.message.replace(/^\S+第\d+行·[^：]+：/, "")}
                  </span>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
