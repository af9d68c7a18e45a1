import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkMinAnnualScale } from "../eligibility/activity-rules";
import { readAnnualFigures } from "../eligibility/read-values";
import type { EligibilityInput } from "../eligibility/types";
import type { LevelCode } from "../reference/levels";
import { computeCreditCodeCheckChar } from "../validators/credit-code";
import { computeIdNumberCheckChar } from "../validators/id-number";
import { fieldApplies, isRequiredNow } from "./applicability";
import { formAttachments } from "./extra-pages";
import { computeTotals, emptyValues, listFields } from "./fields";
import { sanitizeFormValues } from "./sanitize";
import { nationalEvaluationV1 } from "./templates/national-evaluation-v1";
import { nationalTrainingV1 } from "./templates/national-training-v1";
import { shanghaiTrainingV1 } from "./templates/shanghai-training-v1";
import type { FormTemplate, FormValues, TableRowValues } from "./types";
import { type FormIssue, validateFormValues } from "./validate-values";

/*
 * Issue 16 points 4–6: the forms' rules as the official forms state them — several certificates a
 * year on the evaluation form, teacher lists that may name fewer teachers than counted (注6: 本表可另
 * 附页), and per-level figures asked only for the levels applied for.
 */

const TODAY = "2025-06-01";
const creditCode = () => `91310115MA1K4AB3X${computeCreditCodeCheckChar("91310115MA1K4AB3X")}`;
const idNumber = () => `11010519800101123${computeIdNumberCheckChar("11010519800101123")}`;

function basics(): FormValues {
  return {
    occupation: "ai",
    levels: ["junior", "intermediate", "senior"],
    institutionName: "某某评价中心",
    creditCode: creditCode(),
    legalRepresentativeName: "张三",
    legalRepresentativeIdNumber: idNumber(),
    address: "北京市海淀区中关村大街1号",
    unitType: "enterprise",
    industry: "65",
    registeredCapital: 500,
    employeeCount: 120,
    foundedOn: "2010-05-01",
    taxRecords: [2022, 2023, 2024].map((year) => ({ year, taxAmount: 35.5, dishonest: false })),
    nationalContinuingEducationBase: false,
    industryContinuingEducationBase: true,
    provincialContinuingEducationBase: true,
    occupationStandardDeveloper: false,
    leadName: "李四",
    leadPhone: "010-62345678",
    leadPosition: "副主任",
    leadEmail: "lisi@example.com",
    contactName: "王五",
    contactPhone: "13912345678",
    contactPosition: "主任",
    contactEmail: "wangwu@example.com",
    institutionProfile: "单位基本情况。",
    facilities: [
      { address: "中关村大街1号", area: 800, capacity: 200, equipmentSets: 100, equipmentValue: 300 },
    ],
    onlinePlatform: "有考试平台。",
    commitmentAccepted: true,
  };
}

const certificate = (year: number, certificateName: string, certificateCount: number, own = true) => ({
  year,
  certificateName,
  certificateNature: own ? "own" : "other",
  certificateCount,
});

/** An evaluation form that passes every check: 2024 holds two certificates. */
function evaluation(extra: FormValues = {}): FormValues {
  return computeTotals(nationalEvaluationV1, {
    ...emptyValues(nationalEvaluationV1),
    ...basics(),
    evaluationConducted: true,
    certificateIssued: true,
    evaluationScale: [
      certificate(2020, "数据分析师证书", 1500),
      certificate(2021, "数据分析师证书", 1600),
      certificate(2022, "数据分析师证书", 1700),
      certificate(2023, "数据分析师证书", 1800),
      certificate(2024, "数据分析师证书", 1200),
      certificate(2024, "数据治理工程师证书", 900, false),
    ],
    certificateCategories: ["industry"],
    assessmentTeamCount: 60,
    assessorCount: 40,
    supervisorCount: 8,
    questionSetters: [{ name: "周六", employer: "某研究院", title: "研究员", phone: "13700137000" }],
    evaluationHistory: "近五年开展考核评价。",
    assessmentTeamDevelopment: "考评员定期培训。",
    plannedAssesseesJunior: 1000,
    plannedAssesseesIntermediate: 300,
    plannedAssesseesSenior: 50,
    assessmentFeeJunior: 300,
    assessmentFeeIntermediate: 500,
    assessmentFeeSenior: 800,
    evaluationPlan: "下一步考核评价工作规划。",
    ...extra,
  });
}

