import { describe, expect, it } from "vitest";
import {
  buildIndustryTree,
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  industryLabel,
  isIndustryCode,
  sectionOfDivision,
} from "./industries";

describe("INDUSTRY_SECTIONS (门类)", () => {
  it("lists the 20 sections A–T in order", () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
  });

  it("has unique names", () => {
    expect(new Set(INDUSTRY_SECTIONS.map((s) => s.name)).size).toBe(20);
  });

  it.each([
    ["A", "农、林、牧、渔业"],
    ["D", "电力、热力、燃气及水生产和供应业"],
    ["I", "信息传输、软件和信息技术服务业"],
    ["M", "科学研究和技术服务业"],
    ["O", "居民服务、修理和其他服务业"],
    ["S", "公共管理、社会保障和社会组织"],
    ["T", "国际组织"],
  ])("names %s %s", (code, name) => {
    expect(industryLabel(code)).toBe(name);
  });
});

describe("INDUSTRY_DIVISIONS (大类)", () => {
  it("lists the 97 divisions 01–97 in order, each code once", () => {
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(
      Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
  });

  it("has unique names, except where a section has a single division of the same name", () => {
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.name)).size).toBe(97);
    const sameAsSection = INDUSTRY_DIVISIONS.filter((d) => d.name === industryLabel(d.section));
    expect(sameAsSection.map((d) => d.code)).toEqual(["70", "83", "97"]);
  });

  it("links every division to an existing section, and every section has divisions", () => {
    const sections = new Set(INDUSTRY_SECTIONS.map((s) => s.code));
    for (const division of INDUSTRY_DIVISIONS) expect(sections.has(division.section)).toBe(true);
    for (const section of sections) expect(INDUSTRY_DIVISIONS.some((d) => d.section === section)).toBe(true);
  });

  it.each([
    ["A", 1, 5],
    ["B", 6, 12],
    ["C", 13, 43],
    ["D", 44, 46],
    ["E", 47, 50],
    ["F", 51, 52],
    ["G", 53, 60],
    ["H", 61, 62],
    ["I", 63, 65],
    ["J", 66, 69],
    ["K", 70, 70],
    ["L", 71, 72],
    ["M", 73, 75],
    ["N", 76, 79],
    ["O", 80, 82],
    ["P", 83, 83],
    ["Q", 84, 85],
    ["R", 86, 90],
    ["S", 91, 96],
    ["T", 97, 97],
  ])("section %s spans divisions %i–%i", (section, first, last) => {
    const codes = INDUSTRY_DIVISIONS.filter((d) => d.section === section).map((d) => Number(d.code));
    expect([codes[0], codes.at(-1), codes.length]).toEqual([first, last, last - first + 1]);
  });

  // Spot values, including every name renamed in 2017 and codes shifted by the new 79 土地管理业,
  // so that a 2011-edition list pasted over this one fails here.
  it.each([
    ["05", "农、林、牧、渔专业及辅助性活动"],
    ["11", "开采专业及辅助性活动"],
    ["25", "石油、煤炭及其他燃料加工业"],
    ["39", "计算机、通信和其他电子设备制造业"],
    ["43", "金属制品、机械和设备修理业"],
    ["50", "建筑装饰、装修和其他建筑业"],
    ["58", "多式联运和运输代理业"],
    ["59", "装卸搬运和仓储业"],
    ["63", "电信、广播电视和卫星传输服务"],
    ["64", "互联网和相关服务"],
    ["65", "软件和信息技术服务业"],
    ["72", "商务服务业"],
    ["73", "研究和试验发展"],
    ["79", "土地管理业"],
    ["80", "居民服务业"],
    ["83", "教育"],
    ["87", "广播、电视、电影和录音制作业"],
    ["90", "娱乐业"],
    ["96", "基层群众自治组织及其他组织"],
    ["97", "国际组织"],
  ])("names %s %s", (code, name) => {
    expect(industryLabel(code)).toBe(name);
  });
});

describe("industry helpers", () => {
  it("accept section, division and combined codes", () => {
    expect(isIndustryCode("I")).toBe(true);
    expect(isIndustryCode("65")).toBe(true);
    expect(isIndustryCode("I65")).toBe(true);
    expect(industryLabel("I65")).toBe("软件和信息技术服务业");
  });

  it.each(["", "U", "i", "00", "98", "5", "065", "C65", "I6", "6510"])("reject %j", (code) => {
    expect(isIndustryCode(code)).toBe(false);
    expect(industryLabel(code)).toBeUndefined();
  });

  it("find the section of a division", () => {
    expect(sectionOfDivision("65")).toBe("I");
    expect(sectionOfDivision("79")).toBe("N");
    expect(sectionOfDivision("98")).toBeUndefined();
  });

  it("build a two-level cascader tree with code-prefixed labels", () => {
    const tree = buildIndustryTree();
    expect(tree).toHaveLength(20);
    expect(tree.flatMap((node) => node.children ?? [])).toHaveLength(97);
    expect(tree[8]).toEqual({
      value: "I",
      label: "I 信息传输、软件和信息技术服务业",
      children: [
        { value: "63", label: "63 电信、广播电视和卫星传输服务" },
        { value: "64", label: "64 互联网和相关服务" },
        { value: "65", label: "65 软件和信息技术服务业" },
      ],
    });
  });

  it("build a fresh tree each time", () => {
    const first = buildIndustryTree();
    first[0]?.children?.pop();
    expect(buildIndustryTree()[0]?.children).toHaveLength(5);
  });
});
