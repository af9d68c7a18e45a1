import { describe, expect, it } from "vitest";
import { nationalEvaluationV1, nationalTrainingV1, shanghaiTrainingV1 } from "../forms";
import type { FormValues } from "../forms/types";
import { computeCreditCodeCheckChar } from "../validators/credit-code";
import {
  type ConflictApplication,
  type ConflictExpert,
  conflictOverrideSchema,
  conflictPairKey,
  conflictTypeNames,
  conflictTypes,
  detectConflicts,
  effectiveConflicts,
} from "./conflicts";
import { collectStaffTables, listApplicationPeople } from "./read-staff";

const withCheck = (first17: string) => first17 + computeCreditCodeCheckChar(first17);
const APPLICANT_CODE = withCheck("91310115MA1K4AB3X");
const OTHER_CODE = withCheck("12100000425006117");

const expert = (extra: Partial<ConflictExpert> = {}): ConflictExpert => ({
  name: "王芳",
  employer: "复旦大学计算机科学技术学院",
  employerCreditCode: OTHER_CODE,
  phone: "13900001111",
  email: "wangfang@fudan.edu.cn",
  regionCode: "310000",
  ...extra,
});

const teacher = (name: string, employer: string, phone = "13800000000") => ({
  name,
  employer,
  title: "教授",
  specialty: "人工智能",
  teacherType: "partTime",
  phone,
});

const application = (
  values: FormValues = {},
  extra: Partial<ConflictApplication> = {},
): ConflictApplication => ({
  institutionName: "上海数智培训有限公司",
  creditCode: APPLICANT_CODE,
  regionCode: "320000",
  values: {
    leadName: "李雷",
    leadPhone: "021-62345678",
    leadEmail: "lilei@example.com",
    contactName: "韩梅梅",
    contactPhone: "13700001234",
    contactEmail: "hanmeimei@example.com",
    teachers: [teacher("张伟", "上海数智培训有限公司"), teacher("赵敏", "同济大学电子与信息工程学院")],
    ...values,
  },
  ...extra,
});

const detect = (e: ConflictExpert, a: ConflictApplication, crossRegion = false) =>
  detectConflicts({ expert: e, application: a, crossRegion });

describe("conflict types", () => {
  it("names every type in Chinese", () => {
    for (const type of conflictTypes) expect(conflictTypeNames[type]).toMatch(/\p{Script=Han}/u);
  });

  it("keys a blocking pair as expert|application", () => {
    expect(conflictPairKey("e1", "a9")).toBe("e1|a9");
  });
});

describe("reading the people an application lists", () => {
  it("finds the staff tables through the templates: 培训教师 and 命题专家, with their phone columns", () => {
    expect(collectStaffTables([nationalTrainingV1, shanghaiTrainingV1, nationalEvaluationV1])).toEqual([
      { key: "teachers", label: "培训教师", nameKey: "name", employerKey: "employer", phoneKey: "phone" },
      {
        key: "questionSetters",
        label: "命题专家",
        nameKey: "name",
        employerKey: "employer",
        phoneKey: "phone",
      },
    ]);
  });

  it("finds a staff table a later template adds, with or without a phone column", () => {
    const v2 = {
      ...nationalEvaluationV1,
      id: "national-evaluation-v2",
      sections: [
        {
          key: "staff",
          title: "考评员",
          printTitle: true,
          items: [
            {
              item: "table" as const,
              key: "assessors",
              label: "考评员",
              labelPlacement: "header" as const,
              rows: { any: { min: 0 } },
              columns: [
                { type: "text" as const, key: "name", label: "姓名", required: true, maxLength: 50 },
                { type: "text" as const, key: "employer", label: "工作单位", required: true, maxLength: 100 },
              ],
              footer: [],
            },
          ],
        },
      ],
    };
    expect(collectStaffTables([v2])).toEqual([
      { key: "assessors", label: "考评员", nameKey: "name", employerKey: "employer", phoneKey: null },
    ]);
  });

  it("lists staff, lead and contact, and skips rows without a name and malformed tables", () => {
    const people = listApplicationPeople({
      teachers: [teacher("张伟", "甲大学"), { name: "  ", employer: "乙大学" }, "garbage" as never],
      questionSetters: [{ name: "钱七", employer: "丙研究院", title: "研究员", phone: "010-62345678" }],
      leadName: "李雷",
      leadPhone: "021-62345678",
      leadEmail: "lilei@example.com",
    });
    expect(people).toEqual([
      { role: "培训教师", name: "张伟", employer: "甲大学", phone: "13800000000", email: "" },
      { role: "命题专家", name: "钱七", employer: "丙研究院", phone: "010-62345678", email: "" },
      { role: "申报负责人", name: "李雷", employer: "", phone: "021-62345678", email: "lilei@example.com" },
    ]);
    expect(listApplicationPeople({ teachers: "not a table" })).toEqual([]);
  });
});

