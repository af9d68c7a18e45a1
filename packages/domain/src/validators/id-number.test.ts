import { describe, expect, it } from "vitest";
import { checkIdNumber, computeIdNumberCheckChar, maskIdNumber } from "./id-number";

const TODAY = new Date(2024, 5, 1); // 2024-06-01, local time

function withCheck(first17: string): string {
  return first17 + computeIdNumberCheckChar(first17);
}

function idFor(birth: string, sequence = "123", prefix = "110105"): string {
  return withCheck(`${prefix}${birth}${sequence}`);
}

describe("computeIdNumberCheckChar", () => {
  it("reproduces the GB 11643-1999 examples", () => {
    expect(computeIdNumberCheckChar("11010519491231002")).toBe("X");
    expect(computeIdNumberCheckChar("44052418800101001")).toBe("4");
  });

  it("rejects input that is not 17 digits", () => {
    expect(() => computeIdNumberCheckChar("1101051949123100")).toThrow(RangeError);
    expect(() => computeIdNumberCheckChar("1101051949123100X")).toThrow(RangeError);
  });
});

describe("checkIdNumber", () => {
  it("accepts the standard's example with check character X", () => {
    expect(checkIdNumber("11010519491231002X", { today: TODAY })).toEqual({
      ok: true,
      value: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "female",
    });
  });

  it("normalises lower-case x, full-width digits and spaces", () => {
    expect(checkIdNumber("11010519491231002x", { today: TODAY })).toMatchObject({
      value: "11010519491231002X",
    });
    expect(checkIdNumber("１１０１０５１９４９１２３１００２Ｘ", { today: TODAY })).toMatchObject({
      ok: true,
    });
    expect(checkIdNumber(" 110105 19491231 002X ", { today: TODAY })).toMatchObject({ ok: true });
  });

  it("reads the sex from the 17th digit", () => {
    expect(checkIdNumber(idFor("19800101", "001"), { today: TODAY })).toMatchObject({ sex: "male" });
    expect(checkIdNumber(idFor("19800101", "002"), { today: TODAY })).toMatchObject({ sex: "female" });
  });

  it("reports an empty field", () => {
    expect(checkIdNumber("")).toEqual({ ok: false, reason: "empty", message: "请填写身份证号" });
  });

  it("rejects 15-digit first-generation numbers by length", () => {
    expect(checkIdNumber("110105491231002")).toEqual({
      ok: false,
      reason: "length",
      message: "身份证号应为18位，当前为15位",
    });
  });

  it("rejects letters other than a final X", () => {
    expect(checkIdNumber("1101051949123100A2")).toEqual({
      ok: false,
      reason: "format",
      message: "身份证号前17位应为数字，最后一位为数字或X",
    });
    expect(checkIdNumber("11010519491231002Y")).toMatchObject({ reason: "format" });
  });

  it("rejects a wrong check character", () => {
    expect(checkIdNumber("110105194912310021", { today: TODAY })).toEqual({
      ok: false,
      reason: "checksum",
      message: "身份证号校验位错误，请核对",
    });
  });

  it.each(["00", "10", "66", "99"])("rejects province prefix %s", (prefix) => {
    expect(checkIdNumber(idFor("19800101", "123", `${prefix}0105`), { today: TODAY })).toEqual({
      ok: false,
      reason: "province",
      message: `身份证号前两位（省级行政区划代码）“${prefix}”无效`,
    });
  });

  it.each(["11", "44", "65", "71", "81", "82", "83"])("accepts province prefix %s", (prefix) => {
    expect(checkIdNumber(idFor("19800101", "123", `${prefix}0105`), { today: TODAY }).ok).toBe(true);
  });

  it.each([
    ["20000229", "2000 is a leap year (divisible by 400)"],
    ["20240229", "2024 is a leap year"],
    ["19960229", "1996 is a leap year"],
  ])("accepts 29 February in %s (%s)", (birth) => {
    expect(checkIdNumber(idFor(birth), { today: TODAY })).toMatchObject({ ok: true });
  });

  it.each([
    ["20230229", "2023 is not a leap year"],
    ["19000229", "1900 is not a leap year (divisible by 100, not 400)"],
    ["19800230", "30 February"],
    ["19800431", "31 April"],
    ["19801301", "month 13"],
    ["19800001", "month 0"],
    ["19800100", "day 0"],
    ["19800132", "day 32"],
  ])("rejects %s (%s)", (birth) => {
    expect(checkIdNumber(idFor(birth), { today: TODAY })).toEqual({
      ok: false,
      reason: "birth_date",
      message: `身份证号中的出生日期“${birth}”不是有效日期`,
    });
  });

  it("accepts a birth date of today and rejects tomorrow", () => {
    expect(checkIdNumber(idFor("20240601"), { today: TODAY })).toMatchObject({
      ok: true,
      birthDate: "2024-06-01",
    });
    expect(checkIdNumber(idFor("20240602"), { today: TODAY })).toEqual({
      ok: false,
      reason: "birth_date_future",
      message: "身份证号中的出生日期晚于今天，请核对",
    });
  });

  it("uses the injected today, not the clock", () => {
    const id = idFor("20240602");
    expect(checkIdNumber(id, { today: new Date(2024, 5, 2) })).toMatchObject({ ok: true });
  });

  it("rejects birth dates before 1900 even with a correct check character", () => {
    expect(checkIdNumber("440524188001010014", { today: TODAY })).toEqual({
      ok: false,
      reason: "birth_date_too_early",
      message: "身份证号中的出生日期早于1900年，请核对",
    });
    expect(checkIdNumber(idFor("19000101"), { today: TODAY })).toMatchObject({ ok: true });
  });
});

describe("maskIdNumber", () => {
  it("keeps the first 3 and last 4 characters", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110***********002X");
    expect(maskIdNumber("11010519491231002x")).toBe("110***********002X");
  });

  it("masks short fragments entirely", () => {
    expect(maskIdNumber("1101051")).toBe("*******");
    expect(maskIdNumber("")).toBe("");
  });
});
