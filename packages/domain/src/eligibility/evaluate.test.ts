import { describe, expect, it } from "vitest";
import type { BatchDefinition } from "../batches/schema";
import { nationalBatch2, shanghaiBatch3 } from "../batches/seeds";
import type { FormValues } from "../forms/types";
import { computeCreditCodeCheckChar } from "../validators/credit-code";
import { evaluateEligibility } from "./evaluate";
import type { EligibilityInput, EligibilityRuleResult } from "./types";

const withCheck = (first17: string) => first17 + computeCreditCodeCheckChar(first17);
const SHANGHAI_CODE = withCheck("91310115MA1K4AB3X"); // registered in 浦东新区 (310115)
const JIANGSU_CODE = withCheck("91320100MA1K4AB3X"); // registered in 南京市 (320100)
const CENTRAL_CODE = withCheck("12100000425006117"); // 机构编制, central level (100000): a ministry's university

/** Training scale rows: [year, independent, cooperative]. */
const training = (rows: [number, number | null, number | null][]) =>
  rows.map(([year, independent, cooperative]) => ({ year, trainees: null, independent, cooperative }));
const steadyTraining = (perYear: number, years = [2021, 2022, 2023, 2024, 2025]) =>
  training(years.map((year) => [year, perYear - 300, 300]));
const honestTaxes = [2023, 2024, 2025].map((year) => ({ year, taxAmount: 10, dishonest: false }));

function values(extra: FormValues = {}): FormValues {
  return {
    foundedOn: "2010-05-01",
    taxRecords: honestTaxes,
    trainingScale: steadyTraining(2500),
    ...extra,
  };
}

function input(batch: BatchDefinition, extra: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    batch,
    kind: "training",
    occupation: "ai",
    levels: ["junior", "intermediate"],
    values: values(),
    institution: { creditCode: SHANGHAI_CODE, regionCode: "310000", applicantCategory: "university" },
    bars: [],
    today: batch === shanghaiBatch3 ? "2026-03-10" : "2023-06-01",
    ...extra,
  };
}

/** The result of one rule, failing when the rule was not evaluated. */
function ruleOf(result: { results: EligibilityRuleResult[] }, rule: EligibilityRuleResult["rule"]) {
  const found = result.results.find((r) => r.rule === rule);
  if (!found) throw new Error(`rule ${rule} not evaluated`);
  return found;
}

