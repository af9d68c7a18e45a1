import { describe, expect, it } from "vitest";
import { computeTotals, emptyValues } from "../forms/fields";
import { nationalEvaluationV1 } from "../forms/templates/national-evaluation-v1";
import { nationalTrainingV1 } from "../forms/templates/national-training-v1";
import type { FormValues, TableRowValues } from "../forms/types";
import { diffValues, formatFieldValue } from "./diff-values";

const teacher = (name: string, phone: string, teacherType = "fullTime"): TableRowValues => ({
  name,
  employer: "某大学",
  title: "教授",
  specialty: "人工智能",
  teacherType,
  phone,
});

function version(extra: FormValues = {}): FormValues {
  return computeTotals(nationalTrainingV1, {
    ...emptyValues(nationalTrainingV1),
    occupation: "ai",
    levels: ["junior"],
    institutionName: "某培训中心",
    legalRepresentativeIdNumber: "110105198001011234",
    unitType: "enterprise",
    industry: "65",
    registeredCapital: 500,
    foundedOn: "2010-05-01",
    taxRecords: [2022, 2023, 2024].map((year) => ({ year, taxAmount: 10, dishonest: false })),
    nationalContinuingEducationBase: false,
    fullTimeTeacherCount: 2,
    partTimeTeacherCount: 0,
    teachers: [teacher("赵一", "13800138000"), teacher("钱二", "13900139000")],
    commitmentAccepted: false,
    ...extra,
  });
}

