import { isRequiredNow } from "./applicability";
import { isComputed } from "./fields";
import { bare, cellLabel, rowLabel, type TableSlot } from "./slots";
import type { TableColumn, TableRowValues } from "./types";
import { checkField } from "./validate-field";
import { type Context, FIRST_FORM_YEAR, isMissing, isRow, push, readYear } from "./validation-context";

/**
 * Checks one table of a form: its row count (fixed rows, or a minimum on submit), empty rows on
 * submit, every cell against its column, and the 年份 / 年度 columns as a sequence.
 */
export function checkTable(ctx: Context, slot: TableSlot, value: unknown): void {
  const { table } = slot;
  if (value !== null && value !== undefined && !Array.isArray(value)) {
    push(ctx, table.key, slot.label, "type", `${slot.label}：格式不正确，应为表格行列表`);
    return;
  }
  // Rows released by `optionalWhen` (是否开展评价 = 否) are checked as a draft: what is there must be well-formed.
  const tableCtx: Context = isRequiredNow(table, ctx.values) ? ctx : { ...ctx, mode: "draft" };
  const rows: readonly unknown[] = Array.isArray(value) ? value : [];
  const computedRows = (ctx.computed[table.key] ?? []) as readonly unknown[];
  const open = !("fixed" in table.rows);
  const inputColumns = table.columns.filter((column) => !isComputed(column));
  const isEmptyRow = (row: TableRowValues) => inputColumns.every((column) => isMissing(row[column.key]));

  if ("fixed" in table.rows) {
    const { fixed } = table.rows;
    if (rows.length > fixed || (tableCtx.mode === "submit" && rows.length < fixed))
      push(ctx, table.key, slot.label, "table_rows", `${slot.label}：应为${fixed}行，当前为${rows.length}行`);
  } else if ("any" in table.rows && tableCtx.mode === "submit") {
    const filled = rows.filter((row) => isRow(row) && !isEmptyRow(row)).length;
    if (filled < table.rows.any.min)
      push(ctx, table.key, slot.label, "table_rows", `${slot.label}：至少填写${table.rows.any.min}行`);
  } else if ("years" in table.rows) {
    checkYearCount(tableCtx, slot, rows, table.rows.years);
  }

  const columnLabel = (key: string) => {
    const column = table.columns.find((c) => c.key === key);
    return column ? bare(column.label) : key;
  };
  rows.forEach((row, index) => {
    if (!isRow(row)) {
      push(
        ctx,
        `${table.key}.${index}`,
        rowLabel(table, index),
        "type",
        `${rowLabel(table, index)}：格式不正确`,
      );
      return;
    }
    if (isEmptyRow(row)) {
      // An empty row of a list is a leftover on submit; a released table's empty rows are simply unused.
      if (open && tableCtx.mode === "submit") {
        const label = rowLabel(table, index);
        push(ctx, `${table.key}.${index}`, label, "empty_row", `${label}：该行为空，请填写或删除`);
      }
      if (open) return;
    }
    const computedRow = computedRows[index];
    for (const column of table.columns) {
      checkField(
        tableCtx,
        column,
        row[column.key],
        `${table.key}.${index}.${column.key}`,
        cellLabel(table, index, column),
        isRow(computedRow) ? computedRow[column.key] : null,
        columnLabel,
      );
    }
  });
  for (const column of table.columns) {
    if (column.type === "year") checkYearColumn(tableCtx, slot, rows, column);
  }
}

/** Distinct 年度 among the rows of a table, in row order, with the first row of each. */
function distinctYears(rows: readonly unknown[], key: string, currentYear: number): Map<number, number> {
  const seen = new Map<number, number>();
  rows.forEach((row, index) => {
    if (!isRow(row)) return;
    const year = readYear(row[key]);
    if (year === null || year < FIRST_FORM_YEAR || year > currentYear || seen.has(year)) return;
    seen.set(year, index);
  });
  return seen;
}

/**
 * A table of several rows a year (近5年开展考核评价规模): at most `years` distinct years, and on
 * submit exactly that many, each with at least one row.
 */
function checkYearCount(ctx: Context, slot: TableSlot, rows: readonly unknown[], years: number): void {
  const yearColumn = slot.table.columns.find((column) => column.type === "year");
  if (!yearColumn) return;
  const count = distinctYears(rows, yearColumn.key, ctx.currentYear).size;
  if (count > years || (ctx.mode === "submit" && count < years))
    push(
      ctx,
      slot.table.key,
      slot.label,
      "table_years",
      `${slot.label}：应填写${years}个年度（同一年度可填写多行），当前为${count}个年度`,
    );
}

/**
 * 年份 / 年度 columns: the same year twice is an error (the eligibility rules read one figure per
 * year), in a per-year table the same year and `per` value (证书名称) twice; on submit, gaps and an
 * out-of-date latest year are warnings, since "近5年" / "近三年" mean consecutive recent years but an
 * applicant may have a reason to report otherwise.
 */
function checkYearColumn(ctx: Context, slot: TableSlot, rows: readonly unknown[], column: TableColumn): void {
  const { table } = slot;
  const per = "years" in table.rows ? table.rows.per : null;
  // A year may hold several rows of a per-year table, but not the same certificate twice.
  const perText = (row: TableRowValues) => (per === null ? "" : String(row[per] ?? "").trim());
  const rowKey = (row: TableRowValues, year: number) =>
    per === null ? String(year) : `${year}\u0000${perText(row)}`;
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!isRow(row)) return;
    const year = readYear(row[column.key]);
    if (year === null || year < FIRST_FORM_YEAR || year > ctx.currentYear) return;
    const key = rowKey(row, year);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const label = cellLabel(table, index, column);
    if (per !== null) {
      const perLabel = bare(table.columns.find((c) => c.key === per)?.label ?? per);
      push(
        ctx,
        `${table.key}.${index}.${column.key}`,
        label,
        "duplicate_certificate",
        `${label}：${year}年的“${perText(row) || `（未填${perLabel}）`}”与第${first + 1}行重复，同一${perLabel}每个年度只填写一行`,
      );
    } else
      push(
        ctx,
        `${table.key}.${index}.${column.key}`,
        label,
        "duplicate_year",
        `${label}：${year}年与第${first + 1}行重复，每个年度只能填写一行`,
      );
  });
  const datedRows = rows.filter(
    (row) => isRow(row) && readYear(row[column.key]) !== null && !isEmptyRowOf(table, row),
  );
  const filledRows = rows.filter((row) => isRow(row) && !isEmptyRowOf(table, row));
  if (ctx.mode !== "submit" || seen.size < 1 || datedRows.length !== filledRows.length) return;
  if (per === null && seen.size !== rows.filter(isRow).length) return;
  const years = [...distinctYears(rows, column.key, ctx.currentYear).keys()].sort((a, b) => a - b);
  const latest = years.at(-1) ?? 0;
  const earliest = years[0] ?? 0;
  if (latest - earliest + 1 !== years.length) {
    push(
      ctx,
      table.key,
      slot.label,
      "year_sequence",
      `${slot.label}：年度应为连续的年份，当前为${years.join("、")}年，请核对`,
      "warning",
    );
  }
  if (latest < ctx.currentYear - 2) {
    push(
      ctx,
      table.key,
      slot.label,
      "year_stale",
      `${slot.label}：最近的年度为${latest}年，应填写最近的年度（${ctx.currentYear - 1}年前后）`,
      "warning",
    );
  }
}

function isEmptyRowOf(table: TableSlot["table"], row: TableRowValues): boolean {
  return table.columns.filter((column) => !isComputed(column)).every((column) => isMissing(row[column.key]));
}
