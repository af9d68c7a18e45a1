import { describe, expect, it } from "vitest";
import { isOccupationOpen } from "./occupation-open";
import {
  BUILT_IN_BATCHES,
  demoShiftDays,
  makeDemoBatch,
  nationalBatch2,
  shanghaiBatch3,
  shiftDemoBatch,
} from "./seeds";
import { validateBatchDefinition } from "./validate";

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
    expect(nationalBatch2.quotas.evaluation).toEqual({
      perOccupationMin: 1,
      perOccupationMax: 2,
      perRecommenderMax: null,
    });
    expect(nationalBatch2.quotas.training?.perOccupationPerRegion).toBe(5);
    expect(nationalBatch2.quotas.training?.regionOverrides).toEqual([]);
    expect(nationalBatch2.quotas.training?.officeSetAreas?.map((o) => o.regionCode)).toEqual([
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
    expect(nationalBatch2.batchNoticeText).not.toContain("二程");
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

describe("what each notice asks, and nothing more", () => {
  /** Every text of a definition a visitor may read, except the notice body itself. */
  function shownTexts(batch: typeof nationalBatch2): string {
    const { batchNoticeText: _body, ...rest } = batch;
    return JSON.stringify(rest);
  }

  it("Shanghai asks for the stamped form as a PDF, not the national notice's certificate or credit report", () => {
    expect(shanghaiBatch3.batchNoticeText).toContain(
      "加盖单位印章的纸质材料（一式2份）及电子版（加盖公章的PDF格式）",
    );
    expect(shanghaiBatch3.requiredAttachments.filter((item) => item.required)).toEqual([
      {
        code: "stampedForm",
        name: "申报表电子版（加盖公章的PDF格式）",
        required: true,
        note: "提交后下载带申报编号的申报表，打印盖章后扫描上传；加盖单位印章的纸质材料（一式2份）另报市人力资源公共服务中心",
        fileKinds: ["pdf"],
        // "电子版（加盖公章的PDF格式），于2026年4月3日前报送": due with the paper, after submission.
        afterSubmission: true,
      },
    ]);
    const codes = shanghaiBatch3.requiredAttachments.map((item) => item.code);
    expect(codes).not.toContain("legalRegistrationCertificate");
    expect(codes).not.toContain("creditReport");
    expect(shownTexts(shanghaiBatch3)).not.toMatch(/法人登记证书|信用报告|诚信承诺书/);
    // The national notice keeps its four materials.
    expect(
      nationalBatch2.requiredAttachments.filter((item) => item.required).map((item) => item.code),
    ).toEqual(["stampedForm", "legalRegistrationCertificate", "creditReport"]);
  });

  it("the national batch states no number of copies, no assessment cycle and no reapplication bar", () => {
    expect(nationalBatch2.paperCopies).toBe(0);
    const shown = shownTexts(nationalBatch2);
    expect(shown).not.toContain("一式");
    expect(shown).not.toMatch(/周期|不得再次申报|3年内/);
    expect(nationalBatch2.batchNoticeTerms).toEqual({
      validity:
        "纳入目录的培训机构和评价机构有效期限均为3年，目录向社会公开并动态调整。有效期限起算时间统一为知识更新工程网上审核通过时间。",
      assessmentCycle: null,
      reapplicationBan: null,
    });
    expect(nationalBatch2.batchNoticeText).not.toMatch(/一式|周期|不得再次申报/);
  });

  it("every term shown is quoted word for word from its notice", () => {
    for (const batch of BUILT_IN_BATCHES) {
      const terms = batch.batchNoticeTerms;
      expect(terms, batch.code).toBeDefined();
      for (const text of Object.values(terms ?? {})) {
        if (text !== null) expect(batch.batchNoticeText).toContain(text);
      }
    }
    expect(shanghaiBatch3.batchNoticeTerms).toEqual({
      validity: "对考核评估结果较好的单位，继续纳入培训机构目录，并在资源配置、任务分配等方面给予一定倾斜。",
      assessmentCycle: "市人力资源社会保障局以3年为一周期，对纳入培训机构目录的单位进行考核评估。",
      reapplicationBan: "对考核评估结果不通过，不再纳入培训机构目录，且3年内不得再次申报培训机构遴选。",
    });
  });
});

describe("demo batches", () => {
  it("says its own dates before the original notice", () => {
    const demo = makeDemoBatch(shanghaiBatch3, new Date("2026-11-23T02:00:00Z"));
    const [year, month, day] = demo.onlineDeadline.slice(0, 10).split("-").map(Number);
    const published = demo.publishedOn.split("-").map(Number);
    const preface = demo.batchNoticeText.split("\n\n")[0];
    expect(preface).toContain(`网上申报截止${year}年${month}月${day}日24时`);
    expect(preface).toContain(`纸质材料报送截止${year}年${month}月${day}日24时`);
    expect(preface).toContain(`发布日期${published[0]}年${published[1]}月${published[2]}日`);
    expect(preface).toContain("下文原通知中的日期以此为准");
    expect(demo.batchNoticeText).toContain(shanghaiBatch3.batchNoticeText);
  });

  it("keeps its dates when rebuilt from the source by its shift", () => {
    const demo = makeDemoBatch(nationalBatch2, new Date("2026-11-23T02:00:00Z"));
    expect(shiftDemoBatch(nationalBatch2, demoShiftDays(nationalBatch2, demo))).toEqual(demo);
  });

  it("moves every date into the future, keeps 23:59:59 +08:00 and stays valid", () => {
    const now = new Date("2026-11-23T02:00:00Z");
    const demo = makeDemoBatch(shanghaiBatch3, now);
    expect(demo.code).toBe("shanghai-2026-3-demo");
    expect(demo.title.startsWith("【演示】")).toBe(true);
    expect(Date.parse(demo.onlineDeadline)).toBeGreaterThan(now.getTime() + 29 * 86_400_000);
    expect(demo.onlineDeadline).toMatch(/T23:59:59\+08:00$/);
    expect(demo.batchNoticeText).toContain("演示");
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
