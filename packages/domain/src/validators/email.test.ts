import { describe, expect, it } from "vitest";
import { checkEmail } from "./email";

describe("checkEmail", () => {
  it.each([
    ["name@example.com", "name@example.com"],
    ["zhang.san+shenbao@mail.example.com.cn", "zhang.san+shenbao@mail.example.com.cn"],
    ["12345678@qq.com", "12345678@qq.com"],
    ["first_last-1@sub-domain.example.org", "first_last-1@sub-domain.example.org"],
    ["  Name@Example.COM ", "Name@example.com"],
    ["name＠example．com", "name@example.com"],
    ["service@例子.中国", "service@例子.中国"],
  ])("accepts %s as %s", (input, value) => {
    expect(checkEmail(input)).toEqual({ ok: true, value });
  });

  it("reports an empty field", () => {
    expect(checkEmail(" ")).toEqual({ ok: false, reason: "empty", message: "请填写电子邮箱" });
  });

  it("accepts 254 characters and rejects 255", () => {
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.com`; // 195 characters
    expect(checkEmail(`${"x".repeat(58)}@${domain}`)).toMatchObject({ ok: true });
    expect(checkEmail(`${"x".repeat(59)}@${domain}`)).toEqual({
      ok: false,
      reason: "too_long",
      message: "电子邮箱不能超过254个字符",
    });
  });

  it.each([
    ["name", "no @"],
    ["name@", "no domain"],
    ["@example.com", "no local part"],
    ["a@b@example.com", "two @"],
    ["name@example", "no dot in the domain"],
    ["name @example.com", "space in the local part"],
    ["name@exa mple.com", "space in the domain"],
    ["name@-example.com", "label starting with a hyphen"],
    ["name@example-.com", "label ending with a hyphen"],
    ["name@example..com", "empty label"],
    ["name@.example.com", "leading dot in the domain"],
    ["name@example.c", "one-letter top-level domain"],
    ["name@192.168.1.1", "numeric top-level domain"],
    [".name@example.com", "leading dot in the local part"],
    ["name.@example.com", "trailing dot in the local part"],
    ["na..me@example.com", "doubled dot in the local part"],
    ["<name>@example.com", "brackets"],
    [`${"x".repeat(65)}@example.com`, "local part over 64"],
    ["name@example。com", "ideographic full stop"],
  ])("rejects %s (%s)", (input) => {
    expect(checkEmail(input)).toEqual({
      ok: false,
      reason: "format",
      message: "电子邮箱格式不正确，如 name@example.com",
    });
  });
});
