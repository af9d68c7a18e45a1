import { describe, expect, it } from "vitest";
import { recommendationQuota } from "./quota";
import { GREATER_BAY_AREA_PREFECTURES, inPrefectures, prefectureOf } from "./quota-areas";
import { nationalBatch2, shanghaiBatch3 } from "./seeds";

const guangdong = { type: "region", value: "440000" } as const;

describe("prefectureOf", () => {
  it("resolves division and credit codes to the prefecture, not the province", () => {
    expect(prefectureOf("440305")).toBe("4403");
    expect(prefectureOf("91440300MA5XXXXXXX")).toBe("4403");
    expect(prefectureOf("440000")).toBeNull();
    expect(prefectureOf("abc")).toBeNull();
  });

  it("puts the nine cities in 粤港澳大湾区 and the rest of Guangdong outside", () => {
    for (const code of [
      "440100",
      "440300",
      "440400",
      "440600",
      "441300",
      "441900",
      "442000",
      "440700",
      "441200",
    ])
      expect(inPrefectures(code, GREATER_BAY_AREA_PREFECTURES)).toBe(true);
    for (const code of ["440500", "440200", "445100", "440000"])
      expect(inPrefectures(code, GREATER_BAY_AREA_PREFECTURES)).toBe(false);
  });
});

describe("recommendationQuota", () => {
  it("gives training 5 per occupation per region with the notice sentence as basis", () => {
    expect(
      recommendationQuota(nationalBatch2, "training", { type: "region", value: "330000" }),
    ).toMatchObject({
      status: "set",
      limit: 5,
      basis: "培训机构：每个职业每个地方计划遴选不超过 5 家。",
    });
  });

  it("leaves 北京 and 上海 pending, with the notice's basis, until the office enters a number", () => {
    for (const value of ["110000", "310000"]) {
      const rule = recommendationQuota(nationalBatch2, "training", { type: "region", value });
      expect(rule).toMatchObject({ status: "pending", limit: null });
      expect(rule?.rule).toMatch(/^名额待定（依据：.*可适当扩大规模。）$/);
    }
    const set = recommendationQuota(
      nationalBatch2,
      "training",
      { type: "region", value: "110000" },
      {
        settings: [
          { kind: "training", areaKey: "110000", limit: 8, basis: "协调小组办公室2023年5月会议决定" },
        ],
      },
    );
    expect(set).toMatchObject({ status: "set", limit: 8, basis: "协调小组办公室2023年5月会议决定" });
  });

  it("applies the 粤港澳大湾区 rule only to institutions in the nine cities", () => {
    const shenzhen = recommendationQuota(nationalBatch2, "training", guangdong, {
      location: "91440300MA5F000000",
    });
    expect(shenzhen).toMatchObject({
      status: "pending",
      areaKey: "440000:粤港澳大湾区",
      areaName: "粤港澳大湾区",
    });
    const shantou = recommendationQuota(nationalBatch2, "training", guangdong, {
      location: "91440500MA5F000000",
    });
    expect(shantou).toMatchObject({ status: "set", limit: 5, areaKey: "440000" });
    const set = recommendationQuota(nationalBatch2, "training", guangdong, {
      location: "441900",
      settings: [{ kind: "training", areaKey: "440000:粤港澳大湾区", limit: 12, basis: "办公室决定" }],
    });
    expect(set).toMatchObject({ status: "set", limit: 12 });
  });

  it("lets no industry department recommend training institutions", () => {
    expect(
      recommendationQuota(nationalBatch2, "training", { type: "industry", value: "工业和信息化" }),
    ).toBeNull();
  });

  it("caps evaluation per recommender only when the batch turns the setting on", () => {
    const industry = { type: "industry", value: "工业和信息化" } as const;
    expect(recommendationQuota(nationalBatch2, "evaluation", industry)).toMatchObject({
      status: "open",
      limit: null,
    });
    const capped = {
      ...nationalBatch2,
      quotas: {
        ...nationalBatch2.quotas,
        evaluation: { perOccupationMin: 1, perOccupationMax: 2, perRecommenderMax: 2 },
      },
    };
    expect(recommendationQuota(capped, "evaluation", industry)).toMatchObject({ status: "set", limit: 2 });
    expect(recommendationQuota(shanghaiBatch3, "evaluation", { type: "region", value: "310000" })).toBeNull();
  });

  it("leaves Shanghai's own batch to the bureau's decision", () => {
    expect(
      recommendationQuota(shanghaiBatch3, "training", { type: "region", value: "310000" }),
    ).toMatchObject({ status: "pending", limit: null });
  });
});
