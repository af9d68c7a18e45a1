import {
  computeTotals,
  type Field,
  type FormIssue,
  type FormTemplate,
  type FormValues,
  isComputed,
  listFields,
  listFormSlots,
  type ScalarValue,
  type TableItem,
  type TableRowValues,
} from "@linxuan/domain";

/*
 * Pure helpers over a template and its values: where a value lives, which section owns an issue,
 * how to change one value (totals are recomputed at once, as the server will), how two versions
 * compare and merge.
 */

export type Rows = readonly TableRowValues[];

/** The DOM id of a value's input wrapper; the pre-submit list jumps there. */
export function fieldDomId(path: string): string {
  return `field-${path}`;
}

export function sectionDomId(key: string): string {
  return `section-${key}`;
}

/** Key → the label messages use ("法定代表人身份证号", "年度计划培训人数（人次）·初级"). */
export function slotLabels(template: FormTemplate): Map<string, string> {
  return new Map(listFormSlots(template).map((slot) => [slot.key, slot.label]));
}

/** Top-level value key (a scalar, a table or a table's footer) → the key of its section. */
export function sectionIndex(template: FormTemplate): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of listFields(template))
    index.set(entry.role === "column" ? (entry.table ?? entry.key) : entry.key, entry.sectionKey);
  return index;
}

export function sectionOf(index: Map<string, string>, path: string): string | undefined {
  return index.get(path.split(".")[0] ?? "");
}

/** Issues by path, in order. */
export function issuesByPath(issues: readonly FormIssue[]): Map<string, FormIssue[]> {
  const map = new Map<string, FormIssue[]>();
  for (const issue of issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue]);
  return map;
}

/** An issue's message under its own field: "法定代表人身份证号：校验位错误" reads "校验位错误" there. */
export function shortMessage(issue: FormIssue): string {
  const prefix = `${issue.label}：`;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

export function rowsOf(values: FormValues, table: string): Rows {
  const rows = values[table];
  return Array.isArray(rows) ? (rows as Rows) : [];
}

export function emptyScalar(field: Field): ScalarValue {
  if (field.type === "levels" || (field.type === "select" && field.multiple)) return [];
  if (field.type === "consent") return false;
  return null;
}

export function emptyRow(table: TableItem): TableRowValues {
  return Object.fromEntries(table.columns.map((column) => [column.key, emptyScalar(column)]));
}

/** Whether a row has nothing typed in it (computed cells do not count). */
export function isEmptyRow(table: TableItem, row: TableRowValues): boolean {
  return table.columns
    .filter((column) => !isComputed(column))
    .every((column) => {
      const value = row[column.key];
      return value === null || value === "" || (Array.isArray(value) && value.length === 0);
    });
}

export function setScalar(template: FormTemplate, values: FormValues, key: string, value: ScalarValue) {
  return computeTotals(template, { ...values, [key]: value });
}

export function setRows(template: FormTemplate, values: FormValues, table: string, rows: Rows) {
  return computeTotals(template, { ...values, [table]: rows });
}

export function setCell(
  template: FormTemplate,
  values: FormValues,
  table: string,
  index: number,
  column: string,
  value: ScalarValue,
) {
  const rows = rowsOf(values, table).map((row, i) => (i === index ? { ...row, [column]: value } : row));
  return setRows(template, values, table, rows);
}

/** JSON with sorted keys, so that two equal forms compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : item,
  );
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  return stableJson(a) === stableJson(b);
}

/**
 * Takes the server's recomputed totals into the form without touching anything the applicant
 * types: only computed fields are copied, and only where the table still has that row.
 */
export function mergeComputed(template: FormTemplate, local: FormValues, server: FormValues): FormValues {
  const result: Record<string, FormValues[string]> = { ...local };
  for (const entry of listFields(template)) {
    if (!entry.computed) continue;
    if (entry.role !== "column") {
      if (entry.key in server) result[entry.key] = server[entry.key] ?? null;
      continue;
    }
    const table = entry.table ?? "";
    const serverRows = rowsOf(server, table);
    result[table] = rowsOf(result as FormValues, table).map((row, index) => {
      const serverRow = serverRows[index];
      return serverRow && entry.key in serverRow
        ? { ...row, [entry.key]: serverRow[entry.key] ?? null }
        : row;
    });
  }
  return result;
}

/**
 * "保留我的修改" after a conflict: the saved version, with every value this window changed since
 * it last saved (`base`) put on top. A table counts as one value: rows cannot be matched safely
 * between two people's edits. What only the other side changed is kept, so nothing is lost unless
 * both changed the same value — and then the applicant chose theirs.
 */
export function keepMine(template: FormTemplate, base: FormValues, mine: FormValues, saved: FormValues) {
  const result: Record<string, FormValues[string]> = { ...saved };
  for (const key of new Set([...Object.keys(mine), ...Object.keys(base)])) {
    if (stableJson(mine[key] ?? null) !== stableJson(base[key] ?? null)) result[key] = mine[key] ?? null;
  }
  return computeTotals(template, result);
}

/** The keys this window changed since `base` (top level), to mark them in the conflict list. */
export function changedKeys(base: FormValues, mine: FormValues): Set<string> {
  const keys = new Set<string>();
  for (const key of new Set([...Object.keys(mine), ...Object.keys(base)])) {
    if (stableJson(mine[key] ?? null) !== stableJson(base[key] ?? null)) keys.add(key);
  }
  return keys;
}
