import { describe, expect, it } from "vitest";
import {
  addDays,
  assertIsoDate,
  daysInMonth,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  isWeekend,
  toEpochDay,
  yearOf,
} from "./iso-date";

describe("iso dates", () => {
  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2026-09-28")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-9-28")).toBe(false);
    expect(isIsoDate("2026-09-28T00:00:00Z")).toBe(false);
    expect(() => assertIsoDate("2026/09/28")).toThrow(RangeError);
    expect(() => assertIsoDate("2026/09/28")).toThrow("日期格式无效：“2026/09/28”");
  });

  it("knows leap years and month lengths", () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 2100, 1900].map(isLeapYear)).toEqual([false, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2026, 9)).toBe(30);
    expect(daysInMonth(2026, 10)).toBe(31);
  });

  it("converts to and from epoch days without a Date", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("1969-12-31")).toBe(-1);
    expect(toEpochDay("2000-03-01")).toBe(11017);
    // Every day of 1999–2101 round-trips and agrees with Date.UTC (used here only as an oracle).
    const mismatches: string[] = [];
    for (let day = toEpochDay("1999-01-01"); day <= toEpochDay("2101-12-31"); day++) {
      const date = fromEpochDay(day);
      const oracle = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (toEpochDay(date) !== day || oracle !== date) mismatches.push(`${day}: ${date} vs ${oracle}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-09-28", 365)).toBe("2027-09-28");
    expect(yearOf("2027-01-01")).toBe(2027);
  });

  it("gives ISO weekdays", () => {
    expect(isoWeekday("2026-09-28")).toBe(1); // Monday
    expect(isoWeekday("2026-10-10")).toBe(6); // Saturday
    expect(isoWeekday("2026-09-27")).toBe(7); // Sunday
    expect(isoWeekday("2024-02-29")).toBe(4); // Thursday
    expect(isoWeekday("1969-12-31")).toBe(3); // Wednesday, before the epoch
    expect(isWeekend("2026-10-10")).toBe(true);
    expect(isWeekend("2026-10-09")).toBe(false);
  });
});
