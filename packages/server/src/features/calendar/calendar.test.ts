import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("working-day calendar on %s", (kind) => {
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

  it("ends a 5-working-day notice starting 2026-09-28 at the end of 2026-10-09", async () => {
    const response = await ctx.client().get("/api/public/workdays/add?start=2026-09-28&days=5");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      start: "2026-09-28",
      days: 5,
      end: "2026-10-09",
      endsAt: "2026-10-09T16:00:00.000Z",
    });
  });

  it("refuses a period reaching a year without calendar data", async () => {
    const response = await ctx.client().get("/api/public/workdays/add?start=2031-05-06&days=5");
    expect(response.status).toBe(422);
    expect(response.body.code).toBe("CALENDAR_YEAR_UNKNOWN");
    expect(response.body.message).toContain("2031年");
  });

  it("lets the administrator import 2027 and declare it complete, all or nothing", async () => {
    const bad = await admin.post("/api/calendar/import", {
      text: "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-30,holiday,错误日期\n",
    });
    expect(bad.status).toBe(200);
    expect(bad.body.imported).toBe(0);
    expect(bad.body.errors[0]).toMatchObject({ line: 3 });
    expect((await admin.get("/api/calendar?year=2027")).body.overrides).toHaveLength(0);

    const text = [
      "date,kind,name",
      "2027-01-01,holiday,元旦",
      "2027-02-05,holiday,春节",
      "2027-02-06,holiday,春节",
      "2027-02-07,holiday,春节",
      "2027-02-08,holiday,春节",
      "2027-04-05,holiday,清明节",
      "2027-05-01,holiday,劳动节",
      "2027-05-02,holiday,劳动节",
      "2027-05-03,holiday,劳动节",
      "2027-05-04,holiday,劳动节",
      "2027-05-05,holiday,劳动节",
      "2027-05-08,workday,劳动节调休",
      "2027-06-09,holiday,端午节",
      "2027-09-15,holiday,中秋节",
      "2027-10-01,holiday,国庆节",
      "2027-10-02,holiday,国庆节",
      "2027-10-03,holiday,国庆节",
      "#year,2027,complete",
    ].join("\n");
    const ok = await admin.post("/api/calendar/import", { text });
    expect(ok.body).toEqual({ imported: 17, years: [2027], errors: [] });
    const year = await admin.get("/api/calendar?year=2027");
    expect(year.body).toMatchObject({ year: 2027, known: true, source: "override", yearDeclared: true });
    expect(year.body.days).toContainEqual({
      date: "2027-05-08",
      kind: "adjustedWorkday",
      name: "劳动节调休",
      source: "override",
    });
    // 05-06 Thu, 05-07 Fri, 05-08 Sat (调休), 05-10 Mon, 05-11 Tue.
    const period = await ctx.client().get("/api/public/workdays/add?start=2027-05-06&days=5");
    expect(period.body.end).toBe("2027-05-11");
  });

  it("edits and deletes single overrides, and forbids non-administrators", async () => {
    expect(
      (await admin.put("/api/calendar/overrides/2026-10-09", { kind: "holiday", name: "测试休息" })).status,
    ).toBe(200);
    expect((await ctx.client().get("/api/public/workdays/add?start=2026-09-28&days=5")).body.end).toBe(
      "2026-10-10",
    );
    expect((await admin.delete("/api/calendar/overrides/2026-10-09")).status).toBe(200);
    expect((await admin.delete("/api/calendar/overrides/2026-10-09")).status).toBe(404);
    expect((await ctx.client().get("/api/public/workdays/add?start=2026-09-28&days=5")).body.end).toBe(
      "2026-10-09",
    );
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    expect((await office.put("/api/calendar/overrides/2026-10-09", { kind: "holiday" })).status).toBe(403);
  });
});
