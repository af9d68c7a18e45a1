import type {
  Field,
  FormTemplate,
  Formula,
  FormValues,
  IntegerField,
  Item,
  NumberField,
  ScalarValue,
  TableItem,
  TableRowValues,
} from "./types";

/** One field of a template in print order, as the pre-submit checklist and the validators see it. */
export type FieldEntry = {
  /** Value key: top-level for scalars and table footers, the row key for table columns. */
  key: string;
  field: Field;
  /** Labels from the section title down to the field's own label, e.g. 申报单位基本情况 › 法定代表人 › 姓名. */
  path: readonly string[];
  sectionKey: string;
  /** Table the field belongs to (columns and footers). */
  table?: string;
  role: "field" | "column" | "footer";
  computed: boolean;
};

export function isComputed(field: Field): field is (IntegerField | NumberField) & { compute: Formula } {
  return (field.type === "integer" || field.type === "number") && field.compute !== undefined;
}

function itemEntries(item: Item, sectionKey: string, sectionPath: readonly string[]): FieldEntry[] {
  const scalar = (field: Field, path: readonly string[]): FieldEntry => ({
    key: field.key,
    field,
    path: [...path, field.label],
    sectionKey,
    role: "field",
    computed: isComputed(field),
  });
  switch (item.item) {
    case "field":
      return [scalar(item.field, sectionPath)];
    case "row":
      return item.fields.map((field) => scalar(field, sectionPath));
    case "group":
      return item.fields.map((field) => scalar(field, [...sectionPath, item.label]));
    case "groupRow":
      return item.groups.flatMap((group) =>
        group.fields.map((field) => scalar(field, [...sectionPath, group.label])),
      );
    case "breakdown":
      return [scalar(item.total, sectionPath), ...item.parts.map((field) => scalar(field, sectionPath))];
    case "table": {
      const tablePath = [...sectionPath, item.label];
      return [
        ...item.columns.map((field) => ({
          ...scalar(field, tablePath),
          table: item.key,
          role: "column" as const,
        })),
        ...item.footer.map((field) => ({
          ...scalar(field, tablePath),
          table: item.key,
          role: "footer" as const,
        })),
      ];
    }
  }
}

/**
 * Every field of a template, flattened in print order (left to right, top to bottom), with the
 * labels leading to it. Table columns appear once, not per row.
 */
export function listFields(template: FormTemplate): readonly FieldEntry[] {
  let fields = fieldsOf.get(template);
  if (!fields) {
    fields = Object.freeze(
      template.sections.flatMap((section) =>
        section.items.flatMap((item) => itemEntries(item, section.key, [section.title])),
      ),
    );
    for (const entry of fields) Object.freeze(entry);
    fieldsOf.set(template, fields);
  }
  return fields;
}

/**
 * `listFields` and `listTables` of each template object, listed once: every save sanitizes,
 * recomputes, validates and seals by them. A template is a constant (a version is never changed,
 * a change is a new version, hence a new object), so the lists never go stale.
 */
const fieldsOf = new WeakMap<FormTemplate, readonly FieldEntry[]>();
const tablesOf = new WeakMap<FormTemplate, readonly TableItem[]>();

/** The tables of a template, in print order. */
export function listTables(template: FormTemplate): readonly TableItem[] {
  let tables = tablesOf.get(template);
  if (!tables) {
    tables = Object.freeze(
      template.sections.flatMap((section) =>
        section.items.filter((item): item is TableItem => item.item === "table"),
      ),
    );
    tablesOf.set(template, tables);
  }
  return tables;
}

function emptyScalar(field: Field): ScalarValue {
  if (field.type === "levels" || (field.type === "select" && field.multiple)) return [];
  if (field.type === "consent") return false;
  return null;
}

function emptyRow(table: TableItem): TableRowValues {
  return Object.fromEntries(table.columns.map((column) => [column.key, emptyScalar(column)]));
}

/** Rows a table starts with and is padded to: fixed tables their rows, per-year tables one per year. */
export function initialRowCount(table: TableItem): number {
  if ("fixed" in table.rows) return table.rows.fixed;
  if ("years" in table.rows) return table.rows.years;
  return 0;
}

/**
 * Values of an unfilled form: every scalar null (multi-choices empty, the commitment not given),
 * fixed and per-year tables with their rows present and empty, open tables with no rows.
 */
export function emptyValues(template: FormTemplate): FormValues {
  const values: Record<string, ScalarValue | TableRowValues[]> = {};
  for (const section of template.sections) {
    for (const item of section.items) {
      if (item.item === "table") {
        const initial = initialRowCount(item);
        values[item.key] = Array.from({ length: initial }, () => emptyRow(item));
        for (const field of item.footer) values[field.key] = emptyScalar(field);
      }
    }
  }
  for (const entry of listFields(template)) {
    if (entry.role !== "column") values[entry.key] = emptyScalar(entry.field);
  }
  return values;
}

/** A value as a number: numbers, and numeric strings as typed in a web form; anything else is no number. */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Sum of the numbers among `values`; null when none is a number, so a blank form stays blank. */
function sumOf(values: readonly unknown[], field: IntegerField | NumberField): number | null {
  const numbers = values.map(toNumber).filter((value): value is number => value !== null);
  if (numbers.length === 0) return null;
  const total = numbers.reduce((sum, value) => sum + value, 0);
  const decimals = field.type === "number" ? field.decimals : 0;
  const scale = 10 ** decimals;
  return Math.round(total * scale) / scale;
}

function rowsOf(values: FormValues, table: string): readonly TableRowValues[] {
  const rows = values[table];
  return Array.isArray(rows) ? (rows as readonly TableRowValues[]) : [];
}

/**
 * Evaluates one formula. `scope` holds the sibling values a `sum` adds (a table row, or the form's
 * scalars); `values` the whole form, for `sumColumn`.
 */
export function evaluateFormula(
  formula: Formula,
  field: IntegerField | NumberField,
  scope: Readonly<Record<string, unknown>>,
  values: FormValues,
): number | null {
  if ("sum" in formula)
    return sumOf(
      formula.sum.map((key) => scope[key]),
      field,
    );
  const { table, column, where } = formula.sumColumn;
  const rows = rowsOf(values, table).filter((row) => !where || row[where.column] === where.equals);
  return sumOf(
    rows.map((row) => row[column]),
    field,
  );
}

/**
 * Returns `values` with every computed field recomputed: first the computed columns of each table
 * row (培训人数 = 独立 + 合作), then the footers and scalar totals (培训总规模, 师资团队总人数), which may
 * add computed columns. Whatever the applicant typed into a computed field is overwritten.
 * Pure: `values` is not modified.
 */
export function computeTotals(template: FormTemplate, values: FormValues): FormValues {
  const result: Record<string, ScalarValue | readonly TableRowValues[]> = { ...values };
  for (const table of listTables(template)) {
    const computedColumns = table.columns.filter(isComputed);
    if (computedColumns.length === 0) continue;
    result[table.key] = rowsOf(values, table.key).map((row) => {
      const next: TableRowValues = { ...row };
      for (const column of computedColumns)
        next[column.key] = evaluateFormula(column.compute, column, next, result);
      return next;
    });
  }
  for (const entry of listFields(template)) {
    if (entry.role === "column" || !isComputed(entry.field)) continue;
    result[entry.key] = evaluateFormula(entry.field.compute, entry.field, result, result);
  }
  return result;
}
