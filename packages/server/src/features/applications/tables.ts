import {
  checkText,
  type FormValues,
  getFormTemplate,
  listTables,
  optionsOf,
  type TableColumn,
  type TableItem,
  type TableRowValues,
  textProblemMessage,
  validateFormValues,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import { AppError, notFound } from "../../http/errors";
import { detectFileKind } from "../../storage/files";

/** Tables that may be imported from Excel: those with any number of rows (teachers, experts, facilities). */
function importableTable(templateId: string, tableKey: string): TableItem {
  const template = getFormTemplate(templateId);
  const table = template ? listTables(template).find((item) => item.key === tableKey) : undefined;
  if (!template || !table || !("any" in table.rows)) throw notFound("可导入的表格");
  return table;
}

function headerOf(column: TableColumn): string {
  const unit =
    "unit" in column && column.unit && !column.label.includes(column.unit) ? `（${column.unit}）` : "";
  return `${column.label}${unit}`;
}

const MAX_ROWS = 500;

/** The Excel template the applicant fills: one header row in the form's column order, option lists as drop-downs. */
export async function tableTemplateXlsx(templateId: string, tableKey: string) {
  const table = importableTable(templateId, tableKey);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "遴选平台";
  const sheet = workbook.addWorksheet(table.label.slice(0, 31));
  sheet.addRow(table.columns.map(headerOf));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F2" } };
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(14, headerOf(column).length * 2.2);
    if (column.type === "select") {
      const labels = optionsOf(column.options).map((option) => option.label);
      for (let row = 2; row <= MAX_ROWS + 1; row++) {
        sheet.getCell(row, index + 1).dataValidation = {
          type: "list",
          allowBlank: !column.required,
          formulae: [`"${labels.join(",")}"`],
          showErrorMessage: true,
          errorTitle: "请从下拉列表中选择",
          error: `${column.label}只能是：${labels.join("、")}`,
        };
      }
    }
    if (column.type === "phone" || column.type === "idNumber" || column.type === "text")
      sheetColumn.numFmt = "@";
  });
  const notes = workbook.addWorksheet("填写说明");
  notes.addRow([`《${table.label}》导入模板：从第2行起每行填写一条记录，不要修改第1行的列名。`]);
  notes.addRow([
    "联系电话填写手机号或带区号的固定电话（如 021-62345678）；工作单位填写单位全称，建议填写至单位所在部门或二级单位。",
  ]);
  notes.addRow([`每次最多导入${MAX_ROWS}行；导入后请在页面上核对，再保存。`]);
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    body,
    fileName: `${table.label}导入模板.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value).trim();
}

export type ImportError = { row: number; column: string; message: string };

/**
 * Reads an uploaded sheet into table rows: columns found by their header, option labels mapped to
 * codes, every cell checked with the form's own validator. Nothing is saved: the page shows the
 * rows and errors, and the user keeps or discards them.
 */
export async function importTableXlsx(
  templateId: string,
  tableKey: string,
  content: Buffer,
  truncated: boolean,
  today: string,
) {
  const table = importableTable(templateId, tableKey);
  const template = getFormTemplate(templateId);
  if (!template) throw notFound("申报表模板");
  if (truncated) throw new AppError("FILE_TOO_LARGE", "Excel 文件超过5MB的大小限制");
  if (detectFileKind(content)?.extension !== "xlsx") {
    throw new AppError("FILE_TYPE_NOT_ALLOWED", "请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError("FILE_TYPE_NOT_ALLOWED", "无法读取该 Excel 文件，请使用导入模板填写后另存为 .xlsx");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("VALIDATION_FAILED", "Excel 文件中没有工作表");
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((value) =>
    cellText(value).replace(/\s/g, ""),
  );
  const positions = table.columns.map((column) => {
    const candidates = [headerOf(column), column.label].map((text) => text.replace(/\s/g, ""));
    return header.findIndex((text) => candidates.includes(text));
  });
  const missing = table.columns.filter((column, index) => column.required && positions[index] === -1);
  if (missing.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      `Excel 第1行缺少列：${missing.map((column) => column.label).join("、")}。请使用平台提供的导入模板`,
    );
  }
  const rows: TableRowValues[] = [];
  const errors: ImportError[] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts = table.columns.map((_, index) => {
      const position = positions[index] ?? -1;
      return position > 0 ? cellText(row.getCell(position).value) : "";
    });
    if (texts.every((text) => text === "")) return;
    if (rows.length >= MAX_ROWS) {
      if (rows.length === MAX_ROWS)
        errors.push({ row: rowNumber, column: "", message: `最多导入${MAX_ROWS}行，其余行未导入` });
      return;
    }
    const values: TableRowValues = {};
    table.columns.forEach((column, index) => {
      const text = texts[index] ?? "";
      const check = checkText(text, { multiline: false });
      if (!check.ok) {
        values[column.key] = null;
        errors.push({
          row: rowNumber,
          column: column.label,
          message: textProblemMessage(column.label, check),
        });
      } else if (text === "") {
        values[column.key] = null;
      } else if (column.type === "select") {
        const option = optionsOf(column.options).find((item) => item.label === text || item.value === text);
        if (option) values[column.key] = option.value;
        else {
          values[column.key] = null;
          errors.push({ row: rowNumber, column: column.label, message: `“${text}”不是可选的值` });
        }
      } else if (column.type === "number" || column.type === "integer" || column.type === "year") {
        const number = Number(text.replace(/,/g, ""));
        values[column.key] = Number.isFinite(number) ? number : text;
      } else {
        values[column.key] = text;
      }
    });
    rows.push(values);
    rowNumbers.push(rowNumber);
  });
  const issues = validateFormValues(template, { [tableKey]: rows } as FormValues, {
    today,
    mode: "draft",
  }).issues;
  for (const issue of issues) {
    const match = issue.path.match(/^([^.]+)\.(\d+)\.([^.]+)$/);
    if (!match || match[1] !== tableKey) continue;
    const column = table.columns.find((item) => item.key === match[3]);
    errors.push({
      row: rowNumbers[Number(match[2])] ?? 0,
      column: column?.label ?? match[3] ?? "",
      message: issue.message,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { table: tableKey, rows, errors };
}
