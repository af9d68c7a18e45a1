import { isIsoDate } from "../calendar/iso-date";
import { toNumber } from "../forms/fields";
import type { FormValues, TableRowValues } from "../forms/types";
import type { KindCode } from "../reference/kinds";
import { toHalfWidth } from "../validators/normalize";

// Helpers the rules share to read a form's values. Values may come from a draft, so every reader
// tolerates missing and malformed entries and reports "nothing" rather than throwing.

/** "2018-12-31" → "2018年12月31日", as the notices write dates. */
export function formatChineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Whole years from `from` to `to` (ISO dates): a birthday count, 2018-05-01 → 2023-04-30 is 4. */
export function fullYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** 单位成立时间 as an ISO date, "missing" when blank, "invalid" when not a real date. */
export function readFoundedOn(values: FormValues): string | "missing" | "invalid" {
  const value = values.foundedOn;
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === ""))
    return "missing";
  return typeof value === "string" && isIsoDate(value.trim()) ? value.trim() : "invalid";
}

export function readYear(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value).trim();
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

export function rowsOf(values: FormValues, key: string): readonly TableRowValues[] {
  const rows = values[key];
  return Array.isArray(rows)
    ? (rows as readonly unknown[]).filter(
        (row): row is TableRowValues => typeof row === "object" && row !== null && !Array.isArray(row),
      )
    : [];
}

/** The words the scale rules use for each kind, taken from the forms. */
export function scaleWording(kind: KindCode) {
  return kind === "training"
    ? { table: "近5年培训规模（人次）", measure: "培训人数", activity: "培训" }
    : { table: "近5年开展考核评价规模（人次）", measure: "颁证数量", activity: "考核评价" };
}

export type AnnualFigure = { year: number; count: number };

/**
 * One figure per reported year from the 5-year table, most recent first: training — 培训人数 per
 * 年度 (独立 + 合作, recomputed so a stale total cannot mislead); evaluation — 颁证数量 per 年度. A
 * row counts when it has a year and a whole count ≥ 0. Rows of the same year are added: the
 * evaluation form holds one row per certificate, so a year of several certificates counts their sum
 * (the 2000 人次 rule is per year).
 */
export function readAnnualFigures(kind: KindCode, values: FormValues): AnnualFigure[] {
  const byYear = new Map<number, number>();
  const rows = rowsOf(values, kind === "training" ? "trainingScale" : "evaluationScale");
  for (const row of rows) {
    const year = readYear(row.year);
    const count = kind === "training" ? traineesOf(row) : toNumber(row.certificateCount);
    if (year === null || count === null || count < 0 || !Number.isInteger(count)) continue;
    byYear.set(year, (byYear.get(year) ?? 0) + count);
  }
  return [...byYear.entries()].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

function traineesOf(row: TableRowValues): number | null {
  const parts = [toNumber(row.independent), toNumber(row.cooperative)];
  if (parts.every((part) => part === null)) return toNumber(row.trainees);
  if (parts.some((part) => part !== null && part < 0)) return null;
  return parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}
