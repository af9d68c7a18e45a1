import { describe, expect, it } from "vitest";
import { FORM_TEMPLATES } from "../forms";
import { listFormSlots } from "../forms/slots";
import { kindCodes } from "../reference/kinds";
import { defaultRubric } from "./default-rubrics";
import { isOnStep, type Rubric, validateRubric } from "./rubric";

const criterion = (key: string, weight: number, extra: Record<string, unknown> = {}) => ({
  key: `item${key}`,
  title: `评分项${key}`,
  description: "评分要点说明",
  weight,
  min: 0,
  max: 10,
  step: 1,
  rationaleRequired: true,
  ...extra,
});
const rubric = (criteria: unknown[], extra: Record<string, unknown> = {}) => ({
  kind: "training",
  title: "培训机构评分细则",
  criteria,
  ...extra,
});
const issues = (input: unknown) => {
  const result = validateRubric(input);
  return result.ok ? [] : result.issues;
};

describe("isOnStep", () => {
  it("accepts the grid and refuses what falls between, despite floating point", () => {
    expect(isOnStep(7.5, 0, 0.5)).toBe(true);
    expect(isOnStep(0.3, 0, 0.1)).toBe(true);
    expect(isOnStep(100, 0, 0.1)).toBe(true);
    expect(isOnStep(7.3, 0, 0.5)).toBe(false);
    expect(isOnStep(6, 1, 2)).toBe(false);
  });
});

describe("validateRubric", () => {
  it("accepts a sound rubric", () => {
    const result = validateRubric(
      rubric([criterion("a", 60), criterion("b", 40, { min: 0, max: 100, step: 5 })]),
    );
    expect(result.ok).toBe(true);
  });

  it("accepts weights with decimals adding up to 100", () => {
    expect(issues(rubric([criterion("a", 33.3), criterion("b", 33.3), criterion("c", 33.4)]))).toEqual([]);
  });

  it("requires the weights to add up to 100", () => {
    expect(issues(rubric([criterion("a", 60), criterion("b", 30)]))).toEqual([
      { path: "criteria", message: "各评分项权重之和应为100，当前为90" },
    ]);
  });

  it("refuses a weight outside 0–100, a bad key, an empty title and description", () => {
    expect(
      issues(rubric([criterion("A-1", 120, { title: " ", description: "" }), criterion("b", -20)])),
    ).toEqual([
      { path: "criteria.0.key", message: "评分项代码应以小写字母开头，由2–40位英文字母和数字组成" },
      { path: "criteria.0.title", message: "评分项名称至少2个字" },
      { path: "criteria.0.description", message: "评分要点至少4个字" },
      { path: "criteria.0.weight", message: "权重应在0–100之间" },
      { path: "criteria.1.weight", message: "权重应在0–100之间" },
    ]);
  });

  it("refuses duplicate keys, an empty range and a step that does not divide the range", () => {
    expect(
      issues(
        rubric([
          criterion("a", 25),
          criterion("a", 25),
          criterion("c", 25, { min: 5, max: 5 }),
          criterion("d", 25, { max: 10, step: 3 }),
        ]),
      ),
    ).toEqual([
      { path: "criteria.1.key", message: "评分项“评分项a”的代码与前面的评分项重复" },
      { path: "criteria.2.max", message: "评分项“评分项c”的最高分应大于最低分" },
      { path: "criteria.3.step", message: "评分项“评分项d”的分值范围0–10分不能按步长3分均分" },
    ]);
  });

  it("refuses a negative minimum and a zero step", () => {
    expect(issues(rubric([criterion("a", 100, { min: -1, step: 0 })]))).toEqual([
      { path: "criteria.0.min", message: "最低分不能为负数" },
      { path: "criteria.0.step", message: "评分步长应大于0" },
    ]);
  });

  it("requires a kind, a title and at least one criterion", () => {
    expect(issues({ kind: "other", title: "", criteria: [] })).toEqual([
      { path: "kind", message: "请选择机构类型" },
      { path: "title", message: "评分细则名称至少2个字" },
      { path: "criteria", message: "评分细则至少包含一个评分项" },
    ]);
    expect(issues({})).toEqual([
      { path: "kind", message: "请选择机构类型" },
      { path: "title", message: "请填写评分细则名称" },
      { path: "criteria", message: "请填写评分项" },
    ]);
  });
});

describe("defaultRubric", () => {
  it.each(kindCodes)(
    "gives a valid %s rubric: 8 criteria, weights 100, 0–10 in half points, reasons required",
    (kind) => {
      const value = defaultRubric(kind);
      expect(validateRubric(value)).toEqual({ ok: true, rubric: value });
      expect(value.kind).toBe(kind);
      expect(value.criteria).toHaveLength(8);
      expect(value.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
      for (const c of value.criteria) {
        expect([c.min, c.max, c.step, c.rationaleRequired]).toEqual([0, 10, 0.5, true]);
      }
    },
  );

  it("builds the training rubric on the training form's sections", () => {
    expect(defaultRubric("training").criteria.map((c) => [c.title, c.weight])).toEqual([
      ["培训规模与质量", 20],
      ["师资队伍", 20],
      ["场地设施设备", 10],
      ["信息化平台与线上培训能力", 10],
      ["已有培训经验与管理制度", 15],
      ["下一步工作方案", 15],
      ["收费合理性", 5],
      ["单位综合实力与行业地位", 5],
    ]);
  });

  it("builds the evaluation rubric on the evaluation form's sections", () => {
    expect(defaultRubric("evaluation").criteria.map((c) => [c.title, c.weight])).toEqual([
      ["考核评价规模与证书", 20],
      ["考评团队与命题专家", 20],
      ["场地设施", 10],
      ["信息化平台", 10],
      ["考务管理与保密制度", 15],
      ["下一步工作方案", 15],
      ["收费合理性", 5],
      ["单位综合实力与行业地位", 5],
    ]);
  });

  it.each(kindCodes)("points the %s criteria only at fields its forms have", (kind) => {
    const keys = new Set(
      Object.values(FORM_TEMPLATES)
        .filter((template) => template.kind === kind)
        .flatMap((template) => listFormSlots(template).map((slot) => slot.key)),
    );
    for (const c of defaultRubric(kind).criteria) {
      expect(c.fields?.length).toBeGreaterThan(0);
      for (const field of c.fields ?? []) expect(keys.has(field), `${c.key}: ${field}`).toBe(true);
    }
  });

  it("returns a copy the caller may edit", () => {
    const mine: Rubric = defaultRubric("training");
    (mine.criteria[0] as { weight: number }).weight = 0;
    mine.criteria[0]?.fields?.push("x");
    expect(defaultRubric("training").criteria[0]?.weight).toBe(20);
    expect(defaultRubric("training").criteria[0]?.fields).not.toContain("x");
  });
});
