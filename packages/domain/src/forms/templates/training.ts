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
  select,
  text,
  textarea,
} from "./common";

/** Texts that differ between the national 推荐表 (附件1) and the Shanghai 申报表. */
export type TrainingWording = {
  trainingHistoryHint: string;
  teacherDevelopmentLabel: string;
  teacherDevelopmentHint: string;
};

const trainingScaleTable: Item = {
  item: "table",
  key: "trainingScale",
  label: "近5年培训规模（人次）",
  labelPlacement: "left",
  rows: { fixed: 5 },
  columns: [
    column({ type: "year", key: "year", label: "年度", required: true }, 1),
    column(computedCount("trainees", "培训人数", { sum: ["independent", "cooperative"] }, "人次"), 1),
    column(count("independent", "独立培训人数", "人次"), 1),
    column(count("cooperative", "合作培训人数", "人次"), 1),
  ],
  footer: [
    computedCount(
      "totalTrainees",
      "培训总规模",
      { sumColumn: { table: "trainingScale", column: "trainees" } },
      "人次",
    ),
    computedCount(
      "totalIndependentTrainees",
      "（其中独立培训规模）",
      { sumColumn: { table: "trainingScale", column: "independent" } },
      "人次",
    ),
  ],
};

const teachersTable: Item = {
  item: "table",
  key: "teachers",
  label: "培训教师",
  labelPlacement: "header",
  rows: { any: { min: 1 } },
  columns: [
    column(text("name", "姓名", 50), 1),
    column({ ...text("employer", "工作单位", 100), note: 4 }, 2.2),
    column(text("title", "专业技术职务/职称", 50), 1.4),
    column(text("specialty", "专业", 50), 1.2),
    column(select("teacherType", "人员性质", "teacherType", { note: 3 }), 1),
    column(phone("phone", "联系电话"), 1.4),
  ],
  footer: [],
};

function foundationSection(wording: TrainingWording): Section {
  return {
    key: "foundation",
    title: "已有基础",
    printTitle: true,
    items: [
      trainingScaleTable,
      facilitiesTable,
      {
        item: "field",
        field: textarea(
          "onlinePlatform",
          "信息化平台建设情况",
          300,
          "(主要内容：是否有信息化平台支撑线上培训工作，基本情况介绍，具体网址等，300字以内)",
        ),
      },
      {
        item: "breakdown",
        total: computedCount(
          "teacherCount",
          "师资团队总人数",
          { sum: ["fullTimeTeacherCount", "partTimeTeacherCount"] },
          "人",
        ),
        parts: [
          count("fullTimeTeacherCount", "专职师资队伍人数", "人"),
          count("partTimeTeacherCount", "兼职师资队伍人数", "人"),
        ],
      },
      teachersTable,
      {
        item: "field",
        field: perOccupation(
          textarea("trainingHistory", "已有培训情况简述", 500, wording.trainingHistoryHint),
        ),
      },
      {
        item: "field",
        field: textarea(
          "teacherDevelopment",
          wording.teacherDevelopmentLabel,
          500,
          wording.teacherDevelopmentHint,
        ),
      },
    ],
  };
}

/*
 * The OCR of both notices prints the vertical label as "下 步 培 训 工 作 规 划": the "一" of 下一步, a
 * single horizontal stroke in a vertical label, is lost by OCR. The hint beside it says 下一步.
 */
const planSection: Section = {
  key: "plan",
  title: "下一步工作方案",
  printTitle: true,
  items: [
    levelPlanRow(
      { key: "plannedTrainees", label: "年度计划培训人数（人次）" },
      { key: "trainingFee", label: "培训费用（元/学时）", unit: "元" },
    ),
    {
      item: "field",
      field: perOccupation(
        textarea(
          "trainingPlan",
          "下一步培训工作规划",
          800,
          "（主要包括：下一步开展有关职业培训的工作考虑及有关条件保障等，包括实施方案及质量管控相关制度、培训规模、师资培训、学习资源开发、培训费用测算等，800字以内）",
        ),
      ),
    },
  ],
};

export const trainingNotes: readonly string[] = [
  noteUnitType,
  noteIndustry,
  "人员性质：专职师资、兼职师资；",
  noteEmployer,
  noteSeparateApplications,
  noteExtraPages,
];

/** The sections of a training form; `continuingEducationBases` is false for Shanghai. */
export function trainingSections(wording: TrainingWording, continuingEducationBases: boolean): Section[] {
  return [
    headSection("培训"),
    basicInfoSection({ continuingEducationBases }),
    foundationSection(wording),
    planSection,
    commitmentSection,
  ];
}

export type TrainingTemplateBase = Pick<FormTemplate, "kind" | "notes" | "commitment">;
export const trainingBase: TrainingTemplateBase = { kind: "training", notes: trainingNotes, commitment };
