import { type NumberResult, numberError, readNumberInput } from "./number-input";

export type { NumberInvalidReason, NumberResult } from "./number-input";

/**
 * Checks a count typed into a form (人数, 场次, 年限…): a whole number ≥ 0, at most `max` when given.
 * Accepts a number or a string of digits (full-width digits allowed, surrounding spaces ignored).
 * `label` names the field in messages ("专职教师人数不能为负数").
 */
export function checkNonNegativeInteger(
  input: string | number,
  opts: { label?: string; max?: number } = {},
): NumberResult {
  const label = opts.label ?? "数量";
  const text = readNumberInput(input);
  if (text === "") return numberError("empty", `请填写${label}`);
  if (/^-\d+(\.\d+)?$/.test(text)) return numberError("negative", `${label}不能为负数`);
  if (/^\d+\.\d+$/.test(text)) return numberError("not_integer", `${label}应为整数`);
  if (!/^\d+$/.test(text)) return numberError("not_a_number", `${label}应为不小于0的整数`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return numberError("too_large", `${label}数值过大`);
  if (opts.max !== undefined && value > opts.max)
    return numberError("too_large", `${label}不能超过${opts.max}`);
  return { ok: true, value };
}
