import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_DEPARTMENTS,
  checkCreditCode,
  computeCreditCodeCheckChar,
} from "./credit-code";

// Published codes of well-known bodies; each passes the GB 32100 check, which would be a 1-in-31
// coincidence for a mistyped one.
const REAL_CODES = [
  "91350100M000100Y43", // the example used in GB 32100 guidance material
  "914403001922038216", // 华为技术有限公司
  "91440300708461136T", // 深圳市腾讯计算机系统有限公司
  "91330100799655058B", // 阿里巴巴（中国）有限公司
  "91110108551385082Q", // 小米科技有限责任公司
  "91110000802100433B", // 百度在线网络技术（北京）有限公司
  "11100000000013127D", // a central-level 机关 (division 100000)
];

function withCheck(first17: string): string {
  return first17 + computeCreditCodeCheckChar(first17);
}

describe("computeCreditCodeCheckChar", () => {
  it.each(REAL_CODES)("reproduces the check character of %s", (code) => {
    expect(computeCreditCodeCheckChar(code.slice(0, 17))).toBe(code.slice(17));
  });

  it("writes a check value of 31 as 0", () => {
    // Vary the 17th character until the weighted sum is a multiple of 31: the check must then be "0".
    const zeroCase = [...CREDIT_CODE_CHARSET]
      .map((char) => `9135010000000000${char}`)
      .find((first17) => computeCreditCodeCheckChar(first17) === "0");
    expect(zeroCase).toBeDefined();
    expect(checkCreditCode(`${zeroCase}0`)).toEqual({ status: "valid", code: `${zeroCase}0` });
  });

  it("rejects input that is not 17 code characters", () => {
    expect(() => computeCreditCodeCheckChar("9135010")).toThrow(RangeError);
    expect(() => computeCreditCodeCheckChar("91350100M000100YI")).toThrow(RangeError);
  });
});

describe("checkCreditCode", () => {
  it.each(REAL_CODES)("accepts the real code %s", (code) => {
    expect(checkCreditCode(code)).toEqual({ status: "valid", code });
  });

  it("normalises lower case, full-width characters and spaces", () => {
    expect(checkCreditCode("91350100m000100y43")).toEqual({ status: "valid", code: "91350100M000100Y43" });
    expect(checkCreditCode("９１３５０１００Ｍ０００１００Ｙ４３")).toEqual({
      status: "valid",
      code: "91350100M000100Y43",
    });
    expect(checkCreditCode("  9135 0100 M000 100Y 43\t")).toEqual({
      status: "valid",
      code: "91350100M000100Y43",
    });
  });

  it("reports an empty field", () => {
    expect(checkCreditCode("")).toEqual({
      status: "invalid",
      reason: "empty",
      message: "请填写统一社会信用代码",
    });
    expect(checkCreditCode(" 　 ")).toMatchObject({ status: "invalid", reason: "empty" });
  });

  it("reports the length it found", () => {
    expect(checkCreditCode("91350100M000100Y4")).toEqual({
      status: "invalid",
      reason: "length",
      message: "统一社会信用代码应为18位，当前为17位",
    });
    expect(checkCreditCode("91350100M000100Y433")).toMatchObject({
      reason: "length",
      message: "统一社会信用代码应为18位，当前为19位",
    });
    // The old 15-digit 营业执照注册号 is a common mistake.
    expect(checkCreditCode("350100100012345")).toMatchObject({ reason: "length" });
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the excluded letter %s and says why", (letter) => {
    const result = checkCreditCode(`91350100M000100${letter}43`);
    expect(result).toEqual({
      status: "invalid",
      reason: "charset",
      message: `统一社会信用代码第16位“${letter}”不是有效字符（代码中不使用字母 I、O、Z、S、V）`,
    });
  });

  it("rejects punctuation inside the code", () => {
    expect(checkCreditCode("9135010-M000100Y43")).toEqual({
      status: "invalid",
      reason: "charset",
      message: "统一社会信用代码第8位“-”不是有效字符",
    });
  });

  it.each(Object.keys(CREDIT_CODE_DEPARTMENTS))("accepts registration department %s", (department) => {
    const code = withCheck(`${department}1350100MA2Y00012`);
    expect(checkCreditCode(code)).toEqual({ status: "valid", code });
  });

  it.each(["B", "C", "X", "0"])("rejects unassigned registration department %s", (department) => {
    expect(checkCreditCode(withCheck(`${department}1350100MA2Y00012`))).toEqual({
      status: "invalid",
      reason: "department",
      message: `统一社会信用代码第1位（登记管理部门代码）“${department}”无效`,
    });
  });

  it.each(["0", "A", "Y"])("rejects institution category %s", (category) => {
    expect(checkCreditCode(withCheck(`9${category}350100MA2Y00012`))).toEqual({
      status: "invalid",
      reason: "category",
      message: `统一社会信用代码第2位（机构类别代码）应为数字1–9，当前为“${category}”`,
    });
  });

  it.each([
    ["100000", "central registration"],
    ["110108", "a Beijing district"],
    ["650100", "a Xinjiang city"],
    ["660000", "兵团"],
  ])("accepts division %s (%s)", (division) => {
    const code = withCheck(`91${division}MA2Y00012`);
    expect(checkCreditCode(code).status).toBe("valid");
  });

  it.each(["000000", "990000", "710000", "810000", "1A0000", "101000"])("rejects division %s", (division) => {
    expect(checkCreditCode(withCheck(`91${division}MA2Y00012`))).toEqual({
      status: "invalid",
      reason: "division",
      message: `统一社会信用代码第3–8位（登记管理机关行政区划码）“${division}”无效`,
    });
  });

  it("only warns on a wrong check character, naming the expected one", () => {
    expect(checkCreditCode("91350100M000100Y44")).toEqual({
      status: "warning",
      code: "91350100M000100Y44",
      reason: "checksum",
      expected: "3",
      message: "统一社会信用代码校验位应为“3”，当前为“4”。请与营业执照（登记证书）核对，确认无误后可继续",
    });
  });

  it("warns for a transposition of two characters", () => {
    expect(checkCreditCode("91440300708461163T")).toMatchObject({ status: "warning", reason: "checksum" });
  });

  it("checks structure before the check character", () => {
    // Both the department and the check character are wrong: the blocking error wins.
    expect(checkCreditCode("B1350100M000100Y43")).toMatchObject({ status: "invalid", reason: "department" });
  });
});
