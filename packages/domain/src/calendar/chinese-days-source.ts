// The package's documented JSON file, not its functions: `isWorkday()` answers Monday–Friday for
// a year it has no data for (2027 in 1.5.7) and cannot say which years it covers, and the
// functions build their tables in the host's time zone, so west of UTC every holiday moves a
// day earlier (TZ=America/New_York: 2026-09-30 is "国庆节"). The JSON holds the published
// arrangements as plain date keys.
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { type IsoDate, yearOf } from "./iso-date";
import type { CalendarBase, CalendarBaseDay, CalendarBaseYear } from "./workday-calendar";

/**
 * Shape of `chinese-days/dist/chinese-days.json`: date → "English name,中文名,statutory days".
 * `inLieuDays` (holidays that are paid back by a 调休 Saturday) is not needed to tell working
 * days apart and is ignored.
 */
type ChineseDaysData = {
  holidays: Record<IsoDate, string>;
  workdays: Record<IsoDate, string>;
  inLieuDays: Record<IsoDate, string>;
};

/**
 * Reads the `chinese-days` package data into the base data of a {@link createWorkdayCalendar}
 * calendar: per calendar year, the statutory holidays and the adjusted workdays with their
 * Chinese names (国庆节, 春节, …).
 *
 * A year counts as covered when the package lists at least one holiday in it; every published
 * arrangement contains 元旦 on 1 January, so a year without holidays has no arrangement. In
 * chinese-days 1.5.7 that is 2004–2026. Days are grouped by their own date, not by the
 * arrangement that announced them: the 2012 arrangement's 调休 Saturday 2011-12-31 belongs to 2011.
 * Caveat: late December of the newest covered year can still be changed by the next year's
 * arrangement (as 2018-12-29…31 were by the 2019 one); an administrator override covers that.
 */
export function buildCalendarFromChineseDays(): CalendarBase {
  const data = chineseDaysData as ChineseDaysData;
  const years = new Map<number, CalendarBaseYear>();
  for (const [date, label] of Object.entries(data.holidays)) {
    const year = yearOf(date);
    if (!years.has(year)) years.set(year, { year, holidays: [], adjustedWorkdays: [] });
    years.get(year)?.holidays.push(toBaseDay(date, label));
  }
  for (const [date, label] of Object.entries(data.workdays)) {
    // A 调休 day in a year without holidays would claim a whole year from one date; drop it
    // (none exist in 1.5.7, which a test checks).
    years.get(yearOf(date))?.adjustedWorkdays.push(toBaseDay(date, label));
  }
  const byDate = (a: CalendarBaseDay, b: CalendarBaseDay) => a.date.localeCompare(b.date);
  return {
    years: [...years.values()]
      .sort((a, b) => a.year - b.year)
      .map((year) => ({
        year: year.year,
        holidays: year.holidays.sort(byDate),
        adjustedWorkdays: year.adjustedWorkdays.sort(byDate),
      })),
  };
}

/** "National Day,国庆节,3" → { date, name: "国庆节" }. */
function toBaseDay(date: IsoDate, label: string): CalendarBaseDay {
  return { date, name: label.split(",")[1] ?? label };
}
