import { describe, expect, it } from "vitest";
import { shanghaiDate, shanghaiMidnight } from "../calendar/shanghai-time";
import {
  activeBarsReason,
  barOpensOn,
  barReasonText,
  describeBar,
  isBarActive,
  isBarActiveOn,
  reapplicationBarUntil,
} from "./reapplication-bar";

/** An Asia/Shanghai wall-clock time as a Date. */
const at = (local: string) => new Date(`${local}+08:00`);
const reason = "考核评估不通过：培训质量不达标";

describe("reapplicationBarUntil: 3 years counted as the Civil Code counts them", () => {
  it("ends at 00:00 Shanghai of the day after the same date three years on, whatever the hour", () => {
    for (const decided of ["2026-01-01T00:00:00", "2026-01-01T10:00:00", "2026-01-01T23:59:59"]) {
      expect(reapplicationBarUntil(at(decided).toISOString(), 3), decided).toBe("2029-01-01T16:00:00.000Z");
    }
    expect(barOpensOn("2029-01-01T16:00:00.000Z")).toBe("2029-01-02");
  });

  it("takes the Shanghai date of the decision, not the UTC one", () => {
    // 2026-03-09T17:30Z is 01:30 on 10 March in Shanghai: the decision day is 10 March.
    expect(barOpensOn(reapplicationBarUntil("2026-03-09T17:30:00Z", 3))).toBe("2029-03-11");
    expect(barOpensOn(reapplicationBarUntil("2026-03-09T15:59:59Z", 3))).toBe("2029-03-10");
  });

  it("ends a 29 February decision on 28 February of a common year, and crosses month ends", () => {
    expect(barOpensOn(reapplicationBarUntil(at("2028-02-29T09:00:00").toISOString(), 3))).toBe("2031-03-01");
    expect(barOpensOn(reapplicationBarUntil(at("2028-02-29T09:00:00").toISOString(), 4))).toBe("2032-03-01");
    expect(barOpensOn(reapplicationBarUntil(at("2026-12-31T09:00:00").toISOString(), 3))).toBe("2030-01-01");
    expect(barOpensOn(reapplicationBarUntil(at("2026-04-30T09:00:00").toISOString(), 1))).toBe("2027-05-01");
  });

  it("refuses a bad instant or year count", () => {
    expect(() => reapplicationBarUntil("昨天", 3)).toThrow(RangeError);
    expect(() => reapplicationBarUntil("2026-01-01T00:00:00Z", 0)).toThrow(RangeError);
    expect(() => reapplicationBarUntil("2026-01-01T00:00:00Z", 2.5)).toThrow(RangeError);
  });
});

describe("the bar's end is the instant its message names", () => {
  const bar = { until: reapplicationBarUntil(at("2026-01-01T10:00:00").toISOString(), 3), reason };

  it("holds one second before 00:00 Shanghai of the named day and is open at and after it", () => {
    expect(describeBar(bar)).toBe("2029年1月2日前不得再次申报（考核评估不通过：培训质量不达标）");
    expect(isBarActive(bar, at("2029-01-01T10:00:00"))).toBe(true);
    expect(isBarActive(bar, at("2029-01-01T23:59:59"))).toBe(true);
    expect(isBarActive(bar, new Date(at("2029-01-02T00:00:00").getTime() - 1))).toBe(true);
    expect(isBarActive(bar, at("2029-01-02T00:00:00"))).toBe(false);
    expect(isBarActive(bar, at("2029-01-02T00:00:01"))).toBe(false);
    // Midnight in Shanghai is 16:00 UTC the day before: a UTC reading would be a day off.
    expect(isBarActive(bar, new Date("2029-01-01T15:59:59Z"))).toBe(true);
    expect(isBarActive(bar, new Date("2029-01-01T16:00:00Z"))).toBe(false);
  });

  it("agrees with the day-based check on every boundary day", () => {
    expect(isBarActiveOn(bar, "2029-01-01")).toBe(true);
    expect(isBarActiveOn(bar, "2029-01-02")).toBe(false);
    for (const instant of ["2029-01-01T23:59:59", "2029-01-02T00:00:00", "2029-01-02T00:00:01"]) {
      const now = at(instant);
      expect(isBarActiveOn(bar, shanghaiDate(now)), instant).toBe(isBarActive(bar, now));
    }
  });

  it("reads a bar stored mid-day (before the end was made exact) as holding for the rest of that day", () => {
    // 2029-01-01 10:00 Shanghai: the old end. The message names 1月2日 and the bar holds until then.
    const legacy = { until: "2029-01-01T02:00:00.000Z", reason };
    expect(barOpensOn(legacy.until)).toBe("2029-01-02");
    expect(describeBar(legacy)).toBe("2029年1月2日前不得再次申报（考核评估不通过：培训质量不达标）");
    expect(isBarActive(legacy, at("2029-01-01T10:00:01"))).toBe(true);
    expect(isBarActive(legacy, at("2029-01-01T23:59:59"))).toBe(true);
    expect(isBarActive(legacy, at("2029-01-02T00:00:00"))).toBe(false);
  });

  it("takes a date-only end as the first open day", () => {
    const dated = { until: "2029-01-01", reason };
    expect(describeBar(dated)).toBe("2029年1月1日前不得再次申报（考核评估不通过：培训质量不达标）");
    expect(isBarActive(dated, at("2028-12-31T23:59:59"))).toBe(true);
    expect(isBarActive(dated, at("2029-01-01T00:00:00"))).toBe(false);
    expect(shanghaiMidnight("2029-01-01")).toBe("2028-12-31T16:00:00.000Z");
  });

  it("never lets an unreadable end lapse", () => {
    expect(barOpensOn("三年后")).toBeNull();
    expect(isBarActive({ until: "三年后" }, at("2099-01-01T00:00:00"))).toBe(true);
    expect(isBarActiveOn({ until: "三年后" }, "2099-01-01")).toBe(true);
  });
});

describe("barReasonText and activeBarsReason", () => {
  it("says 考核评估不通过 once", () => {
    expect(barReasonText("考核评估不通过：培训质量不达标")).toBe("考核评估不通过：培训质量不达标");
    expect(barReasonText("考核评估不通过：考核评估不通过：培训质量不达标")).toBe(
      "考核评估不通过：培训质量不达标",
    );
    expect(barReasonText("考核评估不通过: 考核评估不通过，培训质量不达标")).toBe(
      "考核评估不通过：培训质量不达标",
    );
    expect(barReasonText("考核评估不通过")).toBe("考核评估不通过");
    expect(barReasonText("弄虚作假，移出目录")).toBe("弄虚作假，移出目录");
  });

  it("describes the bars holding today, latest end first, each once", () => {
    const bars = [
      { until: "2027-01-01", reason: "考核评估不通过：甲" },
      { until: "2026-01-01", reason: "已过期" },
      { until: "2029-01-01", reason: "考核评估不通过：乙" },
      { until: "2029-01-01", reason: "考核评估不通过：考核评估不通过：乙" },
    ];
    expect(activeBarsReason(bars, "2026-06-01")).toBe(
      "2029年1月1日前不得再次申报（考核评估不通过：乙）；2027年1月1日前不得再次申报（考核评估不通过：甲）",
    );
    expect(activeBarsReason(bars, "2029-01-01")).toBeNull();
    expect(activeBarsReason([], "2026-06-01")).toBeNull();
  });
});