const teacher = (name: string, teacherType: string): TableRowValues => ({
  name,
  employer: "某大学计算机学院",
  title: "教授",
  specialty: "人工智能",
  teacherType,
  phone: "13800138000",
});

function training(extra: FormValues = {}): FormValues {
  return computeTotals(nationalTrainingV1, {
    ...emptyValues(nationalTrainingV1),
    ...basics(),
    trainingScale: [2020, 2021, 2022, 2023, 2024].map((year) => ({
      year,
      trainees: null,
      independent: 1800,
      cooperative: 400,
    })),
    fullTimeTeacherCount: 1,
    partTimeTeacherCount: 1,
    teachers: [teacher("赵一", "fullTime"), teacher("钱二", "partTime")],
    trainingHistory: "近五年开展培训。",
    teacherDevelopment: "专兼职结合。",
    plannedTraineesJunior: 1000,
    plannedTraineesIntermediate: 500,
    plannedTraineesSenior: 100,
    trainingFeeJunior: 50,
    trainingFeeIntermediate: 80,
    trainingFeeSenior: 120,
    trainingPlan: "下一步将扩大培训规模。",
    ...extra,
  });
}

const check = (
  template: FormTemplate,
  values: FormValues,
  mode: "draft" | "submit" = "submit",
  extraPagesAttached = false,
) => validateFormValues(template, values, { today: TODAY, mode, extraPagesAttached }).issues;
const codes = (issues: FormIssue[]) => issues.map((issue) => issue.code);

