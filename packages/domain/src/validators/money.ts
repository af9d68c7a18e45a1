import { type NumberResult, numberError, readNumberInput } from "./number-input";

export type MoneyUnit = "万元" | "元";

export type CheckMoneyOptions = {
  unit: MoneyUnit;
  /** Decimal places allowed; defaults to 2 for 元 (分) and 4 for 万元 (a whole 元). */
  maxDecimals?: number;
  /** Field name used in messages; defaults to 金额. */
  label?: string;
  /** Upper bound in `unit`, inclusive. */
  max?: number;
};

/**
 * Checks an amount of money typed into a form: ≥ 0, a plain decimal (thousands separators "1,234.5"
 * allowed when correctly grouped, full-width digits allowed), at most `maxDecimals` decimal places.
 * Returns the value as a number in `unit`; the unit only shapes messages and the default precision,
 * it never converts.
 */
export function checkMoney(input: string | number, opts: CheckMoneyOptions): NumberResult {
  const label = opts.label ?? "金额";
  const maxDecimals = opts.maxDecimals ?? (opts.unit === "元" ? 2 : 4);
  const raw = readNumberInput(input);
  if (raw === "") return numberError("empty", `请填写${label}`);
  const text = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ? raw.replace(/,/g, "") : raw;

  if (/^-\d+(\.\d+)?$/.test(text)) return numberError("negative", `${label}不能为负数`);
  const match = /^\d+(?:\.(\d+))?$/.exec(text);
  if (!match) return numberError("not_a_number", `${label}应为数字（单位：${opts.unit}）`);
  const decimals = match[1]?.length ?? 0;
  if (decimals > maxDecimals) {
    const rule = maxDecimals === 0 ? "应为整数" : `最多保留${maxDecimals}位小数`;
    return numberError("too_many_decimals", `${label}${rule}（单位：${opts.unit}）`);
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER)
    return numberError("too_large", `${label}数值过大`);
  if (opts.max !== undefined && value > opts.max) {
    return numberError("too_large", `${label}不能超过${opts.max}${opts.unit}`);
  }
  return { ok: true, value };
}
