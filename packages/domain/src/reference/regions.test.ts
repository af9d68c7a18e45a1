import { describe, expect, it } from "vitest";
import {
  isRegionCode,
  NON_PROGRAM_REGIONS,
  REGIONS,
  regionCodes,
  regionName,
  regionOfDivisionCode,
  regionShortName,
} from "./regions";

describe("REGIONS", () => {
  it("has the 31 provincial-level divisions plus 兵团", () => {
    expect(REGIONS).toHaveLength(32);
    expect(REGIONS.filter((r) => r.type !== "corps")).toHaveLength(31);
    expect(REGIONS.map((r) => r.code)).toEqual([...regionCodes]);
  });

  it("counts 22 provinces (台湾 being the 23rd), 5 autonomous regions and 4 municipalities", () => {
    const count = (type: string) => REGIONS.filter((r) => r.type === type).length;
    expect([count("province"), count("autonomous_region"), count("municipality"), count("corps")]).toEqual([
      22, 5, 4, 1,
    ]);
  });

  it("has unique codes, names and short names, all codes ending in 0000", () => {
    for (const key of ["code", "name", "shortName"] as const) {
      expect(new Set(REGIONS.map((r) => r[key])).size).toBe(32);
    }
    for (const region of REGIONS) expect(region.code).toMatch(/^[1-6]\d0000$/);
  });

  it("leaves 台湾, 香港 and 澳门 out of the program list", () => {
    expect(NON_PROGRAM_REGIONS.map((r) => r.code)).toEqual(["710000", "810000", "820000"]);
    for (const region of NON_PROGRAM_REGIONS) {
      expect(isRegionCode(region.code)).toBe(false);
      expect(regionName(region.code)).toBeUndefined();
    }
  });

  it.each([
    ["110000", "北京市", "北京"],
    ["310000", "上海市", "上海"],
    ["440000", "广东省", "广东"],
    ["450000", "广西壮族自治区", "广西"],
    ["500000", "重庆市", "重庆"],
    ["540000", "西藏自治区", "西藏"],
    ["640000", "宁夏回族自治区", "宁夏"],
    ["650000", "新疆维吾尔自治区", "新疆"],
    ["660000", "新疆生产建设兵团", "兵团"],
  ])("names %s %s (%s)", (code, name, shortName) => {
    expect(isRegionCode(code)).toBe(true);
    expect(regionName(code)).toBe(name);
    expect(regionShortName(code)).toBe(shortName);
  });

  it.each(["", "11", "110100", "000000", "190000", "990000"])("does not know %j", (code) => {
    expect(isRegionCode(code)).toBe(false);
    expect(regionName(code)).toBeUndefined();
    expect(regionShortName(code)).toBeUndefined();
  });
});

describe("regionOfDivisionCode", () => {
  it.each([
    ["110105", "110000"],
    ["440305", "440000"],
    ["440000", "440000"],
    ["659001", "650000"],
    ["660100", "660000"],
  ])("maps %s to %s", (division, region) => {
    expect(regionOfDivisionCode(division)).toBe(region);
  });

  it.each(["", "4403", "4403051", "44030X", "100000", "710100", "990101"])(
    "returns undefined for %j",
    (code) => {
      expect(regionOfDivisionCode(code)).toBeUndefined();
    },
  );
});
