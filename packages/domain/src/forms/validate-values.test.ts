import { describe, expect, it } from "vitest";
import { computeCreditCodeCheckChar } from "../validators/credit-code";
import { computeIdNumberCheckChar } from "../validators/id-number";
import { computeTotals, emptyValues } from "./fields";
import { sanitizeFormValues } from "./sanitize";
import { cellLabel, listFormSlots } from "./slots";
import { nationalEvaluationV1 } from "./templates/national-evaluation-v1";
import { nationalTrainingV1 } from "./templates/national-training-v1";
import { shanghaiTrainingV1 } from "./templates/shanghai-training-v1";
import type { FormTemplate, FormValues, TableRowValues } from "./types";
import { type FormIssue, validateFormValues } from "./validate-values";

const TODAY = "2025-06-01";
const creditCode = (first17 = "91310115MA1K4AB3X") => first17 + computeCreditCodeCheckChar(first17);
const idNumber = (first17 = "11010519800101123") => first17 + computeIdNumberCheckChar(first17);

const teacher = (name: string, teacherType: string | null, phone = "13800138000"): TableRowValues => ({
  name,
  employer: "某大学计算机学院",
  title: "教授",
  specialty: "人工智能",
  teacherType,
  phone,
});

/** The head and 基本情况 shared by the three forms, filled as a careful applicant would. */
function basicInfo(bases: boolean): FormValues {
  return {
    occupation: "ai",
    levels: ["junior", "intermediate"],
    institutionName: "上海某某信息技术培训中心",
    creditCode: creditCode(),
    legalRepresentativeName: "张三",
    legalRepresentativeIdNumber: idNumber(),
    address: "上海市浦东新区张江路1号",
    unitType: "enterprise",
    industry: "65",
    registeredCapital: 500,
    employeeCount: 120,
    foundedOn: "2010-05-01",
    taxRecords: [2022, 2023, 2024].map((year) => ({ year, taxAmount: 35.5, dishonest: false })),
    ...(bases
      ? {
          nationalContinuingEducationBase: false,
          industryContinuingEducationBase: true,
          provincialContinuingEducationBase: true,
          occupationStandardDeveloper: false,
        }
      : {}),
    leadName: "李四",
    leadPhone: "021-62345678",
    leadPosition: "副院长",
    leadEmail: "lisi@example.com",
    contactName: "王五",
    contactPhone: "13912345678",
    contactPosition: "培训部主任",
    contactEmail: "wangwu@example.com",
    institutionProfile: "单位基本情况：本单位成立于2010年，长期从事数字技术培训。",
    facilities: [
      { address: "张江路1号3楼", area: 1200.5, capacity: 300, equipmentSets: 150, equipmentValue: 480 },
    ],
    onlinePlatform: "建有线上培训平台，网址 https://example.com 。",
    commitmentAccepted: true,
  };
}

/** A training form that passes every check in submit mode. */
function filledTraining(template: FormTemplate = nationalTrainingV1, extra: FormValues = {}): FormValues {
  return computeTotals(template, {
    ...emptyValues(template),
    ...basicInfo(template.id !== shanghaiTrainingV1.id),
    trainingScale: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({
      year,
      trainees: null,
      independent: 1500 + i * 100,
      cooperative: 500,
    })),
    fullTimeTeacherCount: 2,
    partTimeTeacherCount: 1,
    teachers: [
      teacher("赵一", "fullTime"),
      teacher("钱二", "fullTime"),
      teacher("孙三", "partTime", "010-62345678"),
    ],
    trainingHistory: "近五年开展人工智能培训共计一万余人次。",
    teacherDevelopment: "专兼职结合，定期培训。",
    plannedTraineesJunior: 1000,
    plannedTraineesIntermediate: 500,
    plannedTraineesSenior: 100,
    trainingFeeJunior: 50,
    trainingFeeIntermediate: 80.5,
    trainingFeeSenior: 120,
    trainingPlan: "下一步将扩大培训规模。",
    ...extra,
  });
}

