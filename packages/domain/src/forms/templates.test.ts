import { describe, expect, it } from "vitest";
import {
  FORM_TEMPLATES,
  type FormTemplate,
  getFormTemplate,
  listFields,
  nationalEvaluationV1,
  nationalTrainingV1,
  optionLabel,
  optionsOf,
  shanghaiTrainingV1,
  type TableItem,
  type TextareaField,
} from ".";

/** "section-less path" of every field, as the official forms print them, top to bottom, left to right. */
const labels = (template: FormTemplate) => listFields(template).map((entry) => entry.path.slice(1).join("›"));

const basicInfoHead = [
  "单位名称（盖章）",
  "统一社会信用代码",
  "法定代表人›姓名",
  "法定代表人›身份证号",
  "单位地址",
  "单位类型",
  "所属行业",
  "注册资金（万元）",
  "正式员工数",
  "单位成立时间",
  "近三年纳税情况›年份",
  "近三年纳税情况›税额（万元）",
  "近三年纳税情况›是否有失信行为（从信用中国平台查询后填）",
];
const continuingEducationBases = [
  "国家级专业技术人员继续教育基地",
  "行业专业技术人员继续教育基地",
  "省级专业技术人员继续教育基地",
  "申报职业的国家职业标准开发单位",
];
const people = ["申报负责人", "申报联系人"].flatMap((who) =>
  ["姓名", "电话", "职务", "邮箱"].map((l) => `${who}›${l}`),
);
const perLevel = (label: string) => ["初级", "中级", "高级"].map((level) => `${label}›${level}`);
const facilities = ["场地地址", "场地面积", "容纳人数", "设施设备台套", "设施设备总值"].map(
  (l) => `自有场地及设施设备情况›${l}`,
);

const trainingFoundation = (teacherDevelopmentLabel: string) => [
  "近5年培训规模（人次）›年度",
  "近5年培训规模（人次）›培训人数",
  "近5年培训规模（人次）›独立培训人数",
  "近5年培训规模（人次）›合作培训人数",
  "近5年培训规模（人次）›培训总规模",
  "近5年培训规模（人次）›（其中独立培训规模）",
  ...facilities,
  "信息化平台建设情况",
  "师资团队总人数",
  "专职师资队伍人数",
  "兼职师资队伍人数",
  "培训教师›姓名",
  "培训教师›工作单位",
  "培训教师›专业技术职务/职称",
  "培训教师›专业",
  "培训教师›人员性质",
  "培训教师›联系电话",
  "已有培训情况简述",
  teacherDevelopmentLabel,
  ...perLevel("年度计划培训人数（人次）"),
  ...perLevel("培训费用（元/学时）"),
  "下一步培训工作规划",
  "承诺",
];

