import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatApplicationNumber, parseApplicationNumber } from "./application-number";

const kinds = fc.constantFrom("training" as const, "evaluation" as const);
const parts = fc.record({
  year: fc.integer({ min: 2000, max: 9999 }),
  kind: kinds,
  serial: fc.integer({ min: 1, max: 999_999 }),
});

describe("formatApplicationNumber", () => {
  it("writes year, kind letter, six-digit serial and the MOD 11-2 check character", () => {
    expect(formatApplicationNumber(2026, "training", 123)).toBe("2026T0001230");
    expect(formatApplicationNumber(2026, "evaluation", 1)).toBe("2026E0000017");
    expect(formatApplicationNumber(2026, "training", 5)).toMatch(/^2026T000005[0-9X]$/);
  });

  it("uses X for a check value of ten", () => {
    const numbers = Array.from({ length: 40 }, (_, index) =>
      formatApplicationNumber(2026, "training", index + 1),
    );
    expect(numbers.some((number) => number.endsWith("X"))).toBe(true);
  });

  it("refuses serials and years it cannot write in its width", () => {
    expect(() => formatApplicationNumber(2026, "training", 0)).toThrow(RangeError);
    expect(() => formatApplicationNumber(2026, "training", 1_000_000)).toThrow(RangeError);
    expect(() => formatApplicationNumber(1999, "training", 1)).toThrow(RangeError);
    expect(() => formatApplicationNumber(2026, "training", 1.5)).toThrow(RangeError);
  });
});

describe("parseApplicationNumber", () => {
  it("reads back every number it wrote", () => {
    fc.assert(
      fc.property(parts, ({ year, kind, serial }) => {
        const number = formatApplicationNumber(year, kind, serial);
        expect(parseApplicationNumber(number)).toEqual({ ok: true, number, year, kind, serial });
      }),
    );
  });

  it("forgives spaces, hyphens and lower case as typed or scanned", () => {
    const number = formatApplicationNumber(2026, "training", 123);
    expect(parseApplicationNumber(" 2026-t000 123 0 ")).toMatchObject({ ok: true, number });
  });

  it("catches any one mistyped character", () => {
    fc.assert(
      fc.property(parts, fc.nat(), fc.nat(), ({ year, kind, serial }, at, shift) => {
        const number = formatApplicationNumber(year, kind, serial);
        const index = at % number.length;
        const alphabet = index === 4 ? "TE" : index === 11 ? "0123456789X" : "0123456789";
        const original = number[index] ?? "";
        const others = alphabet.replace(original, "");
        const typo = `${number.slice(0, index)}${others[shift % others.length]}${number.slice(index + 1)}`;
        expect(parseApplicationNumber(typo)).toMatchObject({ ok: false, code: "APPLICATION_NUMBER_INVALID" });
      }),
    );
  });

  it("catches two neighbouring digits swapped", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 5, max: 9 }), ({ year, kind, serial }, at) => {
        const number = formatApplicationNumber(year, kind, serial);
        const a = number[at] ?? "";
        const b = number[at + 1] ?? "";
        fc.pre(a !== b);
        const swapped = `${number.slice(0, at)}${b}${a}${number.slice(at + 2)}`;
        expect(parseApplicationNumber(swapped).ok).toBe(false);
      }),
    );
  });

  it("says what shape a number has when the input is not one", () => {
    for (const input of ["", "2026T000123", "2026P0001230", "abc", "2026T00012300", "2026T0000000"]) {
      const parsed = parseApplicationNumber(input);
      expect(parsed.ok, input).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/申报编号/);
    }
  });
});