describe("evaluateEligibility: national batch 2", () => {
  const national = (extra: Partial<EligibilityInput> = {}) =>
    evaluateEligibility(
      input(nationalBatch2, {
        values: values({ trainingScale: steadyTraining(2500, [2018, 2019, 2020, 2021, 2022]) }),
        ...extra,
      }),
    );

  it("passes an institution meeting every condition, rule by rule in the batch's order", () => {
    expect(national()).toEqual({
      outcome: "pass",
      blocking: false,
      results: [
        {
          rule: "registeredOnOrBefore",
          severity: "soft",
          outcome: "pass",
          title: "2018年12月31日以前注册登记成立",
          reason: "单位成立时间2010-05-01，不晚于2018年12月31日",
        },
        {
          rule: "minAnnualScale",
          severity: "soft",
          outcome: "pass",
          title: "年培训规模2000人次以上",
          reason: "2022年培训人数2500人次，达到2000人次",
        },
        {
          rule: "noDishonestyRecord",
          severity: "hard",
          outcome: "pass",
          title: "无失信行为",
          reason: "近三年纳税情况均填报无失信行为",
        },
        {
          rule: "notBarred",
          severity: "hard",
          outcome: "pass",
          title: "未被限制申报",
          reason: "无生效中的申报限制",
        },
        {
          rule: "occupationOpen",
          severity: "hard",
          outcome: "pass",
          title: "申报职业和等级",
          reason: "人工智能工程技术人员（初级、中级）在本批次开放培训机构申报",
        },
      ],
    });
  });

  it("flags, but does not block, an institution registered after 2018-12-31 (soft rule)", () => {
    const result = national({
      values: values({ foundedOn: "2020-05-01", trainingScale: steadyTraining(2500) }),
    });
    expect(ruleOf(result, "registeredOnOrBefore")).toMatchObject({
      outcome: "fail",
      reason: "单位成立时间2020-05-01，晚于2018年12月31日",
    });
    expect(result.outcome).toBe("review");
    expect(result.blocking).toBe(false);
  });

  it("counts 2018-12-31 itself as on or before", () => {
    expect(
      ruleOf(national({ values: values({ foundedOn: "2018-12-31" }) }), "registeredOnOrBefore").outcome,
    ).toBe("pass");
    expect(
      ruleOf(national({ values: values({ foundedOn: "2019-01-01" }) }), "registeredOnOrBefore").outcome,
    ).toBe("fail");
  });

  it("asks for review when 单位成立时间 is missing or not a date", () => {
    expect(ruleOf(national({ values: values({ foundedOn: null }) }), "registeredOnOrBefore")).toMatchObject({
      outcome: "review",
      reason: "尚未填写单位成立时间",
    });
    expect(
      ruleOf(national({ values: values({ foundedOn: "2018-02-30" }) }), "registeredOnOrBefore"),
    ).toMatchObject({
      outcome: "review",
      reason: "单位成立时间不是有效日期，请核对",
    });
  });

  it("blocks an institution that reports a dishonesty record (hard rule)", () => {
    const taxRecords = [
      { year: 2021, taxAmount: 1, dishonest: false },
      { year: 2022, taxAmount: 1, dishonest: true },
      { year: null, taxAmount: 1, dishonest: true },
    ];
    const result = national({ values: values({ taxRecords }) });
    expect(ruleOf(result, "noDishonestyRecord")).toMatchObject({
      outcome: "fail",
      reason: "近三年纳税情况中2022年、第3行填报有失信行为",
    });
    expect(result).toMatchObject({ outcome: "fail", blocking: true });
  });

  it("asks for the 是否有失信行为 answers while any is missing", () => {
    const unanswered = [...honestTaxes.slice(0, 2), { year: 2025, taxAmount: 1, dishonest: null }];
    for (const taxRecords of [unanswered, [], "x"]) {
      const result = national({ values: values({ taxRecords: taxRecords as never }) });
      expect(ruleOf(result, "noDishonestyRecord")).toMatchObject({
        outcome: "review",
        reason: "尚未填写近三年纳税情况中的“是否有失信行为”",
      });
      expect(result.blocking).toBe(false);
    }
  });

  it("refuses evaluation applications for the three batch-1 occupations", () => {
    const result = national({
      kind: "evaluation",
      occupation: "big_data",
      values: values({ evaluationScale: [] }),
    });
    expect(ruleOf(result, "occupationOpen")).toMatchObject({
      outcome: "fail",
      reason: "大数据工程技术人员：该职业评价机构已在第一批遴选，本批次不再遴选",
    });
    expect(result.blocking).toBe(true);
    expect(ruleOf(national({ occupation: "big_data" }), "occupationOpen").outcome).toBe("pass");
  });

  it("checks the chosen levels against the batch", () => {
    const twoLevels: BatchDefinition = { ...nationalBatch2, levels: ["junior", "intermediate"] };
    expect(
      ruleOf(evaluateEligibility(input(twoLevels, { levels: ["intermediate", "senior"] })), "occupationOpen"),
    ).toMatchObject({
      outcome: "fail",
      reason: "本批次未开放高级",
    });
    expect(ruleOf(national({ levels: [] }), "occupationOpen")).toMatchObject({
      outcome: "review",
      reason: "尚未选择申报等级",
    });
    expect(ruleOf(national({ occupation: null }), "occupationOpen")).toMatchObject({
      outcome: "review",
      reason: "尚未选择申报职业",
    });
  });

  it("rejects a today that is not YYYY-MM-DD", () => {
    expect(() => national({ today: "2023/06/01" })).toThrow(RangeError);
  });
});

