import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "./password";

describe("checkPasswordPolicy", () => {
  it.each([
    ["Abcdef12", "lower, upper, digit"],
    ["abcdef1!", "lower, digit, symbol"],
    ["ABCDEF1!", "upper, digit, symbol"],
    ["Abcdefg!", "lower, upper, symbol"],
    ["Abcd123!", "all four"],
    ["遴选Abcd12", "Chinese counts as a symbol"],
  ])("accepts %s (%s)", (password) => {
    expect(checkPasswordPolicy(password)).toEqual({ ok: true });
  });

  it("reports an empty password", () => {
    expect(checkPasswordPolicy("")).toEqual({ ok: false, reason: "empty", message: "请填写密码" });
  });

  it("needs at least 8 characters", () => {
    expect(checkPasswordPolicy("Abc123!")).toEqual({
      ok: false,
      reason: "too_short",
      message: "密码至少8位",
    });
    expect(checkPasswordPolicy("Abc123!x")).toEqual({ ok: true });
  });

  it("counts characters, not UTF-16 units", () => {
    // 9 UTF-16 units but 6 characters.
    expect(checkPasswordPolicy("😀😀😀Ab1")).toMatchObject({ reason: "too_short" });
  });

  it("allows 128 characters and rejects 129", () => {
    const base = "Ab1!";
    expect(checkPasswordPolicy(base.repeat(32))).toEqual({ ok: true });
    expect(checkPasswordPolicy(`${base.repeat(32)}x`)).toEqual({
      ok: false,
      reason: "too_long",
      message: "密码不能超过128位",
    });
  });

  it.each(["Abcd 1234", " Abcd1234", "Abcd1234\n", "Abcd\t1234"])("rejects whitespace in %j", (password) => {
    expect(checkPasswordPolicy(password)).toEqual({
      ok: false,
      reason: "whitespace",
      message: "密码不能包含空格或换行",
    });
  });

  it.each(["abcdefgh", "ABCDEFGH", "12345678", "!@#$%^&*", "abcd1234", "ABCD1234", "abcd!@#$", "1234!@#$"])(
    "rejects %s with fewer than three classes",
    (password) => {
      expect(checkPasswordPolicy(password)).toEqual({
        ok: false,
        reason: "classes",
        message: "密码须包含小写字母、大写字母、数字、符号中的至少三类",
      });
    },
  );

  it("rejects the username, ignoring case", () => {
    expect(checkPasswordPolicy("Admin123!", { username: "admin123!" })).toEqual({
      ok: false,
      reason: "same_as_username",
      message: "密码不能与用户名相同",
    });
    expect(checkPasswordPolicy("Admin123!", { username: " Admin123! " })).toMatchObject({
      reason: "same_as_username",
    });
  });

  it("accepts a password that merely contains the username", () => {
    expect(checkPasswordPolicy("Admin123!x", { username: "admin123!" })).toEqual({ ok: true });
    expect(checkPasswordPolicy("Admin123!", { username: "" })).toEqual({ ok: true });
  });
});
