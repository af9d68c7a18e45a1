// Internal helpers shared by count.ts and money.ts; not re-exported from the folder's index.
import { toHalfWidth } from "./normalize";

export type NumberInvalidReason =
  | "empty"
  | "not_a_number"
  | "negative"
  | "not_integer"
  | "too_many_decimals"
  | "too_large";

export type NumberResult =
  | { ok: true; value: number }
  | { ok: false; reason: NumberInvalidReason; message: string };

/**
 * Text to parse from a form value: strings are converted to half-width and trimmed; numbers are
 * written in plain decimal, and non-finite or exponent-notation numbers become "NaN" so that they
 * fail as "not a number" rather than slip through.
 */
export function readNumberInput(input: string | number): string {
  if (typeof input === "string") return toHalfWidth(input).trim();
  const text = String(input);
  return Number.isFinite(input) && !/e/i.test(text) ? text : "NaN";
}

/** Builds a failed NumberResult. */
export function numberError(reason: NumberInvalidReason, message: string): NumberResult {
  return { ok: false, reason, message };
}