describe("evaluateEligibility: annual scale (pass = most recent year reaches it)", () => {
  const scale = (trainingScale: FormValues[string], extra: Partial<EligibilityInput> = {}) =>
    ruleOf(
      evaluateEligibility(input(nationalBatch2, { values: values({ trainingScale }), ...extra })),
      "minAnnualScale",
    );

  it("passes when the most recent reported year reaches the threshold, exactly 2000 included", () => {
    const rows = training([
      [2018, 100, 0],
      [2019, 100, 0],
      [2020, 100, 0],
      [2021, 100, 0],
      [2022, 1500, 500],
    ]);
    expect(scale(rows)).toMatchObject({ outcome: "pass", reason: "2022年培训人数2000人次，达到2000人次" });
  });

  it("asks for review when only an earlier year reaches it", () => {
    const rows = training([
      [2018, 1800, 400],
      [2019, 2000, 0],
      [2020, 1000, 0],
      [2021, 1000, 0],
      [2022, 1999, 0],
    ]);
    expect(scale(rows)).toMatchObject({
      outcome: "review",
      reason: "最近年度（2022年）培训人数1999人次，低于2000人次；2018年曾达到2200人次",
    });
  });

  it("fails when no year reaches it", () => {
    const rows = training([
      [2018, 100, 0],
      [2019, 1999, 0],
      [2020, 0, 0],
      [2021, null, null],
      [2022, 500, 500],
    ]);
    expect(scale(rows)).toMatchObject({
      outcome: "fail",
      reason: "已填报年度的培训人数均低于2000人次（最高为2019年1999人次）",
    });
  });

  it("uses the most recent year that has figures, in any row order", () => {
    const rows = training([
      [2022, null, null],
      [2021, 2100, 0],
      [2019, 100, 0],
    ]);
    expect(scale(rows)).toMatchObject({ outcome: "pass", reason: "2021年培训人数2100人次，达到2000人次" });
  });

  it("recomputes 培训人数 from 独立 + 合作 rather than trusting a stored total", () => {
    const rows = [{ year: 2022, trainees: 99999, independent: 1000, cooperative: "500" }];
    expect(scale(rows).outcome).toBe("fail");
    expect(scale([{ year: 2022, trainees: 2400, independent: null, cooperative: null }]).outcome).toBe(
      "pass",
    );
  });

  it("asks for the table when nothing is reported", () => {
    for (const rows of [
      [],
      training([[2022, null, null]]),
      [{ year: null, independent: 5000, cooperative: 0 }],
      undefined,
    ]) {
      expect(scale(rows as never)).toMatchObject({
        outcome: "review",
        reason: "尚未填写近5年培训规模（人次）",
      });
    }
  });

  it("ignores malformed figures", () => {
    const rows = [
      { year: 2022, independent: -5000, cooperative: 0 },
      { year: 2021, independent: 2500.5, cooperative: 0 },
      { year: 2020, independent: 2100, cooperative: 0 },
    ];
    expect(scale(rows)).toMatchObject({ outcome: "pass", reason: "2020年培训人数2100人次，达到2000人次" });
  });

  it("reads 颁证数量 for evaluation institutions, adding rows of the same year", () => {
    const evaluationScale = [
      { year: 2022, certificateName: "A", certificateNature: "own", certificateCount: 1200 },
      { year: 2022, certificateName: "B", certificateNature: "other", certificateCount: 900 },
      { year: 2021, certificateName: "A", certificateNature: "own", certificateCount: 3000 },
    ];
    const result = evaluateEligibility(
      input(nationalBatch2, { kind: "evaluation", values: values({ evaluationScale, trainingScale: [] }) }),
    );
    expect(ruleOf(result, "minAnnualScale")).toMatchObject({
      outcome: "pass",
      title: "年考核评价规模2000人次以上",
      reason: "2022年颁证数量2100人次，达到2000人次",
    });
    const none = evaluateEligibility(input(nationalBatch2, { kind: "evaluation", values: values() }));
    expect(ruleOf(none, "minAnnualScale")).toMatchObject({
      outcome: "review",
      reason: "尚未填写近5年开展考核评价规模（人次）",
    });
  });
});

