import { nationalEvaluationV1, nationalTrainingV1, shanghaiTrainingV1 } from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { summarizeCopyPlan } from "./copy-plan-model";

describe("summarizeCopyPlan", () => {
  it("between two training forms: the institution's data copied, the occupation's left empty", () => {
    const summary = summarizeCopyPlan(nationalTrainingV1.id, nationalTrainingV1.id);
    expect(summary?.copied).toEqual(
      expect.arrayContaining([
        "单位名称（盖章）",
        "近三年纳税情况",
        "自有场地及设施设备情况",
        "培训教师",
        "单位基本情况",
      ]),
    );
    expect(summary?.occupationFields).toEqual([
      "拟申报开展培训的职业（仅填一项）",
      "拟申报开展培训的专业技术等级",
      "申报职业的国家职业标准开发单位",
      "已有培训情况简述",
      "年度计划培训人数（人次）",
      "培训费用（元/学时）",
      "下一步培训工作规划",
    ]);
    expect(summary?.newFields).toEqual([]);
    expect(summary?.copied).not.toContain("承诺");
  });

  it("from the Shanghai form to the national one: the 继续教育基地 rows are new", () => {
    const summary = summarizeCopyPlan(shanghaiTrainingV1.id, nationalTrainingV1.id);
    expect(summary?.newFields).toContain("国家级专业技术人员继续教育基地");
    expect(summary?.copied).toContain("近5年培训规模（人次）");
  });

  it("from a training form to an evaluation form: the evaluation tables are new", () => {
    const summary = summarizeCopyPlan(nationalTrainingV1.id, nationalEvaluationV1.id);
    expect(summary?.newFields).toEqual(expect.arrayContaining(["命题专家", "近5年开展考核评价规模（人次）"]));
    expect(summary?.copied).toContain("信息化平台建设情况");
  });

  it("is null for an unknown template", () => {
    expect(summarizeCopyPlan("gone-v9", nationalTrainingV1.id)).toBeNull();
  });
});