describe("form templates against the official forms", () => {
  it("附件1 培训机构推荐表 has every field in the printed order", () => {
    expect(labels(nationalTrainingV1)).toEqual([
      "拟申报开展培训的职业（仅填一项）",
      "拟申报开展培训的专业技术等级",
      ...basicInfoHead,
      ...continuingEducationBases,
      ...people,
      "单位基本情况",
      ...trainingFoundation("师资队伍建设机制简述"),
    ]);
  });

  it("附件2 评价机构推荐表 has every field in the printed order", () => {
    expect(labels(nationalEvaluationV1)).toEqual([
      "拟申报开展评价的职业（仅填一项）",
      "拟申报开展评价的专业技术等级",
      ...basicInfoHead,
      ...continuingEducationBases,
      ...people,
      "单位基本情况",
      "是否开展评价",
      "是否颁发证书",
      "近5年开展考核评价规模（人次）›年度",
      "近5年开展考核评价规模（人次）›证书名称",
      "近5年开展考核评价规模（人次）›证书性质（自有证书或其它机构证书）",
      "近5年开展考核评价规模（人次）›颁证数量",
      "近5年开展考核评价规模（人次）›总规模",
      "近5年开展考核评价规模（人次）›其中自有证书规模",
      "近5年开展考核评价规模（人次）›证书类别",
      ...facilities,
      "信息化平台建设情况",
      "考评团队总人数",
      "考评员队伍人数",
      "督导员队伍人数",
      "命题专家›姓名",
      "命题专家›工作单位",
      "命题专家›专业技术职务/职称",
      "命题专家›联系电话",
      "已开展考核评价情况简述",
      "考评团队建设机制",
      ...perLevel("年度计划考核人数（人次）"),
      ...perLevel("考核费用（元/次）"),
      "下一步考核评价工作规划",
      "承诺",
    ]);
  });

  it("上海 申报表 is 附件1 without the base rows, with its own wording", () => {
    expect(labels(shanghaiTrainingV1)).toEqual([
      "拟申报开展培训的职业（仅填一项）",
      "拟申报开展培训的专业技术等级",
      ...basicInfoHead,
      ...people,
      "单位基本情况",
      ...trainingFoundation("师资团队建设机制简述"),
    ]);
    const keys = listFields(shanghaiTrainingV1).map((entry) => entry.key);
    for (const key of [
      "nationalContinuingEducationBase",
      "industryContinuingEducationBase",
      "provincialContinuingEducationBase",
      "occupationStandardDeveloper",
    ]) {
      expect(keys).not.toContain(key);
      expect(listFields(nationalTrainingV1).map((entry) => entry.key)).toContain(key);
    }
  });

  it("only the national forms carry the 推荐理由 block; only Shanghai has a cover page", () => {
    expect(shanghaiTrainingV1.recommendationBlock).toBeUndefined();
    expect(nationalTrainingV1.recommendationBlock?.reasonLabel).toMatch(/^推荐理由（包括申报材料审核意见/);
    expect(nationalEvaluationV1.recommendationBlock?.signatures).toEqual([
      "推荐单位（盖章）：",
      "推荐单位负责人签字：",
    ]);
    expect(shanghaiTrainingV1.cover).toMatchObject({
      titleLines: ["数字技术工程师培育项目培训机构", "申报表"],
      blanks: [{ label: "申报单位" }, { label: "填表日期" }],
      issuer: "上海市人力资源和社会保障局 制",
      issuedOn: "2026年3月",
    });
    expect(nationalTrainingV1.cover).toBeUndefined();
    expect(nationalEvaluationV1.cover).toBeUndefined();
  });

  it("has six notes each, 注3 depending on the kind", () => {
    for (const template of Object.values(FORM_TEMPLATES)) {
      expect(template.notes).toHaveLength(6);
      expect(template.notes[0]).toBe(
        "单位类型：行业协会等社团组织、事业单位、企业、集体企业、民营企业、民办非企业单位；",
      );
      expect(template.notes[5]).toBe("本表可另附页。");
    }
    expect(nationalTrainingV1.notes[2]).toBe("人员性质：专职师资、兼职师资；");
    expect(shanghaiTrainingV1.notes[2]).toBe("人员性质：专职师资、兼职师资；");
    expect(nationalEvaluationV1.notes[2]).toBe(
      "证书类别：行业证书、企业证书、在已取消的职业资格证书基础上升级改造的新型证书、其他类型证书；",
    );
  });

  it("the evaluation form has the 命题专家 table and 证书类别 with the 注3 categories", () => {
    const entries = listFields(nationalEvaluationV1);
    const setters = entries.filter((entry) => entry.table === "questionSetters");
    expect(setters.map((entry) => entry.field.label)).toEqual([
      "姓名",
      "工作单位",
      "专业技术职务/职称",
      "联系电话",
    ]);
    const category = entries.find((entry) => entry.key === "certificateCategories");
    expect(category?.field).toMatchObject({
      type: "select",
      options: "certificateCategory",
      multiple: true,
      note: 3,
    });
    expect(optionsOf("certificateCategory").map((option) => option.label)).toEqual([
      "行业证书",
      "企业证书",
      "在已取消的职业资格证书基础上升级改造的新型证书",
      "其他类型证书",
    ]);
    expect(entries.some((entry) => entry.table === "teachers")).toBe(false);
  });

  it("gives narratives the printed limits and hints", () => {
    const narratives = (template: FormTemplate) =>
      listFields(template)
        .map((entry) => entry.field)
        .filter((field): field is TextareaField => field.type === "textarea")
        .map((field) => [field.label, field.maxWords]);
    expect(narratives(nationalTrainingV1)).toEqual([
      ["单位基本情况", 800],
      ["信息化平台建设情况", 300],
      ["已有培训情况简述", 500],
      ["师资队伍建设机制简述", 500],
      ["下一步培训工作规划", 800],
    ]);
    expect(narratives(nationalEvaluationV1).map(([, words]) => words)).toEqual([800, 300, 500, 500, 800]);
    const profile = listFields(nationalTrainingV1).find((entry) => entry.key === "institutionProfile")?.field;
    expect(profile).toMatchObject({ hint: "(主要包括：基本情况、行业地位、单位优势，800字以内)" });
    for (const template of Object.values(FORM_TEMPLATES)) {
      for (const entry of listFields(template)) {
        if (entry.field.type === "textarea")
          expect(entry.field.hint).toContain(`${entry.field.maxWords}字以内`);
      }
    }
  });

  it("has fixed 3-row tax and 5-row training scale tables, a 5-year certificate table and open lists", () => {
    const tables = (template: FormTemplate) =>
      template.sections
        .flatMap((section) => section.items)
        .filter((item): item is TableItem => item.item === "table")
        .map((table) => [table.key, table.rows]);
    expect(tables(nationalTrainingV1)).toEqual([
      ["taxRecords", { fixed: 3 }],
      ["trainingScale", { fixed: 5 }],
      ["facilities", { any: { min: 1 } }],
      ["teachers", { any: { min: 1 } }],
    ]);
    expect(tables(nationalEvaluationV1)).toEqual([
      ["taxRecords", { fixed: 3 }],
      ["evaluationScale", { years: 5, per: "certificateName" }],
      ["facilities", { any: { min: 1 } }],
      ["questionSetters", { any: { min: 1 } }],
    ]);
  });

  it("keys are unique camelCase per scope and money and counts are never negative", () => {
    for (const template of Object.values(FORM_TEMPLATES)) {
      const entries = listFields(template);
      const scalarKeys = entries.filter((entry) => entry.role !== "column").map((entry) => entry.key);
      const tableKeys = template.sections
        .flatMap((s) => s.items)
        .flatMap((i) => (i.item === "table" ? [i.key] : []));
      expect(new Set([...scalarKeys, ...tableKeys]).size).toBe(scalarKeys.length + tableKeys.length);
      for (const entry of entries) {
        expect(entry.key).toMatch(/^[a-z][a-zA-Z]*$/);
        if (entry.field.type === "number" || entry.field.type === "integer") expect(entry.field.min).toBe(0);
      }
    }
  });

  it("resolves templates by id and option labels by code", () => {
    expect(getFormTemplate("national-training-v1")).toBe(nationalTrainingV1);
    expect(getFormTemplate("shanghai-training-v1")?.title).toBe("数字技术工程师培育项目培训机构申报表");
    expect(getFormTemplate("toString")).toBeUndefined();
    expect(Object.keys(FORM_TEMPLATES)).toEqual([
      "national-training-v1",
      "national-evaluation-v1",
      "shanghai-training-v1",
    ]);
    expect(optionLabel("teacherType", "partTime")).toBe("兼职师资");
    expect(optionLabel("industry", "65")).toBe("软件和信息技术服务业");
    expect(optionLabel("occupation", "ai")).toBe("人工智能工程技术人员");
    expect(optionLabel("unitType", "nonsense")).toBeUndefined();
  });
});
