import { regionOfDivisionCode } from "../reference/regions";
import { normalizeCode } from "./normalize";

/** GB 32100-2015 code characters: digits and capitals without I, O, Z, S, V (easily misread). */
export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * 登记管理部门代码 (position 1): GB 32100-2015 附录A plus later assignments (A 军队, N 农村集体经济组织).
 * A code whose first character is not listed here was not issued by any registration authority.
 */
export const CREDIT_CODE_DEPARTMENTS: Readonly<Record<string, string>> = {
  "1": "机构编制",
  "2": "外交",
  "3": "司法行政",
  "4": "文化",
  "5": "民政",
  "6": "旅游",
  "7": "宗教",
  "8": "工会",
  "9": "工商（市场监管）",
  A: "中央军委改革和编制办公室",
  N: "农业",
  Y: "其他",
};

export type CreditCodeInvalidReason = "empty" | "length" | "charset" | "department" | "category" | "division";

export type CreditCodeResult =
  | { status: "valid"; code: string }
  | { status: "warning"; code: string; reason: "checksum"; expected: string; message: string }
  | { status: "invalid"; reason: CreditCodeInvalidReason; message: string };

const FIELD = "统一社会信用代码";

/**
 * Computes the 18th (check) character of a unified social credit code from its first 17 characters
 * (GB 32100-2015: weights 3^i mod 31, check = 31 − sum mod 31, with 31 written as 0).
 *
 * @throws RangeError when `first17` is not 17 characters of the code charset.
 */
export function computeCreditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0)
      throw new RangeError(`"${first17.charAt(i)}" at position ${i + 1} is not a code character`);
    sum += value * (CHECK_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks a 统一社会信用代码 after normalising it (whitespace removed, full-width → half-width,
 * upper-cased).
 *
 * Structure, charset, 登记管理部门 (position 1), 机构类别 (position 2, loosely: a digit 1–9) and the
 * registration authority's division code (positions 3–8: a program region's code, or 100000 for
 * central-level registration) must be right or the result is `invalid`. A wrong check character only
 * gives a `warning`: a few codes issued early in the reform fail the check yet are legally valid, so
 * the user is asked to confirm against the licence instead of being blocked.
 */
export function checkCreditCode(input: string): CreditCodeResult {
  const code = normalizeCode(input);
  if (code === "") return invalid("empty", `请填写${FIELD}`);
  if (code.length !== 18) return invalid("length", `${FIELD}应为18位，当前为${code.length}位`);

  for (let i = 0; i < code.length; i++) {
    const char = code.charAt(i);
    if (!CREDIT_CODE_CHARSET.includes(char)) {
      const hint = /[IOZSV]/.test(char) ? "（代码中不使用字母 I、O、Z、S、V）" : "";
      return invalid("charset", `${FIELD}第${i + 1}位“${char}”不是有效字符${hint}`);
    }
  }

  const department = code.charAt(0);
  if (!(department in CREDIT_CODE_DEPARTMENTS)) {
    return invalid("department", `${FIELD}第1位（登记管理部门代码）“${department}”无效`);
  }
  const category = code.charAt(1);
  if (!/[1-9]/.test(category)) {
    return invalid("category", `${FIELD}第2位（机构类别代码）应为数字1–9，当前为“${category}”`);
  }
  const division = code.slice(2, 8);
  if (division !== "100000" && regionOfDivisionCode(division) === undefined) {
    return invalid("division", `${FIELD}第3–8位（登记管理机关行政区划码）“${division}”无效`);
  }

  const expected = computeCreditCodeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (actual !== expected) {
    return {
      status: "warning",
      code,
      reason: "checksum",
      expected,
      message: `${FIELD}校验位应为“${expected}”，当前为“${actual}”。请与营业执照（登记证书）核对，确认无误后可继续`,
    };
  }
  return { status: "valid", code };
}

function invalid(reason: CreditCodeInvalidReason, message: string): CreditCodeResult {
  return { status: "invalid", reason, message };
}
