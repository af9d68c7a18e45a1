import { computeCreditCodeCheckChar } from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { checkRegistration, emptyRegistration, type RegisterValues } from "./register-rules";

const body = "91310115MA1K4Q7B2";
const creditCode = `${body}${computeCreditCodeCheckChar(body)}`;
const complete: RegisterValues = {
  ...emptyRegistration,
  creditCode,
  institutionName: "上海浦江数字技术培训学院",
  contactName: "陈晓雯",
  phone: "13912345678",
  email: "chenxw@pujiang-demo.edu.cn",
  password: "Pujiang-2026!",
  confirmPassword: "Pujiang-2026!",
  captchaId: "c1",
  captchaAnswer: "AB12",
};

describe("checkRegistration", () => {
  it("asks for every field of an empty form, in the form's words", () => {
    expect(checkRegistration(emptyRegistration).errors).toEqual({
      creditCode: "请填写统一社会信用代码",
      institutionName: "请填写单位名称",
      contactName: "请填写联系人姓名",
      phone: "请填写联系电话",
      email: "请填写电子邮箱",
      password: "请设置登录密码",
      confirmPassword: "请再次输入密码",
      captchaAnswer: "请输入图中的字符",
    });
  });

  it("accepts a complete form", () => {
    expect(checkRegistration(complete)).toEqual({ errors: {}, warnings: {} });
  });

  it("refuses a short credit code, blanks, a long name, a weak or mismatched password", () => {
    const { errors } = checkRegistration({
      ...complete,
      creditCode: "91310115MA1K4Q7",
      institutionName: "  ",
      contactName: "张".repeat(51),
      password: "short",
      confirmPassword: "other",
      captchaAnswer: " ",
    });
    expect(errors.creditCode).toContain("18位");
    expect(errors.institutionName).toBe("请填写单位名称");
    expect(errors.contactName).toBe("联系人姓名不超过50个字");
    expect(errors.password).toBe("密码至少8位");
    expect(errors.confirmPassword).toBe("两次输入的密码不一致");
    expect(errors.captchaAnswer).toBe("请输入图中的字符");
    expect(checkRegistration({ ...complete, institutionName: "甲" }).errors.institutionName).toBe(
      "单位名称应为2–100个字",
    );
  });

  it("only warns about a wrong check character: the server asks for confirmation", () => {
    const wrong = computeCreditCodeCheckChar(body) === "0" ? "1" : "0";
    const result = checkRegistration({ ...complete, creditCode: `${body}${wrong}` });
    expect(result.errors).toEqual({});
    expect(result.warnings.creditCode).toContain("校验位");
  });
});
