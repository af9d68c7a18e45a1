import { describe, expect, it } from "vitest";
import { defaultRubric } from "./default-rubrics";
import type { Rubric } from "./rubric";
import { type ScoreSheet, scoreSheetSchema, validateScoreSheet, weightedTotal } from "./score-sheet";

const rubric: Rubric = {
  kind: "training",
  title: "测试细则",
  criteria: [
    {
      key: "scale",
      title: "培训规模",
      description: "规模",
      weight: 60,
      min: 0,
      max: 10,
      step: 0.5,
      rationaleRequired: true,
    },
    {
      key: "fees",
      title: "收费合理性",
      description: "收费",
      weight: 40,
      min: 0,
      max: 100,
      step: 5,
      rationaleRequired: false,
    },
  ],
};
const sheet = (extra: Partial<ScoreSheet> = {}): ScoreSheet => ({
  scores: { scale: 8, fees: 50 },
  rationales: { scale: "近五年规模稳定", fees: "" },
  overall: "总体较好",
  ...extra,
});
const messages = (s: ScoreSheet, mode: "draft" | "submit") =>
  validateScoreSheet(rubric, s, mode).map((i) => i.message);

describe("validateScoreSheet", () => {
  it("accepts a complete sheet in both modes", () => {
    expect(validateScoreSheet(rubric, sheet(), "submit")).toEqual([]);
    expect(validateScoreSheet(rubric, sheet(), "draft")).toEqual([]);
  });

  it("lets a draft be incomplete", () => {
    expect(
      validateScoreSheet(rubric, { scores: { scale: null }, rationales: {}, overall: "" }, "draft"),
    ).toEqual([]);
  });

  it("asks for every score, the required rationales and the overall opinion on submit", () => {
    expect(
      validateScoreSheet(
        rubric,
        { scores: { scale: null }, rationales: { scale: "  " }, overall: " " },
        "submit",
      ),
    ).toEqual([
      { path: "scores.scale", criterionKey: "scale", message: "请为“培训规模”评分（0–10分）" },
      { path: "rationales.scale", criterionKey: "scale", message: "请填写“培训规模”的评分理由" },
      { path: "scores.fees", criterionKey: "fees", message: "请为“收费合理性”评分（0–100分）" },
      { path: "overall", criterionKey: null, message: "请填写综合评议意见" },
    ]);
  });

  it("refuses a score outside the range or off the step, even in a draft", () => {
    for (const mode of ["draft", "submit"] as const) {
      expect(messages(sheet({ scores: { scale: 10.5, fees: -5 } }), mode)).toEqual([
        "“培训规模”的评分应在0–10分之间，当前为10.5分",
        "“收费合理性”的评分应在0–100分之间，当前为-5分",
      ]);
      expect(messages(sheet({ scores: { scale: 7.3, fees: 52 } }), mode)).toEqual([
        "“培训规模”的评分应以0.5分为单位，当前为7.3分",
        "“收费合理性”的评分应以5分为单位，当前为52分",
      ]);
    }
    expect(messages(sheet({ scores: { scale: Number.NaN, fees: 50 } }), "draft")).toEqual([
      "“培训规模”的评分应为数字",
    ]);
  });

  it("accepts the ends of the range", () => {
    expect(
      messages(sheet({ scores: { scale: 0, fees: 95 }, rationales: { scale: "无" } }), "submit"),
    ).toEqual([]);
    expect(messages(sheet({ scores: { scale: 10, fees: 35 } }), "submit")).toEqual([]);
  });

  it("asks for a reason for an extreme score even where reasons are optional", () => {
    expect(messages(sheet({ scores: { scale: 8, fees: 100 } }), "submit")).toEqual([
      "“收费合理性”评为满分时须填写评分理由",
    ]);
    expect(messages(sheet({ scores: { scale: 8, fees: 0 } }), "submit")).toEqual([
      "“收费合理性”评为最低分时须填写评分理由",
    ]);
    expect(messages(sheet({ scores: { scale: 8, fees: 0 } }), "draft")).toEqual([]);
  });

  it("refuses scores and rationales for criteria the rubric has not", () => {
    expect(
      validateScoreSheet(
        rubric,
        sheet({ scores: { scale: 8, fees: 50, bonus: 3 }, rationales: { scale: "好", other: "x" } }),
        "draft",
      ),
    ).toEqual([
      { path: "scores.bonus", criterionKey: null, message: "评分细则中没有评分项“bonus”" },
      { path: "rationales.other", criterionKey: null, message: "评分细则中没有评分项“other”" },
    ]);
  });

  it("limits rationales to 500 字 and the overall opinion to 1000 字, in every mode", () => {
    const long = sheet({ rationales: { scale: "字".repeat(501), fees: "" }, overall: "意".repeat(1001) });
    expect(messages(long, "draft")).toEqual([
      "“培训规模”的评分理由不超过500字，当前501字",
      "综合评议意见不超过1000字，当前1001字",
    ]);
  });

  it("is not fooled by inherited keys", () => {
    const scores = Object.create({ scale: 8 }) as Record<string, number | null>;
    expect(messages({ scores, rationales: {}, overall: "好" }, "submit")).toContain(
      "请为“培训规模”评分（0–10分）",
    );
  });
});

describe("scoreSheetSchema", () => {
  it("checks the shape of a sheet from the browser", () => {
    expect(scoreSheetSchema.safeParse(sheet()).success).toBe(true);
    const bad = scoreSheetSchema.safeParse({
      scores: { scale: "8" },
      rationales: { scale: 1 },
      overall: null,
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "评分应为数字",
      "评分理由应为文字",
      "综合评议意见应为文字",
    ]);
  });
});

describe("weightedTotal", () => {
  it("maps each score onto its range and weighs it, on 0–100", () => {
    expect(weightedTotal(rubric, { scale: 10, fees: 100 })).toBe(100);
    expect(weightedTotal(rubric, { scale: 0, fees: 0 })).toBe(0);
    expect(weightedTotal(rubric, { scale: 8, fees: 50 })).toBe(68); // 60×0.8 + 40×0.5
    expect(weightedTotal(rubric, { scale: 7.5, fees: 35 })).toBe(59); // 45 + 14
  });

  it("counts a missing score as the minimum, never overstating a draft", () => {
    expect(weightedTotal(rubric, { scale: 10 })).toBe(60);
    expect(weightedTotal(rubric, { scale: null, fees: Number.NaN })).toBe(0);
  });

  it("rounds to 2 decimals so equal totals compare equal", () => {
    const thirds: Rubric = {
      ...rubric,
      criteria: [
        { ...rubric.criteria[0], key: "a", weight: 100 / 3 } as Rubric["criteria"][number],
        { ...rubric.criteria[0], key: "b", weight: 100 / 3 } as Rubric["criteria"][number],
        { ...rubric.criteria[0], key: "c", weight: 100 / 3 } as Rubric["criteria"][number],
      ],
    };
    expect(weightedTotal(thirds, { a: 10, b: 10, c: 10 })).toBe(100);
    expect(weightedTotal(thirds, { a: 5, b: 0, c: 0 })).toBe(16.67);
  });

  it("gives the full default rubric's total for a full sheet", () => {
    const full = defaultRubric("evaluation");
    expect(weightedTotal(full, Object.fromEntries(full.criteria.map((c) => [c.key, 10])))).toBe(100);
    expect(weightedTotal(full, Object.fromEntries(full.criteria.map((c) => [c.key, 7.5])))).toBe(75);
  });
});
