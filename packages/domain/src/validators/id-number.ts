import { REGIONS } from "../reference/regions";
import { normalizeCode } from "./normalize";

const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/**
 * First two digits a resident identity number may start with: the 31 mainland provincial-level
 * divisions, plus 71/81/82/83 used by 台湾/香港/澳门 residents' 居住证 numbers (same format and check),
 * which people may legitimately enter as their ID. 兵团 has no prefix of its own (its people hold 65…).
 */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...REGIONS.filter((region) => region.type !== "corps").map((region) => region.code.slice(0, 2)),
  "71",
  "81",
  "82",
  "83",
]);

export type IdNumberInvalidReason =
  | "empty"
  | "length"
  | "format"
  | "province"
  | "birth_date"
  | "birth_date_future"
  | "birth_date_too_early"
  | "checksum";

export type Sex = "male" | "female";

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: Sex }
  | { ok: false; reason: IdNumberInvalidReason; message: string };

const FIELD = "身份证号";

/**
 * Computes the check character (0–9 or X) of an 18-digit resident identity number from its first 17
 * digits (GB 11643-1999, ISO 7064 MOD 11-2). Used by `checkIdNumber` and by test factories.
 *
 * @throws RangeError when `first17` is not 17 digits.
 */
export function computeIdNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("expected 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (CHECK_WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Checks an 18-character 居民身份证号 (GB 11643-1999) after normalising it (whitespace removed,
 * full-width → half-width, x → X): province prefix, birth date (a real calendar date, from 1900-01-01
 * up to `today` inclusive) and check character. `today` defaults to now; its calendar date is read in
 * the runtime's local time zone. Returns the birth date as YYYY-MM-DD and the sex (odd 17th digit =
 * male). The 15-digit first-generation numbers expired in 2013 and are rejected.
 */
export function checkIdNumber(input: string, opts: { today?: Date } = {}): IdNumberResult {
  const value = normalizeCode(input);
  if (value === "") return invalid("empty", `请填写${FIELD}`);
  if (value.length !== 18) return invalid("length", `${FIELD}应为18位，当前为${value.length}位`);
  if (!/^\d{17}[\dX]$/.test(value)) return invalid("format", `${FIELD}前17位应为数字，最后一位为数字或X`);
  if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) {
    return invalid("province", `${FIELD}前两位（省级行政区划代码）“${value.slice(0, 2)}”无效`);
  }

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isCalendarDate(year, month, day)) {
    return invalid("birth_date", `${FIELD}中的出生日期“${value.slice(6, 14)}”不是有效日期`);
  }
  if (year < 1900) return invalid("birth_date_too_early", `${FIELD}中的出生日期早于1900年，请核对`);
  const today = opts.today ?? new Date();
  const birth = year * 10000 + month * 100 + day;
  const todayNumber = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  if (birth > todayNumber) return invalid("birth_date_future", `${FIELD}中的出生日期晚于今天，请核对`);

  if (computeIdNumberCheckChar(value.slice(0, 17)) !== value.charAt(17)) {
    return invalid("checksum", `${FIELD}校验位错误，请核对`);
  }
  return {
    ok: true,
    value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value.charAt(16)) % 2 === 1 ? "male" : "female",
  };
}

/**
 * Masks an identity number for display, keeping the first 3 and last 4 characters
 * ("110105194912310021" → "110***********0021"). Input of 7 characters or fewer is masked entirely
 * so that a short fragment never shows in full.
 */
export function maskIdNumber(input: string): string {
  const value = normalizeCode(input);
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

function invalid(reason: IdNumberInvalidReason, message: string): IdNumberResult {
  return { ok: false, reason, message };
}
