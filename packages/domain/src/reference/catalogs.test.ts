import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isKindCode, KINDS, kindCodes, kindName, kindShortName } from "./kinds";
import { isLevelCode, LEVELS, levelCodes, levelName } from "./levels";
import { isOccupationCode, OCCUPATIONS, occupationCodes, occupationName } from "./occupations";
import { isUnitTypeCode, UNIT_TYPES, unitTypeCodes, unitTypeName } from "./unit-types";

describe("OCCUPATIONS", () => {
  it("lists the 10 occupations in the notices' order", () => {
    expect(OCCUPATIONS.map((o) => `${o.code} ${o.name}`)).toEqual([
      "ai 人工智能工程技术人员",
      "iot 物联网工程技术人员",
      "big_data 大数据工程技术人员",
      "cloud 云计算工程技术人员",
      "smart_manufacturing 智能制造工程技术人员",
      "industrial_internet 工业互联网工程技术人员",
      "virtual_reality 虚拟现实工程技术人员",
      "blockchain 区块链工程技术人员",
      "integrated_circuit 集成电路工程技术人员",
      "digital_management 数字化管理师",
    ]);
  });

  it("has unique names and codes matching the tuple", () => {
    expect(new Set(OCCUPATIONS.map((o) => o.name)).size).toBe(10);
    expect(OCCUPATIONS.map((o) => o.code)).toEqual([...occupationCodes]);
  });

  it("helpers agree with the list", () => {
    expect(occupationName("cloud")).toBe("云计算工程技术人员");
    expect(isOccupationCode("blockchain")).toBe(true);
    expect(isOccupationCode("Blockchain")).toBe(false);
    expect(isOccupationCode("")).toBe(false);
  });

  it("the tuple feeds z.enum", () => {
    const schema = z.enum(occupationCodes);
    expect(schema.parse("integrated_circuit")).toBe("integrated_circuit");
    expect(schema.safeParse("quantum").success).toBe(false);
  });
});

describe("LEVELS", () => {
  it("lists junior, intermediate, senior", () => {
    expect(LEVELS).toEqual([
      { code: "junior", name: "初级" },
      { code: "intermediate", name: "中级" },
      { code: "senior", name: "高级" },
    ]);
    expect(LEVELS.map((l) => l.code)).toEqual([...levelCodes]);
    expect(levelName("senior")).toBe("高级");
    expect(isLevelCode("middle")).toBe(false);
  });
});

describe("KINDS", () => {
  it("lists training and evaluation with full and short names", () => {
    expect(KINDS).toEqual([
      { code: "training", name: "培训机构", shortName: "培训" },
      { code: "evaluation", name: "评价机构", shortName: "评价" },
    ]);
    expect(KINDS.map((k) => k.code)).toEqual([...kindCodes]);
    for (const kind of KINDS) {
      expect(kindName(kind.code)).toBe(kind.name);
      expect(kindShortName(kind.code)).toBe(kind.shortName);
    }
    expect(isKindCode("evaluation")).toBe(true);
    expect(isKindCode("assessment")).toBe(false);
  });
});

describe("UNIT_TYPES", () => {
  it("lists exactly the six types of 注1 in order", () => {
    expect(UNIT_TYPES).toEqual([
      { code: "association", name: "行业协会等社团组织" },
      { code: "public_institution", name: "事业单位" },
      { code: "enterprise", name: "企业" },
      { code: "collective_enterprise", name: "集体企业" },
      { code: "private_enterprise", name: "民营企业" },
      { code: "private_non_enterprise", name: "民办非企业单位" },
    ]);
    expect(UNIT_TYPES.map((u) => u.code)).toEqual([...unitTypeCodes]);
    expect(unitTypeName("private_non_enterprise")).toBe("民办非企业单位");
    expect(isUnitTypeCode("enterprise")).toBe(true);
    expect(isUnitTypeCode("government")).toBe(false);
  });
});
