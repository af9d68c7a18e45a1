import type {
  Commitment,
  ConsentField,
  DateField,
  EmailField,
  Field,
  Formula,
  GroupItem,
  IntegerField,
  Item,
  NumberField,
  PhoneField,
  RecommendationBlock,
  Section,
  SelectField,
  TableColumn,
  TextareaField,
  TextField,
  Unit,
  YesNoField,
} from "../types";

/*
 * Field constructors and the parts the three official forms share. Labels and hints are copied
 * from the seed notices (../../../../shared/seeds): OCR spacing is removed and the OCR's half-width
 * colons and commas inside Chinese text are written full-width; brackets are kept as each form prints them.
 */

export const text = (key: string, label: string, maxLength = 100, required = true): TextField => ({
  type: "text",
  key,
  label,
  required,
  maxLength,
});

export const textarea = (key: string, label: string, maxWords: number, hint: string): TextareaField => ({
  type: "textarea",
  key,
  label,
  required: true,
  maxWords,
  hint,
});

export const amount = (key: string, label: string, unit: Unit, required = true): NumberField => ({
  type: "number",
  key,
  label,
  required,
  unit,
  min: 0,
  decimals: 2,
});

export const count = (key: string, label: string, unit?: Unit, required = true): IntegerField => ({
  type: "integer",
  key,
  label,
  required,
  min: 0,
  ...(unit ? { unit } : {}),
});

export const computedCount = (key: string, label: string, compute: Formula, unit?: Unit) => ({
  ...count(key, label, unit, false),
  compute,
});

export const yesNo = (key: string, label: string): YesNoField => ({
  type: "yesNo",
  key,
  label,
  required: true,
});

export const date = (key: string, label: string): DateField => ({ type: "date", key, label, required: true });

export const select = (
  key: string,
  label: string,
  options: SelectField["options"],
  extra: { multiple?: boolean; note?: number; required?: boolean } = {},
): SelectField => ({
  type: "select",
  key,
  label,
  required: extra.required ?? true,
  options,
  multiple: extra.multiple ?? false,
  ...(extra.note ? { note: extra.note } : {}),
});

export const phone = (key: string, label: string): PhoneField => ({
  type: "phone",
  key,
  label,
  required: true,
});
export const email = (key: string, label: string): EmailField => ({
  type: "email",
  key,
  label,
  required: true,
});

/** Marks a field as belonging to the occupation applied for (see `FieldBase.occupationSpecific`). */
export const perOccupation = <T extends Field>(field: T): T => ({ ...field, occupationSpecific: true });

export const column = <T extends TableColumn>(field: T, weight: number): T => ({ ...field, weight });

/** The untitled head of every form: occupation (仅填一项) and levels (请打√). */
export function headSection(activity: "培训" | "评价"): Section {
  return {
    key: "application",
    title: "申报职业与等级",
    printTitle: false,
    items: [
      {
        item: "field",
        field: perOccupation(select("occupation", `拟申报开展${activity}的职业（仅填一项）`, "occupation")),
      },
      {
        item: "field",
        field: perOccupation({
          type: "levels",
          key: "levels",
          label: `拟申报开展${activity}的专业技术等级`,
          required: true,
          printHint: "（请打√）",
        }),
      },
    ],
  };
}

function personGroup(prefix: "lead" | "contact", label: string): GroupItem {
  return {
    item: "group",
    key: prefix,
    label,
    perLine: 2,
    fields: [
      text(`${prefix}Name`, "姓名", 50),
      phone(`${prefix}Phone`, "电话"),
      text(`${prefix}Position`, "职务", 50),
      email(`${prefix}Email`, "邮箱"),
    ],
  };
}

/**
 * 申报单位基本情况. The national forms have the four 继续教育基地 / 标准开发单位 rows after the tax
 * table; the Shanghai 申报表 has not.
 */
