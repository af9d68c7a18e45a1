import { shanghaiBatch3 } from "@linxuan/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, publishOpenBatch, submitCompleteApplication, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("statistics and deadlines on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    await submitCompleteApplication(ctx, { batchId, kind: "training", occupation: "ai" });
    await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "cloud",
      regionCode: "310000",
    });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("gives the office figures by occupation, region, status and the funnel, and exports them", async () => {
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    const data = await office.get(`/api/stats/dashboard?batchId=${batchId}`);
    expect(data.status).toBe(200);
    expect(data.body.totals.submitted).toBe(2);
    expect(data.body.byOccupation).toEqual(
      expect.arrayContaining([expect.objectContaining({ occupationName: "人工智能工程技术人员", count: 1 })]),
    );
    expect(data.body.byRegion).toEqual([expect.objectContaining({ regionName: "上海市", count: 2 })]);
    expect(data.body.funnel[0]).toMatchObject({ name: "已提交", count: 2 });
    const filtered = await office.get(`/api/stats/dashboard?batchId=${batchId}&region=440000`);
    expect(filtered.body.totals.submitted).toBe(0);
    const xlsx = await office.get(`/api/stats/dashboard.xlsx?batchId=${batchId}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain("流程漏斗");
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "provincialOffice", { regionCode: "440000" }), TEST_PASSWORD);
    expect((await guangdong.get(`/api/stats/dashboard?batchId=${batchId}`)).body.totals.submitted).toBe(0);
    // Asking for another province does not widen a provincial office's figures.
    expect(
      (await guangdong.get(`/api/stats/dashboard?batchId=${batchId}&region=310000`)).body.totals.submitted,
    ).toBe(0);
  });

  it("publishes counts only, and every batch's dates as JSON and as an .ics feed", async () => {
    const stats = await ctx.client().get("/api/public/stats");
    // The test batch is a 演示 copy: demo batches never count in public figures.
    expect(stats.body).toMatchObject({ publishedBatches: 2, submittedApplications: 0 });
    expect(Object.keys(stats.body).sort()).toEqual(["catalog", "publishedBatches", "submittedApplications"]);
    const list = await ctx.client().get("/api/public/deadlines");
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        batchTitle: "上海第三批培训机构遴选",
        name: "网上申报截止",
        at: "2026-04-03T23:59:59+08:00",
      }),
    );
    const ics = await ctx.client().get("/api/public/deadlines.ics");
    expect(String(ics.headers["content-type"])).toContain("text/calendar");
    const text = ics.raw.toString("utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("DTSTART:20260403T155959Z");
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
