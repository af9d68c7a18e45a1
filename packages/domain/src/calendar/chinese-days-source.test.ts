import chineseDays from "chinese-days";
import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { buildCalendarFromChineseDays } from "./chinese-days-source";
import { addDays } from "./iso-date";
import { CalendarUnknownYearError } from "./unknown-year-error";
import { createWorkdayCalendar, dayInfo, knownYears } from "./workday-calendar";

const base = buildCalendarFromChineseDays();
const calendar = createWorkdayCalendar(base);

describe("buildCalendarFromChineseDays", () => {
  it("covers exactly the years chinese-days 1.5.7 has arrangements for: 2004–2026", () => {
    expect(knownYears(calendar)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(() => dayInfo(calendar, "2027-01-04")).toThrow(CalendarUnknownYearError);
    expect(() => dayInfo(calendar, "2003-12-31")).toThrow(CalendarUnknownYearError);
  });

  it("keeps every holiday and adjusted workday of the package, none dropped", () => {
    const holidays = base.years.flatMap((year) => year.holidays);
    const adjusted = base.years.flatMap((year) => year.adjustedWorkdays);
    expect(holidays).toHaveLength(Object.keys(chineseDaysData.holidays).length);
    expect(adjusted).toHaveLength(Object.keys(chineseDaysData.workdays).length);
    // A cross-year 调休: the 2012 arrangement made Saturday 2011-12-31 a working day.
    expect(dayInfo(calendar, "2011-12-31")).toMatchObject({
      workday: true,
      kind: "adjustedWorkday",
      name: "元旦",
    });
  });

  // The package's functions build their tables in the host's time zone and shift every holiday a
  // day earlier west of UTC (TZ=America/New_York: 2026-09-30 becomes 国庆节), so they are only an
  // oracle where the offset is UTC or east of it. The JSON the adapter reads has no such shift.
  const hostIsWestOfUtc = new Date(2026, 0, 1).getTimezoneOffset() > 0;

  it.skipIf(hostIsWestOfUtc)(
    "agrees with the package's own isWorkday on every day of every covered year",
    () => {
      const disagreements: string[] = [];
      for (let date = "2004-01-01"; date <= "2026-12-31"; date = addDays(date, 1)) {
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        // Local noon, because the package reads dates in the host's time zone.
        const packageSays = chineseDays.isWorkday(new Date(y, m - 1, d, 12));
        if (packageSays !== dayInfo(calendar, date).workday) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    },
  );

  it("reads the 2026 National Day arrangement with Chinese names", () => {
    expect(dayInfo(calendar, "2026-10-01")).toEqual({
      date: "2026-10-01",
      workday: false,
      kind: "holiday",
      name: "国庆节",
      source: "package",
    });
    expect(dayInfo(calendar, "2026-09-27")).toMatchObject({ workday: false, kind: "holiday", name: "中秋" });
    expect(dayInfo(calendar, "2026-09-20")).toMatchObject({
      workday: true,
      kind: "adjustedWorkday",
      name: "国庆节",
    });
    expect(dayInfo(calendar, "2026-10-10")).toMatchObject({
      workday: true,
      kind: "adjustedWorkday",
      name: "国庆节",
    });
    expect(dayInfo(calendar, "2026-10-11")).toMatchObject({
      workday: false,
      kind: "weekend",
      source: "weekday-rule",
    });
    expect(dayInfo(calendar, "2015-09-03").name).toBe("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日");
  });

  it("documents why the package API is not trusted for unknown years", () => {
    // chinese-days has no 2027 data yet answers Monday–Friday; the calendar refuses instead.
    expect(chineseDays.isWorkday(new Date(2027, 9, 1, 12))).toBe(true); // a Friday, in any zone
    expect(() => dayInfo(calendar, "2027-10-01")).toThrow("2027年的节假日安排尚未录入");
  });
});
