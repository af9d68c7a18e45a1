import type { FormTemplate } from "../types";
import { recommendationBlock } from "./common";
import { trainingBase, trainingSections } from "./training";

/** 附件1 数字技术工程师培育项目培训机构推荐表 (national notice, 2023-05-19). */
export const nationalTrainingV1: FormTemplate = {
  id: "national-training-v1",
  version: 1,
  title: "数字技术工程师培育项目培训机构推荐表",
  attachmentLabel: "附件1",
  ...trainingBase,
  sections: trainingSections(
    {
      trainingHistoryHint:
        "(主要包括：近五年来在所申报职业领域组织开展培训的情况，培训课程、课时、人数、形式等，以及考勤管理、质量评估等相关培训管理规章制度等。具体文本、支撑材料另附。500字以内)",
      teacherDevelopmentLabel: "师资队伍建设机制简述",
      teacherDevelopmentHint:
        "(建设机制包括：专职与兼职师资队伍结构优化措施、专家聘请方式、师资团队建设激励机制等。500字以内)",
    },
    true,
  ),
  recommendationBlock,
};
