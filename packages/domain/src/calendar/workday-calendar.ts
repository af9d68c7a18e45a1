import { assertIsoDate, type IsoDate, isWeekend, yearOf } from "./iso-date";
import { CalendarUnknownYearError } from "./unknown-year-error";

/** A statutory holiday (法定节假日) or adjusted workday (调休上班) from the base data. */
export type CalendarBaseDay = { date: IsoDate; name: string };

/**
 * One year of base data. Listing a year here means its arrangement is complete: every date of
 * that year not in `holidays` or `adjustedWorkdays` follows the Monday–Friday rule. `holidays`
 * includes the weekend days inside a holiday run (2026-10-03 is 国庆节, not merely a Saturday).
 */
export type CalendarBaseYear = {
  year: number;
  holidays: CalendarBaseDay[];
  adjustedWorkdays: CalendarBaseDay[];
};

/** The published arrangements, normally read from `chinese-days`; the years listed are the covered years. */
export type CalendarBase = { years: CalendarBaseYear[] };

/** An administrator's correction for one date (one row of the override table). */
export type CalendarOverride = { date: IsoDate; kind: "workday" | "holiday"; name?: string };

/**
 * An administrator's declaration that a year's holidays and adjusted workdays have all been
 * entered as overrides, which makes the year known (see {@link createWorkdayCalendar}).
 */
export type CalendarYear = { year: number; complete: true };

/** What a date is: a plain weekday or weekend, a statutory holiday, or a weekend day worked (调休). */
export type DayKind = "weekday" | "weekend" | "holiday" | "adjustedWorkday";

/**
 * Where the answer came from: `package` is the base data (chinese-days in production),
 * `override` the administrator's table, `weekday-rule` Monday–Friday in a known year.
 */
export type DaySource = "package" | "override" | "weekday-rule";

/** Everything known about one date. */
export type DayInfo = {
  date: IsoDate;
  workday: boolean;
  kind: DayKind;
  name?: string;
  source: DaySource;
};

/**
 * The working-day calendar: the dates that differ from Monday–Friday, already merged (overrides
 * over base data), and the years in which that list is complete. Build it with
 * {@link createWorkdayCalendar}; treat it as opaque and read it through the functions here.
 */
export type WorkdayCalendar = {
  readonly knownYears: ReadonlySet<number>;
  readonly specialDays: ReadonlyMap<IsoDate, DayInfo>;
};

/**
 * Builds a calendar from base data, the administrator's overrides and their year declarations.
 *
 * Precedence: an override replaces whatever the base data says about its date (including the
 * name: an override without a name yields a day without a name). An override of kind `workday`
 * becomes `adjustedWorkday` on a weekend and `weekday` on Monday–Friday (e.g. a cancelled holiday).
 *
 * Known years: a year is known if the base data covers it OR a {@link CalendarYear} declares it
 * complete. Overrides alone never make a year known: two holidays entered for 2027 say nothing
 * about the rest of 2027, and counting its other days Monday–Friday is exactly the silent error
 * the calendar exists to prevent. Overrides in an undeclared, uncovered year are kept but every
 * question about that year throws {@link CalendarUnknownYearError} until it is declared.
 *
 * Throws RangeError on malformed input (a bad date, a base day outside its year, a date listed
 * twice with different meanings), because base data and stored overrides are validated earlier
 * and a contradiction here is a bug, not user input.
 */
export function createWorkdayCalendar(
  base: CalendarBase,
  overrides: readonly CalendarOverride[] = [],
  yearDeclarations: readonly CalendarYear[] = [],
): WorkdayCalendar {
  const knownYears = new Set<number>();
  const specialDays = new Map<IsoDate, DayInfo>();

  for (const baseYear of base.years) {
    knownYears.add(baseYear.year);
    const entries = [
      ...baseYear.holidays.map((day) => ({ ...day, workday: false })),
      ...baseYear.adjustedWorkdays.map((day) => ({ ...day, workday: true })),
    ];
    for (const entry of entries) {
      assertIsoDate(entry.date);
      if (yearOf(entry.date) !== baseYear.year) {
        throw new RangeError(`基础日历数据有误：${entry.date} 不属于 ${baseYear.year} 年`);
      }
      if (specialDays.has(entry.date)) {
        throw new RangeError(`基础日历数据有误：${entry.date} 重复出现`);
      }
      specialDays.set(entry.date, {
        date: entry.date,
        workday: entry.workday,
        kind: entry.workday ? adjustedKind(entry.date) : "holiday",
        name: entry.name,
        source: "package",
      });
    }
  }

  const seenOverrides = new Map<IsoDate, CalendarOverride>();
  for (const override of overrides) {
    assertIsoDate(override.date);
    const previous = seenOverrides.get(override.date);
    if (previous && (previous.kind !== override.kind || previous.name !== override.name)) {
      throw new RangeError(`日历调整数据有误：${override.date} 出现了两条不一致的记录`);
    }
    seenOverrides.set(override.date, override);
    const workday = override.kind === "workday";
    specialDays.set(override.date, {
      date: override.date,
      workday,
      kind: workday ? adjustedKind(override.date) : "holiday",
      ...(override.name === undefined ? {} : { name: override.name }),
      source: "override",
    });
  }

  for (const declaration of yearDeclarations) {
    if (declaration.complete === true) knownYears.add(declaration.year);
  }

  return { knownYears, specialDays };
}

/** A worked day is an adjusted workday only if it would otherwise have been a weekend day. */
function adjustedKind(date: IsoDate): "adjustedWorkday" | "weekday" {
  return isWeekend(date) ? "adjustedWorkday" : "weekday";
}

/** The known years in ascending order (covered by the base data or declared complete). */
export function knownYears(calendar: WorkdayCalendar): number[] {
  return [...calendar.knownYears].sort((a, b) => a - b);
}

/** Whether working days can be computed for dates in `year`. */
export function isKnownYear(calendar: WorkdayCalendar, year: number): boolean {
  return calendar.knownYears.has(year);
}

/**
 * Describes one date: whether it is a working day, what kind of day it is and where that comes
 * from. Throws {@link CalendarUnknownYearError} for a date in an unknown year and RangeError for a
 * string that is not a `YYYY-MM-DD` date.
 */
export function dayInfo(calendar: WorkdayCalendar, date: IsoDate): DayInfo {
  assertIsoDate(date);
  const year = yearOf(date);
  if (!calendar.knownYears.has(year)) throw new CalendarUnknownYearError(year);
  const special = calendar.specialDays.get(date);
  if (special) return { ...special };
  const weekend = isWeekend(date);
  return { date, workday: !weekend, kind: weekend ? "weekend" : "weekday", source: "weekday-rule" };
}

/**
 * Whether `date` is a working day (工作日). Same errors as {@link dayInfo}: a date in an unknown
 * year is never guessed to be a working day.
 */
export function isWorkday(calendar: WorkdayCalendar, date: IsoDate): boolean {
  return dayInfo(calendar, date).workday;
}
