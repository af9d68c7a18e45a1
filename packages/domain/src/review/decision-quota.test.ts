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
    expect(decisionQuota(nationalBatch2, "training", "ai", "440000")).toEqual({
      limit: 10,
      rule: "培训机构每个职业广东省不超过10家",
    });
  });

  it("uses the Shanghai batch's own quota", () => {
    expect(decisionQuota(shanghaiBatch3, "training", "ai", "310000")?.limit).toBe(10);
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
