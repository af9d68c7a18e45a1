import { describe, expect, it } from "vitest";
import { type OpinionItem, reviewOpinionParagraphs } from "./opinion-text";

const item = (overrides: Partial<OpinionItem> = {}): OpinionItem => ({
  institutionName: "甲培训学院",
  kind: "evaluation",
  expertsAssigned: 3,
  shortfall: 0,
  shortfallReason: null,
  siteVisit: null,
  recommendationCheck: null,
  ...overrides,
});
const base = { batchTitle: "关于开展遴选工作的通知", expertsRequired: 3, trainingExpertScoring: true };

describe("reviewOpinionParagraphs", () => {
  it("describes expert scoring and a full panel when every application was scored", () => {
    expect(reviewOpinionParagraphs({ ...base, items: [item(), item({ institutionName: "乙" })] })).toEqual([
      "根据《关于开展遴选工作的通知》，组织数字技术领域专家对申报材料进行了评议。每份申报由多名专家按评分细则独立评分，以去掉最高分和最低分后的平均分（不足4名专家时取平均分）排序；虚线以上为名额之内。",
      "每份申报均由3名专家评议。",
    ]);
  });

  it("names each application short of experts, and says when 审定 gave a reason", () => {
    const paragraphs = reviewOpinionParagraphs({
      ...base,
      items: [item({ expertsAssigned: 2, shortfall: 1, shortfallReason: "回避后无其他专家" }), item()],
    });
    expect(paragraphs[1]).toBe(
      "按规定每份申报应由3名专家评议；因回避等原因，甲培训学院实有2名，评议专家不足，已在评议意见中注明，审定时说明了理由。",
    );
  });

  it("does not claim expert scoring for training applications the batch has the office only check", () => {
    const check = { outcome: "passed", outcomeName: "审核通过", reason: "材料齐全" } as const;
    const paragraphs = reviewOpinionParagraphs({
      ...base,
      trainingExpertScoring: false,
      items: [
        item({ kind: "training", expertsAssigned: 0, recommendationCheck: check }),
        item({ kind: "training", expertsAssigned: 0, institutionName: "乙", recommendationCheck: check }),
      ],
    });
    expect(paragraphs).toEqual([
      "根据《关于开展遴选工作的通知》，对各地推荐的培训机构遴选结果进行了审核。",
      "按本批次评议设置，培训机构申报不组织专家评分，以推荐结果审核意见作为审定依据。",
      "对各地推荐的2家培训机构的推荐结果进行了审核，审核结果和意见已在评议意见中注明。",
    ]);
    expect(paragraphs.join("")).not.toContain("专家评议");
  });

  it("keeps the scoring paragraphs for evaluation applications beside checked training ones", () => {
    const paragraphs = reviewOpinionParagraphs({
      ...base,
      trainingExpertScoring: false,
      items: [item(), item({ kind: "training", expertsAssigned: 0 })],
    });
    expect(paragraphs[0]).toContain("组织数字技术领域专家对申报材料进行了评议");
    expect(paragraphs[1]).toBe("每份申报均由3名专家评议。");
    expect(paragraphs[2]).toBe(
      "按本批次评议设置，培训机构申报不组织专家评分，以推荐结果审核意见作为审定依据。",
    );
  });

  it("names the institutions visited", () => {
    const paragraphs = reviewOpinionParagraphs({
      ...base,
      items: [
        item({ siteVisit: { sentence: "考察结论：符合" } }),
        item({ institutionName: "乙", siteVisit: null }),
      ],
    });
    expect(paragraphs).toContain("根据评议需要，对甲培训学院进行了实地考察，考察结论已在评议意见中注明。");
  });
});
