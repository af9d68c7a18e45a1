import {
  buildCalendarFromChineseDays,
  type CalendarBase,
  type CalendarOverride,
  checkStatutoryHolidays,
  createWorkdayCalendar,
  type IsoDate,
  type LunarFestival,
  type LunarFestivalDates,
  STATUTORY_RULES_FROM,
  type StatutoryCheck,
  type WorkdayCalendar,
} from "@linxuan/domain";
import { calendarFestivalsJson, readNullableJson } from "../../db/json";

/*
 * 完整年度: a year whose working days the platform computes must give every statutory holiday off.
 * A year is complete through the package data (the State Council's published arrangements) or
 * through an administrator's declaration; the check runs when a year is declared (admin page, API,
 * `calendar import`), when a change touches a complete year (refused if it would lose a statutory
 * day) and when the calendar is loaded (a declaration that misses one — stored before this check
 * existed — does not make its year known).
 */

let packageBase: CalendarBase | null = null;
/** The package data never changes while the process runs: read it once. */
export function baseData(): CalendarBase {
  packageBase ??= buildCalendarFromChineseDays();
  return packageBase;
}

/** Whether the package data covers a year (its arrangement is the State Council's). */
export function isPackageYear(year: number): boolean {
  return baseData().years.some((item) => item.year === year);
}

/** A declared year as stored: the festival dates it was checked against, if any. */
export type Declaration = { year: number; festivals: Partial<Record<LunarFestival, IsoDate>> };

/** The stored festival JSON of a declaration, tolerating rows written before it existed (null). */
export function readFestivals(json: string | null): Partial<Record<LunarFestival, IsoDate>> {
  return readNullableJson("calendar_years.festivals", calendarFestivalsJson, json) ?? {};
}

/** The calendar from package data, these overrides and these declared years, unchecked. */
export function calendarOf(
  overrides: readonly CalendarOverride[],
  years: readonly number[],
): WorkdayCalendar {
  return createWorkdayCalendar(
    baseData(),
    overrides,
    years.map((year) => ({ year, complete: true as const })),
  );
}

/** Whether a year's statutory holidays are guarded: declared complete, or package data under the rules in force. */
export function isGuarded(year: number, declarations: readonly Declaration[]): boolean {
  return (
    declarations.some((item) => item.year === year) || (year >= STATUTORY_RULES_FROM && isPackageYear(year))
  );
}

/** The check of one year of a calendar, with the festival dates its declaration names. */
export function checkYear(
  calendar: WorkdayCalendar,
  year: number,
  declarations: readonly Declaration[],
): StatutoryCheck {
  return checkStatutoryHolidays(calendar, year, declarations.find((item) => item.year === year)?.festivals);
}

/** The declared years that hold every statutory holiday (or need no declaration: package years). */
export function validDeclarations(
  overrides: readonly CalendarOverride[],
  declarations: readonly Declaration[],
): number[] {
  const calendar = calendarOf(
    overrides,
    declarations.map((item) => item.year),
  );
  return declarations
    .filter((item) => isPackageYear(item.year) || checkYear(calendar, item.year, declarations).ok)
    .map((item) => item.year);
}

/**
 * The statutory days a change would take away from a guarded year: missing after it and not
 * already missing before (a year already short — a declaration older than this check — can still
 * be repaired day by day). Null when the change keeps the year as complete as it was.
 */
export function lostStatutoryDays(
  year: number,
  before: readonly CalendarOverride[],
  after: readonly CalendarOverride[],
  declarations: readonly Declaration[],
): { message: string } | null {
  if (!isGuarded(year, declarations) || year < STATUTORY_RULES_FROM) return null;
  const years = declarations.map((item) => item.year);
  const was = checkYear(calendarOf(before, years), year, declarations);
  const will = checkYear(calendarOf(after, years), year, declarations);
  if (will.ok || will.missing.length === 0) return null;
  const missingBefore = new Set(was.ok ? [] : was.missing.flatMap((holiday) => holiday.dates));
  const lost = will.missing.flatMap((holiday) => holiday.dates).filter((date) => !missingBefore.has(date));
  return lost.length > 0 ? { message: will.message } : null;
}

/** The festival dates a declaration was checked with, for storing beside it. */
export function festivalsJson(festivals: LunarFestivalDates): string {
  return JSON.stringify(festivals);
}
