import type { KindCode } from "../reference/kinds";

/**
 * 申报编号: the number an application carries from its first submission onwards, printed on the
 * stamped copy (with a QR code of its verification page) and scanned or typed when the paper
 * copies arrive. `2026T0001237`: the year of first submission, T (培训机构) or E (评价机构), a
 * six-digit serial within that year and kind, and a check character (ISO 7064 MOD 11-2, as in
 * the resident ID number: 0–9 or X) that catches a mistyped digit or two swapped digits.
 */
export type ApplicationNumber = string & { readonly __applicationNumber: true };

const KIND_LETTERS: Record<KindCode, string> = { training: "T", evaluation: "E" };
const PATTERN = /^(\d{4})([TE])(\d{6})([0-9X])$/;
const MAX_SERIAL = 999_999;

/** ISO 7064 MOD 11-2 over the digits (the kind letter counts as its position in the alphabet mod 10). */
function checkCharacter(body: string): string {
  let sum = 0;
  for (const char of body) {
    const value = /\d/.test(char) ? Number(char) : (char.charCodeAt(0) - 64) % 10;
    sum = ((sum + value) * 2) % 11;
  }
  const check = (12 - sum) % 11;
  return check === 10 ? "X" : String(check);
}

/** The number of the `serial`th application of `kind` first submitted in `year`. */
export function formatApplicationNumber(year: number, kind: KindCode, serial: number): ApplicationNumber {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL)
    throw new RangeError(`serial ${serial}`);
  const body = `${year}${KIND_LETTERS[kind]}${String(serial).padStart(6, "0")}`;
  return `${body}${checkCharacter(body)}` as ApplicationNumber;
}

export type ParsedApplicationNumber =
  | { ok: true; number: ApplicationNumber; year: number; kind: KindCode; serial: number }
  | { ok: false; code: "APPLICATION_NUMBER_INVALID"; message: string };

/**
 * Reads a number as a scanner or a person enters it: spaces, hyphens and lower case are
 * forgiven; anything else not shaped like a number, or with a wrong check character, is refused
 * with a message saying which.
 */
export function parseApplicationNumber(input: string): ParsedApplicationNumber {
  const cleaned = input.replace(/[\s\-—－]/g, "").toUpperCase();
  const match = PATTERN.exec(cleaned);
  if (!match) {
    return {
      ok: false,
      code: "APPLICATION_NUMBER_INVALID",
      message: "申报编号应为12位：4位年份、字母T或E、6位序号和1位校验码，如2026T0001237",
    };
  }
  const [, year = "", letter = "", serial = "", check = ""] = match;
  if (checkCharacter(`${year}${letter}${serial}`) !== check || Number(serial) === 0) {
    return {
      ok: false,
      code: "APPLICATION_NUMBER_INVALID",
      message: "申报编号校验不符，请核对是否有输错或颠倒的数字",
    };
  }
  return {
    ok: true,
    number: cleaned as ApplicationNumber,
    year: Number(year),
    kind: letter === "T" ? "training" : "evaluation",
    serial: Number(serial),
  };
}