function filledEvaluation(extra: FormValues = {}): FormValues {
  return computeTotals(nationalEvaluationV1, {
    ...emptyValues(nationalEvaluationV1),
    ...basicInfo(true),
    evaluationConducted: true,
    certificateIssued: true,
    evaluationScale: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({
      year,
      certificateName: "人工智能应用能力证书",
      certificateNature: i % 2 === 0 ? "own" : "other",
      certificateCount: 2000 + i * 100,
    })),
    certificateCategories: ["industry"],
    assessmentTeamCount: 52,
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

const validate = (
  template: FormTemplate,
  values: FormValues,
  mode: "draft" | "submit" = "submit",
  today = TODAY,
) => validateFormValues(template, values, { today, mode }).issues;

/** The one issue at `path`, failing when there is none or several. */
function issueAt(issues: FormIssue[], path: string): FormIssue {
  const found = issues.filter((issue) => issue.path === path);
  expect(found, `issues at ${path}: ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0] as FormIssue;
}

const withRow = (values: FormValues, table: string, index: number, patch: TableRowValues): FormValues => ({
  ...values,
  [table]: (values[table] as TableRowValues[]).map((row, i) => (i === index ? { ...row, ...patch } : row)),
});

describe("validateFormValues: complete forms", () => {
  it.each([
    ["national training", nationalTrainingV1, filledTraining(nationalTrainingV1)],
    ["shanghai training", shanghaiTrainingV1, filledTraining(shanghaiTrainingV1)],
    ["national evaluation", nationalEvaluationV1, filledEvaluation()],
  ] as const)("accepts a complete %s form in both modes", (_name, template, values) => {
    expect(validate(template, values, "submit")).toEqual([]);
    expect(validate(template, values, "draft")).toEqual([]);
  });

  it("refuses a today that is not a real YYYY-MM-DD date", () => {
    expect(() => validate(nationalTrainingV1, filledTraining(), "draft", "2025-6-1")).toThrow(RangeError);
    expect(() => validate(nationalTrainingV1, filledTraining(), "draft", "2025-02-30")).toThrow(RangeError);
  });
});

describe("validateFormValues: required values", () => {
  it("accepts an empty draft: a draft may be partial", () => {
    for (const template of [nationalTrainingV1, shanghaiTrainingV1, nationalEvaluationV1]) {
      expect(validate(template, emptyValues(template), "draft")).toEqual([]);
      expect(validate(template, {}, "draft")).toEqual([]);
    }
  });

  it("lists every missing required value of an empty form on submit, naming each field", () => {
    const issues = validate(nationalTrainingV1, emptyValues(nationalTrainingV1));
    const messages = issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "请选择拟申报开展培训的职业（仅填一项）",
        "请选择拟申报开展培训的专业技术等级",
        "请填写单位名称（盖章）",
        "请填写统一社会信用代码",
        "请填写法定代表人姓名",
        "请填写法定代表人身份证号",
        "请选择单位类型",
        "请选择所属行业",
        "请填写注册资金（万元）",
        "请填写单位成立时间",
        "请填写近三年纳税情况第1行·年份",
        "请选择近三年纳税情况第3行·是否有失信行为（从信用中国平台查询后填）",
        "请选择国家级专业技术人员继续教育基地",
        "请填写申报负责人电话",
        "请填写申报联系人邮箱",
        "请填写单位基本情况",
        "请填写近5年培训规模（人次）第5行·独立培训人数",
        "自有场地及设施设备情况：至少填写1行",
        "培训教师：至少填写1行",
        "请填写专职师资队伍人数",
        "请填写下一步培训工作规划",
        "请阅读并勾选承诺",
      ]),
    );
    expect(new Set(issues.map((issue) => issue.code))).toEqual(
      new Set(["required", "table_rows", "consent"]),
    );
    expect(issues.every((issue) => issue.severity === "error")).toBe(true);
    // computed totals are never "required": the applicant cannot type them
    expect(issues.map((issue) => issue.path)).not.toContain("teacherCount");
    expect(issues.map((issue) => issue.path)).not.toContain("trainingScale.0.trainees");
    // 3 tax rows × 3 columns and 5 scale rows × 3 input columns are all required
    expect(issues.filter((issue) => issue.path.startsWith("taxRecords."))).toHaveLength(9);
    expect(issues.filter((issue) => issue.path.startsWith("trainingScale."))).toHaveLength(15);
    // no level is ticked yet: the plan's per-level figures are not asked before one is
    expect(messages).not.toContain("请填写培训费用（元/学时）·高级");
  });

  it("requires at least one level on submit, not in a draft", () => {
    const values = filledTraining(nationalTrainingV1, { levels: [] });
    expect(issueAt(validate(nationalTrainingV1, values), "levels")).toMatchObject({
      code: "required",
      message: "请选择拟申报开展培训的专业技术等级",
    });
    expect(validate(nationalTrainingV1, values, "draft")).toEqual([]);
  });

  it("treats a blank string as missing", () => {
    const issues = validate(
      nationalTrainingV1,
      filledTraining(nationalTrainingV1, { institutionName: "   " }),
    );
    expect(issueAt(issues, "institutionName")).toMatchObject({ code: "required", label: "单位名称（盖章）" });
  });

  it("does not require optional columns (证书名称, 证书性质)", () => {
    const values = withRow(filledEvaluation(), "evaluationScale", 0, {
      certificateName: null,
      certificateNature: null,
    });
    expect(validate(nationalEvaluationV1, computeTotals(nationalEvaluationV1, values))).toEqual([]);
  });

  it("requires the 承诺 on submit only, with the message the UI shows", () => {
    const values = filledTraining(nationalTrainingV1, { commitmentAccepted: false });
    expect(validate(nationalTrainingV1, values)).toEqual([
      {
        path: "commitmentAccepted",
        label: "承诺",
        message: "请阅读并勾选承诺",
        severity: "error",
        code: "consent",
      },
    ]);
    expect(validate(nationalTrainingV1, values, "draft")).toEqual([]);
    expect(
      issueAt(
        validate(nationalTrainingV1, { ...values, commitmentAccepted: "yes" }, "draft"),
        "commitmentAccepted",
      ).code,
    ).toBe("type");
  });
});

describe("validateFormValues: text and narratives", () => {
  it("counts 字数 as a word processor does and reports the count", () => {
    const at = (text: string) =>
      validate(nationalTrainingV1, filledTraining(nationalTrainingV1, { institutionProfile: text }), "draft");
    expect(at("字".repeat(800))).toEqual([]);
    expect(issueAt(at("字".repeat(801)), "institutionProfile")).toEqual({
      path: "institutionProfile",
      label: "单位基本情况",
      message: "单位基本情况：字数为801字，超过800字的限制",
      severity: "error",
      code: "word_limit",
    });
    // Latin words and numbers count once each: 798 字 + "AI" + "2023" = 800
    expect(at(`${"字".repeat(798)} AI 2023`)).toEqual([]);
    expect(issueAt(at(`${"字".repeat(798)} AI 2023 5G`), "institutionProfile").message).toBe(
      "单位基本情况：字数为801字，超过800字的限制",
    );
  });

  it("applies each narrative's own limit (300 / 500 / 800)", () => {
    const values = filledTraining(nationalTrainingV1, {
      onlinePlatform: "字".repeat(301),
      trainingHistory: "字".repeat(501),
      teacherDevelopment: "字".repeat(500),
      trainingPlan: "字".repeat(801),
    });
    expect(validate(nationalTrainingV1, values).map((issue) => issue.message)).toEqual([
      "信息化平台建设情况：字数为301字，超过300字的限制",
      "已有培训情况简述：字数为501字，超过500字的限制",
      "下一步培训工作规划：字数为801字，超过800字的限制",
    ]);
  });

  it("limits single-line text by characters", () => {
    const issues = validate(
      nationalTrainingV1,
      filledTraining(nationalTrainingV1, { institutionName: "机".repeat(101) }),
    );
    expect(issueAt(issues, "institutionName")).toMatchObject({
      code: "max_length",
      message: "单位名称（盖章）：长度为101字，超过100字的限制",
    });
    expect(
      validate(nationalTrainingV1, filledTraining(nationalTrainingV1, { institutionName: "机".repeat(100) })),
    ).toEqual([]);
  });

  it("keeps markup as text but rejects control characters other than line feed and tab", () => {
    const ok = filledTraining(nationalTrainingV1, {
      institutionProfile: '<script>alert("x")</script>\n\t第二段 <b>加粗</b>',
      institutionName: "<img src=x onerror=alert(1)>",
    });
    expect(validate(nationalTrainingV1, ok)).toEqual([]);
    for (const char of ["\u0000", "\u0007", "\r", "\u001b", "\u007f", "\u0085"]) {
      const values = filledTraining(nationalTrainingV1, { trainingPlan: `规划${char}内容` });
      expect(issueAt(validate(nationalTrainingV1, values, "draft"), "trainingPlan")).toMatchObject({
        code: "control_chars",
        label: "下一步培训工作规划",
        message: expect.stringMatching(/^下一步培训工作规划：含有不可见的控制字符/),
      });
    }
    const cell = withRow(filledTraining(), "teachers", 2, { employer: "某大学\u0008" });
    expect(issueAt(validate(nationalTrainingV1, cell), "teachers.2.employer")).toMatchObject({
      code: "control_chars",
      label: "培训教师第3行·工作单位",
    });
  });

  it("rejects a non-string in a text field", () => {
    const issues = validate(nationalTrainingV1, filledTraining(nationalTrainingV1, { address: 42 }), "draft");
    expect(issueAt(issues, "address")).toMatchObject({ code: "type", message: "单位地址：应为文字" });
  });
});

describe("validateFormValues: numbers, counts and years", () => {
  const draft = (extra: FormValues) =>
    validate(nationalTrainingV1, filledTraining(nationalTrainingV1, extra), "draft");

  it("accepts amounts ≥ 0 with up to 2 decimals, typed or as numbers", () => {
    for (const registeredCapital of [0, 500, 12.34, "12.34", "１２", "1,234.5", " 88 "]) {
      expect(draft({ registeredCapital })).toEqual([]);
    }
  });

  it.each([
    [-1, "negative", "注册资金（万元）：不能为负数"],
    ["-0.5", "negative", "注册资金（万元）：不能为负数"],
    [12.345, "decimals", "注册资金（万元）：最多保留2位小数"],
    ["abc", "not_a_number", "注册资金（万元）：应为数字（单位：万元）"],
    [Number.NaN, "not_a_number", "注册资金（万元）：应为数字（单位：万元）"],
    [Number.POSITIVE_INFINITY, "not_a_number", "注册资金（万元）：应为数字（单位：万元）"],
    [true, "type", "注册资金（万元）：应为数字"],
  ])("rejects 注册资金 %s (%s)", (registeredCapital, code, message) => {
    expect(issueAt(draft({ registeredCapital }), "registeredCapital")).toMatchObject({ code, message });
  });

  it.each([
    [1.5, "not_integer", "正式员工数：应为整数"],
    ["3.0", "not_integer", "正式员工数：应为整数"],
    [-3, "negative", "正式员工数：不能为负数"],
    ["三", "not_a_number", "正式员工数：应为不小于0的整数"],
    [1e21, "not_a_number", "正式员工数：应为不小于0的整数"],
    [2 ** 60, "too_large", "正式员工数：数值过大"],
  ])("rejects 正式员工数 %s (%s)", (employeeCount, code, message) => {
    expect(issueAt(draft({ employeeCount }), "employeeCount")).toMatchObject({ code, message });
  });

  it("accepts whole counts ≥ 0, typed or as numbers", () => {
    for (const employeeCount of [0, 7, "7", "０", " 12 "]) expect(draft({ employeeCount })).toEqual([]);
  });

  it("names the level in 年度计划 and 培训费用 fields", () => {
    const senior = { levels: ["junior", "senior"] };
    expect(issueAt(draft({ ...senior, plannedTraineesSenior: -1 }), "plannedTraineesSenior").message).toBe(
      "年度计划培训人数（人次）·高级：不能为负数",
    );
    expect(issueAt(draft({ trainingFeeJunior: 1.234 }), "trainingFeeJunior").message).toBe(
      "培训费用（元/学时）·初级：最多保留2位小数",
    );
  });

  it("checks table cells with their row and column", () => {
    const values = withRow(filledTraining(), "facilities", 0, { capacity: -5, area: "大" });
    const issues = validate(nationalTrainingV1, values, "draft");
    expect(issueAt(issues, "facilities.0.capacity").message).toBe(
      "自有场地及设施设备情况第1行·容纳人数：不能为负数",
    );
    expect(issueAt(issues, "facilities.0.area").message).toBe(
      "自有场地及设施设备情况第1行·场地面积：应为数字（单位：平方米）",
    );
  });

  it("accepts years from 1949 to the current year", () => {
    const at = (year: string | number) =>
      validate(nationalTrainingV1, withRow(filledTraining(), "taxRecords", 0, { year }), "draft");
    for (const year of [1949, 2025, "2021", "２０２１"]) expect(at(year)).toEqual([]);
    expect(issueAt(at(1948), "taxRecords.0.year")).toMatchObject({
      code: "year_range",
      label: "近三年纳税情况第1行·年份",
      message: "近三年纳税情况第1行·年份：应在1949年至2025年之间，当前为1948年",
    });
    expect(issueAt(at(2026), "taxRecords.0.year").code).toBe("year_range");
    for (const year of [2023.5, "23", "2023年度", "二〇二三"]) {
      expect(issueAt(at(year), "taxRecords.0.year")).toMatchObject({
        code: "year",
        message: "近三年纳税情况第1行·年份：应为四位数年份，如 2023",
      });
    }
  });

  it("moves the upper year bound with today", () => {
    const values = withRow(filledTraining(), "taxRecords", 0, { year: 2026 });
    expect(validate(nationalTrainingV1, values, "draft", "2026-01-01")).toEqual([]);
    expect(validate(nationalTrainingV1, values, "draft", "2025-12-31")).toHaveLength(1);
  });

  it("rejects the same year twice in a table, in drafts too", () => {
    const values = withRow(filledTraining(), "trainingScale", 3, { year: 2021 });
    const issues = validate(nationalTrainingV1, values, "draft");
    expect(issues).toEqual([
      {
        path: "trainingScale.3.year",
        label: "近5年培训规模（人次）第4行·年度",
        message: "近5年培训规模（人次）第4行·年度：2021年与第2行重复，每个年度只能填写一行",
        severity: "error",
        code: "duplicate_year",
      },
    ]);
    const tax = withRow(filledTraining(), "taxRecords", 2, { year: 2022 });
    expect(issueAt(validate(nationalTrainingV1, tax, "draft"), "taxRecords.2.year").code).toBe(
      "duplicate_year",
    );
  });

  it("warns on submit when the years are not consecutive or not recent", () => {
    const gap = withRow(filledTraining(), "trainingScale", 0, { year: 2018 });
    expect(validate(nationalTrainingV1, gap)).toEqual([
      {
        path: "trainingScale",
        label: "近5年培训规模（人次）",
        message: "近5年培训规模（人次）：年度应为连续的年份，当前为2018、2021、2022、2023、2024年，请核对",
        severity: "warning",
        code: "year_sequence",
      },
    ]);
    expect(validate(nationalTrainingV1, gap, "draft")).toEqual([]);
    const old = filledTraining(nationalTrainingV1, {
      taxRecords: [2019, 2020, 2021].map((year) => ({ year, taxAmount: 1, dishonest: false })),
    });
    expect(issueAt(validate(nationalTrainingV1, old), "taxRecords")).toMatchObject({
      code: "year_stale",
      severity: "warning",
      message: "近三年纳税情况：最近的年度为2021年，应填写最近的年度（2024年前后）",
    });
    // 2023 is recent enough in June 2025 (the 2024 figures may not be final yet)
    const recent = filledTraining(nationalTrainingV1, {
      taxRecords: [2021, 2022, 2023].map((year) => ({ year, taxAmount: 1, dishonest: false })),
    });
    expect(validate(nationalTrainingV1, recent)).toEqual([]);
  });
});

describe("validateFormValues: dates, choices and identifiers", () => {
  const draft = (extra: FormValues, template: FormTemplate = nationalTrainingV1) =>
    validate(
      template,
      template.kind === "evaluation" ? filledEvaluation(extra) : filledTraining(template, extra),
      "draft",
    );

  it("checks 单位成立时间 is a real date, not in the future", () => {
    expect(draft({ foundedOn: TODAY })).toEqual([]);
    expect(draft({ foundedOn: "1898-07-03" })).toEqual([]);
    expect(issueAt(draft({ foundedOn: "2025-06-02" }), "foundedOn")).toMatchObject({
      code: "date_future",
      message: "单位成立时间：不能晚于今天（2025-06-01），当前为2025-06-02",
    });
    for (const foundedOn of ["2018-02-30", "2018-5-1", "2018/05/01", "昨天", 20180501]) {
      expect(issueAt(draft({ foundedOn }), "foundedOn")).toMatchObject({
        code: "date",
        message: "单位成立时间：应为有效日期，格式如 2018-05-01",
      });
    }
    expect(issueAt(draft({ foundedOn: "1799-12-31" }), "foundedOn").code).toBe("date");
  });

  it("accepts only the option source's codes in selects", () => {
    expect(draft({ unitType: "public_institution", industry: "94" })).toEqual([]);
    expect(issueAt(draft({ unitType: "事业单位" }), "unitType")).toMatchObject({
      code: "option",
      message: "单位类型：“事业单位”不是有效的选项，请从列表中选择",
    });
    // 所属行业 is chosen down to the 大类; a 门类 alone is not precise enough
    expect(issueAt(draft({ industry: "I" }), "industry").code).toBe("option");
    expect(issueAt(draft({ occupation: "quantum" }), "occupation").code).toBe("option");
    expect(issueAt(draft({ occupation: 3 }), "occupation").code).toBe("option");
    const teachers = withRow(filledTraining(), "teachers", 0, { teacherType: "外聘" });
    expect(issueAt(validate(nationalTrainingV1, teachers, "draft"), "teachers.0.teacherType").message).toBe(
      "培训教师第1行·人员性质：“外聘”不是有效的选项，请从列表中选择",
    );
  });

  it("checks multi-choice 证书类别", () => {
    expect(draft({ certificateCategories: ["industry", "enterprise"] }, nationalEvaluationV1)).toEqual([]);
    expect(
      issueAt(
        draft({ certificateCategories: ["industry", "x"] }, nationalEvaluationV1),
        "certificateCategories",
      ).message,
    ).toBe("证书类别：“x”不是有效的选项");
    expect(
      issueAt(draft({ certificateCategories: ["own", "own"] }, nationalEvaluationV1), "certificateCategories")
        .code,
    ).toBe("option");
    expect(
      issueAt(
        draft({ certificateCategories: ["industry", "industry"] }, nationalEvaluationV1),
        "certificateCategories",
      ).message,
    ).toBe("证书类别：选项重复");
    expect(
      issueAt(draft({ certificateCategories: "industry" }, nationalEvaluationV1), "certificateCategories")
        .code,
    ).toBe("type");
    expect(
      issueAt(
        validate(nationalEvaluationV1, filledEvaluation({ certificateCategories: [] })),
        "certificateCategories",
      ),
    ).toMatchObject({
      code: "required",
      message: "请选择证书类别",
    });
  });

  it("accepts levels as a subset of 初级 / 中级 / 高级", () => {
    expect(draft({ levels: ["senior"] })).toEqual([]);
    expect(draft({ levels: ["junior", "intermediate", "senior"] })).toEqual([]);
    expect(issueAt(draft({ levels: ["junior", "expert"] }), "levels")).toMatchObject({
      code: "option",
      message: "拟申报开展培训的专业技术等级：“expert”不是有效的等级（初级、中级、高级）",
    });
    expect(issueAt(draft({ levels: ["junior", "junior"] }), "levels").code).toBe("option");
    expect(issueAt(draft({ levels: "junior" }), "levels").code).toBe("type");
  });

  it("accepts only true / false for 是 / 否", () => {
    for (const value of ["是", "yes", 1, "true"]) {
      expect(
        issueAt(draft({ nationalContinuingEducationBase: value }), "nationalContinuingEducationBase"),
      ).toMatchObject({
        code: "yes_no",
        message: "国家级专业技术人员继续教育基地：应选择“是”或“否”",
      });
    }
    const tax = withRow(filledTraining(), "taxRecords", 1, { dishonest: "否" });
    expect(issueAt(validate(nationalTrainingV1, tax, "draft"), "taxRecords.1.dishonest").label).toBe(
      "近三年纳税情况第2行·是否有失信行为（从信用中国平台查询后填）",
    );
  });

  it("warns, not errs, on a credit code whose check character is wrong", () => {
    const good = creditCode();
    const wrong = good.slice(0, 17) + (good.endsWith("0") ? "1" : "0");
    expect(draft({ creditCode: good.toLowerCase() })).toEqual([]);
    expect(draft({ creditCode: wrong })).toEqual([
      {
        path: "creditCode",
        label: "统一社会信用代码",
        message: `统一社会信用代码：校验位应为“${good.at(-1)}”，当前为“${wrong.at(-1)}”。请与营业执照（登记证书）核对，确认无误后可继续`,
        severity: "warning",
        code: "credit_code_checksum",
      },
    ]);
  });

  it("rejects a malformed credit code", () => {
    expect(issueAt(draft({ creditCode: "9131011" }), "creditCode")).toMatchObject({
      code: "credit_code",
      severity: "error",
      message: "统一社会信用代码：应为18位，当前为7位",
    });
    expect(issueAt(draft({ creditCode: `91990000${"1".repeat(10)}` }), "creditCode").message).toBe(
      "统一社会信用代码：第3–8位（登记管理机关行政区划码）“990000”无效",
    );
  });

  it("checks the 法定代表人身份证号 check digit and birth date against today", () => {
    const good = idNumber();
    const wrong = good.slice(0, 17) + (good.endsWith("1") ? "2" : "1");
    expect(issueAt(draft({ legalRepresentativeIdNumber: wrong }), "legalRepresentativeIdNumber")).toEqual({
      path: "legalRepresentativeIdNumber",
      label: "法定代表人身份证号",
      message: "法定代表人身份证号：校验位错误，请核对",
      severity: "error",
      code: "id_number",
    });
    expect(
      issueAt(draft({ legalRepresentativeIdNumber: good.slice(0, 15) }), "legalRepresentativeIdNumber")
        .message,
    ).toBe("法定代表人身份证号：应为18位，当前为15位");
    const bornTomorrow = idNumber("11010520250602123");
    expect(
      issueAt(draft({ legalRepresentativeIdNumber: bornTomorrow }), "legalRepresentativeIdNumber").message,
    ).toBe("法定代表人身份证号：出生日期晚于今天，请核对");
    const values = filledTraining(nationalTrainingV1, { legalRepresentativeIdNumber: bornTomorrow });
    expect(validate(nationalTrainingV1, values, "draft", "2025-06-02")).toEqual([]);
  });

  it("checks phones, naming the person or the teacher's row", () => {
    expect(issueAt(draft({ leadPhone: "12345" }), "leadPhone")).toMatchObject({
      code: "phone",
      message: "申报负责人电话：格式不正确，手机号如 13800138000，固定电话如 010-62345678",
    });
    expect(issueAt(draft({ contactPhone: "62345678" }), "contactPhone").message).toBe(
      "申报联系人电话：固定电话请填写区号，如 021-62345678",
    );
    const values = withRow(filledTraining(), "teachers", 3 - 1, { phone: "1380013800" });
    expect(issueAt(validate(nationalTrainingV1, values, "draft"), "teachers.2.phone")).toMatchObject({
      label: "培训教师第3行·联系电话",
      code: "phone",
    });
    expect(draft({ leadPhone: "+86 138-0013-8000" })).toEqual([]);
  });

  it("checks e-mail addresses", () => {
    expect(issueAt(draft({ leadEmail: "lisi@example" }), "leadEmail")).toMatchObject({
      code: "email",
      message: "申报负责人邮箱：格式不正确，如 name@example.com",
    });
    expect(draft({ leadEmail: "lisi＠example.com" })).toEqual([]);
  });
});

describe("validateFormValues: tables", () => {
  it("requires fixed rows: more is always an error, fewer only on submit", () => {
    const four = filledTraining(nationalTrainingV1, {
      taxRecords: [2021, 2022, 2023, 2024].map((year) => ({ year, taxAmount: 1, dishonest: false })),
    });
    expect(issueAt(validate(nationalTrainingV1, four, "draft"), "taxRecords")).toMatchObject({
      code: "table_rows",
      message: "近三年纳税情况：应为3行，当前为4行",
    });
    const two = filledTraining(nationalTrainingV1, {
      taxRecords: [2023, 2024].map((year) => ({ year, taxAmount: 1, dishonest: false })),
    });
    expect(validate(nationalTrainingV1, two, "draft")).toEqual([]);
    expect(issueAt(validate(nationalTrainingV1, two), "taxRecords").message).toBe(
      "近三年纳税情况：应为3行，当前为2行",
    );
  });

  it("requires every cell of the five scale years on submit", () => {
    const values = withRow(filledTraining(), "trainingScale", 4, { year: null, cooperative: null });
    const issues = validate(nationalTrainingV1, computeTotals(nationalTrainingV1, values));
    expect(issues.map((issue) => issue.message)).toEqual([
      "请填写近5年培训规模（人次）第5行·年度",
      "请填写近5年培训规模（人次）第5行·合作培训人数",
    ]);
  });

  it("reports an empty row of an open table once, and does not count it", () => {
    const values = filledTraining(nationalTrainingV1, {
      facilities: [{ address: null, area: null, capacity: null, equipmentSets: null, equipmentValue: null }],
    });
    const issues = validate(nationalTrainingV1, values);
    expect(issues.map((issue) => [issue.path, issue.code, issue.message])).toEqual([
      ["facilities", "table_rows", "自有场地及设施设备情况：至少填写1行"],
      ["facilities.0", "empty_row", "自有场地及设施设备情况第1行：该行为空，请填写或删除"],
    ]);
    expect(validate(nationalTrainingV1, values, "draft")).toEqual([]);
  });

  it("rejects a table that is not a list and rows that are not objects", () => {
    const values = filledTraining(nationalTrainingV1, { facilities: "一处" as never });
    expect(issueAt(validate(nationalTrainingV1, values, "draft"), "facilities")).toMatchObject({
      code: "type",
      message: "自有场地及设施设备情况：格式不正确，应为表格行列表",
    });
    const rows = filledTraining(nationalTrainingV1, {
      teachers: [teacher("赵一", "fullTime"), "钱二" as never, teacher("孙三", "partTime")],
      fullTimeTeacherCount: 1,
    });
    expect(issueAt(validate(nationalTrainingV1, rows, "draft"), "teachers.1")).toMatchObject({
      code: "type",
      label: "培训教师第2行",
    });
  });
});

describe("validateFormValues: computed totals and cross-field rules", () => {
  it("catches tampered totals, explaining the formula", () => {
    const values: FormValues = { ...filledTraining(), totalTrainees: 1, teacherCount: 40 };
    const issues = validate(nationalTrainingV1, values, "draft");
    expect(issueAt(issues, "totalTrainees")).toMatchObject({
      code: "computed_mismatch",
      message:
        "培训总规模：应等于近5年培训规模（人次）中各行“培训人数”之和（11000），当前为1；该项由系统自动计算，请勿手工修改",
    });
    expect(issueAt(issues, "teacherCount").message).toBe(
      "师资团队总人数：应等于专职师资队伍人数与兼职师资队伍人数之和（3），当前为40；该项由系统自动计算，请勿手工修改",
    );
  });

  it("catches a tampered computed cell", () => {
    const values = withRow(filledTraining(), "trainingScale", 0, { trainees: 9999 });
    expect(issueAt(validate(nationalTrainingV1, values, "draft"), "trainingScale.0.trainees")).toMatchObject({
      label: "近5年培训规模（人次）第1行·培训人数",
      message:
        "近5年培训规模（人次）第1行·培训人数：应等于独立培训人数与合作培训人数之和（2000），当前为9999；该项由系统自动计算，请勿手工修改",
    });
  });

  it("names the filter of a conditional total", () => {
    const values = { ...filledEvaluation(), ownCertificates: 0 };
    expect(issueAt(validate(nationalEvaluationV1, values, "draft"), "ownCertificates").message).toBe(
      "其中自有证书规模：应等于近5年开展考核评价规模（人次）中证书性质（自有证书或其它机构证书）为“自有证书”的各行“颁证数量”之和（6600），当前为0；该项由系统自动计算，请勿手工修改",
    );
  });

  it("accepts totals stored as numeric strings and empty totals of an empty table", () => {
    const values = { ...filledTraining(), totalTrainees: "11000" };
    expect(validate(nationalTrainingV1, values, "draft")).toEqual([]);
    expect(
      validate(nationalTrainingV1, { ...emptyValues(nationalTrainingV1), teacherCount: 0 }, "draft"),
    ).toHaveLength(1);
  });

  it("refuses more named teachers than 专职 / 兼职 counts, naming the count", () => {
    const partTime = filledTraining(shanghaiTrainingV1, { partTimeTeacherCount: 0 });
    expect(issueAt(validate(shanghaiTrainingV1, partTime), "partTimeTeacherCount")).toEqual({
      path: "partTimeTeacherCount",
      label: "兼职师资队伍人数",
      message:
        "兼职师资队伍人数：填写为0人，但培训教师名单中已列出兼职师资1人，名单人数不能超过兼职师资队伍人数",
      severity: "error",
      code: "teacher_count_exceeded",
    });
    // the figures contradict each other whatever the mode: shown while typing too
    expect(issueAt(validate(shanghaiTrainingV1, partTime, "draft"), "partTimeTeacherCount").code).toBe(
      "teacher_count_exceeded",
    );
  });

  it("accepts fewer named teachers than counted: a warning, silenced by a 另附页 (注6)", () => {
    const values = filledTraining(nationalTrainingV1, { fullTimeTeacherCount: 12, partTimeTeacherCount: 1 });
    expect(validate(nationalTrainingV1, values)).toEqual([
      {
        path: "fullTimeTeacherCount",
        label: "专职师资队伍人数",
        message:
          "专职师资队伍人数为12人，培训教师名单中列出专职师资2人；其余10人可在“另附页”附件中列明（注6：本表可另附页）",
        severity: "warning",
        code: "teacher_list_partial",
      },
    ]);
    expect(validate(nationalTrainingV1, values, "draft")).toEqual([]);
    expect(
      validateFormValues(nationalTrainingV1, values, {
        today: TODAY,
        mode: "submit",
        extraPagesAttached: true,
      }).issues,
    ).toEqual([]);
  });

  it("leaves the teacher-list check to the required errors while a 人员性质 is missing", () => {
    const values = withRow(filledTraining(), "teachers", 0, { teacherType: null });
    expect(validate(nationalTrainingV1, values).map((issue) => issue.code)).toEqual(["required"]);
  });

  it("warns when 是否颁发证书 is 否 but certificates are reported", () => {
    const values = filledEvaluation({ certificateIssued: false });
    expect(validate(nationalEvaluationV1, values, "draft")).toEqual([
      {
        path: "certificateIssued",
        label: "是否颁发证书",
        message: "是否颁发证书：填写为“否”，但近5年颁证数量合计为11000人次，请核对",
        severity: "warning",
        code: "certificate_issued_mismatch",
      },
    ]);
  });
});

describe("listFormSlots and cellLabel", () => {
  it("labels fields as messages name them, in print order", () => {
    const labels = listFormSlots(nationalTrainingV1).map((slot) => slot.label);
    expect(labels.slice(0, 6)).toEqual([
      "拟申报开展培训的职业（仅填一项）",
      "拟申报开展培训的专业技术等级",
      "单位名称（盖章）",
      "统一社会信用代码",
      "法定代表人姓名",
      "法定代表人身份证号",
    ]);
    expect(labels).toContain("其中独立培训规模");
    expect(labels).toContain("年度计划培训人数（人次）·中级");
    expect(labels.indexOf("近5年培训规模（人次）")).toBeLessThan(labels.indexOf("培训总规模"));
    const teachers = listFormSlots(nationalTrainingV1).find((slot) => slot.key === "teachers");
    if (teachers?.type !== "table") throw new Error("teachers is a table");
    const phone = teachers.table.columns.find((column) => column.key === "phone");
    if (!phone) throw new Error("teachers have a phone column");
    expect(cellLabel(teachers.table, 3, phone)).toBe("培训教师第4行·联系电话");
  });
});

describe("sanitizeFormValues", () => {
  it("keeps only the template's keys and columns and fills the rest with empty values", () => {
    const result = sanitizeFormValues(nationalTrainingV1, {
      institutionName: "某中心",
      isAdmin: true,
      recommendationReason: "自己写的推荐理由",
      teachers: [{ ...teacher("赵一", "fullTime"), salary: 1, __proto__: { polluted: true } }],
      totalCertificates: 5,
    });
    expect(result).not.toHaveProperty("isAdmin");
    expect(result).not.toHaveProperty("recommendationReason");
    expect(result).not.toHaveProperty("totalCertificates");
    expect(Object.keys(result).sort()).toEqual(Object.keys(emptyValues(nationalTrainingV1)).sort());
    expect(result.institutionName).toBe("某中心");
    expect(result.teachers).toEqual([teacher("赵一", "fullTime")]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.taxRecords).toHaveLength(3);
    expect(result.trainingScale).toHaveLength(5);
  });

  it("returns an empty form for anything that is not an object", () => {
    for (const raw of [null, undefined, "x", 3, [1, 2]]) {
      expect(sanitizeFormValues(shanghaiTrainingV1, raw)).toEqual(emptyValues(shanghaiTrainingV1));
    }
  });

  it("coerces values whose meaning is unambiguous", () => {
    const result = sanitizeFormValues(nationalTrainingV1, {
      institutionName: "  某中心 \r\n ",
      address: 12,
      institutionProfile: "\n \n　　第一段\r\n第二段\u000b第三段\f第四段\r第五段  \n",
      registeredCapital: "1,234.5",
      employeeCount: "１２０",
      foundedOn: "2018/5/1",
      industry: "I65",
      unitType: " enterprise ",
      levels: ["高级", "初级", "初级", "intermediate"],
      creditCode: ` ${creditCode().toLowerCase().slice(0, 9)} ${creditCode().slice(9)} `,
      legalRepresentativeIdNumber: idNumber().replace(/X$/, "x"),
      leadPhone: "+86 138-0013-8000",
      contactPhone: "(021) 6234 5678",
      leadEmail: " Li.Si@Example.COM ",
      nationalContinuingEducationBase: "是",
      industryContinuingEducationBase: "否",
      provincialContinuingEducationBase: "maybe",
      occupationStandardDeveloper: 0,
      commitmentAccepted: "true",
      taxRecords: [{ year: "2023年", taxAmount: "３５.５", dishonest: "false" }],
      trainingScale: [{ year: 2024, trainees: 1, independent: "1500", cooperative: 500 }],
      fullTimeTeacherCount: "2",
      partTimeTeacherCount: 1,
      teacherCount: 999,
    });
    expect(result).toMatchObject({
      institutionName: "某中心",
      address: "12",
      institutionProfile: "　　第一段\n第二段\n第三段\n第四段\n第五段",
      registeredCapital: 1234.5,
      employeeCount: 120,
      foundedOn: "2018-05-01",
      industry: "65",
      unitType: "enterprise",
      levels: ["junior", "intermediate", "senior"],
      creditCode: creditCode(),
      legalRepresentativeIdNumber: idNumber(),
      leadPhone: "13800138000",
      contactPhone: "021-62345678",
      leadEmail: "Li.Si@example.com",
      nationalContinuingEducationBase: true,
      industryContinuingEducationBase: false,
      provincialContinuingEducationBase: null,
      occupationStandardDeveloper: false,
      commitmentAccepted: false,
      teacherCount: 3,
    });
    expect((result.taxRecords as TableRowValues[])[0]).toEqual({
      year: 2023,
      taxAmount: 35.5,
      dishonest: false,
    });
    expect((result.trainingScale as TableRowValues[])[0]).toEqual({
      year: 2024,
      trainees: 2000,
      independent: 1500,
      cooperative: 500,
    });
    expect(result.totalTrainees).toBe(2000);
    expect(sanitizeFormValues(nationalTrainingV1, { foundedOn: "2018年5月1日" }).foundedOn).toBe(
      "2018-05-01",
    );
    expect(sanitizeFormValues(nationalTrainingV1, { commitmentAccepted: true }).commitmentAccepted).toBe(
      true,
    );
  });

  it("keeps what it cannot coerce, so that validation can say what is wrong", () => {
    const result = sanitizeFormValues(nationalTrainingV1, {
      registeredCapital: " 五百 ",
      foundedOn: "去年",
      industry: "I66",
      levels: ["expert"],
      leadPhone: " 12345 ",
      leadEmail: "nobody",
      trainingPlan: "规划\u0007",
    });
    expect(result).toMatchObject({
      registeredCapital: "五百",
      foundedOn: "去年",
      industry: "I66",
      levels: ["expert"],
      leadPhone: "12345",
      leadEmail: "nobody",
      trainingPlan: "规划\u0007",
    });
    const codes = validate(nationalTrainingV1, result, "draft").map((issue) => [issue.path, issue.code]);
    expect(codes).toEqual([
      ["levels", "option"],
      ["industry", "option"],
      ["registeredCapital", "not_a_number"],
      ["foundedOn", "date"],
      ["leadPhone", "phone"],
      ["leadEmail", "email"],
      ["trainingPlan", "control_chars"],
    ]);
  });

  it("drops non-numbers from number fields when they are not text", () => {
    const result = sanitizeFormValues(nationalTrainingV1, {
      registeredCapital: Number.NaN,
      employeeCount: true,
      levels: "junior",
      occupation: { code: "ai" },
      teachers: "张三",
    });
    expect(result).toMatchObject({
      registeredCapital: null,
      employeeCount: null,
      levels: [],
      occupation: null,
      teachers: [],
    });
  });

  it("turns a complete form into one that validates unchanged", () => {
    for (const [template, values] of [
      [nationalTrainingV1, filledTraining(nationalTrainingV1)],
      [shanghaiTrainingV1, filledTraining(shanghaiTrainingV1)],
      [nationalEvaluationV1, filledEvaluation()],
    ] as const) {
      const sanitized = sanitizeFormValues(template, JSON.parse(JSON.stringify(values)));
      expect(sanitized).toEqual(values);
      expect(validate(template, sanitized)).toEqual([]);
    }
  });

  it("pads fixed tables but keeps extra rows for validation to report", () => {
    const result = sanitizeFormValues(nationalTrainingV1, {
      taxRecords: [1, 2, 3, 4].map((i) => ({ year: 2020 + i, taxAmount: 1, dishonest: false })),
      trainingScale: [{ year: 2024 }],
    });
    expect(result.taxRecords).toHaveLength(4);
    expect(result.trainingScale).toHaveLength(5);
    expect((result.trainingScale as TableRowValues[])[4]).toEqual({
      year: null,
      trainees: null,
      independent: null,
      cooperative: null,
    });
  });
});
