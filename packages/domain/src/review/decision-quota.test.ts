import { describe, expect, it } from "vitest";
import { nationalBatch2, shanghaiBatch3 } from "../batches/seeds";
import { decisionQuota } from "./decision-quota";

describe("decisionQuota", () => {
  it("gives evaluation the batch maximum per occupation nationwide, whatever the region", () => {
    const expected = { limit: 2, rule: "评价机构每个职业不超过2家" };
    expect(decisionQuota(nationalBatch2, "evaluation", "ai", null)).toEqual(expected);
    expect(decisionQuota(nationalBatch2, "evaluation", "ai", "440000")).toEqual(expected);
  });

  it("gives 0 with the batch's reason for an occupation excluded for the kind", () => {
    const result = decisionQuota(nationalBatch2, "evaluation", "big_data", null);
    expect(result?.limit).toBe(0);
    expect(result?.rule).toMatch(/\p{Script=Han}/u);
  });

  it("gives training the per-region quota, or the region's override", () => {
    expect(decisionQuota(nationalBatch2, "training", "ai", "330000")).toEqual({
      limit: 5,
      rule: "培训机构每个职业每个地方不超过5家",
    });
    expect(decisionQuota(nationalBatch2, "training", "ai", "440000")?.limit).toBe(5);
    expect(decisionQuota(nationalBatch2, "training", "ai", "440000")?.rule).toContain("粤港澳大湾区名额待定");
    const gba = [
      { kind: "training" as const, areaKey: "440000:粤港澳大湾区", limit: 6, basis: "办公室决定" },
    ];
    expect(decisionQuota(nationalBatch2, "training", "ai", "440000", gba)?.limit).toBe(11);
  });

  it("takes the office's number for 北京 and 上海, 名额待定 (0) until entered", () => {
    expect(decisionQuota(nationalBatch2, "training", "ai", "110000")).toMatchObject({ limit: 0 });
    expect(decisionQuota(nationalBatch2, "training", "ai", "110000")?.rule).toMatch(/^名额待定（依据：/);
    const decided = [{ kind: "training" as const, areaKey: "310000", limit: 10, basis: "市局党组会议决定" }];
    expect(decisionQuota(shanghaiBatch3, "training", "ai", "310000", decided)).toEqual({
      limit: 10,
      rule: "培训机构每个职业上海市不超过10家（依据：市局党组会议决定）",
    });
  });

  it("gives null without a region for training, or without a quota for the kind", () => {
    expect(decisionQuota(nationalBatch2, "training", "ai", null)).toBeNull();
    const noEvaluationQuota = { ...nationalBatch2, quotas: { ...nationalBatch2.quotas, evaluation: null } };
    expect(decisionQuota(noEvaluationQuota, "evaluation", "ai", null)).toBeNull();
  });

  it("gives 0 for a kind the batch does not accept", () => {
    expect(decisionQuota(shanghaiBatch3, "evaluation", "ai", "310000")).toEqual({
      limit: 0,
      rule: "本批次不接受该类机构申报",
    });
  });
});
