import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

/** 2028's statutory days: 春节 from 除夕 01-25; 中秋 (10-03) falls on 国庆. */
const YEAR_2028 = [
  "2028-01-01",
  "2028-01-25",
  "2028-01-26",
  "2028-01-27",
  "2028-01-28",
  "2028-04-04",
  "2028-05-01",
  "2028-05-02",
  "2028-05-28",
  "2028-10-01",
  "2028-10-02",
  "2028-10-03",
];

/** A CSV of holidays (every date but those left out) and the declaration last. */
function csvOf(dates: string[], declaration: string) {
  return ["date,kind,name", ...dates.map((date) => `${date},holiday,法定节假日`), declaration].join("\n");
}

describe.each(testDatabases)("a complete calendar year is complete on %s", (kind) => {
  let ctx: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const workdaysAdd = (start: string, days: number) =>
    ctx.client().get(`/api/public/workdays/add?start=${start}&days=${days}`);
  const auditOf = async (targetId: string) =>
    (
      await ctx.deps.db
        .selectFrom("auditEvents")
        .select("summary")
        .where("targetId", "=", targetId)
        .orderBy("seq")
        .execute()
    ).map((row) => row.summary);

  it("refuses an import declaring 2033 without 5月2日, saves none of it, and counts nothing in 2033", async () => {
    const year2033 = [
      "2033-01-01",
      "2033-01-30",
      "2033-01-31",
      "2033-02-01",
      "2033-02-02",
      "2033-04-04",
      "2033-05-01",
      "2033-06-01",
      "2033-09-08",
      "2033-10-01",
      "2033-10-02",
      "2033-10-03",
    ];
    const refused = await admin.post("/api/calendar/import", {
      text: csvOf(year2033, "#year,2033,complete"),
    });
    expect(refused.body).toEqual({
      imported: 0,
      years: [],
      errors: [{ line: 14, message: "2033年缺少法定节假日：劳动节（5月2日）" }],
    });
    expect((await admin.get("/api/calendar?year=2033")).body).toMatchObject({
      known: false,
      yearDeclared: false,
      overrides: [],
    });
    // Declared as it was, Monday 05-02 would have been the second working day from Friday 04-29.
    expect((await workdaysAdd("2033-04-29", 2)).body.code).toBe("CALENDAR_YEAR_UNKNOWN");
    const fixed = await admin.post("/api/calendar/import", {
      text: csvOf([...year2033, "2033-05-02"], "#year,2033,complete"),
    });
    expect(fixed.body).toEqual({ imported: 13, years: [2033], errors: [] });
    expect((await workdaysAdd("2033-04-29", 2)).body.end).toBe("2033-05-03");
  });

  it("declares 2028 through the API only once every statutory day is entered", async () => {
    for (const date of YEAR_2028.filter((day) => day !== "2028-10-02"))
      expect((await admin.put(`/api/calendar/overrides/${date}`, { kind: "holiday" })).status).toBe(200);
    const refused = await admin.post("/api/calendar/years/2028", { complete: true });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "CALENDAR_YEAR_INCOMPLETE",
      message: "2028年缺少法定节假日：国庆节（10月2日）",
    });
    expect((await admin.get("/api/calendar?year=2028")).body).toMatchObject({
      known: false,
      yearDeclared: false,
      statutory: { complete: false, problem: "2028年缺少法定节假日：国庆节（10月2日）" },
    });

    expect((await admin.put("/api/calendar/overrides/2028-10-02", { kind: "holiday" })).status).toBe(200);
    expect((await admin.post("/api/calendar/years/2028", { complete: true })).status).toBe(200);
    const year = (await admin.get("/api/calendar?year=2028")).body;
    expect(year).toMatchObject({
      known: true,
      yearDeclared: true,
      statutory: { complete: true, problem: null },
    });
    expect(year.statutory.festivals).toEqual([
      { name: "春节", date: "2028-01-26" },
      { name: "清明节", date: "2028-04-04" },
      { name: "端午节", date: "2028-05-28" },
      { name: "中秋节", date: "2028-10-03" },
    ]);
    // Friday 04-28, then 05-01 and 05-02 off: the second working day is Wednesday 05-03.
    expect((await workdaysAdd("2028-04-28", 2)).body.end).toBe("2028-05-03");
    expect(await auditOf("2028")).toEqual(["声明 2028 年日历已完整录入（已核对法定节假日齐全）"]);

    // Taking a statutory day away from the declared year is refused, and says how to proceed.
    const message =
      "2028年已声明日历完整，此项修改后缺少法定节假日：劳动节（5月2日）。如确需修改，请先撤销2028年的完整声明";
    const removed = await admin.delete("/api/calendar/overrides/2028-05-02");
    expect(removed.status).toBe(422);
    expect(removed.body).toMatchObject({ code: "CALENDAR_YEAR_INCOMPLETE", message });
    const worked = await admin.put("/api/calendar/overrides/2028-05-02", { kind: "workday" });
    expect(worked.body).toMatchObject({ code: "CALENDAR_YEAR_INCOMPLETE", message });
    expect((await workdaysAdd("2028-04-28", 2)).body.end).toBe("2028-05-03");
    // Other days of it may change; the audit says the year stays complete.
    expect((await admin.put("/api/calendar/overrides/2028-05-03", { kind: "holiday" })).status).toBe(200);
    expect((await admin.delete("/api/calendar/overrides/2028-05-03")).status).toBe(200);
    expect(await auditOf("2028-05-03")).toEqual([
      "设置 2028-05-03 为休息日（2028年已声明完整，法定节假日仍齐全）",
      "删除 2028-05-03 的日历调整（2028年已声明完整，法定节假日仍齐全）",
    ]);

    // Withdrawn, the year is unknown again and its days may change.
    expect((await admin.post("/api/calendar/years/2028", { complete: false })).status).toBe(200);
    expect((await workdaysAdd("2028-04-28", 2)).body.code).toBe("CALENDAR_YEAR_UNKNOWN");
    expect((await admin.delete("/api/calendar/overrides/2028-05-02")).status).toBe(200);
    expect((await auditOf("2028")).at(-1)).toBe("撤销 2028 年日历完整声明（该年度不再用于计算工作日）");
  });

  it("refuses making a statutory day of a package year a working day", async () => {
    const response = await admin.put("/api/calendar/overrides/2026-10-02", { kind: "workday" });
    expect(response.status).toBe(422);
    expect(response.body.message).toBe(
      "2026年的节假日安排为国务院公布的安排，此项修改后缺少法定节假日：国庆节（10月2日），不能保存",
    );
    expect((await workdaysAdd("2026-09-30", 2)).body.end).toBe("2026-10-08");
  });

  it("refuses an import that takes a statutory day from a complete year, on that line", async () => {
    const full = [
      "2030-01-01",
      "2030-02-02",
      "2030-02-03",
      "2030-02-04",
      "2030-02-05",
      "2030-04-05",
      "2030-05-01",
      "2030-05-02",
      "2030-06-05",
      "2030-09-12",
      "2030-10-01",
      "2030-10-02",
      "2030-10-03",
    ];
    const declared = await admin.post("/api/calendar/import", { text: csvOf(full, "#year,2030,complete") });
    expect(declared.body, JSON.stringify(declared.body)).toMatchObject({ years: [2030], errors: [] });
    const change = await admin.post("/api/calendar/import", {
      text: "date,kind,name\n2030-12-31,holiday,\n2030-10-01,workday,补班\n",
    });
    expect(change.body).toEqual({
      imported: 0,
      years: [],
      errors: [
        {
          line: 3,
          message:
            "2030年缺少法定节假日：国庆节（10月1日）（2030年已是完整年度，导入不能去掉其法定节假日；如确需修改，请先撤销2030年的完整声明）",
        },
      ],
    });
    expect(
      (await admin.get("/api/calendar?year=2030")).body.overrides.map((row: { date: string }) => row.date),
    ).not.toContain("2030-12-31");
  });

  it("needs the festival dates named for a year outside the table, and refuses years before 2025", async () => {
    const dates = [
      "2036-01-01",
      "2036-01-27",
      "2036-01-28",
      "2036-01-29",
      "2036-01-30",
      "2036-04-04",
      "2036-05-01",
      "2036-05-02",
      "2036-05-30",
      "2036-10-01",
      "2036-10-02",
      "2036-10-03",
      "2036-10-04",
    ];
    const unnamed = await admin.post("/api/calendar/import", { text: csvOf(dates, "#year,2036,complete") });
    expect(unnamed.body.errors).toEqual([
      {
        line: 15,
        message:
          "2036年不在平台的农历节日表（2025—2035年）内，声明完整时须写明春节（正月初一）、清明节（清明）、端午节（五月初五）、中秋节（八月十五）的日期",
      },
    ]);
    const named = await admin.post("/api/calendar/import", {
      text: csvOf(
        dates,
        "#year,2036,complete,春节=2036-01-28,清明节=2036-04-04,端午节=2036-05-30,中秋节=2036-10-04",
      ),
    });
    expect(named.body).toEqual({ imported: 13, years: [2036], errors: [] });
    // The named dates are kept: a later change is checked against them.
    const removed = await admin.delete("/api/calendar/overrides/2036-10-04");
    expect(removed.body.message).toContain("缺少法定节假日：中秋节（10月4日）");

    const early = await admin.post("/api/calendar/years/2024", { complete: true });
    expect(early.status).toBe(422);
    expect(early.body.message).toBe(
      "2024年早于现行《全国年节及纪念日放假办法》（2025年1月1日起施行），平台无法核对该年的法定节假日，不能声明完整",
    );
  });

  it("does not count in a year declared before the check while it misses a statutory day", async () => {
    // A 2029 declared by an earlier version with only 元旦 entered.
    await ctx.deps.db
      .insertInto("calendarOverrides")
      .values({
        date: "2029-01-01",
        kind: "holiday",
        name: "元旦",
        updatedAt: "2026-01-01T00:00:00Z",
        updatedBy: "old",
      })
      .execute();
    await ctx.deps.db
      .insertInto("calendarYears")
      .values({
        year: 2029,
        complete: 1,
        updatedAt: "2026-01-01T00:00:00Z",
        updatedBy: "old",
        festivals: null,
      })
      .execute();
    expect((await workdaysAdd("2029-04-27", 3)).body.code).toBe("CALENDAR_YEAR_UNKNOWN");
    const year = (await admin.get("/api/calendar?year=2029")).body;
    expect(year).toMatchObject({ known: false, yearDeclared: true, statutory: { complete: false } });
    expect(year.statutory.problem).toMatch(
      /^2029年缺少法定节假日：春节（2月12日、2月13日、2月14日、2月15日）、清明节/,
    );
    // It can still be repaired day by day: adding a missing day is not refused.
    expect((await admin.put("/api/calendar/overrides/2029-05-01", { kind: "holiday" })).status).toBe(200);
  });
});
