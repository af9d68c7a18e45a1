import type { FormTemplate, Item, Section } from "../types";
import {
  basicInfoSection,
  column,
  commitment,
  commitmentSection,
  computedCount,
  count,
  facilitiesTable,
  headSection,
  levelPlanRow,
  noteEmployer,
  noteExtraPages,
  noteIndustry,
  noteSeparateApplications,
  noteUnitType,
  perOccupation,
  phone,
  recommendationBlock,
  select,
  text,
  textarea,
  yesNo,
} from "./common";

const evaluationScaleTable: Item = {
  item: "table",
  key: "evaluationScale",
  label: "近5年开展考核评价规模（人次）",
  labelPlacement: "left",
  // One row per certificate: a year may hold several (证书名称 × 证书性质 × 颁证数量).
  rows: { years: 5, per: "certificateName" },
  optionalWhen: { key: "evaluationConducted", equals: false },
  columns: [
    column({ type: "year", key: "year", label: "年度", required: true }, 0.8),
    column(text("certificateName", "证书名称", 100, false), 1.8),
    column(
      select("certificateNature", "证书性质（自有证书或其它机构证书）", "certificateNature", {
        required: false,
      }),
      1.5,
    ),
    column(count("certificateCount", "颁证数量", "人次"), 0.9),
  ],
  footer: [
    computedCount(
      "totalCertificates",
      "总规模",
      { sumColumn: { table: "evaluationScale", column: "certificateCount" } },
      "人次",
    ),
    computedCount(
      "ownCertificates",
      "其中自有证书规模",
      {
        sumColumn: {
          table: "evaluationScale",
          column: "certificateCount",
          where: { column: "certificateNature", equals: "own" },
        },
      },
      "人次",
    ),
    {
      ...select("certificateCategories", "证书类别", "certificateCategory", { multiple: true, note: 3 }),
      optionalWhen: { key: "certificateIssued", equals: false },
    },
  ],
};

const questionSettersTable: Item = {
  item: "table",
  key: "questionSetters",
  label: "命题专家",
  labelPlacement: "header",
  rows: { any: { min: 1 } },
  columns: [
    column(text("name", "姓名", 50), 1),
    column({ ...text("employer", "工作单位", 100), note: 4 }, 2.4),
    column(text("title", "专业技术职务/职称", 50), 1.6),
    column(phone("phone", "联系电话"), 1.4),
  ],
  footer: [],
};

const foundationSection: Section = {
  key: "foundation",
  title: "已有基础",
  printTitle: true,
  items: [
    {
      item: "row",
      fields: [yesNo("evaluationConducted", "是否开展评价"), yesNo("certificateIssued", "是否颁发证书")],
    },
    evaluationScaleTable,
    facilitiesTable,
    {
      item: "field",
      field: textarea(
        "onlinePlatform",
        "信息化平台建设情况",
        300,
        "(主要内容：是否有信息化平台支撑考核评价工作，基本情况介绍，具体链接网址等，300字以内)",
      ),
    },
    {
      item: "breakdown",
      // The institution's own figure (a team has more than its assessors and supervisors), at least their sum.
      total: count("assessmentTeamCount", "考评团队总人数", "人"),
      parts: [
        count("assessorCount", "考评员队伍人数", "人"),
        count("supervisorCount", "督导员队伍人数", "人"),
      ],
    },
    questionSettersTable,
    {
      item: "field",
      field: perOccupation(
        textarea(
          "evaluationHistory",
          "已开展考核评价情况简述",
          500,
          "(主要包括：近五年来在所申报职业领域组织开展考核评价的情况，考务管理、考核保密、证书管理等相关管理制度等。具体文本、支撑材料另附。500字以内)",
        ),
      ),
    },
    {
      item: "field",
      field: textarea(
        "assessmentTeamDevelopment",
        "考评团队建设机制",
        500,
        "(建设机制包括：考评团队建设及队伍优化措施、命题专家团队建设、考评员和督导员培训等。500字以内)",
      ),
    },
  ],
};

/* "下 步 考 核 评 价 工 作 规 划" in the OCR: the vertical label lost its "一", see training.ts. */
const planSection: Section = {
  key: "plan",
  title: "下一步工作方案",
  printTitle: true,
  items: [
    levelPlanRow(
      { key: "plannedAssessees", label: "年度计划考核人数（人次）" },
      { key: "assessmentFee", label: "考核费用（元/次）", unit: "元" },
    ),
    {
      item: "field",
      field: perOccupation(
        textarea(
          "evaluationPlan",
          "下一步考核评价工作规划",
          800,
          "（主要包括：下一步开展有关职业专业技术等级考核的工作考虑及有关条件保障等，包括实施方案及质量管控相关制度、考核规模、师资培训、考核站点建设、考核方案、题库建设、考核费用测算等，800字以内）",
        ),
      ),
    },
  ],
};

/** 附件2 数字技术工程师培育项目评价机构推荐表 (national notice, 2023-05-19). */
export const nationalEvaluationV1: FormTemplate = {
  id: "national-evaluation-v1",
  version: 1,
  title: "数字技术工程师培育项目评价机构推荐表",
  attachmentLabel: "附件2",
  kind: "evaluation",
  sections: [
    headSection("评价"),
    basicInfoSection({ continuingEducationBases: true }),
    foundationSection,
    planSection,
    commitmentSection,
  ],
  notes: [
    noteUnitType,
    noteIndustry,
    "证书类别：行业证书、企业证书、在已取消的职业资格证书基础上升级改造的新型证书、其他类型证书；",
    noteEmployer,
    noteSeparateApplications,
    noteExtraPages,
  ],
  commitment,
  recommendationBlock,
};