export function basicInfoSection(options: { continuingEducationBases: boolean }): Section {
  const items: Item[] = [
    { item: "field", field: text("institutionName", "单位名称（盖章）", 100) },
    {
      item: "field",
      field: { type: "creditCode", key: "creditCode", label: "统一社会信用代码", required: true },
    },
    {
      item: "group",
      key: "legalRepresentative",
      label: "法定代表人",
      perLine: 2,
      fields: [
        text("legalRepresentativeName", "姓名", 50),
        { type: "idNumber", key: "legalRepresentativeIdNumber", label: "身份证号", required: true },
      ],
    },
    { item: "field", field: text("address", "单位地址", 200) },
    {
      item: "row",
      fields: [
        select("unitType", "单位类型", "unitType", { note: 1 }),
        select("industry", "所属行业", "industry", { note: 2 }),
      ],
    },
    {
      item: "row",
      fields: [
        amount("registeredCapital", "注册资金（万元）", "万元"),
        count("employeeCount", "正式员工数", "人"),
      ],
    },
    { item: "field", field: date("foundedOn", "单位成立时间") },
    {
      item: "table",
      key: "taxRecords",
      label: "近三年纳税情况",
      labelPlacement: "left",
      rows: { fixed: 3 },
      columns: [
        column({ type: "year", key: "year", label: "年份", required: true }, 1),
        column(amount("taxAmount", "税额（万元）", "万元"), 1.2),
        column(yesNo("dishonest", "是否有失信行为（从信用中国平台查询后填）"), 2),
      ],
      footer: [],
    },
  ];
  if (options.continuingEducationBases) {
    items.push(
      {
        item: "row",
        fields: [
          yesNo("nationalContinuingEducationBase", "国家级专业技术人员继续教育基地"),
          yesNo("industryContinuingEducationBase", "行业专业技术人员继续教育基地"),
        ],
      },
      {
        item: "row",
        fields: [
          yesNo("provincialContinuingEducationBase", "省级专业技术人员继续教育基地"),
          perOccupation(yesNo("occupationStandardDeveloper", "申报职业的国家职业标准开发单位")),
        ],
      },
    );
  }
  items.push(personGroup("lead", "申报负责人"), personGroup("contact", "申报联系人"), {
    item: "field",
    field: textarea(
      "institutionProfile",
      "单位基本情况",
      800,
      "(主要包括：基本情况、行业地位、单位优势，800字以内)",
    ),
  });
  return { key: "basicInfo", title: "申报单位基本情况", printTitle: true, items };
}

/** 自有场地及设施设备情况: the same table on all three forms. */
export const facilitiesTable: Item = {
  item: "table",
  key: "facilities",
  label: "自有场地及设施设备情况",
  labelPlacement: "left",
  rows: { any: { min: 1 } },
  columns: [
    column(text("address", "场地地址", 200), 2),
    column(amount("area", "场地面积", "平方米"), 1.05),
    column(count("capacity", "容纳人数", "人"), 1),
    column(count("equipmentSets", "设施设备台套", "台套"), 1),
    column(amount("equipmentValue", "设施设备总值", "万元"), 1.15),
  ],
  footer: [],
};

/**
 * 年度计划…人数 and …费用 per level, side by side as on the form. Each figure belongs to its level:
 * a level not applied for is not asked (hidden on screen, printed empty).
 */
export function levelPlanRow(
  people: { key: string; label: string },
  fee: { key: string; label: string; unit: Unit },
): Item {
  const levels = [
    ["Junior", "初级", "junior"],
    ["Intermediate", "中级", "intermediate"],
    ["Senior", "高级", "senior"],
  ] as const;
  return {
    item: "groupRow",
    groups: [
      {
        item: "group",
        key: people.key,
        label: people.label,
        perLine: 1,
        fields: levels.map(([suffix, label, level]) => ({
          ...perOccupation(count(`${people.key}${suffix}`, label, "人次")),
          level,
        })),
      },
      {
        item: "group",
        key: fee.key,
        label: fee.label,
        perLine: 1,
        fields: levels.map(([suffix, label, level]) => ({
          ...perOccupation(amount(`${fee.key}${suffix}`, label, fee.unit)),
          level,
        })),
      },
    ],
  };
}

export const commitment: Commitment = {
  title: "承诺",
  text: "本单位提交的所有材料均真实、准确、可靠，如有失信或弄虚作假，其责任由本单位自负并愿接受相关处理。",
  signatures: ["申报单位（盖章）：", "法定代表人（或委托代理人）："],
  dateLine: "年　　月　　日",
};

const commitmentConsent: ConsentField = {
  type: "consent",
  key: "commitmentAccepted",
  label: "承诺",
  required: true,
};

/** The 承诺 section: one consent the applicant must give; printed as the commitment block. */
export const commitmentSection: Section = {
  key: "commitment",
  title: "承诺",
  printTitle: true,
  items: [{ item: "field", field: commitmentConsent }],
};

export const recommendationBlock: RecommendationBlock = {
  reasonLabel:
    "推荐理由（包括申报材料审核意见，申报单位在本地区、本行业专业技术人员继续教育体系中的地位作用等）：",
  reasonKey: "recommendationReason",
  signatures: ["推荐单位（盖章）：", "推荐单位负责人签字："],
  dateLine: "年　　月　　日",
  contacts: [
    { key: "recommenderContact", label: "推荐单位联系人：" },
    { key: "recommenderPhone", label: "联系电话：" },
  ],
};

export const noteUnitType =
  "单位类型：行业协会等社团组织、事业单位、企业、集体企业、民营企业、民办非企业单位；";
export const noteIndustry = "所属行业：请参考《2017年国民经济行业分类》（GB/T 4754—2017）；";
export const noteEmployer = "工作单位：填写单位全称，建议填写至单位所在部门或二级单位；";
export const noteSeparateApplications = "申请开展多个职业的培训或评价工作，请按职业分别填报申请；";
export const noteExtraPages = "本表可另附页。";
