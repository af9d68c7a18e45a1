import { describe, expect, it } from "vitest";
import { addWorkdays, countWorkdaysBetween } from "./add-workdays";
import { buildCalendarFromChineseDays } from "./chinese-days-source";
import { addDays } from "./iso-date";
import { CalendarUnknownYearError } from "./unknown-year-error";
import { type CalendarOverride, type CalendarYear, createWorkdayCalendar } from "./workday-calendar";

function buildCalendar(overrides: CalendarOverride[] = [], years: CalendarYear[] = []) {
  return createWorkdayCalendar(buildCalendarFromChineseDays(), overrides, years);
}

function expectUnknownYear(run: () => unknown, year: number) {
  try {
    run();
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarUnknownYearError);
    expect((error as CalendarUnknownYearError).year).toBe(year);
    expect((error as Error).message).toBe(
      `${year}年的节假日安排尚未录入，无法计算工作日，请系统管理员先导入该年度日历`,
    );
  }
}

describe("addWorkdays with the real 2026 arrangement", () => {
  const calendar = buildCalendar();

  it("ends a 5-working-day notice starting 2026-09-28 on 2026-10-09", () => {
    // 09-28, 09-29, 09-30, (国庆 10-01…10-07), 10-08, 10-09. The 调休 Sunday 09-20 is before
    // the start and the 调休 Saturday 10-10 after day 5.
    expect(addWorkdays(calendar, "2026-09-28", 5)).toBe("2026-10-09");
    expect(countWorkdaysBetween(calendar, "2026-09-28", "2026-10-09")).toBe(5);
    expect(addWorkdays(calendar, "2026-09-28", 6)).toBe("2026-10-10");
    expect(addWorkdays(calendar, "2026-09-28", 1)).toBe("2026-09-28");
  });

  it("skips the 2026 Spring Festival and counts its adjusted Saturdays", () => {
    // Thu 02-12, Fri 02-13, Sat 02-14 (调休上班), 春节 02-15…02-23, Tue 02-24, Wed 02-25.
    expect(addWorkdays(calendar, "2026-02-12", 5)).toBe("2026-02-25");
    // Started on the adjusted Saturday itself, that Saturday is day 1.
    expect(addWorkdays(calendar, "2026-02-14", 1)).toBe("2026-02-14");
    expect(addWorkdays(calendar, "2026-02-14", 2)).toBe("2026-02-24");
    // Sat 02-28 is the second 调休 day of the Spring Festival: Thu 26, Fri 27, Sat 28, Mon 03-02.
    expect(addWorkdays(calendar, "2026-02-26", 4)).toBe("2026-03-02");
    expect(countWorkdaysBetween(calendar, "2026-02-14", "2026-02-28")).toBe(6);
  });

  it("starts counting on the next working day when the start is a weekend", () => {
    expect(addWorkdays(calendar, "2026-03-07", 5)).toBe("2026-03-13"); // Saturday → Mon…Fri
    expect(addWorkdays(calendar, "2026-03-08", 1)).toBe("2026-03-09"); // Sunday → Monday
  });

  it("starts counting on the next working day when the start is a holiday", () => {
    // 10-01 is 国庆节: 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13.
    expect(addWorkdays(calendar, "2026-10-01", 5)).toBe("2026-10-13");
    expect(addWorkdays(calendar, "2026-09-25", 1)).toBe("2026-09-28"); // 中秋 Friday → Monday
  });

  it("never returns a non-working day", () => {
    for (let start = "2026-01-01"; start <= "2026-12-01"; start = addDays(start, 1)) {
      for (const n of [1, 3, 5, 10]) {
        const end = addWorkdays(calendar, start, n);
        expect(countWorkdaysBetween(calendar, end, end)).toBe(1);
        // countWorkdaysBetween is the inverse of addWorkdays, whatever kind of day start is.
        expect(countWorkdaysBetween(calendar, start, end)).toBe(n);
      }
    }
  });

  it("can leave the start day out (民法典 第二百零一条)", () => {
    expect(addWorkdays(calendar, "2026-09-28", 5, { countStartDay: false })).toBe("2026-10-10");
    // On a non-working start day the option changes nothing.
    expect(addWorkdays(calendar, "2026-10-01", 5, { countStartDay: false })).toBe("2026-10-13");
  });

  it("handles leap days", () => {
    // 2024-02-29 is a Thursday; the Spring Festival ended with the 调休 Sunday 02-18.
    expect(addWorkdays(calendar, "2024-02-28", 3)).toBe("2024-03-01");
    expect(addWorkdays(calendar, "2024-02-29", 1)).toBe("2024-02-29");
    expect(countWorkdaysBetween(calendar, "2024-02-26", "2024-03-01")).toBe(5);
    const with2028 = buildCalendar(
      [],
      [
        { year: 2027, complete: true },
        { year: 2028, complete: true },
      ],
    );
    expect(addWorkdays(with2028, "2028-02-28", 2)).toBe("2028-02-29");
    expect(addWorkdays(with2028, "2028-02-25", 2)).toBe("2028-02-28");
  });
});

