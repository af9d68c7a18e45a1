import { describe, expect, it } from "vitest";
import { recommendationQuota } from "./quota";
import { nationalBatch2, shanghaiBatch3 } from "./seeds";

describe("recommendationQuota", () => {
  it("gives training 5 per occupation per region, with the overrides for 北京、上海、广东", () => {
    expect(recommendationQuota(nationalBatch2, "training", { type: "region", value: "330000" })).toEqual({
      limit: 5,
      rule: "培训机构每个职业每个地方不超过5家",
    });
    for (const region of ["110000", "310000", "440000"]) {
      expect(recommendationQuota(nationalBatch2, "training", { type: "region", value: region })?.limit).toBe(
        10,
      );
    }
    expect(
      recommendationQuota(nationalBatch2, "training", { type: "region", value: "440000" })?.rule,
    ).toContain("广东省");
  });

  it("lets no industry department recommend training institutions", () => {
    expect(
      recommendationQuota(nationalBatch2, "training", { type: "industry", value: "工业和信息化" }),
    ).toBeNull();
  });

  it("gives evaluation the batch maximum per unit and occupation", () => {
    expect(
      recommendationQuota(nationalBatch2, "evaluation", { type: "industry", value: "工业和信息化" }),
    ).toEqual({
      limit: 2,
      rule: "评价机构每个职业每个推荐单位不超过2家",
    });
    expect(recommendationQuota(shanghaiBatch3, "evaluation", { type: "region", value: "310000" })).toBeNull();
  });
});
