import type { EligibilityResult, FormIssue } from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { groupProblems, listProblems, type Problem, problemsFromServer } from "./precheck-model";
import { testTemplate as template } from "./test-template";
import type { RequiredAttachment } from "./types";

const requiredAttachments: RequiredAttachment[] = [
  { code: "legalRegistrationCertificate", name: "法人登记证书", required: true, note: "" },
  { code: "creditReport", name: "信用报告", required: true, note: "" },
  { code: "supportingMaterials", name: "其他证明材料", required: false, note: "" },
];

const formIssue = (
  path: string,
  label: string,
  message: string,
  severity: FormIssue["severity"],
): FormIssue => ({
  path,
  label,
  message,
  severity,
  code: severity === "error" ? "required" : "credit_code_checksum",
});

const eligibility: EligibilityResult = {
  outcome: "fail",
  blocking: true,
  results: [
    {
      rule: "registeredOnOrBefore",
      severity: "hard",
      outcome: "fail",
      title: "2018年12月31日以前注册登记成立",
      reason: "单位成立时间2020-05-01，晚于2018年12月31日",
    },
    {
      rule: "minAnnualScale",
      severity: "soft",
      outcome: "fail",
      title: "年培训规模不少于1000人次",
      reason: "年培训规模800人次",
    },
    {
      rule: "registeredInRegion",
      severity: "hard",
      outcome: "pass",
      title: "在上海市注册",
      reason: "注册地上海市",
    },
  ],
};

const nothingWrong = {
  template,
  application: {
    attachments: requiredAttachments.map(({ code }) => ({ code })),
    batch: { requiredAttachments },
  },
  issues: [],
  eligibility: null,
  applicantCategoryNeeded: false,
  applicantCategory: null,
};

const summary = (problems: Problem[]) =>
  problems.map(({ severity, group, path, message }) => [severity, group, path, message]);

describe("提交前检查: the problems listed before submission", () => {
  it("is empty when nothing stands in the way", () => {
    expect(listProblems(nothingWrong)).toEqual([]);
  });

  it("lists form issues under their section's title, errors and warnings alike, in the form's order", () => {
    const problems = listProblems({
      ...nothingWrong,
      issues: [
        formIssue("institutionName", "单位名称", "单位名称：请填写", "error"),
        formIssue("legalIdNumber", "法定代表人身份证号", "法定代表人身份证号：校验位错误", "warning"),
        formIssue(
          "trainings.1.year",
          "近三年培训情况第2行·年度",
          "近三年培训情况第2行·年度：请填写",
          "error",
        ),
        formIssue("trainingScale", "培训总规模", "培训总规模：应大于0", "error"),
      ],
    });
    expect(summary(problems)).toEqual([
      ["error", "申报单位基本情况", "institutionName", "单位名称：请填写"],
      ["warning", "申报单位基本情况", "legalIdNumber", "法定代表人身份证号：校验位错误"],
      ["error", "培训规模", "trainings.1.year", "近三年培训情况第2行·年度：请填写"],
      ["error", "培训规模", "trainingScale", "培训总规模：应大于0"],
    ]);
    expect(new Set(problems.map((problem) => problem.key)).size).toBe(problems.length);
  });

  it("asks for every required attachment not uploaded, never an optional one", () => {
    const problems = listProblems({
      ...nothingWrong,
      application: { attachments: [{ code: "creditReport" }], batch: { requiredAttachments } },
    });
    expect(summary(problems)).toEqual([
      ["error", "附件材料", "attachments.legalRegistrationCertificate", "请上传附件：法人登记证书"],
    ]);
  });

  it("asks for 申报单位类别 only where the batch needs it", () => {
    const needed = { ...nothingWrong, applicantCategoryNeeded: true };
    expect(summary(listProblems(needed))).toEqual([
      [
        "error",
        "申报单位类别",
        "applicantCategory",
        "请选择申报单位类别（专业技术人员继续教育基地、高等院校等）",
      ],
    ]);
    expect(listProblems({ ...needed, applicantCategory: "university" })).toEqual([]);
  });

  it("blocks on a failed hard eligibility rule only", () => {
    expect(summary(listProblems({ ...nothingWrong, eligibility }))).toEqual([
      [
        "error",
        "资格条件",
        "eligibility.registeredOnOrBefore",
        "2018年12月31日以前注册登记成立：单位成立时间2020-05-01，晚于2018年12月31日（硬性条件，不符合不能提交）",
      ],
    ]);
  });

  it("orders the list as the applicant meets it: form, attachments, 申报单位类别, eligibility", () => {
    const problems = listProblems({
      ...nothingWrong,
      application: { attachments: [], batch: { requiredAttachments } },
      issues: [formIssue("institutionName", "单位名称", "单位名称：请填写", "error")],
      eligibility,
      applicantCategoryNeeded: true,
    });
    expect(problems.map((problem) => problem.code)).toEqual([
      "required",
      "attachment_missing",
      "attachment_missing",
      "applicant_category",
      "eligibility",
    ]);
    expect(groupProblems(problems).map(([group, items]) => [group, items.length])).toEqual([
      ["申报单位基本情况", 1],
      ["附件材料", 2],
      ["申报单位类别", 1],
      ["资格条件", 1],
    ]);
  });
});

describe("the server's refusal (APPLICATION_INCOMPLETE) as the same list", () => {
  it("places each field under its part of the application", () => {
    const problems = problemsFromServer(template, [
      { path: "teacherTotal", message: "师资团队总人数：请填写" },
      { path: "attachments.creditReport", message: "请上传附件：信用报告" },
      { path: "recommender", message: "请选择推荐单位" },
      { path: "eligibility", message: "不符合资格条件" },
      { path: "somethingElse", message: "其他问题" },
    ]);
    expect(problems.map(({ severity, group, path }) => [severity, group, path])).toEqual([
      ["error", "申报单位基本情况", "teacherTotal"],
      ["error", "附件材料", "attachments.creditReport"],
      ["error", "推荐单位", "recommender"],
      ["error", "资格条件", "eligibility"],
      ["error", "其他", "somethingElse"],
    ]);
    expect(new Set(problems.map((problem) => problem.key)).size).toBe(problems.length);
  });
});

describe("grouping", () => {
  it("keeps groups in first-met order and problems in order within each", () => {
    const problem = (key: string, group: string): Problem => ({
      key,
      severity: "error",
      group,
      path: key,
      message: key,
      code: "x",
    });
    const grouped = groupProblems([problem("a", "甲"), problem("b", "乙"), problem("c", "甲")]);
    expect(grouped.map(([group, items]) => [group, items.map((item) => item.key)])).toEqual([
      ["甲", ["a", "c"]],
      ["乙", ["b"]],
    ]);
  });
});
