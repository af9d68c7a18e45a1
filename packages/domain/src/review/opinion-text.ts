import type { RecommendationCheckSummary } from "./recommendation-check";

/*
 * The paragraphs of the 评议结果意见 (notice 四(四)): how the applications were judged — scored by
 * experts, or, for training institutions in a batch whose review setting has experts not score
 * them, checked by the office — who had too few experts, who was visited, and how many
 * recommendations were checked. Each sentence states only what happened in this batch.
 */

export interface OpinionItem {
  institutionName: string;
  kind: "training" | "evaluation";
  expertsAssigned: number;
  shortfall: number;
  shortfallReason: string | null;
  siteVisit: { sentence: string | null } | null;
  recommendationCheck: RecommendationCheckSummary | null;
}

/** Whether experts scored the item: training applications are not scored when the batch says so. */
export const scoredByExperts = (item: Pick<OpinionItem, "kind">, trainingExpertScoring: boolean) =>
  item.kind !== "training" || trainingExpertScoring;

export function reviewOpinionParagraphs(input: {
  batchTitle: string;
  expertsRequired: number;
  trainingExpertScoring: boolean;
  items: readonly OpinionItem[];
}): string[] {
  const scored = input.items.filter((item) => scoredByExperts(item, input.trainingExpertScoring));
  const unscored = input.items.length - scored.length;
  const short = scored.filter((item) => item.shortfall > 0);
  const visited = input.items.filter((item) => item.siteVisit?.sentence);
  const checked = input.items.filter((item) => item.recommendationCheck);
  const paragraphs: string[] = [];
  if (scored.length > 0 || input.items.length === 0) {
    paragraphs.push(
      `根据《${input.batchTitle}》，组织数字技术领域专家对申报材料进行了评议。每份申报由多名专家按评分细则独立评分，以去掉最高分和最低分后的平均分（不足4名专家时取平均分）排序；虚线以上为名额之内。`,
    );
    paragraphs.push(
      short.length === 0
        ? `每份申报均由${input.expertsRequired}名专家评议。`
        : `按规定每份申报应由${input.expertsRequired}名专家评议；因回避等原因，${short.map((item) => `${item.institutionName}实有${item.expertsAssigned}名`).join("、")}，评议专家不足，已在评议意见中注明${short.some((item) => item.shortfallReason) ? "，审定时说明了理由" : ""}。`,
    );
  } else {
    paragraphs.push(`根据《${input.batchTitle}》，对各地推荐的培训机构遴选结果进行了审核。`);
  }
  if (unscored > 0)
    paragraphs.push("按本批次评议设置，培训机构申报不组织专家评分，以推荐结果审核意见作为审定依据。");
  if (visited.length > 0)
    paragraphs.push(
      `根据评议需要，对${visited.map((item) => item.institutionName).join("、")}进行了实地考察，考察结论已在评议意见中注明。`,
    );
  if (checked.length > 0)
    paragraphs.push(
      `对各地推荐的${checked.length}家培训机构的推荐结果进行了审核，审核结果和意见已在评议意见中注明。`,
    );
  return paragraphs;
}
