import { describe, expect, it } from "vitest";
import { parseCalendarImport } from "./calendar-import";
import { calendarOverrideSchema, calendarYearSchema } from "./calendar-override-schema";

const csv = (...lines: string[]) => lines.join("\n");

describe("parseCalendarImport: CSV", () => {
  it("reads records, aliases, year declarations, comments and Excel quirks", () => {
    const text = [
      "\uFEFFdate,kind,name",
      "# 2027年节假日安排（示例）",
      "#year,2027,complete",
      "",
      "2027-01-01,holiday,元旦",
      "2027-02-06,上班,春节",
      "2027/2/7,调休,春节",
      "2027-2-8,节假日,春节",
      "２０２７－０２－０９,休息,春节",
      "2027-02-10,放假,",
      "2027-02-20,补班",
      "2027-02-21,工作日,,,",
      '2027-10-01,HOLIDAY,"国庆节,中秋节"',
      '2027-10-02,Holiday,"国庆节""双节"""',
      "2027-10-03,holiday,  国庆节  ",
      "#YEAR , 2028 , Complete",
    ].join("\r\n");
    const result = parseCalendarImport(text);
    expect(result.errors).toEqual([]);
    expect(result.years).toEqual([
      { year: 2027, complete: true },
      { year: 2028, complete: true },
    ]);
    expect(result.records).toEqual([
      { date: "2027-01-01", kind: "holiday", name: "元旦" },
      { date: "2027-02-06", kind: "workday", name: "春节" },
      { date: "2027-02-07", kind: "workday", name: "春节" },
      { date: "2027-02-08", kind: "holiday", name: "春节" },
      { date: "2027-02-09", kind: "holiday", name: "春节" },
      { date: "2027-02-10", kind: "holiday" },
      { date: "2027-02-20", kind: "workday" },
      { date: "2027-02-21", kind: "workday" },
      { date: "2027-10-01", kind: "holiday", name: "国庆节,中秋节" },
      { date: "2027-10-02", kind: "holiday", name: '国庆节"双节"' },
      { date: "2027-10-03", kind: "holiday", name: "国庆节" },
    ]);
    for (const record of result.records) expect(calendarOverrideSchema.parse(record)).toEqual(record);
    for (const year of result.years) expect(calendarYearSchema.parse(year)).toEqual(year);
  });

  it("accepts a Chinese header and a header without the name column", () => {
    expect(parseCalendarImport(csv("日期,类型,名称", "2027-01-01,休息,元旦")).errors).toEqual([]);
    expect(parseCalendarImport(csv("date,kind", "2027-01-01,holiday")).records).toEqual([
      { date: "2027-01-01", kind: "holiday" },
    ]);
  });

  it("accepts a file that only declares a year", () => {
    expect(parseCalendarImport("#year,2027,complete\n")).toEqual({
      records: [],
      recordLines: [],
      years: [{ year: 2027, complete: true }],
      declarations: [{ year: 2027, line: 1, festivals: {} }],
      errors: [],
    });
  });

  it("reports a missing header and still checks the first line", () => {
    const result = parseCalendarImport(csv("2027-01-01,holiday,元旦", "2027-01-02,holiday,元旦"));
    expect(result.errors).toEqual([{ line: 1, message: "缺少表头：第一行应为 date,kind,name" }]);
    expect(result.records).toHaveLength(2);
  });

  it("reports every bad line with its line number and a Chinese message", () => {
    const result = parseCalendarImport(
      csv(
        "date,kind,name", // 1
        "2027-02-30,holiday,春节", // 2 not a real date
        "2027-13-01,holiday", // 3
        "20270101,holiday", // 4
        ",holiday,元旦", // 5 no date
        "2027-01-04,请假,事假", // 6 unknown kind
        "2027-01-05,,元旦", // 7 no kind
        `2027-01-06,holiday,${"长".repeat(41)}`, // 8 name too long
        "2027-01-07", // 9 too few fields
        "2027-01-08,holiday,国庆节,中秋节", // 10 too many fields
        '2027-01-09,holiday,"元旦', // 11 unterminated quote
        "#year,2027", // 12 bad declaration
        "#year,1999,complete", // 13 year out of range
        "#year,20270,complete", // 14 year typo
        "2027-13-45,节日", // 15 two problems on one line
      ),
    );
    expect(result.records).toEqual([]);
    expect(result.years).toEqual([]);
    expect(result.errors).toEqual([
      { line: 2, message: "日期无效：“2027-02-30”，应为 YYYY-MM-DD 格式的真实日期" },
      { line: 3, message: "日期无效：“2027-13-01”，应为 YYYY-MM-DD 格式的真实日期" },
      { line: 4, message: "日期无效：“20270101”，应为 YYYY-MM-DD 格式的真实日期" },
      { line: 5, message: "缺少日期" },
      {
        line: 6,
        message: "类型无效：“请假”，应为 workday、holiday、上班、调休、补班、工作日、休息、节假日、放假 之一",
      },
      {
        line: 7,
        message: "缺少类型，应为 workday、holiday、上班、调休、补班、工作日、休息、节假日、放假 之一",
      },
      { line: 8, message: "名称过长：不能超过40个字" },
      { line: 9, message: "字段不足：每行应为 日期,类型,名称（名称可省略）" },
      { line: 10, message: "字段过多：每行应为 日期,类型,名称；名称中有逗号时请用英文双引号括起来" },
      { line: 11, message: "引号未闭合：用英文双引号括起的名称须以双引号结束" },
      { line: 12, message: "年度声明格式应为 #year,2027,complete" },
      { line: 13, message: "年度无效：“1999”，应为 2000 至 2099 之间的四位年份" },
      { line: 14, message: "年度无效：“20270”，应为 2000 至 2099 之间的四位年份" },
      { line: 15, message: "日期无效：“2027-13-45”，应为 YYYY-MM-DD 格式的真实日期" },
      {
        line: 15,
        message: "类型无效：“节日”，应为 workday、holiday、上班、调休、补班、工作日、休息、节假日、放假 之一",
      },
    ]);
  });

  it("keeps identical duplicates once and reports conflicting ones against the first line", () => {
    const result = parseCalendarImport(
      csv(
        "date,kind,name",
        "2027-01-01,holiday,元旦",
        "2027/1/1,休息,元旦", // same day written differently: harmless
        "2027-01-01,workday,元旦", // conflicting kind
        "2027-01-01,holiday,新年", // conflicting name
      ),
    );
    expect(result.records).toEqual([{ date: "2027-01-01", kind: "holiday", name: "元旦" }]);
    expect(result.errors).toEqual([
      { line: 4, message: "日期 2027-01-01 重复，且与第2行的类型不一致" },
      { line: 5, message: "日期 2027-01-01 重复，且与第2行的名称不一致" },
    ]);
  });

  it("reports an empty file", () => {
    const empty = {
      records: [],
      recordLines: [],
      years: [],
      declarations: [],
      errors: [{ line: 1, message: "文件中没有任何日期记录或年度声明" }],
    };
    expect(parseCalendarImport("")).toEqual(empty);
    expect(parseCalendarImport("date,kind,name\n# nothing yet\n")).toEqual(empty);
  });
});

