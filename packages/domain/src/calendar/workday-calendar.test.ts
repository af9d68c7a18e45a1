import { describe, expect, it } from "vitest";
import { CalendarUnknownYearError } from "./unknown-year-error";
import {
  type CalendarBase,
  createWorkdayCalendar,
  dayInfo,
  isKnownYear,
  isWorkday,
  knownYears,
} from "./workday-calendar";

/** A small synthetic base: 2030 with a 3-day holiday and one adjusted Saturday. */
function buildBase(): CalendarBase {
  return {
    years: [
      {
        year: 2030,
        holidays: [
          { date: "2030-05-01", name: "劳动节" }, // Wednesday
          { date: "2030-05-02", name: "劳动节" },
          { date: "2030-05-04", name: "劳动节" }, // Saturday inside the run
        ],
        adjustedWorkdays: [{ date: "2030-05-11", name: "劳动节" }], // Saturday
      },
    ],
  };
}

describe("createWorkdayCalendar and dayInfo", () => {
  it("describes every kind of day with its source", () => {
    const calendar = createWorkdayCalendar(buildBase());
    expect(dayInfo(calendar, "2030-05-01")).toEqual({
      date: "2030-05-01",
      workday: false,
      kind: "holiday",
      name: "劳动节",
      source: "package",
    });
    expect(dayInfo(calendar, "2030-05-04")).toMatchObject({
      workday: false,
      kind: "holiday",
      source: "package",
    });
    expect(dayInfo(calendar, "2030-05-11")).toEqual({
      date: "2030-05-11",
      workday: true,
      kind: "adjustedWorkday",
      name: "劳动节",
      source: "package",
    });
    expect(dayInfo(calendar, "2030-05-03")).toEqual({
      date: "2030-05-03",
      workday: true,
      kind: "weekday",
      source: "weekday-rule",
    });
    expect(dayInfo(calendar, "2030-05-05")).toEqual({
      date: "2030-05-05",
      workday: false,
      kind: "weekend",
      source: "weekday-rule",
    });
    expect(isWorkday(calendar, "2030-05-11")).toBe(true);
    expect(isWorkday(calendar, "2030-05-02")).toBe(false);
  });

  it("lets an override turn a holiday into a workday and a workday into a holiday", () => {
    const calendar = createWorkdayCalendar(buildBase(), [
      { date: "2030-05-02", kind: "workday" }, // cancelled holiday on a Thursday
      { date: "2030-05-04", kind: "workday", name: "补班" }, // holiday Saturday now worked
      { date: "2030-05-06", kind: "holiday", name: "临时休假" }, // ordinary Monday off
      { date: "2030-05-11", kind: "holiday" }, // adjusted Saturday back to rest, no name
    ]);
    expect(dayInfo(calendar, "2030-05-02")).toEqual({
      date: "2030-05-02",
      workday: true,
      kind: "weekday",
      source: "override",
    });
    expect(dayInfo(calendar, "2030-05-04")).toEqual({
      date: "2030-05-04",
      workday: true,
      kind: "adjustedWorkday",
      name: "补班",
      source: "override",
    });
    expect(dayInfo(calendar, "2030-05-06")).toEqual({
      date: "2030-05-06",
      workday: false,
      kind: "holiday",
      name: "临时休假",
      source: "override",
    });
    expect(dayInfo(calendar, "2030-05-11")).toEqual({
      date: "2030-05-11",
      workday: false,
      kind: "holiday",
      source: "override",
    });
    expect(dayInfo(calendar, "2030-05-01").source).toBe("package");
  });

  it("knows a year only when the base covers it or it is declared complete", () => {
    const overrides = [{ date: "2031-01-01", kind: "holiday" as const, name: "元旦" }];
    const undeclared = createWorkdayCalendar(buildBase(), overrides);
    expect(knownYears(undeclared)).toEqual([2030]);
    expect(isKnownYear(undeclared, 2031)).toBe(false);
    // An override alone does not make 2031 known: not even its own date can be answered.
    expect(() => dayInfo(undeclared, "2031-01-01")).toThrow(CalendarUnknownYearError);
    expect(() => isWorkday(undeclared, "2031-01-02")).toThrow(CalendarUnknownYearError);

    const declared = createWorkdayCalendar(buildBase(), overrides, [
      { year: 2032, complete: true },
      { year: 2031, complete: true },
    ]);
    expect(knownYears(declared)).toEqual([2030, 2031, 2032]);
    expect(dayInfo(declared, "2031-01-01")).toMatchObject({
      workday: false,
      kind: "holiday",
      source: "override",
    });
    expect(dayInfo(declared, "2031-01-02")).toMatchObject({ workday: true, source: "weekday-rule" });
    // A declared year without any override is plain Monday–Friday: the administrator said so.
    expect(isWorkday(declared, "2032-01-01")).toBe(true);
  });

  it("refuses dates in unknown years with a typed, Chinese error", () => {
    const calendar = createWorkdayCalendar(buildBase());
    try {
      dayInfo(calendar, "2029-12-31");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarUnknownYearError);
      expect((error as CalendarUnknownYearError).year).toBe(2029);
      expect((error as CalendarUnknownYearError).code).toBe("calendar_unknown_year");
      expect((error as Error).message).toBe(
        "2029年的节假日安排尚未录入，无法计算工作日，请系统管理员先导入该年度日历",
      );
    }
  });

  it("refuses malformed dates and contradictory input", () => {
    const calendar = createWorkdayCalendar(buildBase());
    expect(() => dayInfo(calendar, "2030-5-1")).toThrow(RangeError);
    expect(() => dayInfo(calendar, "2030-02-29")).toThrow(RangeError);

    const misplaced = buildBase();
    misplaced.years[0]?.holidays.push({ date: "2031-01-01", name: "元旦" });
    expect(() => createWorkdayCalendar(misplaced)).toThrow("2031-01-01 不属于 2030 年");

    const doubled = buildBase();
    doubled.years[0]?.adjustedWorkdays.push({ date: "2030-05-01", name: "劳动节" });
    expect(() => createWorkdayCalendar(doubled)).toThrow("2030-05-01 重复出现");

    expect(() => createWorkdayCalendar(buildBase(), [{ date: "2030-13-01", kind: "holiday" }])).toThrow(
      RangeError,
    );
    expect(() =>
      createWorkdayCalendar(buildBase(), [
        { date: "2030-05-06", kind: "holiday" },
        { date: "2030-05-06", kind: "workday" },
      ]),
    ).toThrow("2030-05-06 出现了两条不一致的记录");
    // The same row twice is harmless.
    const repeated = createWorkdayCalendar(buildBase(), [
      { date: "2030-05-06", kind: "holiday", name: "临时休假" },
      { date: "2030-05-06", kind: "holiday", name: "临时休假" },
    ]);
    expect(isWorkday(repeated, "2030-05-06")).toBe(false);
  });

  it("does not let callers mutate the calendar through dayInfo", () => {
    const calendar = createWorkdayCalendar(buildBase());
    const info = dayInfo(calendar, "2030-05-01");
    info.workday = true;
    expect(isWorkday(calendar, "2030-05-01")).toBe(false);
  });
});