describe("detectConflicts", () => {
  it("finds nothing between unrelated parties", () => {
    expect(detect(expert(), application())).toEqual([]);
  });

  it("employerIsApplicant: same credit code, whatever the employer is called", () => {
    const found = detect(
      expert({ employer: "数智培训", employerCreditCode: ` ${APPLICANT_CODE.toLowerCase()} ` }),
      application(),
    );
    expect(found).toEqual([
      {
        type: "employerIsApplicant",
        reason: `专家工作单位“数智培训”的统一社会信用代码（${APPLICANT_CODE}）与申报单位“上海数智培训有限公司”相同`,
      },
    ]);
  });

  it("employerIsApplicant: same name after normalising spaces, widths and brackets", () => {
    const a = application({}, { institutionName: "华为技术有限公司（深圳）" });
    const found = detect(expert({ employer: " 华为技术有限公司 (深圳) ", employerCreditCode: undefined }), a);
    expect(found).toEqual([
      {
        type: "employerIsApplicant",
        reason: "专家工作单位“ 华为技术有限公司 (深圳) ”即申报单位“华为技术有限公司（深圳）”",
      },
    ]);
  });

  it("employerIsApplicant: the expert works in a department of the applicant", () => {
    const a = application({ teachers: [] }, { institutionName: "复旦大学" });
    expect(detect(expert(), a)).toEqual([
      {
        type: "employerIsApplicant",
        reason: "专家工作单位“复旦大学计算机科学技术学院”与申报单位“复旦大学”为同一单位或其内设（下属）单位",
      },
    ]);
  });

  it("does not take a shared prefix for a department when the shorter name is not a whole organisation", () => {
    const a = application({ teachers: [] }, { institutionName: "中国电子" });
    expect(detect(expert({ employer: "中国电子技术标准化研究院" }), a)).toEqual([]);
  });

  it("sameEmployerAsStaff: a listed teacher works where the expert works", () => {
    const found = detect(expert({ employer: "同济大学电子与信息工程学院" }), application());
    expect(found).toEqual([
      {
        type: "sameEmployerAsStaff",
        reason:
          "专家工作单位“同济大学电子与信息工程学院”与申报单位所列培训教师赵敏（同济大学电子与信息工程学院）的工作单位相同",
      },
    ]);
  });

  it("sameEmployerAsStaff: counts a teacher from a department of the expert's university, and names at most three", () => {
    const teachers = ["甲", "乙", "丙", "丁"].map((n, i) => teacher(`${n}老师`, `同济大学第${i + 1}学院`));
    const found = detect(expert({ employer: "同济大学" }), application({ teachers }));
    expect(found).toHaveLength(1);
    expect(found[0]?.reason).toBe(
      "专家工作单位“同济大学”与申报单位所列培训教师甲老师（同济大学第1学院）、乙老师（同济大学第2学院）、丙老师（同济大学第3学院）等4人的工作单位相同",
    );
  });

  it("sameEmployerAsStaff: reads question setters of an evaluation form", () => {
    const a = application({
      teachers: undefined as never,
      questionSetters: [
        { name: "孙八", employer: "中国信息通信研究院", title: "高级工程师", phone: "010-62300000" },
      ],
    });
    expect(detect(expert({ employer: "中国信息通信研究院" }), a)).toEqual([
      {
        type: "sameEmployerAsStaff",
        reason:
          "专家工作单位“中国信息通信研究院”与申报单位所列命题专家孙八（中国信息通信研究院）的工作单位相同",
      },
    ]);
  });

  it("does not repeat the applicant's own teachers as sameEmployerAsStaff when the expert works for the applicant", () => {
    const found = detect(
      expert({ employer: "上海数智培训有限公司", employerCreditCode: undefined }),
      application(),
    );
    expect(found.map((c) => c.type)).toEqual(["employerIsApplicant"]);
  });

  it("listedAsTeacher: same name and same employer", () => {
    const a = application({ teachers: [teacher("王 芳", "复旦大学计算机科学技术学院", "13000000000")] });
    expect(detect(expert(), a)).toEqual([
      {
        type: "listedAsTeacher",
        reason:
          "专家本人“王 芳”列于申报单位的培训教师名单（姓名、工作单位（复旦大学计算机科学技术学院）一致）",
      },
    ]);
  });

  it("listedAsTeacher: same name and same phone, even with another employer written", () => {
    const a = application({ teachers: [teacher("王芳", "某咨询公司", "+86 139-0000-1111")] });
    expect(detect(expert(), a)).toEqual([
      { type: "listedAsTeacher", reason: "专家本人“王芳”列于申报单位的培训教师名单（姓名、联系方式一致）" },
    ]);
  });

  it("listedAsTeacher: the expert is the applicant's lead or contact (name and phone or e-mail)", () => {
    const lead = detect(expert({ name: "李雷", phone: "(021) 6234 5678" }), application());
    expect(lead).toEqual([
      { type: "listedAsTeacher", reason: "专家本人“李雷”列于申报单位的申报负责人名单（姓名、联系方式一致）" },
    ]);
    const contact = detect(expert({ name: "韩梅梅", email: "HanMeiMei@example.com" }), application());
    expect(contact.map((c) => c.type)).toEqual(["listedAsTeacher"]);
  });

  it("does not take a namesake for the expert", () => {
    const a = application({ teachers: [teacher("王芳", "某咨询公司", "13000000000")] });
    expect(detect(expert(), a)).toEqual([]);
    expect(detect(expert({ name: "李雷" }), application())).toEqual([]);
  });

  it("sameRegion only when the batch asks for cross-region review", () => {
    const local = application({}, { regionCode: "310000" });
    expect(detect(expert(), local, false)).toEqual([]);
    expect(detect(expert(), local, true)).toEqual([
      { type: "sameRegion", reason: "本批次要求异地评审，专家与申报单位同在上海市" },
    ]);
    expect(detect(expert(), application({}, { regionCode: null }), true)).toEqual([]);
  });

  it("reports several conflicts in the types' order", () => {
    const a = application(
      {
        teachers: [
          teacher("王芳", "复旦大学计算机科学技术学院"),
          teacher("钱七", "复旦大学计算机科学技术学院"),
        ],
      },
      { regionCode: "310000" },
    );
    expect(detect(expert(), a, true).map((c) => c.type)).toEqual([
      "sameEmployerAsStaff",
      "listedAsTeacher",
      "sameRegion",
    ]);
  });
});