describe("several certificates a year (近5年开展考核评价规模)", () => {
  it("accepts two certificates in one year and adds them into the totals", () => {
    const values = evaluation();
    expect(check(nationalEvaluationV1, values)).toEqual([]);
    expect(values.totalCertificates).toBe(8700);
    expect(values.ownCertificates).toBe(7800);
  });

  it("adds a year's certificates for the 2000 人次 rule, per year", () => {
    const values = evaluation();
    expect(readAnnualFigures("evaluation", values)[0]).toEqual({ year: 2024, count: 2100 });
    const verdict = checkMinAnnualScale({ kind: "evaluation", values } as EligibilityInput, 2000);
    expect(verdict).toMatchObject({ outcome: "pass", reason: "2024年颁证数量2100人次，达到2000人次" });
  });

  it("refuses the same certificate twice in one year, naming the row", () => {
    const rows = [
      ...(evaluation().evaluationScale as TableRowValues[]),
      certificate(2023, "数据分析师证书", 5),
    ];
    const issues = check(nationalEvaluationV1, evaluation({ evaluationScale: rows }), "draft");
    expect(issues).toEqual([
      {
        path: "evaluationScale.6.year",
        label: "近5年开展考核评价规模（人次）第7行·年度",
        code: "duplicate_certificate",
        severity: "error",
        message:
          "近5年开展考核评价规模（人次）第7行·年度：2023年的“数据分析师证书”与第4行重复，同一证书名称每个年度只填写一行",
      },
    ]);
  });

  it("asks for 5 years on submit and refuses a sixth year", () => {
    const four = (evaluation().evaluationScale as TableRowValues[]).filter((row) => row.year !== 2020);
    const short = check(nationalEvaluationV1, evaluation({ evaluationScale: four }));
    expect(short).toEqual([
      expect.objectContaining({
        path: "evaluationScale",
        code: "table_years",
        message: "近5年开展考核评价规模（人次）：应填写5个年度（同一年度可填写多行），当前为4个年度",
      }),
    ]);
    expect(check(nationalEvaluationV1, evaluation({ evaluationScale: four }), "draft")).toEqual([]);
    const six = [...(evaluation().evaluationScale as TableRowValues[]), certificate(2019, "旧证书", 10)];
    expect(codes(check(nationalEvaluationV1, evaluation({ evaluationScale: six }), "draft"))).toContain(
      "table_years",
    );
  });

  it("does not require the rows when 是否开展评价 = 否, nor 证书类别 when 是否颁发证书 = 否", () => {
    const none = evaluation({
      evaluationConducted: false,
      certificateIssued: false,
      evaluationScale: emptyValues(nationalEvaluationV1).evaluationScale as TableRowValues[],
      certificateCategories: [],
    });
    expect(check(nationalEvaluationV1, none)).toEqual([]);
    const issued = { ...none, certificateIssued: true, evaluationConducted: true };
    const issues = check(nationalEvaluationV1, issued);
    expect(issues.find((issue) => issue.path === "certificateCategories")).toMatchObject({
      code: "required",
      message: "请选择证书类别",
    });
    expect(issues.find((issue) => issue.path === "evaluationScale")).toMatchObject({ code: "table_years" });
  });

  it("warns when 是否开展评价 = 否 yet certificates are reported", () => {
    expect(check(nationalEvaluationV1, evaluation({ evaluationConducted: false }), "draft")).toEqual([
      {
        path: "evaluationConducted",
        label: "是否开展评价",
        code: "evaluation_conducted_mismatch",
        severity: "warning",
        message: "是否开展评价：填写为“否”，但近5年颁证数量合计为8700人次，请核对",
      },
    ]);
  });

  it("property: stored rows come back at least one per year, and loading twice changes nothing", () => {
    const row = fc.record({
      year: fc.oneof(fc.integer({ min: 2018, max: 2024 }), fc.constant(null)),
      certificateName: fc.oneof(fc.constantFrom("甲证书", "乙证书"), fc.constant(null)),
      certificateNature: fc.constantFrom("own", "other", null),
      certificateCount: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constant(null)),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const once = sanitizeFormValues(nationalEvaluationV1, { evaluationScale: rows });
        const stored = once.evaluationScale as TableRowValues[];
        expect(stored.length).toBe(Math.max(rows.length, 5));
        expect(stored.slice(0, rows.length)).toEqual(rows);
        expect(sanitizeFormValues(nationalEvaluationV1, JSON.parse(JSON.stringify(once)))).toEqual(once);
      }),
    );
  });

  it("still checks what is typed into rows that are not required", () => {
    const rows = [certificate(2024, "证书", -5)];
    const issues = check(
      nationalEvaluationV1,
      evaluation({ evaluationConducted: false, evaluationScale: rows }),
    );
    expect(issues.map((issue) => issue.path)).toContain("evaluationScale.0.certificateCount");
  });

  it("takes 考评团队总人数 as typed, at least 考评员 + 督导员", () => {
    expect(check(nationalEvaluationV1, evaluation({ assessmentTeamCount: 48 }))).toEqual([]);
    expect(check(nationalEvaluationV1, evaluation({ assessmentTeamCount: 47 }), "draft")).toEqual([
      {
        path: "assessmentTeamCount",
        label: "考评团队总人数",
        code: "team_count_below_parts",
        severity: "error",
        message: "考评团队总人数：填写为47人，少于考评员队伍人数与督导员队伍人数之和（48人），请核对",
      },
    ]);
    expect(check(nationalEvaluationV1, evaluation({ assessmentTeamCount: null }))).toEqual([
      expect.objectContaining({ path: "assessmentTeamCount", code: "required" }),
    ]);
  });

  it("property: totals and yearly figures are the sums of the certificate rows", () => {
    const row = fc.record({
      year: fc.integer({ min: 2020, max: 2024 }),
      certificateName: fc.constantFrom("甲证书", "乙证书", "丙证书"),
      certificateNature: fc.constantFrom("own", "other"),
      certificateCount: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 15 }), (rows) => {
        const values = computeTotals(nationalEvaluationV1, { evaluationScale: rows });
        const sum = rows.reduce((total, r) => total + r.certificateCount, 0);
        expect(values.totalCertificates).toBe(rows.length === 0 ? null : sum);
        const figures = readAnnualFigures("evaluation", values);
        expect(figures.reduce((total, figure) => total + figure.count, 0)).toBe(sum);
        for (const figure of figures) {
          const ofYear = rows.filter((r) => r.year === figure.year);
          expect(figure.count).toBe(ofYear.reduce((total, r) => total + r.certificateCount, 0));
        }
      }),
    );
  });

  it("property: 考评团队总人数 is refused exactly when below 考评员 + 督导员", () => {
    const n = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(n, n, n, (team, assessors, supervisors) => {
        const issues = check(
          nationalEvaluationV1,
          evaluation({ assessmentTeamCount: team, assessorCount: assessors, supervisorCount: supervisors }),
          "draft",
        );
        expect(codes(issues).includes("team_count_below_parts")).toBe(team < assessors + supervisors);
      }),
    );
  });
});