describe("evaluateEligibility: Shanghai batch 3", () => {
  const shanghai = (extra: Partial<EligibilityInput> = {}) =>
    evaluateEligibility(input(shanghaiBatch3, extra));
  const institution = (extra: Partial<EligibilityInput["institution"]>) => ({
    institution: {
      creditCode: SHANGHAI_CODE,
      regionCode: "310000",
      applicantCategory: "university" as const,
      ...extra,
    },
  });

  it("passes a Shanghai university with five active years of 1500+ trainees", () => {
    const result = shanghai({ values: values({ trainingScale: steadyTraining(1500) }) });
    expect(result.results.map((r) => [r.rule, r.severity, r.outcome, r.title])).toEqual([
      ["registeredInRegion", "hard", "pass", "在上海市依法登记"],
      ["applicantCategory", "hard", "pass", "申报单位类别"],
      ["minExperienceYears", "soft", "pass", "5年以上培训经验"],
      ["minAnnualScale", "soft", "pass", "年培训规模1500人次以上"],
      ["noDishonestyRecord", "hard", "pass", "无失信行为"],
      ["notBarred", "hard", "pass", "未被限制申报"],
      ["occupationOpen", "hard", "pass", "申报职业和等级"],
    ]);
    expect(result).toMatchObject({ outcome: "pass", blocking: false });
    expect(ruleOf(result, "registeredInRegion").reason).toBe("统一社会信用代码显示登记地为上海市");
    expect(ruleOf(result, "minExperienceYears").reason).toBe(
      "单位成立于2010-05-01（已满15年），近5年中有5个年度开展培训",
    );
  });

  it("blocks an institution whose credit code shows another province", () => {
    const result = shanghai(institution({ creditCode: JIANGSU_CODE }));
    expect(ruleOf(result, "registeredInRegion")).toMatchObject({
      outcome: "fail",
      reason: "统一社会信用代码显示登记地为江苏省（登记管理机关行政区划码320100），不在上海市",
    });
    expect(result).toMatchObject({ outcome: "fail", blocking: true });
  });

  it("trusts the credit code over the declared region", () => {
    expect(
      ruleOf(shanghai(institution({ creditCode: JIANGSU_CODE, regionCode: "310000" })), "registeredInRegion")
        .outcome,
    ).toBe("fail");
    expect(ruleOf(shanghai(institution({ regionCode: "320000" })), "registeredInRegion").outcome).toBe(
      "pass",
    );
    // a code typed with spaces and lower case reads the same
    const spaced = `${SHANGHAI_CODE.slice(0, 6)} ${SHANGHAI_CODE.slice(6).toLowerCase()}`;
    expect(
      ruleOf(shanghai(institution({ creditCode: spaced, regionCode: null })), "registeredInRegion").outcome,
    ).toBe("pass");
  });

  it("falls back to the declared region for centrally registered bodies, and asks when unknown", () => {
    expect(ruleOf(shanghai(institution({ creditCode: CENTRAL_CODE })), "registeredInRegion")).toMatchObject({
      outcome: "pass",
      reason: "统一社会信用代码未体现登记地（如中央层级登记），申报单位所在地区为上海市",
    });
    expect(
      ruleOf(shanghai(institution({ creditCode: CENTRAL_CODE, regionCode: "110000" })), "registeredInRegion"),
    ).toMatchObject({
      outcome: "fail",
      reason: "统一社会信用代码未体现登记地（如中央层级登记），申报单位所在地区为北京市，不在上海市",
    });
    for (const regionCode of [null, "999999"]) {
      const result = shanghai(institution({ creditCode: CENTRAL_CODE, regionCode }));
      expect(ruleOf(result, "registeredInRegion")).toMatchObject({
        outcome: "review",
        reason: "无法从统一社会信用代码或所在地区确定登记地，请核实",
      });
      expect(result.blocking).toBe(false);
    }
    expect(
      ruleOf(shanghai(institution({ creditCode: "91310", regionCode: null })), "registeredInRegion").outcome,
    ).toBe("review");
  });

  it("accepts continuing-education bases and universities only", () => {
    expect(
      ruleOf(shanghai(institution({ applicantCategory: "continuingEducationBase" })), "applicantCategory"),
    ).toMatchObject({
      outcome: "pass",
      reason: "申报单位类别为专业技术人员继续教育基地",
    });
    const other = shanghai(institution({ applicantCategory: "other" }));
    expect(ruleOf(other, "applicantCategory")).toMatchObject({
      outcome: "fail",
      reason: "申报单位类别为其他机构，本批次仅接受专业技术人员继续教育基地、高等院校申报",
    });
    expect(other.blocking).toBe(true);
    const unset = shanghai(institution({ applicantCategory: null }));
    expect(ruleOf(unset, "applicantCategory")).toMatchObject({
      outcome: "review",
      reason: "请选择申报单位类别",
    });
    expect(unset).toMatchObject({ outcome: "review", blocking: false });
  });

  it("reads 1500人次 against the most recent year", () => {
    const dip = training([
      [2021, 1500, 0],
      [2022, 1500, 0],
      [2023, 1500, 0],
      [2024, 1500, 0],
      [2025, 1400, 99],
    ]);
    const result = shanghai({ values: values({ trainingScale: dip }) });
    expect(ruleOf(result, "minAnnualScale")).toMatchObject({
      outcome: "review",
      reason: "最近年度（2025年）培训人数1499人次，低于1500人次；2024年曾达到1500人次",
    });
    expect(result).toMatchObject({ outcome: "review", blocking: false });
  });
});

