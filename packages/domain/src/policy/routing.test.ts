import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nationalBatch2, shanghaiBatch3 } from "../batches/seeds";
import { REGIONS } from "../reference/regions";
import { computeCreditCodeCheckChar } from "../validators/credit-code";
import {
  BEIJING_RECOMMENDER_NAME,
  BEIJING_REGION_CODE,
  type CentralAffiliation,
  centralAffiliationCodes,
  type InstitutionForRouting,
  institutionRegion,
  isCentrallyRegistered,
  type RegionSource,
  recommenderName,
  registrationRegion,
  routeApplication,
} from "./routing";

/** A valid credit code: department + category, six-digit division, an arbitrary organisation code. */
function code(prefix: string, division: string, org = "MA1234567"): string {
  const body = `${prefix}${division}${org}`.slice(0, 17);
  return `${body}${computeCreditCodeCheckChar(body)}`;
}

const CENTRAL_PREFIXES = ["11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "A1", "N1", "Y1"];
const INDUSTRY = "工业和信息化部";

function institution(overrides: Partial<InstitutionForRouting> = {}): InstitutionForRouting {
  return {
    creditCode: code("91", "440305"),
    regionCode: "440000",
    regionSource: "creditCode",
    centralAffiliation: null,
    ...overrides,
  };
}

function route(
  kind: "training" | "evaluation",
  inst: InstitutionForRouting,
  chosen: { type: "region" | "industry"; value: string } | null = null,
  batch = nationalBatch2,
) {
  return routeApplication({ batch, kind, institution: inst, chosen, industryScopes: [INDUSTRY] });
}

describe("central registration", () => {
  it("recognises the division code 100000 under every registration authority", () => {
    for (const prefix of CENTRAL_PREFIXES) {
      expect(isCentrallyRegistered(code(prefix, "100000"))).toBe(true);
      expect(registrationRegion({ creditCode: code(prefix, "100000"), centralAffiliation: null })).toEqual({
        regionCode: BEIJING_REGION_CODE,
        basis: "centralRegistration",
      });
    }
  });

  it("takes every province's own codes to that province, Beijing's included", () => {
    for (const region of REGIONS) {
      const creditCode = code("12", `${region.code.slice(0, 2)}0105`);
      expect(isCentrallyRegistered(creditCode)).toBe(false);
      expect(registrationRegion({ creditCode, centralAffiliation: null })).toEqual({
        regionCode: region.code,
        basis: "creditCode",
      });
    }
  });

  it("goes to Beijing for a declared central unit or national industry organisation, whatever the code", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGIONS.map((region) => region.code)),
        fc.constantFrom<CentralAffiliation>(...centralAffiliationCodes),
        (region, affiliation) => {
          const creditCode = code("51", region);
          expect(registrationRegion({ creditCode, centralAffiliation: affiliation })).toEqual({
            regionCode: BEIJING_REGION_CODE,
            basis: "centralAffiliation",
          });
        },
      ),
    );
  });

  it("gives no region for a division outside the program (the office corrects it)", () => {
    expect(registrationRegion({ creditCode: code("91", "710000"), centralAffiliation: null })).toEqual({
      regionCode: null,
      basis: "unknown",
    });
  });
});

describe("institutionRegion", () => {
  it("keeps a region the office corrected over code and declaration", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(code("12", "100000"), code("91", "440305")),
        fc.constantFrom<CentralAffiliation | null>(null, ...centralAffiliationCodes),
        fc.constantFrom(...REGIONS.map((region) => region.code)),
        (creditCode, centralAffiliation, corrected) => {
          const inst = {
            creditCode,
            centralAffiliation,
            regionCode: corrected,
            regionSource: "office" as const,
          };
          expect(institutionRegion(inst)).toEqual({ regionCode: corrected, basis: "office" });
        },
      ),
    );
  });

  it("routes a central code to Beijing even when the stored region is empty (registered before the rule)", () => {
    const inst = institution({ creditCode: code("12", "100000"), regionCode: null });
    expect(institutionRegion(inst)).toEqual({
      regionCode: BEIJING_REGION_CODE,
      basis: "centralRegistration",
    });
  });
});