describe("effectiveConflicts", () => {
  const detected = [
    { type: "sameEmployerAsStaff" as const, reason: "同单位" },
    { type: "listedAsTeacher" as const, reason: "列为师资" },
  ];

  it("blocks with every detected conflict by default", () => {
    expect(effectiveConflicts(detected, [], [])).toEqual(detected);
  });

  it("lets the office clear a detected conflict", () => {
    const cleared = effectiveConflicts(
      detected,
      [],
      [{ type: "listedAsTeacher", action: "clear", reason: "经核实为同名不同人" }],
    );
    expect(cleared).toEqual([detected[0]]);
    expect(
      effectiveConflicts(
        detected,
        [],
        [
          { type: "listedAsTeacher", action: "clear", reason: "同名" },
          { type: "sameEmployerAsStaff", action: "clear", reason: "已调离" },
        ],
      ),
    ).toEqual([]);
  });

  it("lets a pin win over a clear of the same type, and blocks with the pin's own reason", () => {
    const result = effectiveConflicts(
      detected,
      [],
      [
        { type: "listedAsTeacher", action: "clear", reason: "同名" },
        { type: "listedAsTeacher", action: "pin", reason: "经核实确为该单位兼职教师" },
      ],
    );
    expect(result).toEqual([
      ...detected,
      { type: "pinned", reason: "主管部门指定回避（专家本人列于申报材料）：经核实确为该单位兼职教师" },
    ]);
  });

  it("pins a conflict nobody detected", () => {
    expect(
      effectiveConflicts([], [], [{ type: "pinned", action: "pin", reason: "曾为该单位提供咨询服务" }]),
    ).toEqual([{ type: "pinned", reason: "主管部门指定回避：曾为该单位提供咨询服务" }]);
  });

  it("always honours the expert's declaration; clearing a declaration or a pin does nothing", () => {
    const result = effectiveConflicts(
      [],
      [{ reason: " 近三年与该单位有合作项目 " }],
      [
        { type: "declared", action: "clear", reason: "不予认可" },
        { type: "pinned", action: "clear", reason: "撤销" },
      ],
    );
    expect(result).toEqual([{ type: "declared", reason: "专家申报回避：近三年与该单位有合作项目" }]);
  });

  it("validates an override with Chinese messages", () => {
    expect(
      conflictOverrideSchema.safeParse({ type: "sameRegion", action: "clear", reason: "同意" }).success,
    ).toBe(true);
    const bad = conflictOverrideSchema.safeParse({ type: "nope", action: "drop", reason: " " });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "请选择回避事由",
      "请选择指定回避或解除回避",
      "请填写指定或解除回避的理由（至少2个字）",
    ]);
  });
});