describe("parseCalendarImport: JSON", () => {
  it("reads a year object with its days", () => {
    const result = parseCalendarImport(
      JSON.stringify({
        year: 2027,
        complete: true,
        days: [
          { date: "2027-01-01", kind: "holiday", name: "元旦" },
          { date: "2027-02-06", kind: "上班", name: "春节" },
          { date: "2027-02-07", kind: "workday", name: null },
        ],
      }),
    );
    expect(result).toEqual({
      records: [
        { date: "2027-01-01", kind: "holiday", name: "元旦" },
        { date: "2027-02-06", kind: "workday", name: "春节" },
        { date: "2027-02-07", kind: "workday" },
      ],
      recordLines: [2, 3, 4],
      years: [{ year: 2027, complete: true }],
      declarations: [{ year: 2027, line: 1, festivals: {} }],
      errors: [],
    });
  });

  it("reads an array of days and years; complete false only groups days", () => {
    const result = parseCalendarImport(
      JSON.stringify([
        { date: "2026-12-31", kind: "holiday", name: "元旦" },
        { year: 2028, complete: true },
        { year: 2027, complete: false, days: [{ date: "2027-01-01", kind: "holiday" }] },
        { year: 2029 },
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.years).toEqual([{ year: 2028, complete: true }]);
    expect(result.records.map((record) => record.date)).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("reports each bad record by its number in reading order", () => {
    const result = parseCalendarImport(
      JSON.stringify([
        { date: "2027-02-29", kind: "holiday" }, // 1
        { date: 20270101, kind: "holiday" }, // 2
        { date: "2027-01-02", kind: "请假" }, // 3
        { date: "2027-01-03", kind: 1 }, // 4
        { date: "2027-01-04" }, // 5
        { kind: "holiday" }, // 6
        { date: "2027-01-05", kind: "holiday", name: 5 }, // 7
        42, // 8
        { when: "2027-01-06" }, // 9
        { year: "2027", complete: true }, // 10
        { year: 2027, complete: "yes", days: {} }, // 11
        {
          year: 2027, // 12
          complete: true,
          days: [
            { date: "2026-12-31", kind: "holiday" }, // 13
            "2027-01-07", // 14
            { year: 2027 }, // 15
            { date: "2027-01-08", kind: "holiday", name: "元旦" }, // 16
          ],
        },
        { date: "2027-01-08", kind: "workday" }, // 17
      ]),
    );
    const unrecognized =
      "无法识别的记录：应为 {date, kind, name} 形式的日期，或 {year, complete, days} 形式的年度";
    const kinds = "workday、holiday、上班、调休、补班、工作日、休息、节假日、放假";
    expect(result.errors).toEqual([
      { line: 1, message: "日期无效：“2027-02-29”，应为 YYYY-MM-DD 格式的真实日期" },
      { line: 2, message: "日期无效：“20270101”，应为 YYYY-MM-DD 格式的真实日期" },
      { line: 3, message: `类型无效：“请假”，应为 ${kinds} 之一` },
      { line: 4, message: `类型无效：“1”，应为 ${kinds} 之一` },
      { line: 5, message: `缺少类型，应为 ${kinds} 之一` },
      { line: 6, message: "缺少日期" },
      { line: 7, message: "名称应为文字" },
      { line: 8, message: unrecognized },
      { line: 9, message: unrecognized },
      { line: 10, message: "年度无效：“2027”，应为 2000 至 2099 之间的四位年份" },
      { line: 11, message: "complete 只能是 true 或 false" },
      { line: 11, message: "days 应为日期记录的数组" },
      { line: 13, message: "日期 2026-12-31 不属于 2027 年" },
      { line: 14, message: unrecognized },
      { line: 15, message: unrecognized },
      { line: 17, message: "日期 2027-01-08 重复，且与第16条的类型不一致" },
    ]);
    expect(result.years).toEqual([{ year: 2027, complete: true }]);
    expect(result.records).toEqual([{ date: "2027-01-08", kind: "holiday", name: "元旦" }]);
  });

  it("reports a JSON syntax error on the line where parsing stopped", () => {
    const text = [
      "[",
      '  { "date": "2027-01-01", "kind": "holiday" },',
      '  { "date" "2027-01-02" }',
      "]",
    ].join("\n");
    expect(parseCalendarImport(text)).toEqual({
      records: [],
      recordLines: [],
      years: [],
      declarations: [],
      errors: [{ line: 3, message: "JSON 格式错误：请检查括号、逗号和引号是否配对" }],
    });
    expect(parseCalendarImport("[").errors).toEqual([
      { line: 1, message: "JSON 格式错误：请检查括号、逗号和引号是否配对" },
    ]);
  });

  it("reports an empty array", () => {
    expect(parseCalendarImport("[]").errors).toEqual([
      { line: 1, message: "文件中没有任何日期记录或年度声明" },
    ]);
  });
});

describe("calendarOverrideSchema", () => {
  it("accepts canonical rows and refuses aliases, bad dates and long names", () => {
    expect(calendarOverrideSchema.parse({ date: "2027-01-01", kind: "holiday", name: " 元旦 " })).toEqual({
      date: "2027-01-01",
      kind: "holiday",
      name: "元旦",
    });
    expect(calendarOverrideSchema.safeParse({ date: "2027-01-01", kind: "workday" }).success).toBe(true);
    const messages = (input: unknown) =>
      calendarOverrideSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ date: "2027-02-29", kind: "holiday" })).toEqual(["日期应为 YYYY-MM-DD 格式的真实日期"]);
    expect(messages({ date: "2027-01-01", kind: "上班" })).toEqual([
      "类型应为 workday（上班）或 holiday（休息）",
    ]);
    expect(messages({ date: "2027-01-01", kind: "holiday", name: "  " })).toEqual(["名称不能为空"]);
    expect(messages({ date: "2027-01-01", kind: "holiday", name: "长".repeat(41) })).toEqual([
      "名称不能超过40个字",
    ]);
  });

  it("declares only complete years in range", () => {
    expect(calendarYearSchema.safeParse({ year: 2027, complete: true }).success).toBe(true);
    expect(calendarYearSchema.safeParse({ year: 2027, complete: false }).success).toBe(false);
    expect(calendarYearSchema.safeParse({ year: 1999, complete: true }).error?.issues[0]?.message).toBe(
      "年度应在2000至2099之间",
    );
    expect(calendarYearSchema.safeParse({ year: 2027.5, complete: true }).success).toBe(false);
  });
});

describe("parseCalendarImport: lunar festival dates with a year declaration", () => {
  it("reads 春节=…, 清明节=… after #year in any spelling, and records where each year was declared", () => {
    const result = parseCalendarImport(
      csv(
        "date,kind,name",
        "2036-01-01,holiday,元旦",
        "#year,2036,complete,春节=2036-01-28,清明=2036/4/4,dragonBoat=2036-05-30,中秋节＝2036-10-04,,",
        "#year,2027,complete",
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.recordLines).toEqual([2]);
    expect(result.declarations).toEqual([
      { year: 2027, line: 4, festivals: {} },
      {
        year: 2036,
        line: 3,
        festivals: {
          springFestival: "2036-01-28",
          qingming: "2036-04-04",
          dragonBoat: "2036-05-30",
          midAutumn: "2036-10-04",
        },
      },
    ]);
    expect(result.years).toEqual([
      { year: 2027, complete: true },
      { year: 2036, complete: true },
    ]);
  });

  it("reads festivals in a JSON year and merges a year declared twice", () => {
    const result = parseCalendarImport(
      JSON.stringify([
        { year: 2036, complete: true, festivals: { 春节: "2036-01-28", 清明节: "2036-04-04" } },
        { year: 2036, complete: true, festivals: { 端午节: "2036-05-30", midAutumn: "2036-10-04" } },
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.declarations).toEqual([
      {
        year: 2036,
        line: 1,
        festivals: {
          springFestival: "2036-01-28",
          qingming: "2036-04-04",
          dragonBoat: "2036-05-30",
          midAutumn: "2036-10-04",
        },
      },
    ]);
  });

  it("reports an unknown festival, a bad date, a date of another year and a contradiction", () => {
    const result = parseCalendarImport(
      csv(
        "date,kind,name",
        "#year,2036,complete,元宵=2036-02-11", // 2
        "#year,2036,complete,春节=2036-02-30", // 3
        "#year,2036,complete,春节=2037-02-15", // 4
        "#year,2036,complete,春节", // 5
        "#year,2036,complete,春节=2036-01-28", // 6
        "#year,2036,complete,春节=2036-01-29", // 7
      ),
    );
    expect(result.errors).toEqual([
      { line: 2, message: "无法识别的节日：“元宵”，应为 春节、清明节、端午节、中秋节 之一" },
      { line: 3, message: "春节的日期无效：“2036-02-30”，应为 YYYY-MM-DD" },
      { line: 4, message: "春节的日期 2037-02-15 不属于 2036 年" },
      { line: 5, message: "节日日期格式应为 春节=2036-01-28，不是“春节”" },
      { line: 7, message: "2036年的春节与第6行写的不一致" },
    ]);
    const json = parseCalendarImport(
      JSON.stringify({ year: 2036, complete: true, festivals: ["2036-01-28"] }),
    );
    expect(json.errors).toEqual([
      { line: 1, message: 'festivals 应为 { "春节": "YYYY-MM-DD", … } 形式的节日日期' },
    ]);
  });
});
