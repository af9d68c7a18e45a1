import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  creditCodeSchema,
  emailSchema,
  idNumberSchema,
  mobileSchema,
  passwordSchema,
  phoneSchema,
} from "./schemas";

function messagesOf(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("creditCodeSchema", () => {
  it("outputs the normalised code", () => {
    expect(creditCodeSchema.parse(" ９１３５０１００ｍ０００１００ｙ４３ ")).toBe("91350100M000100Y43");
  });

  it("lets a checksum warning through for the caller to confirm", () => {
    expect(creditCodeSchema.parse("91350100M000100Y44")).toBe("91350100M000100Y44");
  });

  it("fails with the validator's message", () => {
    expect(messagesOf(creditCodeSchema.safeParse("91350100M000100Y4"))).toEqual([
      "统一社会信用代码应为18位，当前为17位",
    ]);
  });

  it("fails on a missing value with a Chinese message", () => {
    expect(messagesOf(creditCodeSchema.safeParse(undefined))).toEqual(["请填写统一社会信用代码"]);
  });
});

describe("idNumberSchema", () => {
  it("outputs upper-case X", () => {
    expect(idNumberSchema.parse("11010519491231002x")).toBe("11010519491231002X");
  });

  it("fails with the validator's message", () => {
    expect(messagesOf(idNumberSchema.safeParse("110105194912310021"))).toEqual([
      "身份证号校验位错误，请核对",
    ]);
    expect(messagesOf(idNumberSchema.safeParse(null))).toEqual(["请填写身份证号"]);
  });
});

describe("mobileSchema and phoneSchema", () => {
  it("normalise numbers", () => {
    expect(mobileSchema.parse("+86 138-0013-8000")).toBe("13800138000");
    expect(phoneSchema.parse("(010)62345678")).toBe("010-62345678");
    expect(phoneSchema.parse("13800138000")).toBe("13800138000");
  });

  it("mobileSchema refuses landlines", () => {
    expect(messagesOf(mobileSchema.safeParse("010-62345678"))).toEqual([
      "此处请填写手机号码，不接受固定电话",
    ]);
  });

  it("phoneSchema asks for an area code", () => {
    expect(messagesOf(phoneSchema.safeParse("62345678"))).toEqual([
      "联系电话为固定电话时请填写区号，如 021-62345678",
    ]);
  });
});

describe("emailSchema", () => {
  it("normalises and validates", () => {
    expect(emailSchema.parse(" Name@Example.COM ")).toBe("Name@example.com");
    expect(messagesOf(emailSchema.safeParse("name@example"))).toEqual([
      "电子邮箱格式不正确，如 name@example.com",
    ]);
  });
});

describe("passwordSchema", () => {
  it("outputs the password unchanged", () => {
    expect(passwordSchema.parse("Abcd123!")).toBe("Abcd123!");
  });

  it("fails with the policy message", () => {
    expect(messagesOf(passwordSchema.safeParse("abcdefgh"))).toEqual([
      "密码须包含小写字母、大写字母、数字、符号中的至少三类",
    ]);
    expect(messagesOf(passwordSchema.safeParse(12345678))).toEqual(["请填写密码"]);
  });

  it("composes into an object schema that checks the username", () => {
    const register = z
      .object({ username: z.string(), password: passwordSchema })
      .superRefine((value, ctx) => {
        if (value.username.toLowerCase() === value.password.toLowerCase()) {
          ctx.addIssue({ code: "custom", path: ["password"], message: "密码不能与用户名相同" });
        }
      });
    expect(messagesOf(register.safeParse({ username: "Admin123!", password: "admin123!" }))).toEqual([
      "密码不能与用户名相同",
    ]);
  });
});
