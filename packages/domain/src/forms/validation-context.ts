import { toHalfWidth } from "../validators/normalize";
import type { FormValues, TableItem, TableRowValues } from "./types";

/*
 * What the validation files share: the issue shape callers see, and the context one validation
 * run collects its issues in.
 */

export type FormIssueSeverity = "error" | "warning";

/**
 * One problem with a form's values. `path` addresses the value ("teachers.3.phone"), `label` the
 * printed field ("培训教师第4行·联系电话"), `code` is stable for tests and the UI.
 */
export type FormIssue = {
  path: string;
  label: string;
  message: string;
  severity: FormIssueSeverity;
  code: string;
};

export type ValidateFormOptions = {
  /** Today's date in Asia/Shanghai, YYYY-MM-DD: bounds years, 单位成立时间 and ID birth dates. */
  today: string;
  /** draft: only malformed values are errors; submit: missing required values are errors too. */
  mode: "draft" | "submit";
  /**
   * A 另附页 (注6: 本表可另附页) is attached to the application: a list on the form may name fewer
   * people than its count says, the rest being on the extra page.
   */
  extraPagesAttached?: boolean;
};

/** Earliest accepted calendar year in 年份 / 年度 columns: the founding of the People's Republic. */
export const FIRST_FORM_YEAR = 1949;

export type Context = ValidateFormOptions & {
  currentYear: number;
  issues: FormIssue[];
  computed: FormValues;
  /** The whole form (totals recomputed): what `optionalWhen` and a field's level are read from. */
  values: FormValues;
  scalarLabels: ReadonlyMap<string, string>;
  tables: ReadonlyMap<string, TableItem>;
};

export function push(
  ctx: Context,
  path: string,
  label: string,
  code: string,
  message: string,
  severity: FormIssueSeverity = "error",
) {
  ctx.issues.push({ path, label, code, message, severity });
}

export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

export function isRow(value: unknown): value is TableRowValues {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readYear(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value).trim();
  return /^\d{4}$/.test(text) ? Number(text) : null;
}
