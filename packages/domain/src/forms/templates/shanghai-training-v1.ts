import type { FormTemplate } from "../types";
import { trainingBase, trainingSections } from "./training";

/**
 * 附件 数字技术工程师培育项目培训机构申报表 (沪人社专〔2026〕55号). The national 附件1 with a cover
 * page, without the four 继续教育基地 / 标准开发单位 rows (every Shanghai applicant is a base or a
 * university) and without the 推荐理由 block (there is no recommending unit in Shanghai).
 */
export const shanghaiTrainingV1: FormTemplate = {
  id: "shanghai-training-v1",
  version: 1,
  title: "数字技术工程师培育项目培训机构申报表",
  attachmentLabel: "附件",
  ...trainingBase,
  cover: {
    titleLines: ["数字技术工程师培育项目培训机构", "申报表"],
    blanks: [
      { key: "institutionName", label: "申报单位" },
      { key: "filledOn", label: "填表日期" },
    ],
    issuer: "上海市人力资源和社会保障局 制",
    issuedOn: "2026年3月",
  },
  sections: trainingSections(
    {
      trainingHistoryHint:
        "（主要包括：近五年来在所申报职业领域组织开展培训的情况，培训课程、课时、人数、形式等，以及考勤管理、质量评估等相关培训管理制度等。具体文本、支撑材料另附。500字以内）",
      teacherDevelopmentLabel: "师资团队建设机制简述",
      teacherDevelopmentHint:
        "（建设机制包括：专职与兼职师资队伍结构优化措施、专家聘请方式、师资团队建设激励机制等。500字以内）",
    },
    false,
  ),
};