describe("teacher lists as the form allows (注6: 本表可另附页)", () => {
  it("accepts a list naming fewer teachers than counted when a 另附页 is attached", () => {
    const values = training({ fullTimeTeacherCount: 30, partTimeTeacherCount: 12 });
    expect(check(nationalTrainingV1, values, "submit", true)).toEqual([]);
    const warned = check(nationalTrainingV1, values);
    expect(warned.map((issue) => [issue.path, issue.code, issue.severity])).toEqual([
      ["fullTimeTeacherCount", "teacher_list_partial", "warning"],
      ["partTimeTeacherCount", "teacher_list_partial", "warning"],
    ]);
  });

  it("refuses more named teachers than counted, with a message naming the field", () => {
    const values = training({ fullTimeTeacherCount: 0 });
    expect(check(nationalTrainingV1, values, "submit", true)).toEqual([
      {
        path: "fullTimeTeacherCount",
        label: "专职师资队伍人数",
        code: "teacher_count_exceeded",
        severity: "error",
        message:
          "专职师资队伍人数：填写为0人，但培训教师名单中已列出专职师资1人，名单人数不能超过专职师资队伍人数",
      },
    ]);
  });

  it("property: an error exactly when a kind's named teachers exceed its count", () => {
    const kinds = fc.array(fc.constantFrom("fullTime", "partTime"), { minLength: 1, maxLength: 12 });
    const n = fc.integer({ min: 0, max: 15 });
    fc.assert(
      fc.property(kinds, n, n, (types, fullTime, partTime) => {
        const teachers = types.map((type, i) => teacher(`教师${i}`, type));
        const values = training({ teachers, fullTimeTeacherCount: fullTime, partTimeTeacherCount: partTime });
        const issues = check(nationalTrainingV1, values, "submit", true);
        const named = (type: string) => types.filter((t) => t === type).length;
        const exceeded = (path: string) =>
          issues.some((issue) => issue.path === path && issue.code === "teacher_count_exceeded");
        expect(exceeded("fullTimeTeacherCount")).toBe(named("fullTime") > fullTime);
        expect(exceeded("partTimeTeacherCount")).toBe(named("partTime") > partTime);
        expect(codes(issues)).not.toContain("teacher_list_partial");
      }),
    );
  });
});

