import { describe, expect, it } from "vitest";
import { computeCreditCodeCheckChar } from "../validators/credit-code";
import { expertProfileSchema } from "./expert-profile";

const code = (first17: string) => first17 + computeCreditCodeCheckChar(first17);
const valid = {
  name: "王芳",
  employer: "复旦大学计算机科学技术学院",
  employerCreditCode: code("12100000425006117"),
  title: "教授",
  occupations: ["ai", "big_data"],
  regionCode: "310000",
  phone: "139 0000 1111",
  email: "WangFang@Fudan.EDU.cn",
  active: true,
};
const messages = (input: unknown) => {
  const result = expertProfileSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("expertProfileSchema", () => {
  it("accepts a complete profile and normalises phone, e-mail and credit code", () => {
    const parsed = expertProfileSchema.parse({
      ...valid,
      employerCreditCode: ` ${valid.employerCreditCode.toLowerCase()}`,
    });
    expect(parsed).toEqual({ ...valid, phone: "13900001111", email: "WangFang@fudan.edu.cn" });
  });

  it("treats a blank or missing credit code as not given", () => {
    for (const employerCreditCode of ["", "  ", null, undefined]) {
      expect(expertProfileSchema.parse({ ...valid, employerCreditCode }).employerCreditCode).toBeUndefined();
    }
  });

  it("checks the credit code like every other", () => {
    expect(messages({ ...valid, employerCreditCode: "12345" })).toEqual([
      "employerCreditCode: 统一社会信用代码应为18位，当前为5位",
    ]);
  });

  it("requires the occupations to be program occupations, at least one, without repeats", () => {
    expect(messages({ ...valid, occupations: [] })).toEqual(["occupations: 请至少选择一个评议职业"]);
    expect(messages({ ...valid, occupations: ["ai", "ai"] })).toEqual(["occupations: 评议职业不能重复选择"]);
    expect(messages({ ...valid, occupations: ["cooking"] })).toEqual([
      "occupations.0: 评议职业不在本项目的10个职业之内",
    ]);
  });

  it("requires a program province, a valid phone and e-mail", () => {
    expect(messages({ ...valid, regionCode: "310100", phone: "12345", email: "a@b" })).toEqual([
      "regionCode: 请选择专家所在地区（省级行政区）",
      "phone: 联系电话格式不正确，手机号如 13800138000，固定电话如 010-62345678",
      "email: 电子邮箱格式不正确，如 name@example.com",
    ]);
  });

  it("names every missing field in Chinese", () => {
    expect(messages({})).toEqual([
      "name: 请填写专家姓名",
      "employer: 请填写工作单位",
      "title: 请填写专业技术职务/职称",
      "occupations: 请选择评议职业",
      "regionCode: 请选择专家所在地区（省级行政区）",
      "phone: 请填写联系电话",
      "email: 请填写电子邮箱",
      "active: 请选择是否可参加评议",
    ]);
  });

  it("limits the text fields", () => {
    expect(messages({ ...valid, name: "王", employer: "单".repeat(101), title: " " })).toEqual([
      "name: 专家姓名至少2个字",
      "employer: 工作单位不超过100个字",
      "title: 请填写专业技术职务/职称",
    ]);
  });
});
