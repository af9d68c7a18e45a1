import { describe, expect, it } from "vitest";
import { checkNonNegativeInteger } from "./count";

describe("checkNonNegativeInteger", () => {
  it.each([
    [0, 0],
    [42, 42],
    ["0", 0],
    ["30", 30],
    [" 30 ", 30],
    ["０３０", 30],
    ["007", 7],
  ] as const)("accepts %j as %i", (input, value) => {
    expect(checkNonNegativeInteger(input)).toEqual({ ok: true, value });
  });

  it("names the field in its messages", () => {
    expect(checkNonNegativeInteger("", { label: "专职教师人数" })).toEqual({
      ok: false,
      reason: "empty",
      message: "请填写专职教师人数",
    });
    expect(checkNonNegativeInteger("-1", { label: "专职教师人数" })).toEqual({
      ok: false,
      reason: "negative",
      message: "专职教师人数不能为负数",
    });
  });

  it.each([
    ["-3", "negative"],
    [-3, "negative"],
    ["-0.5", "negative"],
    ["1.5", "not_integer"],
    [1.5, "not_integer"],
    ["abc", "not_a_number"],
    ["1e3", "not_a_number"],
    ["+3", "not_a_number"],
    ["1,000", "not_a_number"],
    [Number.NaN, "not_a_number"],
    [Number.POSITIVE_INFINITY, "not_a_number"],
    ["9007199254740993", "too_large"],
  ] as const)("rejects %j as %s", (input, reason) => {
    expect(checkNonNegativeInteger(input)).toMatchObject({ ok: false, reason });
  });

  it("uses default label 数量", () => {
    expect(checkNonNegativeInteger("1.5")).toMatchObject({ message: "数量应为整数" });
    expect(checkNonNegativeInteger("abc")).toMatchObject({ message: "数量应为不小于0的整数" });
  });

  it("enforces an inclusive maximum", () => {
    expect(checkNonNegativeInteger(100, { max: 100 })).toEqual({ ok: true, value: 100 });
    expect(checkNonNegativeInteger(101, { max: 100, label: "场次" })).toEqual({
      ok: false,
      reason: "too_large",
      message: "场次不能超过100",
    });
  });
});