describe("levels not applied for are not required", () => {
  const planKeys = (template: FormTemplate) =>
    listFields(template)
      .filter((entry) => entry.field.level !== undefined)
      .map((entry) => ({ key: entry.key, level: entry.field.level as LevelCode }));

  it("marks the 6 plan figures of each form with their level", () => {
    expect(planKeys(nationalTrainingV1).map((entry) => entry.key)).toEqual([
      "plannedTraineesJunior",
      "plannedTraineesIntermediate",
      "plannedTraineesSenior",
      "trainingFeeJunior",
      "trainingFeeIntermediate",
      "trainingFeeSenior",
    ]);
    expect(planKeys(nationalEvaluationV1).filter((entry) => entry.level === "senior")).toEqual([
      { key: "plannedAssesseesSenior", level: "senior" },
      { key: "assessmentFeeSenior", level: "senior" },
    ]);
  });

  it("does not ask 高级 figures when only 初级 / 中级 are applied for, nor check them", () => {
    const values = training({
      levels: ["junior", "intermediate"],
      plannedTraineesSenior: null,
      trainingFeeSenior: "乱填",
    });
    expect(check(nationalTrainingV1, values)).toEqual([]);
    const senior = check(nationalTrainingV1, { ...values, levels: ["senior"] });
    expect(senior.map((issue) => issue.message)).toEqual([
      "请填写年度计划培训人数（人次）·高级",
      expect.stringContaining("培训费用（元/学时）·高级："),
    ]);
  });

  it("property: a plan figure is asked exactly when its level is applied for", () => {
    fc.assert(
      fc.property(fc.subarray(["junior", "intermediate", "senior"] as const, { minLength: 1 }), (levels) => {
        for (const template of [nationalTrainingV1, nationalEvaluationV1]) {
          const base = template === nationalTrainingV1 ? training() : evaluation();
          const blanks = Object.fromEntries(planKeys(template).map((entry) => [entry.key, null]));
          const issues = check(template, { ...base, ...blanks, levels: [...levels] });
          const asked = issues.filter((issue) => issue.code === "required").map((issue) => issue.path);
          const expected = planKeys(template)
            .filter((entry) => (levels as readonly string[]).includes(entry.level))
            .map((entry) => entry.key);
          expect(asked).toEqual(expected);
        }
      }),
    );
  });

  it("answers applicability and requirement from the values", () => {
    const senior = { level: "senior" as const };
    expect(fieldApplies(senior, { levels: ["junior"] })).toBe(false);
    expect(fieldApplies(senior, { levels: ["senior"] })).toBe(true);
    expect(fieldApplies(senior, null)).toBe(true);
    const categories = { required: true, optionalWhen: { key: "certificateIssued", equals: false } };
    expect(isRequiredNow(categories, { certificateIssued: false })).toBe(false);
    expect(isRequiredNow(categories, { certificateIssued: null })).toBe(true);
  });
});

describe("drafts stored with the old shapes", () => {
  /** An evaluation draft as saved before: 5 fixed rows, 考评团队总人数 stored as the computed sum. */
  const oldDraft: FormValues = {
    ...evaluation(),
    evaluationScale: [2020, 2021, 2022, 2023, 2024].map((year) => certificate(year, "数据分析师证书", 2100)),
    assessmentTeamCount: 48,
  };

  it("load unchanged and still validate: the row shape is the same, one row per certificate", () => {
    const loaded = sanitizeFormValues(nationalEvaluationV1, JSON.parse(JSON.stringify(oldDraft)));
    expect(loaded).toEqual(computeTotals(nationalEvaluationV1, oldDraft));
    expect(check(nationalEvaluationV1, loaded)).toEqual([]);
  });

  it("load an old empty draft: its 5 blank rows stay, not required until 是否开展评价 is 是", () => {
    const blank = emptyValues(nationalEvaluationV1);
    expect((blank.evaluationScale as unknown[]).length).toBe(5);
    const loaded = sanitizeFormValues(nationalEvaluationV1, { ...blank, evaluationConducted: false });
    expect(
      check(nationalEvaluationV1, loaded).filter((issue) => issue.path.startsWith("evaluationScale")),
    ).toEqual([]);
  });
});

describe("the form's own 另附页 slot (注6)", () => {
  it("is offered by every form whose notes allow extra pages, never required", () => {
    expect(formAttachments(nationalTrainingV1)).toEqual([
      {
        code: "extraPages",
        name: "推荐表另附页",
        required: false,
        note: "注6：本表可另附页。表中名单（如培训教师）未列全的，其余人员可在另附页中列明",
      },
    ]);
    expect(formAttachments(shanghaiTrainingV1)[0]?.name).toBe("申报表另附页");
    expect(formAttachments({ ...nationalEvaluationV1, notes: [] })).toEqual([]);
  });
});