describe("diffValues", () => {
  it('reports nothing for identical versions, and nothing for 12 vs "12"', () => {
    expect(diffValues(nationalTrainingV1, version(), version())).toEqual([]);
    expect(diffValues(nationalTrainingV1, version(), version({ registeredCapital: "500" }))).toEqual([]);
  });

  it("lists changes in print order with printed labels and display values", () => {
    const before = version();
    const after = version({
      levels: ["senior", "junior"],
      registeredCapital: 612.5,
      unitType: "public_institution",
      industry: "94",
      foundedOn: "2009-05-01",
      nationalContinuingEducationBase: true,
      partTimeTeacherCount: 1,
      commitmentAccepted: true,
      trainingFeeJunior: 80,
    });
    expect(diffValues(nationalTrainingV1, before, after)).toEqual([
      { path: "levels", label: "拟申报开展培训的专业技术等级", before: "初级", after: "初级、高级" },
      { path: "unitType", label: "单位类型", before: "企业", after: "事业单位" },
      { path: "industry", label: "所属行业", before: "软件和信息技术服务业", after: "社会保障" },
      { path: "registeredCapital", label: "注册资金（万元）", before: "500万元", after: "612.5万元" },
      { path: "foundedOn", label: "单位成立时间", before: "2010-05-01", after: "2009-05-01" },
      {
        path: "nationalContinuingEducationBase",
        label: "国家级专业技术人员继续教育基地",
        before: "否",
        after: "是",
      },
      { path: "teacherCount", label: "师资团队总人数", before: "2人", after: "3人" },
      { path: "partTimeTeacherCount", label: "兼职师资队伍人数", before: "0人", after: "1人" },
      { path: "trainingFeeJunior", label: "培训费用（元/学时）·初级", before: "", after: "80元" },
      { path: "commitmentAccepted", label: "承诺", before: "未勾选", after: "已勾选" },
    ]);
  });

  it("compares table rows by position and reports added and removed rows whole", () => {
    const before = version();
    const after = version({
      teachers: [
        teacher("赵一", "13800138000"),
        { ...teacher("钱二", "13900139000"), title: "副教授", teacherType: "partTime" },
        teacher("孙三", "010-62345678", "partTime"),
      ],
      taxRecords: [2022, 2023, 2024].map((year) => ({
        year,
        taxAmount: year === 2024 ? 12 : 10,
        dishonest: false,
      })),
    });
    expect(diffValues(nationalTrainingV1, before, after)).toEqual([
      {
        path: "taxRecords.2.taxAmount",
        label: "近三年纳税情况第3行·税额（万元）",
        before: "10万元",
        after: "12万元",
      },
      { path: "teachers.1.title", label: "培训教师第2行·专业技术职务/职称", before: "教授", after: "副教授" },
      {
        path: "teachers.1.teacherType",
        label: "培训教师第2行·人员性质",
        before: "专职师资",
        after: "兼职师资",
      },
      {
        path: "teachers.2",
        label: "培训教师第3行（新增）",
        before: "",
        after:
          "姓名：孙三；工作单位：某大学；专业技术职务/职称：教授；专业：人工智能；人员性质：兼职师资；联系电话：010-****5678",
      },
    ]);
    const removed = diffValues(nationalTrainingV1, after, before).filter(
      (change) => change.path === "teachers.2",
    );
    expect(removed).toEqual([
      {
        path: "teachers.2",
        label: "培训教师第3行（删除）",
        before:
          "姓名：孙三；工作单位：某大学；专业技术职务/职称：教授；专业：人工智能；人员性质：兼职师资；联系电话：010-****5678",
        after: "",
      },
    ]);
  });

  it("masks ID and phone numbers unless asked not to, yet still sees a change hidden by the mask", () => {
    const before = version();
    const after = version({
      legalRepresentativeIdNumber: "110105198001019234",
      teachers: [teacher("赵一", "13811138000"), teacher("钱二", "13900139000")],
    });
    expect(diffValues(nationalTrainingV1, before, after)).toEqual([
      {
        path: "legalRepresentativeIdNumber",
        label: "法定代表人身份证号",
        before: "110***********1234",
        after: "110***********9234",
      },
      {
        path: "teachers.0.phone",
        label: "培训教师第1行·联系电话",
        before: "138****8000",
        after: "138****8000",
      },
    ]);
    expect(diffValues(nationalTrainingV1, before, after, { maskPersonalData: false })[1]).toEqual({
      path: "teachers.0.phone",
      label: "培训教师第1行·联系电话",
      before: "13800138000",
      after: "13811138000",
    });
  });

  it("shows years, multi-choice option labels and footers of the evaluation form", () => {
    const base = computeTotals(nationalEvaluationV1, {
      ...emptyValues(nationalEvaluationV1),
      evaluationScale: [
        { year: 2023, certificateName: "A", certificateNature: "own", certificateCount: 100 },
      ],
      certificateCategories: ["industry"],
    });
    const next = computeTotals(nationalEvaluationV1, {
      ...base,
      evaluationScale: [
        { year: 2024, certificateName: "A", certificateNature: "other", certificateCount: 100 },
      ],
      certificateCategories: ["industry", "upgradedQualification"],
    });
    expect(diffValues(nationalEvaluationV1, base, next)).toEqual([
      {
        path: "evaluationScale.0.year",
        label: "近5年开展考核评价规模（人次）第1行·年度",
        before: "2023年",
        after: "2024年",
      },
      {
        path: "evaluationScale.0.certificateNature",
        label: "近5年开展考核评价规模（人次）第1行·证书性质（自有证书或其它机构证书）",
        before: "自有证书",
        after: "其它机构证书",
      },
      { path: "ownCertificates", label: "其中自有证书规模", before: "100人次", after: "" },
      {
        path: "certificateCategories",
        label: "证书类别",
        before: "行业证书",
        after: "行业证书、在已取消的职业资格证书基础上升级改造的新型证书",
      },
    ]);
  });

  it("shows malformed values as typed rather than hiding them", () => {
    const changes = diffValues(
      nationalTrainingV1,
      version(),
      version({ registeredCapital: "五百", unitType: "外星企业" }),
    );
    expect(changes).toEqual([
      { path: "unitType", label: "单位类型", before: "企业", after: "外星企业" },
      { path: "registeredCapital", label: "注册资金（万元）", before: "500万元", after: "五百" },
    ]);
    const table = diffValues(nationalTrainingV1, version(), version({ teachers: "无" as never }));
    expect(table.map((change) => change.label)).toEqual(["培训教师第1行（删除）", "培训教师第2行（删除）"]);
  });
});

describe("formatFieldValue", () => {
  it("formats each field type for display", () => {
    const field = (type: string, extra: object = {}) =>
      ({ key: "k", label: "l", required: true, type, ...extra }) as never;
    expect(formatFieldValue(field("integer", { min: 0, unit: "人次" }), 1500)).toBe("1500人次");
    expect(formatFieldValue(field("integer", { min: 0 }), 7)).toBe("7");
    expect(formatFieldValue(field("number", { min: 0, unit: "元", decimals: 2 }), "80.5")).toBe("80.5元");
    expect(formatFieldValue(field("levels"), ["senior", "intermediate", "junior"])).toBe("初级、中级、高级");
    expect(formatFieldValue(field("yesNo"), false)).toBe("否");
    expect(
      formatFieldValue(field("select", { options: "occupation", multiple: false }), "digital_management"),
    ).toBe("数字化管理师");
    expect(formatFieldValue(field("consent"), null)).toBe("未勾选");
    expect(formatFieldValue(field("text", { maxLength: 10 }), null)).toBe("");
    expect(formatFieldValue(field("idNumber"), "110105198001011234", { maskPersonalData: false })).toBe(
      "110105198001011234",
    );
  });
});
