import type { KindCode } from "../reference/kinds";
import type { Rubric, RubricCriterion } from "./rubric";

/*
 * The default rubrics follow the forms' sections (已有基础, 下一步工作方案) and the notice's 申报条件
 * (影响力、公信力、认可度; 专职工作人员、稳定的师资或考评员、督导员队伍; 场地、设备和工具系统; 线上平台;
 * 规范的管理制度), so an expert scores what the applicant was asked to show. Weights favour the
 * two things the notice puts first — proven scale and the people who teach or assess — and keep
 * fees small but present, since 乱收费 is one of the misconducts the notices name. Scores are 0–10
 * in half points: fine enough to separate applications, coarse enough for experts to agree.
 * An office may edit a copy for its batch.
 */

const scale = { min: 0, max: 10, step: 0.5, rationaleRequired: true } as const;

function criterion(
  key: string,
  title: string,
  weight: number,
  description: string,
  fields: readonly string[],
): RubricCriterion {
  return { key, title, weight, description, ...scale, fields: [...fields] };
}

const levels = (prefix: string) => ["Junior", "Intermediate", "Senior"].map((level) => `${prefix}${level}`);

const standing = criterion(
  "standing",
  "单位综合实力与行业地位",
  5,
  "单位性质、规模与财务状况，纳税及信用记录；是否为国家级、行业或省级专业技术人员继续教育基地、申报职业的国家职业标准开发单位；在申报职业领域的影响力、公信力和认可度。",
  [
    "institutionProfile",
    "registeredCapital",
    "employeeCount",
    "taxRecords",
    "nationalContinuingEducationBase",
    "industryContinuingEducationBase",
    "provincialContinuingEducationBase",
    "occupationStandardDeveloper",
  ],
);

const trainingRubric: Rubric = {
  kind: "training",
  title: "培训机构评分细则",
  criteria: [
    criterion(
      "trainingScale",
      "培训规模与质量",
      20,
      "近5年在申报职业领域的培训规模及其稳定性（年培训规模一般应达到门槛要求），独立培训所占比例，培训课程、课时与形式，考勤管理和质量评估的实际效果。",
      ["trainingScale", "totalTrainees", "totalIndependentTrainees"],
    ),
    criterion(
      "teachers",
      "师资队伍",
      20,
      "师资团队规模及专职、兼职结构，培训教师的专业、职称与申报职业的匹配程度，师资名单与人数是否一致，师资队伍建设机制（结构优化、专家聘请、激励机制）。",
      ["teacherCount", "fullTimeTeacherCount", "partTimeTeacherCount", "teachers", "teacherDevelopment"],
    ),
    criterion(
      "facilities",
      "场地设施设备",
      10,
      "自有场地面积与容纳人数，设施设备台套与总值，实训场所、工作现场和工具（软件）系统能否满足申报职业各等级的实操培训。",
      ["facilities"],
    ),
    criterion(
      "onlinePlatform",
      "信息化平台与线上培训能力",
      10,
      "是否有支撑线上培训的信息化平台，平台功能、承载能力和可访问性（网址），线上学习资源和学习过程管理。",
      ["onlinePlatform"],
    ),
    criterion(
      "trainingExperience",
      "已有培训经验与管理制度",
      15,
      "近五年在申报职业领域开展培训的情况，考勤管理、质量评估等培训管理规章制度是否健全并得到执行，支撑材料是否充分。",
      ["trainingHistory"],
    ),
    criterion(
      "trainingPlan",
      "下一步工作方案",
      15,
      "下一步培训工作规划的可行性：实施方案与质量管控制度、年度计划培训规模与现有能力是否相称、师资培训、学习资源开发及条件保障。",
      [...levels("plannedTrainees"), "trainingPlan"],
    ),
    criterion(
      "fees",
      "收费合理性",
      5,
      "各等级培训费用（元/学时）是否有测算依据、与培训内容和当地水平相称，是否存在乱收费风险。",
      [...levels("trainingFee"), "trainingPlan"],
    ),
    standing,
  ],
};

const evaluationRubric: Rubric = {
  kind: "evaluation",
  title: "评价机构评分细则",
  criteria: [
    criterion(
      "evaluationScale",
      "考核评价规模与证书",
      20,
      "是否已开展评价、颁发证书，近5年考核评价规模及其稳定性，自有证书所占比例，证书类别与社会认可度。",
      [
        "evaluationConducted",
        "certificateIssued",
        "evaluationScale",
        "totalCertificates",
        "ownCertificates",
        "certificateCategories",
      ],
    ),
    criterion(
      "assessmentTeam",
      "考评团队与命题专家",
      20,
      "考评员、督导员队伍规模与结构，命题专家的专业、职称与申报职业的匹配程度，考评团队建设机制（队伍优化、命题专家团队建设、考评员和督导员培训）。",
      [
        "assessmentTeamCount",
        "assessorCount",
        "supervisorCount",
        "questionSetters",
        "assessmentTeamDevelopment",
      ],
    ),
    criterion(
      "facilities",
      "场地设施",
      10,
      "自有考核场地面积与容纳人数，设施设备台套与总值，能否满足申报职业各等级的理论与实操考核。",
      ["facilities"],
    ),
    criterion(
      "onlinePlatform",
      "信息化平台",
      10,
      "是否有支撑考核评价工作的信息化平台（报名、线上考试、阅卷、证书查询等），平台功能、安全与可访问性（链接网址）。",
      ["onlinePlatform"],
    ),
    criterion(
      "examAdministration",
      "考务管理与保密制度",
      15,
      "近五年开展考核评价的情况，考务管理、考核保密、证书管理等制度是否健全并得到执行，支撑材料是否充分。",
      ["evaluationHistory"],
    ),
    criterion(
      "evaluationPlan",
      "下一步工作方案",
      15,
      "下一步考核评价工作规划的可行性：实施方案与质量管控制度、年度计划考核规模、考核站点建设、考核方案与题库建设及条件保障。",
      [...levels("plannedAssessees"), "evaluationPlan"],
    ),
    criterion(
      "fees",
      "收费合理性",
      5,
      "各等级考核费用（元/次）是否有测算依据、与考核内容和成本相称，是否存在乱收费风险。",
      [...levels("assessmentFee"), "evaluationPlan"],
    ),
    standing,
  ],
};

/**
 * The built-in rubric for a kind of institution: eight criteria on the forms' sections, weights
 * adding up to 100, each scored 0–10 in half points with a required rationale. Returns a fresh
 * copy, so a caller may edit it into its batch's rubric.
 */
export function defaultRubric(kind: KindCode): Rubric {
  const rubric = kind === "training" ? trainingRubric : evaluationRubric;
  return {
    ...rubric,
    criteria: rubric.criteria.map((item) => ({
      ...item,
      ...(item.fields ? { fields: [...item.fields] } : {}),
    })),
  };
}