describe("evaluateEligibility: experience years (age and active years)", () => {
  const experience = (foundedOn: string | null, trainingScale: FormValues[string] = steadyTraining(2000)) =>
    ruleOf(
      evaluateEligibility(input(shanghaiBatch3, { values: values({ foundedOn, trainingScale }) })),
      "minExperienceYears",
    );

  it("counts full years up to today (2026-03-10)", () => {
    expect(experience("2021-03-10")).toMatchObject({ outcome: "pass" });
    expect(experience("2021-03-11")).toMatchObject({
      outcome: "fail",
      reason: "单位成立于2021-03-11，至今不满5年（4年）",
    });
    expect(experience("2024-01-01")).toMatchObject({ reason: "单位成立于2024-01-01，至今不满5年（2年）" });
    expect(experience("2027-01-01")).toMatchObject({
      outcome: "fail",
      reason: "单位成立于2027-01-01，至今不满5年（0年）",
    });
  });

  it("asks for review when old enough but the table shows fewer active years", () => {
    const gaps = training([
      [2021, 0, 0],
      [2022, 800, 0],
      [2023, 0, 0],
      [2024, 900, 100],
      [2025, 1000, 600],
    ]);
    expect(experience("2010-05-01", gaps)).toMatchObject({
      outcome: "review",
      reason: "单位成立于2010-05-01，已满5年，但近5年培训规模（人次）中仅有3个年度培训人数大于0，不足5个年度",
    });
  });

  it("asks for the missing data", () => {
    expect(experience(null)).toMatchObject({ outcome: "review", reason: "尚未填写单位成立时间" });
    expect(experience("20100501")).toMatchObject({
      outcome: "review",
      reason: "单位成立时间不是有效日期，请核对",
    });
    expect(experience("2010-05-01", [])).toMatchObject({
      outcome: "review",
      reason: "单位成立于2010-05-01，已满5年，但尚未填写近5年培训规模（人次），无法核实培训经验",
    });
  });

  it("needs at most 5 active years, as many as the table can show", () => {
    const eight: BatchDefinition = {
      ...shanghaiBatch3,
      eligibilityRules: [{ rule: "minExperienceYears", severity: "soft", years: 8 }],
    };
    const at = (foundedOn: string) =>
      ruleOf(evaluateEligibility(input(eight, { values: values({ foundedOn }) })), "minExperienceYears");
    expect(at("2010-05-01")).toMatchObject({ outcome: "pass", title: "8年以上培训经验" });
    expect(at("2019-05-01").outcome).toBe("fail");
    const three: BatchDefinition = {
      ...shanghaiBatch3,
      eligibilityRules: [{ rule: "minExperienceYears", severity: "soft", years: 3 }],
    };
    const twoQuietYears = training([
      [2021, 0, 0],
      [2022, 0, 0],
      [2023, 10, 0],
      [2024, 10, 0],
      [2025, 10, 0],
    ]);
    const result = evaluateEligibility(input(three, { values: values({ trainingScale: twoQuietYears }) }));
    expect(ruleOf(result, "minExperienceYears").outcome).toBe("pass");
  });

  it("reads 考核评价 experience from 颁证数量 for evaluation institutions", () => {
    const batch: BatchDefinition = {
      ...nationalBatch2,
      eligibilityRules: [{ rule: "minExperienceYears", severity: "hard", years: 2 }],
    };
    const evaluationScale = [
      { year: 2022, certificateCount: 10 },
      { year: 2021, certificateCount: 10 },
    ];
    const result = evaluateEligibility(
      input(batch, { kind: "evaluation", values: values({ evaluationScale }), today: "2023-06-01" }),
    );
    expect(ruleOf(result, "minExperienceYears")).toMatchObject({
      outcome: "pass",
      title: "2年以上考核评价经验",
      reason: "单位成立于2010-05-01（已满13年），近5年中有2个年度开展考核评价",
    });
  });
});

