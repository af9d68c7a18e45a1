import { describe, expect, it } from "vitest";
import { checkMoney } from "./money";

describe("checkMoney", () => {
  it.each([
    ["0", 0],
    ["100", 100],
    ["100.5", 100.5],
    ["100.1234", 100.1234],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["１００．５", 100.5],
    [" 88 ", 88],
    [250.75, 250.75],
  ] as const)("accepts %j 万元 as %d", (input, value) => {
    expect(checkMoney(input, { unit: "万元" })).toEqual({ ok: true, value });
  });

  it("allows 4 decimals in 万元 and 2 in 元 by default", () => {
    expect(checkMoney("1.00001", { unit: "万元", label: "注册资金" })).toEqual({
      ok: false,
      reason: "too_many_decimals",
      message: "注册资金最多保留4位小数（单位：万元）",
    });
    expect(checkMoney("12.34", { unit: "元" })).toEqual({ ok: true, value: 12.34 });
    expect(checkMoney("12.345", { unit: "元" })).toEqual({
      ok: false,
      reason: "too_many_decimals",
      message: "金额最多保留2位小数（单位：元）",
    });
  });

  it("honours an explicit maxDecimals, including 0", () => {
    expect(checkMoney("12.3", { unit: "万元", maxDecimals: 1 })).toMatchObject({ ok: true });
    expect(checkMoney("12.34", { unit: "万元", maxDecimals: 1 })).toMatchObject({
      reason: "too_many_decimals",
    });
    expect(checkMoney("12.5", { unit: "元", maxDecimals: 0 })).toMatchObject({
      message: "金额应为整数（单位：元）",
    });
  });

  it("reports empty, negative and non-numeric input", () => {
    expect(checkMoney("", { unit: "万元", label: "年培训收入" })).toEqual({
      ok: false,
      reason: "empty",
      message: "请填写年培训收入",
    });
    expect(checkMoney("-5", { unit: "万元" })).toEqual({
      ok: false,
      reason: "negative",
      message: "金额不能为负数",
    });
    expect(checkMoney(-5, { unit: "元" })).toMatchObject({ reason: "negative" });
    expect(checkMoney("五十", { unit: "万元" })).toEqual({
      ok: false,
      reason: "not_a_number",
      message: "金额应为数字（单位：万元）",
    });
  });

  it.each(["12,34", "1,2345", "1.2.3", "1e5", "¥100", "100万", ".5", "5.", Number.NaN])(
    "rejects %j as not a number",
    (input) => {
      expect(checkMoney(input, { unit: "万元" })).toMatchObject({ ok: false, reason: "not_a_number" });
    },
  );

  it("reports floating-point noise instead of rounding it silently", () => {
    expect(checkMoney(0.1 + 0.2, { unit: "元" })).toMatchObject({ reason: "too_many_decimals" });
  });

  it("enforces an inclusive maximum in the field's unit", () => {
    expect(checkMoney("10000", { unit: "万元", max: 10000 })).toEqual({ ok: true, value: 10000 });
    expect(checkMoney("10000.01", { unit: "万元", max: 10000 })).toEqual({
      ok: false,
      reason: "too_large",
      message: "金额不能超过10000万元",
    });
  });
});
