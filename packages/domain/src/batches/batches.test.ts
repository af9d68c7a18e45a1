import { describe, expect, it } from "vitest";
import { BUILT_IN_BATCHES, makeDemoBatch, nationalBatch2, shanghaiBatch3 } from "./seeds";
import { isOccupationOpen, validateBatchDefinition } from "./validate";

describe("built-in batches", () => {
  it.each(BUILT_IN_BATCHES.map((batch) => [batch.code, batch] as const))(
    "%s is a valid definition",
    (_code, batch) => {
      const result = validateBatchDefinition(batch);
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );

  it("carries what the national notice states", () => {
    expect(nationalBatch2.kinds).toEqual(["training", "evaluation"]);
    expect(nationalBatch2.occupations).toHaveLength(10);
    expect(nationalBatch2.quotas.evaluation).toEqual({ perOccupationMin: 1, perOccupationMax: 2 });
    expect(nationalBatch2.quotas.training?.perOccupationPerRegion).toBe(5);
    expect(nationalBatch2.quotas.training?.regionOverrides.map((o) => o.regionCode)).toEqual([
      "110000",
      "310000",
      "440000",
    ]);
    expect(nationalBatch2.onlineDeadline).toBe("2023-06-23T23:59:59+08:00");
    expect(nationalBatch2.eligibilityRules).toContainEqual({
      rule: "registeredOnOrBefore",
      severity: "soft",
      date: "2018-12-31",
    });
    expect(nationalBatch2.eligibilityRules).toContainEqual({
      rule: "minAnnualScale",
      severity: "soft",
      count: 2000,
    });
    expect(nationalBatch2.stages.map((s) => s.code)).toEqual([
      "submission",
      "recommendation",
      "expertReview",
      "decision",
      "publicNotice",
      "catalog",
    ]);
    expect(nationalBatch2.noticeText).not.toContain("二程");
  });

  it("closes evaluation for the three batch-1 occupations only", () => {
    for (const occupation of ["smart_manufacturing", "big_data", "blockchain"] as const) {
      expect(isOccupationOpen(nationalBatch2, "evaluation", occupation)).toEqual({
        open: false,
        reason: expect.stringContaining("第一批"),
      });
      expect(isOccupationOpen(nationalBatch2, "training", occupation)).toEqual({ open: true });
    }
    expect(isOccupationOpen(nationalBatch2, "evaluation", "ai")).toEqual({ open: true });
    expect(isOccupationOpen(shanghaiBatch3, "evaluation", "ai")).toEqual({
      open: false,
      reason: "本批次不接受该类机构申报",
    });
  });

  it("carries what the Shanghai notice states", () => {
    expect(shanghaiBatch3.documentNumber).toBe("沪人社专〔2026〕55号");
    expect(shanghaiBatch3.kinds).toEqual(["training"]);
    expect(shanghaiBatch3.paperCopies).toBe(2);
    expect(shanghaiBatch3.onlineDeadline).toBe("2026-04-03T23:59:59+08:00");
    expect(shanghaiBatch3.stages.map((s) => s.code)).toEqual([
      "submission",
      "formalCheck",
      "expertReview",
      "decision",
      "publicNotice",
      "catalog",
    ]);
    expect(shanghaiBatch3.eligibilityRules).toContainEqual({
      rule: "minExperienceYears",
      severity: "soft",
      years: 5,
    });
    expect(shanghaiBatch3.eligibilityRules).toContainEqual({
      rule: "minAnnualScale",
      severity: "soft",
      count: 1500,
    });
    expect(shanghaiBatch3.eligibilityRules).toContainEqual({
      rule: "applicantCategory",
      severity: "hard",
      allowed: ["continuingEducationBase", "university"],
    });
    expect(shanghaiBatch3.contacts.map((c) => c.label)).toEqual([
      "联系人",
      "联系电话",
      "传真",
      "电子邮箱",
      "联系地址",
      "邮编",
    ]);
  });
});

describe("demo batches", () => {
  it("moves every date into the future, keeps 23:59:59 +08:00 and stays valid", () => {
    const now = new Date("2026-11-23T02:00:00Z");
    const demo = makeDemoBatch(shanghaiBatch3, now);
    expect(demo.code).toBe("shanghai-2026-3-demo");
    expect(demo.title.startsWith("【演示】")).toBe(true);
    expect(Date.parse(demo.onlineDeadline)).toBeGreaterThan(now.getTime() + 29 * 86_400_000);
    expect(demo.onlineDeadline).toMatch(/T23:59:59\+08:00$/);
    expect(demo.noticeText).toContain("演示");
    const result = validateBatchDefinition(demo);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe("validateBatchDefinition", () => {
  const base = structuredClone(shanghaiBatch3);

  it("reports shape errors with their path and a Chinese message", () => {
    const result = validateBatchDefinition({ ...base, code: "Bad Code", kinds: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: "code", message: expect.stringContaining("批次代码") });
    expect(result.issues).toContainEqual({ path: "kinds", message: "至少接受一类机构" });
  });

  it("refuses stages out of order, duplicated, or not starting with submission", () => {
    const reversed = validateBatchDefinition({ ...base, stages: [...base.stages].reverse() });
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.issues.map((i) => i.message)).toContain("第一个阶段必须是网上申报");
    const duplicated = validateBatchDefinition({
      ...base,
      stages: [base.stages[0], base.stages[1], base.stages[1]],
    });
    expect(duplicated.ok).toBe(false);
  });

  it("refuses a stage closing before it opens and a deadline out of step with the submission stage", () => {
    const stages = base.stages.map((s, i) => (i === 0 ? { ...s, closesAt: "2026-03-01T00:00:00+08:00" } : s));
    const result = validateBatchDefinition({ ...base, stages });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path: "stages.0.closesAt",
      message: "阶段截止时间必须晚于开始时间",
    });
    expect(result.issues).toContainEqual({
      path: "stages.0.closesAt",
      message: "网上申报阶段的截止时间应与网上申报截止时间一致",
    });
  });

  it("refuses a later stage closing before an earlier one", () => {
    const stages = base.stages.map((s) =>
      s.code === "formalCheck" ? { ...s, closesAt: "2026-03-20T00:00:00+08:00" } : s,
    );
    const result = validateBatchDefinition({ ...base, stages });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({
        path: "stages.1.closesAt",
        message: "阶段截止时间不能早于前一阶段的截止时间",
      });
  });

  it("refuses inconsistent quotas", () => {
    const result = validateBatchDefinition({
      ...nationalBatch2,
      quotas: {
        ...nationalBatch2.quotas,
        evaluation: { perOccupationMin: 3, perOccupationMax: 2 },
        training: {
          perOccupationPerRegion: 5,
          regionOverrides: [
            { regionCode: "110000", perOccupation: 8, note: "" },
            { regionCode: "110000", perOccupation: 9, note: "" },
          ],
        },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path: "quotas.evaluation.perOccupationMin",
      message: "评价机构名额下限不能大于上限",
    });
    expect(result.issues).toContainEqual({
      path: "quotas.training.regionOverrides.1.regionCode",
      message: "同一地区的名额只能设置一次",
    });
  });

  it("refuses a kind without its form template or quota, and exclusions outside the batch", () => {
    const result = validateBatchDefinition({
      ...base,
      kinds: ["training", "evaluation"],
      exclusions: [{ kind: "evaluation", occupation: "ai", reason: "测试" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["formTemplates.evaluation", "quotas.evaluation"]),
    );
    const outside = validateBatchDefinition({
      ...base,
      exclusions: [{ kind: "evaluation", occupation: "ai", reason: "测试" }],
    });
    expect(outside.ok).toBe(false);
  });

  it("refuses an unknown template or one of the other kind", () => {
    const result = validateBatchDefinition({
      ...base,
      formTemplates: { training: "national-evaluation-v1", evaluation: null },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toContainEqual({
        path: "formTemplates.training",
        message: expect.stringContaining("不是培训机构的申报表"),
      });
  });

  it("refuses a paper requirement without a paper deadline and duplicated rules", () => {
    const result = validateBatchDefinition({
      ...base,
      paperDeadline: null,
      eligibilityRules: [...base.eligibilityRules, { rule: "notBarred", severity: "soft" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({
      path: "paperDeadline",
      message: "要求报送纸质材料时，必须填写纸质材料截止时间",
    });
    expect(result.issues.some((i) => i.path.startsWith("eligibilityRules."))).toBe(true);
  });
});