describe("addWorkdays with overrides", () => {
  it("counts a workday turned into a holiday as a day off", () => {
    const calendar = buildCalendar([{ date: "2026-09-29", kind: "holiday", name: "临时休假" }]);
    // 09-28, 09-30, 10-08, 10-09, 10-10 (调休 Saturday).
    expect(addWorkdays(calendar, "2026-09-28", 5)).toBe("2026-10-10");
  });

  it("counts a holiday turned into a workday as a working day", () => {
    const calendar = buildCalendar([{ date: "2026-10-07", kind: "workday" }]);
    expect(addWorkdays(calendar, "2026-09-28", 5)).toBe("2026-10-08");
  });

  it("counts a weekend turned into a workday", () => {
    const calendar = buildCalendar([{ date: "2026-03-07", kind: "workday", name: "补班" }]);
    expect(addWorkdays(calendar, "2026-03-06", 2)).toBe("2026-03-07");
  });
});

describe("addWorkdays refuses unknown years", () => {
  const calendar = buildCalendar();

  it("refuses a period crossing into 2027", () => {
    expectUnknownYear(() => addWorkdays(calendar, "2026-12-28", 5), 2027);
    expectUnknownYear(() => countWorkdaysBetween(calendar, "2026-12-28", "2027-01-04"), 2027);
  });

  it("does not refuse a period that ends on the last day of a known year", () => {
    expect(addWorkdays(calendar, "2026-12-25", 5)).toBe("2026-12-31");
  });

  it("refuses a start date in an unknown year, whether or not the start counts", () => {
    expectUnknownYear(() => addWorkdays(calendar, "2027-03-01", 1), 2027);
    expectUnknownYear(() => addWorkdays(calendar, "2003-12-31", 1, { countStartDay: false }), 2003);
  });

  it("refuses 2027 even with overrides until the year is declared complete", () => {
    const overrides: CalendarOverride[] = [{ date: "2027-01-01", kind: "holiday", name: "元旦" }];
    expectUnknownYear(() => addWorkdays(buildCalendar(overrides), "2026-12-28", 5), 2027);
    const declared = buildCalendar(overrides, [{ year: 2027, complete: true }]);
    // 12-28…12-31, 元旦 Friday 2027-01-01, weekend, Monday 2027-01-04.
    expect(addWorkdays(declared, "2026-12-28", 5)).toBe("2027-01-04");
    expect(countWorkdaysBetween(declared, "2026-12-28", "2027-01-04")).toBe(5);
    // The next unknown year is refused in turn.
    expectUnknownYear(() => addWorkdays(declared, "2027-12-27", 10), 2028);
  });
});

describe("addWorkdays and countWorkdaysBetween refuse bad arguments", () => {
  const calendar = buildCalendar();

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses n = %s", (n) => {
    expect(() => addWorkdays(calendar, "2026-09-28", n)).toThrow(RangeError);
    expect(() => addWorkdays(calendar, "2026-09-28", n)).toThrow("工作日天数必须是正整数");
  });

  it("refuses malformed dates and reversed ranges", () => {
    expect(() => addWorkdays(calendar, "2026-9-28", 5)).toThrow(RangeError);
    expect(() => countWorkdaysBetween(calendar, "2026-10-09", "2026-09-28")).toThrow(
      "起始日期 2026-10-09 不能晚于结束日期 2026-09-28",
    );
    expect(() => countWorkdaysBetween(calendar, "2026-09-28", "2026-10-32")).toThrow(RangeError);
    expect(countWorkdaysBetween(calendar, "2026-10-01", "2026-10-07")).toBe(0);
  });
});
