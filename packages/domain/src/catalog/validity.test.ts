import { describe, expect, it } from "vitest";
import { catalogStatus, validUntil } from "./validity";

describe("validUntil", () => {
  it("adds whole years to the approval instant", () => {
    expect(validUntil("2026-10-12T02:30:00.000Z", 3)).toBe("2029-10-12T02:30:00.000Z");
  });

  it("counts the date in Asia/Shanghai, not UTC", () => {
    // 2026-12-31 23:30 in Beijing is 15:30 UTC the same day; the end keeps the Beijing date.
    expect(validUntil("2026-12-31T15:30:00.000Z", 3)).toBe("2029-12-31T15:30:00.000Z");
    // 2027-01-01 00:30 Beijing = 2026-12-31 16:30 UTC.
    expect(validUntil("2026-12-31T16:30:00.000Z", 3)).toBe("2029-12-31T16:30:00.000Z");
  });

  it("ends a 29 February approval on 28 February", () => {
    expect(validUntil("2028-02-29T04:00:00.000Z", 3)).toBe("2031-02-28T04:00:00.000Z");
    expect(validUntil("2028-02-29T04:00:00.000Z", 4)).toBe("2032-02-29T04:00:00.000Z");
  });

  it("refuses nonsense", () => {
    expect(() => validUntil("not a date", 3)).toThrow(RangeError);
    expect(() => validUntil("2026-01-01T00:00:00Z", 0)).toThrow("有效期年限应为正整数");
  });
});

describe("catalogStatus", () => {
  const entry = { validUntil: "2029-10-12T02:30:00.000Z", suspended: false, removed: false };
  it("is valid until 90 days before the end, then expiring, then expired", () => {
    expect(catalogStatus(entry, new Date("2029-07-13T02:29:59Z"))).toBe("valid");
    expect(catalogStatus(entry, new Date("2029-07-14T02:30:00Z"))).toBe("expiring");
    expect(catalogStatus(entry, new Date("2029-10-12T02:29:59Z"))).toBe("expiring");
    expect(catalogStatus(entry, new Date("2029-10-12T02:30:00Z"))).toBe("expired");
  });

  it("lets a recorded suspension or removal win", () => {
    expect(catalogStatus({ ...entry, suspended: true }, new Date("2027-01-01Z"))).toBe("suspended");
    expect(catalogStatus({ ...entry, suspended: true, removed: true }, new Date("2027-01-01Z"))).toBe(
      "removed",
    );
  });
});
