import { DeleteOutlined, DownloadOutlined, FileExcelOutlined, PlusOutlined } from "@ant-design/icons";
import { cellLabel, type FormValues, rowLabel, type TableItem } from "@linxuan/domain";
import { Button, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { apiUrl } from "../../shared/http";
import { FieldCell, FieldLabel, IssueList, NoteRef, type SheetEnv } from "./field-cell";
import { emptyRow, fieldDomId, isEmptyRow, rowsOf } from "./form-model";

/** The import template of a repeating table (header row, option lists as drop-downs). */
export function tableTemplateUrl(templateId: string, table: string): string {
  return apiUrl(
    `/form-templates/${encodeURIComponent(templateId)}/tables/${encodeURIComponent(table)}/template.xlsx`,
  );
}

function headerText(column: TableItem["columns"][number]): string {
  const unit =
    "unit" in column && column.unit && !column.label.includes(column.unit) ? `（${column.unit}）` : "";
  return `${column.label}${unit}`;
}

type RowKeys = { keys: readonly number[]; next: number };

function fitRowKeys(state: RowKeys, count: number): RowKeys {
  const keys = state.keys.slice(0, count);
  let next = state.next;
  while (keys.length < count) keys.push(next++);
  return { keys, next };
}

/**
 * React keys for the rows of a table. Rows have no identity of their own (the form stores them by
 * position: 培训教师第2行), so the editor numbers them here. A deleted row takes its key with it and
 * the rows below keep theirs, so a date being typed, an open drop-down or the focus stays with its
 * row; rows that arrive from elsewhere (Excel import, a restored copy, the saved version) are
 * matched by position.
 */
function useRowKeys(count: number): [keys: readonly number[], forget: (index: number) => void] {
  const [state, setState] = useState<RowKeys>(() => fitRowKeys({ keys: [], next: 0 }, count));
  let current = state;
  if (state.keys.length !== count) {
    // Adjusting state while rendering: React renders again at once, before anything is shown.
    current = fitRowKeys(state, count);
    setState(current);
  }
  const forget = (index: number) =>
    setState((prev) => ({ keys: prev.keys.filter((_, i) => i !== index), next: prev.next }));
  return [current.keys, forget];
}

/**
 * A table of the form: fixed rows (近三年纳税 3, 近5年培训规模 5), any number of rows (场地, 教师,
 * 命题专家) with add / delete and Excel import, or rows per year (近5年开展考核评价规模: a row per
 * certificate, at least one per year) with add / delete. Footer rows (培训总规模 …) sit underneath.
 */
export function TableEditor({ table, values, env }: { table: TableItem; values: FormValues; env: SheetEnv }) {
  const rows = rowsOf(values, table.key);
  const [rowKeys, forgetRowKey] = useRowKeys(rows.length);
  const repeating = !("fixed" in table.rows);
  // Excel import serves the free lists; a per-year table (考核评价规模) keeps at least a row per year.
  const importable = "any" in table.rows;
  const minRows = "years" in table.rows ? table.rows.years : 0;
  const editable = !env.readOnly;
  const notes = env.template.notes;
  const actions = repeating && editable;
  const columnCount = table.columns.length + (actions ? 1 : 0) + 1;
  const totalWeight = table.columns.reduce((sum, column) => sum + (column.weight ?? 1), 0);

  const addRow = () => env.onRows(table.key, [...rows, emptyRow(table)]);
  const removeRow = (index: number) => {
    forgetRowKey(index);
    env.onRows(
      table.key,
      rows.filter((_, i) => i !== index),
    );
  };

  return (
    <div id={fieldDomId(table.key)} data-path={table.key} className="lx-table-editor">
      {repeating && editable && (
        <Space wrap size={8} className="lx-table-toolbar">
          <Button size="small" icon={<PlusOutlined />} onClick={addRow}>
            添加一行
          </Button>
          {importable && (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              href={tableTemplateUrl(env.template.id, table.key)}
              download
            >
              下载导入模板
            </Button>
          )}
          {importable && env.onImport && (
            <Button size="small" icon={<FileExcelOutlined />} onClick={() => env.onImport?.(table.key)}>
              从Excel导入
            </Button>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            共 {rows.length} 行
            {"years" in table.rows &&
              `；填写近${table.rows.years}个年度，同一年度颁发多种证书的，每种证书填写一行`}
          </Typography.Text>
        </Space>
      )}
      <IssueList issues={env.issues.get(table.key)} />
      <table className="lx-grid">
        <colgroup>
          <col style={{ width: "5%" }} />
          {table.columns.map((column) => (
            <col
              key={column.key}
              style={{ width: `${((column.weight ?? 1) / totalWeight) * (actions ? 89 : 95)}%` }}
            />
          ))}
          {actions && <col style={{ width: "6%" }} />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="lx-grid-index">
              序号
            </th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {headerText(column)}
                {column.required && !env.readOnly && (
                  <span className="lx-required" aria-hidden="true">
                    *
                  </span>
                )}
                {column.note && <NoteRef number={column.note} text={notes[column.note - 1] ?? ""} />}
              </th>
            ))}
            {repeating && editable && (
              <th scope="col" className="lx-grid-actions">
                操作
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columnCount} className="lx-grid-empty">
                {editable
                  ? "暂无记录。请点击“添加一行”逐行填写，或下载导入模板填好后“从Excel导入”。"
                  : "（未填写）"}
              </td>
            </tr>
          )}
          {rows.map((row, index) => {
            const rowPath = `${table.key}.${index}`;
            const rowIssues = env.issues.get(rowPath);
            return (
              <tr key={rowKeys[index]} id={fieldDomId(rowPath)} data-path={rowPath}>
                <td className="lx-grid-index">
                  {index + 1}
                  {rowIssues && <IssueList issues={rowIssues} />}
                </td>
                {table.columns.map((column) => {
                  const path = `${rowPath}.${column.key}`;
                  return (
                    <td key={column.key}>
                      <FieldCell
                        field={column}
                        path={path}
                        label={cellLabel(table, index, column)}
                        value={row[column.key]}
                        issues={env.issues.get(path)}
                        readOnly={env.readOnly}
                        compact
                        onChange={env.onChange}
                      />
                    </td>
                  );
                })}
                {repeating && editable && rows.length <= minRows && <td className="lx-grid-actions" />}
                {repeating && editable && rows.length > minRows && (
                  <td className="lx-grid-actions">
                    <Popconfirm
                      title={`删除${rowLabel(table, index)}？`}
                      okText="删除"
                      cancelText="取消"
                      disabled={isEmptyRow(table, row)}
                      onConfirm={() => removeRow(index)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={`删除${rowLabel(table, index)}`}
                        onClick={() => {
                          if (isEmptyRow(table, row)) removeRow(index);
                        }}
                      />
                    </Popconfirm>
                  </td>
                )}
              </tr>
            );
          })}
          {table.footer.map((field) => (
            <tr key={field.key} className="lx-grid-footer">
              <th scope="row" colSpan={2}>
                <FieldLabel field={field} path={field.key} notes={notes} />
              </th>
              <td colSpan={columnCount - 2}>
                <FieldCell
                  field={field}
                  path={field.key}
                  label={env.labels.get(field.key) ?? field.label}
                  value={values[field.key]}
                  issues={env.issues.get(field.key)}
                  readOnly={env.readOnly}
                  onChange={env.onChange}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {repeating && editable && rows.length > 0 && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={addRow} style={{ marginTop: 8 }}>
          添加一行
        </Button>
      )}
    </div>
  );
}
