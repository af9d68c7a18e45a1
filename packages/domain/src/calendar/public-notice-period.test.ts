import { describe, expect, it } from "vitest";
import { buildCalendarFromChineseDays } from "./chinese-days-source";
import { publicNoticePeriod } from "./public-notice-period";
import { CalendarUnknownYearError } from "./unknown-year-error";
import { createWorkdayCalendar } from "./workday-calendar";

const calendar = createWorkdayCalendar(buildCalendarFromChineseDays());

describe("publicNoticePeriod", () => {
  it("runs a 5-working-day notice published 2026-09-28 until 24:00 Beijing on 2026-10-09", () => {
    expect(publicNoticePeriod(calendar, "2026-09-28T09:00:00+08:00", 5)).toEqual({
      startsAt: "2026-09-28T01:00:00.000Z",
      endsAt: "2026-10-09T16:00:00.000Z",
      firstDay: "2026-09-28",
      lastDay: "2026-10-09",
    });
  });

  it("reads the publication day in Beijing, not in UTC", () => {
    // 00:30 on Monday 09-28 in Beijing is still Sunday in UTC.
    expect(publicNoticePeriod(calendar, "2026-09-27T16:30:00Z", 5).firstDay).toBe("2026-09-28");
    // 13:00 in New York on 09-27 is 02:00 on 09-28 in Beijing.
    expect(publicNoticePeriod(calendar, "2026-09-27T13:00:00-05:00", 5).lastDay).toBe("2026-10-09");
    // The last millisecond of 09-30 in Beijing counts 09-30; the next one starts on 国庆节.
    expect(publicNoticePeriod(calendar, "2026-09-30T15:59:59.999Z", 5)).toMatchObject({
      startsAt: "2026-09-30T15:59:59.999Z",
      firstDay: "2026-09-30",
      lastDay: "2026-10-12",
      endsAt: "2026-10-12T16:00:00.000Z",
    });
    expect(publicNoticePeriod(calendar, "2026-09-30T16:00:00Z", 5)).toMatchObject({
      firstDay: "2026-10-08",
      lastDay: "2026-10-13",
    });
  });

  it("keeps the publication instant even when counting starts later", () => {
    expect(publicNoticePeriod(calendar, "2026-10-01T10:15:30.5+08:00", 1)).toEqual({
      startsAt: "2026-10-01T02:15:30.500Z",
      endsAt: "2026-10-08T16:00:00.000Z",
      firstDay: "2026-10-08",
      lastDay: "2026-10-08",
    });
  });

  it("passes countStartDay through", () => {
    expect(
      publicNoticePeriod(calendar, "2026-09-28T09:00:00+08:00", 5, { countStartDay: false }),
    ).toMatchObject({
      firstDay: "2026-09-29",
      lastDay: "2026-10-10",
      endsAt: "2026-10-10T16:00:00.000Z",
    });
  });

  it("ends at the start of 1 January when the last day is 31 December", () => {
    expect(publicNoticePeriod(calendar, "2026-12-25T09:00:00+08:00", 5).endsAt).toBe(
      "2026-12-31T16:00:00.000Z",
    );
  });

  it("refuses a period reaching 2027", () => {
    expect(() => publicNoticePeriod(calendar, "2026-12-28T09:00:00+08:00", 5)).toThrow(
      CalendarUnknownYearError,
    );
  });

  it.each([
    "2026-09-28T09:00:00",
    "2026-09-28",
    "2026-02-30T09:00:00+08:00",
    "2026-09-28T24:00:00Z",
    "2026-09-28T09:60:00Z",
    "2026-09-28T09:00:60Z",
    "2026-09-28T09:00:00+24:00",
    "2026-09-28T09:00:00+08:60",
    "2026-09-28 09:00:00+08:00",
  ])("refuses the instant %s", (instant) => {
    expect(() => publicNoticePeriod(calendar, instant, 5)).toThrow(RangeError);
    expect(() => publicNoticePeriod(calendar, instant, 5)).toThrow("应为带时区的 ISO 8601 时间");
  });

  it("refuses a non-positive number of working days", () => {
    expect(() => publicNoticePeriod(calendar, "2026-09-28T09:00:00+08:00", 0)).toThrow(
      "工作日天数必须是正整数",
    );
  });
});
