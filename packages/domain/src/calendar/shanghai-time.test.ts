import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromShanghaiWallClock,
  SHANGHAI_OFFSET_MS,
  shanghaiChineseDate,
  shanghaiChineseDateTime,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiDayStart,
  shanghaiMidnight,
  shanghaiOffsetInstant,
  shanghaiWallClock,
} from "./shanghai-time";

/** What the ICU time-zone database says, to hold the fixed-offset arithmetic against. */
const intlParts = (instant: Date) => {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}:${get("second")}`,
  };
};

// 1992 onwards: China dropped daylight saving after 1991.
const instants = fc.date({
  min: new Date("1992-01-01T00:00:00Z"),
  max: new Date("2100-12-31T23:59:59Z"),
  noInvalidDate: true,
});

describe("shanghai-time", () => {
  it("a Beijing day begins at 16:00 UTC of the day before", () => {
    expect(shanghaiDate(new Date("2026-12-06T15:59:59.999Z"))).toBe("2026-12-06");
    expect(shanghaiDate(new Date("2026-12-06T16:00:00.000Z"))).toBe("2026-12-07");
    expect(shanghaiMidnight("2026-12-07")).toBe("2026-12-06T16:00:00.000Z");
    expect(shanghaiDayStart("2026-09-28")).toBe("2026-09-28T00:00:00+08:00");
    expect(Date.parse(shanghaiDayStart("2026-09-28"))).toBe(Date.parse(shanghaiMidnight("2026-09-28")));
  });

  it("crosses the year at 16:00 UTC on 31 December, leap days included", () => {
    expect(shanghaiDate(new Date("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
    expect(shanghaiDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(shanghaiMidnight("2027-01-01")).toBe("2026-12-31T16:00:00.000Z");
    expect(shanghaiDateTime("2026-12-31T16:00:00Z")).toBe("2027-01-01 00:00:00");
    expect(shanghaiChineseDateTime("2026-12-31T15:59:59Z")).toBe("2026年12月31日 23:59:59");
    expect(shanghaiDate(new Date("2028-02-28T16:00:00Z"))).toBe("2028-02-29");
    expect(shanghaiMidnight("2028-03-01")).toBe("2028-02-29T16:00:00.000Z");
  });

  it("keeps UTC+8 all year: no daylight-saving shift in summer", () => {
    for (const month of ["01", "03", "04", "07", "10", "11"]) {
      const instant = `2026-${month}-15T04:00:00Z`;
      expect(shanghaiDateTime(instant)).toBe(`2026-${month}-15 12:00:00`);
      expect(shanghaiOffsetInstant(instant)).toBe(`2026-${month}-15T12:00:00+08:00`);
    }
  });

  it("agrees with the time-zone database for any instant since 1992", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const intl = intlParts(instant);
        expect(shanghaiDate(instant)).toBe(intl.date);
        expect(shanghaiDateTime(instant.toISOString())).toBe(`${intl.date} ${intl.time}`);
        expect(Date.parse(shanghaiOffsetInstant(instant))).toBe(Math.floor(instant.getTime() / 1000) * 1000);
      }),
    );
  });

  it("writes dates and times in Chinese as the zh-CN long format does", () => {
    const longFormat = new Intl.DateTimeFormat("zh-CN", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    fc.assert(
      fc.property(instants, (instant) => {
        expect(shanghaiChineseDateTime(instant)).toBe(longFormat.format(instant));
      }),
    );
    expect(shanghaiChineseDate(new Date("2026-04-03T15:59:59Z"))).toBe("2026年4月3日");
    expect(shanghaiChineseDate(new Date("2026-04-03T16:00:00Z"))).toBe("2026年4月4日");
  });

  it("moves between instants and Beijing wall clocks both ways", () => {
    const instant = Date.parse("2026-06-30T20:30:00Z");
    const wall = new Date(shanghaiWallClock(instant));
    expect([wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()]).toEqual([1, 4, 30]);
    expect(fromShanghaiWallClock(shanghaiWallClock(instant))).toBe(instant);
    expect(SHANGHAI_OFFSET_MS).toBe(28_800_000);
  });

  it("leaves text that is no time as it is, and refuses it where a time is required", () => {
    expect(shanghaiDateTime("未知")).toBe("未知");
    expect(() => shanghaiDate("not a time")).toThrow(RangeError);
    expect(() => shanghaiChineseDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
