import { describe, expect, it } from "vitest";
import { checkPhone, maskPhone } from "./phone";

describe("checkPhone: mobile numbers", () => {
  it.each([
    ["13800138000", "plain"],
    ["138 0013 8000", "spaced 3-4-4"],
    ["138-0013-8000", "dashed 3-4-4"],
    ["+8613800138000", "+86"],
    ["+86 138 0013 8000", "+86 with spaces"],
    ["+86-138-0013-8000", "+86 with dashes"],
    ["008613800138000", "0086"],
    ["0086 13800138000", "0086 with a space"],
    ["１３８００１３８０００", "full-width digits"],
    ["＋８６　１３８００１３８０００", "full-width +86 and ideographic space"],
    ["  13800138000  ", "surrounding spaces"],
  ])("accepts %s (%s) as 13800138000", (input) => {
    expect(checkPhone(input)).toEqual({ ok: true, value: "13800138000", kind: "mobile" });
  });

  it.each([
    "13012345678",
    "14512345678",
    "15912345678",
    "16612345678",
    "17712345678",
    "18812345678",
    "19912345678",
  ])("accepts %s", (input) => {
    expect(checkPhone(input)).toMatchObject({ ok: true, kind: "mobile", value: input });
  });

  it.each([
    ["12800138000", "second digit 2"],
    ["10800138000", "second digit 0"],
    ["1380013800", "10 digits"],
    ["138001380001", "12 digits"],
    ["+8713800138000", "another country code"],
    ["8613800138000", "86 without + or 00"],
    ["1380013800a", "a letter"],
  ])("rejects %s (%s)", (input) => {
    expect(checkPhone(input, { allow: ["mobile"] })).toEqual({
      ok: false,
      reason: "format",
      message: "手机号码格式不正确，手机号如 13800138000",
    });
  });
});

describe("checkPhone: landlines", () => {
  it.each([
    ["010-62345678", "010-62345678"],
    ["01062345678", "010-62345678"],
    ["010 6234 5678", "010-62345678"],
    ["021-62345678", "021-62345678"],
    ["(021)62345678", "021-62345678"],
    ["（021）62345678", "021-62345678"],
    ["(021) 6234 5678", "021-62345678"],
    ["029-88888888", "029-88888888"],
    ["0571-88888888", "0571-88888888"],
    ["057188888888", "0571-88888888"],
    ["0571-8888888", "0571-8888888"],
    ["05718888888", "0571-8888888"],
    ["0898-66666666", "0898-66666666"],
    ["0755 8601 3388", "0755-86013388"],
    ["021-62345678-8001", "021-62345678-8001"],
    ["021-62345678转8001", "021-62345678-8001"],
    ["021-62345678#8001", "021-62345678-8001"],
    ["021-62345678 ext. 8001", "021-62345678-8001"],
    ["０２１－６２３４５６７８", "021-62345678"],
  ])("accepts %s as %s", (input, value) => {
    expect(checkPhone(input)).toEqual({ ok: true, value, kind: "landline" });
  });

  it.each([
    ["010-12345678", "local number starting with 1"],
    ["010-02345678", "local number starting with 0"],
    ["011-62345678", "011 is not an area code"],
    ["0571-888888", "6-digit local number"],
    ["021-623456789", "9-digit local number"],
    ["021-62345678-1234567", "7-digit extension"],
    ["0571-8888-8888", "local number split in two"],
    ["0571-88888888-", "dangling extension separator"],
    ["57188888888", "area code without its 0"],
    ["0571-8888-888", "local number grouped with a dash"],
  ])("rejects %s (%s)", (input) => {
    expect(checkPhone(input)).toMatchObject({ ok: false, reason: "format" });
  });

  it.each(["62345678", "6234 5678", "6234-5678", "8888888"])("asks for the area code on %s", (input) => {
    expect(checkPhone(input)).toEqual({
      ok: false,
      reason: "area_code_required",
      message: "联系电话为固定电话时请填写区号，如 021-62345678",
    });
  });
});

describe("checkPhone: options and messages", () => {
  it("reports an empty field by its label", () => {
    expect(checkPhone("")).toEqual({ ok: false, reason: "empty", message: "请填写联系电话" });
    expect(checkPhone("  ", { allow: ["mobile"] })).toMatchObject({ message: "请填写手机号码" });
    expect(checkPhone("", { allow: ["landline"] })).toMatchObject({ message: "请填写固定电话" });
    expect(checkPhone("", { label: "联系人手机" })).toMatchObject({ message: "请填写联系人手机" });
  });

  it("gives examples of both kinds when both are allowed", () => {
    expect(checkPhone("abc")).toEqual({
      ok: false,
      reason: "format",
      message: "联系电话格式不正确，手机号如 13800138000，固定电话如 010-62345678",
    });
  });

  it("rejects a landline where only mobiles are allowed", () => {
    expect(checkPhone("010-62345678", { allow: ["mobile"] })).toEqual({
      ok: false,
      reason: "kind_not_allowed",
      message: "此处请填写手机号码，不接受固定电话",
    });
  });

  it("rejects a mobile where only landlines are allowed", () => {
    expect(checkPhone("13800138000", { allow: ["landline"], label: "办公电话" })).toEqual({
      ok: false,
      reason: "kind_not_allowed",
      message: "此处请填写固定电话（含区号），不接受手机号码",
    });
  });

  it("asks a landline-only field for the area code without repeating its label", () => {
    expect(checkPhone("62345678", { allow: ["landline"] })).toMatchObject({
      reason: "area_code_required",
      message: "固定电话请填写区号，如 021-62345678",
    });
  });

  it("treats a bare local number as a format error where only mobiles are allowed", () => {
    expect(checkPhone("62345678", { allow: ["mobile"] })).toMatchObject({ ok: false, reason: "format" });
  });
});

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits of a mobile", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
    expect(maskPhone("+86 138-0013-8000")).toBe("138****8000");
  });

  it("keeps the area code, last 4 digits and extension of a landline", () => {
    expect(maskPhone("010-62345678")).toBe("010-****5678");
    expect(maskPhone("0571-8888888-123")).toBe("0571-***8888-123");
  });

  it("keeps only the last 4 characters of anything else", () => {
    expect(maskPhone("62345678")).toBe("****5678");
    expect(maskPhone("123")).toBe("***");
  });
});