describe("evaluateEligibility: bars after a failed assessment", () => {
  const barred = (bars: EligibilityInput["bars"], today = "2026-03-10") =>
    evaluateEligibility(input(shanghaiBatch3, { bars, today }));
  const reason = "考核评估不通过：培训质量不达标";

  it("blocks while a bar runs, naming the first day it may apply again, in Chinese", () => {
    const result = barred([{ until: "2028-06-30", reason }]);
    expect(ruleOf(result, "notBarred")).toMatchObject({
      outcome: "fail",
      severity: "hard",
      reason: "2028年6月30日前不得再次申报（考核评估不通过：培训质量不达标）",
    });
    expect(result).toMatchObject({ outcome: "fail", blocking: true });
  });

  it("lifts a bar on the day its message names", () => {
    expect(ruleOf(barred([{ until: "2026-03-11", reason }]), "notBarred").outcome).toBe("fail");
    expect(ruleOf(barred([{ until: "2026-03-10", reason }]), "notBarred").outcome).toBe("pass");
    expect(ruleOf(barred([{ until: "2023-01-01", reason }]), "notBarred")).toMatchObject({
      outcome: "pass",
      reason: "无生效中的申报限制",
    });
    // Stored as 00:00 Asia/Shanghai of the opening day, as the assessment writes it.
    const stored = { until: "2026-03-09T16:00:00.000Z", reason };
    expect(ruleOf(barred([stored], "2026-03-09"), "notBarred")).toMatchObject({
      outcome: "fail",
      reason: "2026年3月10日前不得再次申报（考核评估不通过：培训质量不达标）",
    });
    expect(ruleOf(barred([stored], "2026-03-10"), "notBarred").outcome).toBe("pass");
  });

  it("holds a mid-day instant through that day and names the next, and holds an unreadable end", () => {
    // 2026-03-10 02:00 in Shanghai: the message may not name 3月10日 while the bar still holds on it.
    const midDay = { until: "2026-03-09T18:00:00Z", reason };
    expect(ruleOf(barred([midDay], "2026-03-10"), "notBarred")).toMatchObject({
      outcome: "fail",
      reason: "2026年3月11日前不得再次申报（考核评估不通过：培训质量不达标）",
    });
    expect(ruleOf(barred([midDay], "2026-03-11"), "notBarred").outcome).toBe("pass");
    expect(ruleOf(barred([{ until: "三年后", reason }]), "notBarred")).toMatchObject({
      outcome: "fail",
      reason: "不得再次申报，限制期限“三年后”无法识别，请联系主管部门（考核评估不通过：培训质量不达标）",
    });
  });

  it("says 考核评估不通过 once, however the office began its note", () => {
    const twice = "考核评估不通过：考核评估不通过：师资不足";
    expect(ruleOf(barred([{ until: "2028-06-30", reason: twice }]), "notBarred").reason).toBe(
      "2028年6月30日前不得再次申报（考核评估不通过：师资不足）",
    );
  });

  it("lists every running bar, the latest first", () => {
    const result = barred([
      { until: "2027-01-01", reason: "甲" },
      { until: "2020-01-01", reason: "已过期" },
      { until: "2029-01-01", reason: "乙" },
    ]);
    expect(ruleOf(result, "notBarred").reason).toBe(
      "2029年1月1日前不得再次申报（乙）；2027年1月1日前不得再次申报（甲）",
    );
  });
});

