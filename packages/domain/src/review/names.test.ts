import { describe, expect, it } from "vitest";
import {
  normalizeCreditCodeForMatch,
  normalizeOrganizationName,
  normalizePersonName,
  normalizePhoneForMatch,
  relateOrganizations,
} from "./names";

describe("normalizing what two people typed", () => {
  it("reduces organisation names to what identifies them", () => {
    expect(normalizeOrganizationName(" 华为技术有限公司（深圳） ")).toBe("华为技术有限公司深圳");
    expect(normalizeOrganizationName("华为技术有限公司(深圳)")).toBe("华为技术有限公司深圳");
    expect(normalizeOrganizationName("【ABC】科技　有限公司")).toBe("abc科技有限公司");
    expect(normalizeOrganizationName("〔北京〕Ｘ研究院")).toBe("北京x研究院");
  });

  it("compares person names without spaces or width", () => {
    expect(normalizePersonName("王 芳")).toBe("王芳");
    expect(normalizePersonName("Ｌｉ Ｌｅｉ")).toBe("lilei");
  });

  it("compares phones in their normalised form, or their digits when unparseable", () => {
    expect(normalizePhoneForMatch("+86 138-0013-8000")).toBe("13800138000");
    expect(normalizePhoneForMatch("(021) 6234 5678")).toBe("021-62345678");
    expect(normalizePhoneForMatch("6234-5678")).toBe("62345678");
  });

  it("compares credit codes without spaces, width or case", () => {
    expect(normalizeCreditCodeForMatch(" ９１３１０１１５ma1k4ab3xx ")).toBe("91310115MA1K4AB3XX");
  });
});

describe("relateOrganizations", () => {
  it("recognises the same organisation", () => {
    expect(relateOrganizations("清华大学", " 清华大学 ")).toBe("same");
    expect(relateOrganizations("华为技术有限公司（深圳）", "华为技术有限公司(深圳)")).toBe("same");
  });

  it("recognises a department of a whole organisation, either way round", () => {
    expect(relateOrganizations("清华大学", "清华大学计算机科学与技术系")).toBe("department");
    expect(relateOrganizations("中国信息通信研究院泰尔终端实验室", "中国信息通信研究院")).toBe("department");
    expect(relateOrganizations("工业和信息化部", "工业和信息化部人才交流中心")).toBe("department");
  });

  it("does not relate names that merely share a beginning", () => {
    expect(relateOrganizations("中国电子", "中国电子技术标准化研究院")).toBeNull();
    expect(relateOrganizations("华为", "华为技术有限公司")).toBeNull(); // too short to be sure
    expect(relateOrganizations("清华大学", "北京大学")).toBeNull();
  });

  it("relates nothing to a blank name", () => {
    expect(relateOrganizations("", "")).toBeNull();
    expect(relateOrganizations(" （ ） ", "清华大学")).toBeNull();
  });
});