describe("routeApplication", () => {
  it("sends national training of a central unit to the Beijing bureau, quoting the notice", () => {
    const routing = route("training", institution({ creditCode: code("12", "100000"), regionCode: null }));
    expect(routing).toMatchObject({
      target: "recommender",
      recommender: { type: "region", value: BEIJING_REGION_CODE },
      name: BEIJING_RECOMMENDER_NAME,
      choice: null,
    });
    expect(routing.basis).toContain("负责遴选在京中央单位、行业组织所属培训机构");
  });

  it("names one recommender for every institution of a national batch: region by code, declaration or office", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("training" as const, "evaluation" as const),
        fc.constantFrom(...REGIONS.map((region) => region.code), "100000"),
        fc.constantFrom<CentralAffiliation | null>(null, ...centralAffiliationCodes),
        fc.constantFrom<RegionSource>("creditCode", "office"),
        (kind, division, centralAffiliation, regionSource) => {
          const creditCode = code("52", division);
          const stored = regionSource === "office" ? "650000" : division === "100000" ? null : division;
          const inst = { creditCode, regionCode: stored, regionSource, centralAffiliation };
          const routing = route(kind, inst);
          const expected =
            regionSource === "office"
              ? "650000"
              : centralAffiliation !== null || division === "100000"
                ? BEIJING_REGION_CODE
                : division;
          expect(routing.target).toBe("recommender");
          expect(routing.recommender).toEqual({ type: "region", value: expected });
          expect(routing.name).toBe(recommenderName({ type: "region", value: expected }));
          expect(routing.choice === null).toBe(kind === "training");
        },
      ),
    );
  });

  it("explains and honours the evaluation institution's choice of an industry department", () => {
    const routing = route("evaluation", institution(), { type: "industry", value: ` ${INDUSTRY} ` });
    expect(routing).toMatchObject({
      target: "recommender",
      recommender: { type: "industry", value: INDUSTRY },
      name: `${INDUSTRY}行业主管部门`,
    });
    expect(routing.choice).toContain("行业主管（业务指导）部门");
    expect(route("evaluation", institution(), { type: "industry", value: "不存在的部门" })).toMatchObject({
      target: "unresolved",
      basis: "请从推荐单位列表中选择行业主管部门",
    });
  });

  it("refuses an industry department for training, where the batch offers no choice", () => {
    expect(route("training", institution(), { type: "industry", value: INDUSTRY })).toMatchObject({
      target: "unresolved",
      basis: "本批次该类机构只能由属地省级人力资源社会保障部门推荐",
      choice: null,
    });
  });

  it("says why no recommender can be named when the region is unknown", () => {
    const routing = route("training", institution({ creditCode: code("91", "710000"), regionCode: null }));
    expect(routing.target).toBe("unresolved");
    expect(routing.basis).toContain("更正所在地区");
  });

  it("sends a batch without recommenders to its receiving centre", () => {
    const routing = route("training", institution(), null, shanghaiBatch3);
    expect(routing).toEqual({
      target: "receivingCentre",
      recommender: null,
      name: "上海市人力资源公共服务中心",
      basis: "本批次的申报材料由上海市人力资源公共服务中心接收并进行形式审查。",
      choice: null,
    });
    const direct = route("training", institution(), null, {
      ...shanghaiBatch3,
      stages: shanghaiBatch3.stages.filter((stage) => stage.code !== "formalCheck"),
    });
    expect(direct).toMatchObject({ target: "office", name: "上海市人力资源公共服务中心" });
  });

  it("names recommenders as the notice does", () => {
    expect(recommenderName({ type: "region", value: "110000" })).toBe("北京市人力资源和社会保障局");
    expect(recommenderName({ type: "region", value: "440000" })).toBe("广东省人力资源社会保障部门");
    expect(recommenderName({ type: "industry", value: INDUSTRY })).toBe("工业和信息化部行业主管部门");
  });
});