describe("evaluateEligibility: rule severities and the overall outcome", () => {
  it("adds 未被限制申报 and 申报职业和等级 as hard rules when a batch omits them", () => {
    const bare: BatchDefinition = {
      ...nationalBatch2,
      eligibilityRules: [{ rule: "minAnnualScale", severity: "hard", count: 2000 }],
    };
    const result = evaluateEligibility(
      input(bare, { occupation: "ai", bars: [{ until: "2099-01-01", reason: "x" }] }),
    );
    expect(result.results.map((r) => [r.rule, r.severity, r.outcome])).toEqual([
      ["minAnnualScale", "hard", "pass"],
      ["notBarred", "hard", "fail"],
      ["occupationOpen", "hard", "pass"],
    ]);
    expect(result.blocking).toBe(true);
  });

  it("keeps a batch's own severity for those rules", () => {
    const soft: BatchDefinition = {
      ...nationalBatch2,
      eligibilityRules: [{ rule: "notBarred", severity: "soft" }],
    };
    const result = evaluateEligibility(input(soft, { bars: [{ until: "2099-01-01", reason: "x" }] }));
    expect(result.results.map((r) => [r.rule, r.severity])).toEqual([
      ["notBarred", "soft"],
      ["occupationOpen", "hard"],
    ]);
    expect(result).toMatchObject({ outcome: "review", blocking: false });
  });

  it("blocks on a hard failure, reviews on a soft failure or an undecided rule, passes otherwise", () => {
    const make = (rules: BatchDefinition["eligibilityRules"]): BatchDefinition => ({
      ...nationalBatch2,
      eligibilityRules: [
        ...rules,
        { rule: "notBarred", severity: "hard" },
        { rule: "occupationOpen", severity: "hard" },
      ],
    });
    const late = values({ foundedOn: "2020-01-01" });
    const run = (rules: BatchDefinition["eligibilityRules"], v = late) =>
      evaluateEligibility(input(make(rules), { values: v, today: "2023-06-01" }));
    expect(run([{ rule: "registeredOnOrBefore", severity: "hard", date: "2018-12-31" }])).toMatchObject({
      outcome: "fail",
      blocking: true,
    });
    expect(run([{ rule: "registeredOnOrBefore", severity: "soft", date: "2018-12-31" }])).toMatchObject({
      outcome: "review",
      blocking: false,
    });
    expect(
      run(
        [{ rule: "registeredOnOrBefore", severity: "hard", date: "2018-12-31" }],
        values({ foundedOn: null }),
      ),
    ).toMatchObject({ outcome: "review", blocking: false });
    expect(run([{ rule: "registeredOnOrBefore", severity: "hard", date: "2020-01-01" }])).toMatchObject({
      outcome: "pass",
      blocking: false,
    });
  });
});
