import { toNumber } from "../forms/fields";
import { optionLabel } from "../forms/options";
import { cellLabel, listFormSlots, rowLabel } from "../forms/slots";
import type { Field, FormTemplate, FormValues, TableItem, TableRowValues } from "../forms/types";
import { isLevelCode, levelCodes, levelName } from "../reference/levels";
import { maskIdNumber } from "../validators/id-number";
import { maskPhone } from "../validators/phone";

/** One changed value between two versions of a form, formatted for display ("" = empty). */
export type ValueChange = { path: string; label: string; before: string; after: string };

export type DiffOptions = {
  /**
   * Mask 身份证号 and phone numbers (SPEC §6: masked on screen unless the role needs them). On by
   * default; a change is still detected on the full values, so a changed middle digit is reported
   * even though both masked forms look alike.
   */
  maskPersonalData?: boolean;
};

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * A value as the printed form shows it: levels as 初级、中级, 是/否, option labels instead of codes,
 * numbers with their unit (12.5万元, 1500人次), years as 2023年, the 承诺 as 已勾选 / 未勾选. Values of
 * the wrong type are shown as typed rather than hidden, so a tampered value is visible in a diff.
 */
export function formatFieldValue(field: Field, value: unknown, opts: DiffOptions = {}): string {
  const mask = opts.maskPersonalData ?? true;
  if (field.type === "consent") return value === true ? "已勾选" : "未勾选";
  if (isEmpty(value)) return "";
  const raw = typeof value === "string" ? value : Array.isArray(value) ? value.join("、") : String(value);
  switch (field.type) {
    case "number":
    case "integer": {
      const number = toNumber(value);
      return number === null ? raw : `${number}${field.unit ?? ""}`;
    }
    case "year": {
      const year = toNumber(value);
      return year !== null && Number.isInteger(year) ? `${year}年` : raw;
    }
    case "yesNo":
      return value === true ? "是" : value === false ? "否" : raw;
    case "levels": {
      if (!Array.isArray(value)) return raw;
      const rank = (item: unknown) =>
        typeof item === "string" && isLevelCode(item) ? levelCodes.indexOf(item) : 9;
      return [...value]
        .sort((a, b) => rank(a) - rank(b))
        .map((item) => (typeof item === "string" && isLevelCode(item) ? levelName(item) : String(item)))
        .join("、");
    }
    case "select": {
      const label = (item: unknown) =>
        typeof item === "string" ? (optionLabel(field.options, item) ?? item) : String(item);
      return Array.isArray(value) ? value.map(label).join("、") : label(value);
    }
    case "idNumber":
      return mask && typeof value === "string" ? maskIdNumber(value) : raw;
    case "phone":
      return mask && typeof value === "string" ? maskPhone(value) : raw;
    default:
      return raw;
  }
}

function rowsOf(values: FormValues, key: string): readonly unknown[] {
  const rows = values[key];
  return Array.isArray(rows) ? rows : [];
}

function asRow(value: unknown): TableRowValues {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as TableRowValues)
    : {};
}

function summarizeRow(table: TableItem, row: TableRowValues, opts: DiffOptions): string {
  return table.columns
    .map((column) => [column.label, formatFieldValue(column, row[column.key], opts)] as const)
    .filter(([, shown]) => shown !== "")
    .map(([label, shown]) => `${label}：${shown}`)
    .join("；");
}

/**
 * What changed between two versions of a form, in print order, for the version history and the
 * reviewer's "what did they change after the return" view. Scalars are compared by their displayed
 * value (so 12 and "12" are no change); table rows are compared by position, cell by cell
 * ("培训教师第3行·联系电话"), and rows only in `after` or only in `before` are reported whole as
 * "第4行（新增）" / "第4行（删除）" with a summary of their cells.
 */
export function diffValues(
  template: FormTemplate,
  before: FormValues,
  after: FormValues,
  opts: DiffOptions = {},
): ValueChange[] {
  const changes: ValueChange[] = [];
  const compare = (field: Field, path: string, label: string, a: unknown, b: unknown) => {
    const full = { maskPersonalData: false };
    if (formatFieldValue(field, a, full) === formatFieldValue(field, b, full)) return;
    changes.push({
      path,
      label,
      before: formatFieldValue(field, a, opts),
      after: formatFieldValue(field, b, opts),
    });
  };
  for (const slot of listFormSlots(template)) {
    if (slot.type === "scalar") {
      compare(slot.field, slot.key, slot.label, before[slot.key], after[slot.key]);
      continue;
    }
    const { table } = slot;
    const rowsBefore = rowsOf(before, table.key);
    const rowsAfter = rowsOf(after, table.key);
    for (let index = 0; index < Math.max(rowsBefore.length, rowsAfter.length); index++) {
      const path = `${table.key}.${index}`;
      if (index >= rowsBefore.length) {
        const summary = summarizeRow(table, asRow(rowsAfter[index]), opts);
        changes.push({ path, label: `${rowLabel(table, index)}（新增）`, before: "", after: summary });
      } else if (index >= rowsAfter.length) {
        const summary = summarizeRow(table, asRow(rowsBefore[index]), opts);
        changes.push({ path, label: `${rowLabel(table, index)}（删除）`, before: summary, after: "" });
      } else {
        const a = asRow(rowsBefore[index]);
        const b = asRow(rowsAfter[index]);
        for (const column of table.columns) {
          compare(
            column,
            `${path}.${column.key}`,
            cellLabel(table, index, column),
            a[column.key],
            b[column.key],
          );
        }
      }
    }
  }
  return changes;
}
