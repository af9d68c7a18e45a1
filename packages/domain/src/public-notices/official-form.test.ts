import { describe, expect, it } from "vitest";
import { publicNoticeContactsSchema } from "./contacts";
import {
  chinesePublicNoticePeriod,
  confirmableAfterText,
  levelNamesText,
  listingReason,
} from "./official-form";

describe("the notice period in Chinese", () => {
  it("runs from the Beijing start date to 24时 of the last working day", () => {
    // 2026-12-07 00:00 Beijing is 16:00 UTC the day before.
    expect(chinesePublicNoticePeriod({ startsAt: "2026-12-06T16:00:00.000Z", lastDay: "2026-12-11" })).toBe(
      "2026年12月7日至2026年12月11日24时",
    );
  });

  it("counts the start in Beijing time, not UTC", () => {
    expect(chinesePublicNoticePeriod({ startsAt: "2026-12-31T17:30:00.000Z", lastDay: "2027-01-08" })).toBe(
      "2027年1月1日至2027年1月8日24时",
    );
  });

  it("gives a demo period cut short its real end and says it was cut", () => {
    expect(
      chinesePublicNoticePeriod({
        startsAt: "2026-12-06T16:00:00.000Z",
        lastDay: "2026-12-07",
        endsAt: "2026-12-07T07:30:00.000Z",
        demoShortenedAt: "2026-12-07T07:30:00.000Z",
      }),
    ).toBe("2026年12月7日至2026年12月7日 15:30（演示：已缩短）");
  });

  it("says when the result may be confirmed", () => {
    expect(confirmableAfterText({ lastDay: "2026-12-11" })).toBe("可于2026年12月11日24时后确认");
  });
});

describe("levels by name", () => {
  it("names the levels in their order, never the codes", () => {
    expect(levelNamesText(["intermediate", "junior"])).toBe("初级、中级");
    expect(levelNamesText(["senior"])).toBe("高级");
    expect(levelNamesText([])).toBe("");
  });
});

describe("the catalog record of a listing", () => {
  it("says the period ended and how many objections were handled", () => {
    expect(listingReason("某公示", 2)).toBe("“某公示”公示期满，公示期内收到异议2件，已处理，纳入目录");
    expect(listingReason("某公示", 0)).toBe("“某公示”公示期满，公示期内未收到异议，纳入目录");
  });
});

describe("objection contacts", () => {
  const valid = {
    issuingBody: "上海市人力资源和社会保障局",
    contactAddress: "上海市黄浦区南京西路1号",
    contactPhone: "(021) 6234 5678",
    contactEmail: "gongshi@RSJ.SH.GOV.CN",
  };

  it("accepts and normalises a complete set", () => {
    expect(publicNoticeContactsSchema.parse(valid)).toEqual({
      ...valid,
      contactPhone: "021-62345678",
      contactEmail: "gongshi@rsj.sh.gov.cn",
    });
  });

  it("refuses each missing or malformed field, naming it", () => {
    const issues = (input: Record<string, string>) =>
      publicNoticeContactsSchema
        .safeParse(input)
        .error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(issues({ ...valid, contactPhone: "62345678" })).toEqual([
      ["contactPhone", "受理异议的联系电话为固定电话时请填写区号，如 021-62345678"],
    ]);
    expect(issues({ ...valid, contactEmail: "" })).toEqual([["contactEmail", "请填写受理异议的电子邮箱"]]);
    expect(issues({ ...valid, contactEmail: "a@b" })?.[0]?.[1]).toMatch(/^受理异议的电子邮箱格式不正确/);
    expect(issues({ ...valid, issuingBody: " " })?.[0]?.[0]).toBe("issuingBody");
    expect(issues({ ...valid, contactAddress: "" })?.[0]?.[0]).toBe("contactAddress");
  });
});
