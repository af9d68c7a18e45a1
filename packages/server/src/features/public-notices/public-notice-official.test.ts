import { shanghaiBatch3 } from "@linxuan/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfPages } from "../../documents/document-test-utils";
import {
  approvedApplication,
  fileObjection,
  PUBLIC_NOTICE_CONTACTS,
  publishedPublicNotice,
  publishOpenBatch,
  signedInStaff,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

/** Ends a notice by the test clock and lets its office confirm it (a fresh session after the jump). */
async function confirmAfterEnd(
  ctx: TestContext,
  published: Awaited<ReturnType<typeof publishedPublicNotice>>,
) {
  ctx.setNow(new Date(Date.parse(published.publicNotice.endsAt) + 1000));
  try {
    const office = ctx.client();
    await office.login(published.officeName, TEST_PASSWORD);
    return await office.post(`/api/public-notices/${published.publicNotice.id}/confirm`);
  } finally {
    ctx.setNow(null);
  }
}

describe.each(testDatabases)("the public notice in official form on %s", (kind) => {
  let ctx: TestContext;
  let demoCtx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    demoCtx = await createTestContext(kind, { demo: true });
  });
  afterAll(async () => {
    await ctx?.close();
    await demoCtx?.close();
  });

  it("requires the 落款 and valid objection contacts, naming each field, and writes nothing without them", async () => {
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    const app = await approvedApplication(ctx, { batchId, kind: "training", occupation: "cloud" });
    const { client: office } = await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const base = { batchId, kind: "training", regionCode: "310000", startsAt: new Date().toISOString() };
    const missing = await office.post("/api/public-notices", base);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("VALIDATION_FAILED");
    const paths = missing.body.fields.map((field: { path: string }) => field.path).sort();
    expect(paths).toEqual(["contactAddress", "contactEmail", "contactPhone", "issuingBody"]);
    const badPhone = await office.post("/api/public-notices", {
      ...base,
      ...PUBLIC_NOTICE_CONTACTS,
      contactPhone: "62345678",
      contactEmail: "gongshi@",
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.fields).toEqual(
      expect.arrayContaining([
        { path: "contactPhone", message: "受理异议的联系电话为固定电话时请填写区号，如 021-62345678" },
        expect.objectContaining({
          path: "contactEmail",
          message: expect.stringContaining("受理异议的电子邮箱"),
        }),
      ]),
    );
    const publicNotices = await ctx.deps.db
      .selectFrom("publicNotices")
      .select("id")
      .where("batchId", "=", batchId)
      .execute();
    expect(publicNotices).toEqual([]);
    expect((await office.get(`/api/applications/${app.application.id}`)).body.application.status).toBe(
      "approved",
    );
  });

  it("previews the public page without publishing, then publishes it with its 落款 and contacts, audited", async () => {
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    await approvedApplication(ctx, { batchId, kind: "training", occupation: "cloud" });
    const { client: office } = await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const body = {
      batchId,
      kind: "training",
      regionCode: "310000",
      startsAt: new Date().toISOString(),
      ...PUBLIC_NOTICE_CONTACTS,
      contactPhone: "(021) 6234 5678",
    };
    const preview = await office.post("/api/public-notices/preview", body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.publicNotice).toMatchObject({
      issuingBody: "上海市人力资源和社会保障局",
      contactPhone: "021-62345678",
      isDemo: true,
      phase: "open",
    });
    expect(preview.body.publicNotice.items).toHaveLength(1);
    expect(preview.body.publicNotice.items[0]).not.toHaveProperty("applicationId");
    const none = await ctx.deps.db
      .selectFrom("publicNotices")
      .select("id")
      .where("batchId", "=", batchId)
      .execute();
    expect(none).toEqual([]);

    const created = await office.post("/api/public-notices", body);
    expect(created.status).toBe(201);
    const id = created.body.publicNotice.id;
    const shown = await ctx.client().get(`/api/public/public-notices/${id}`);
    expect(shown.body.publicNotice).toMatchObject({
      issuingBody: PUBLIC_NOTICE_CONTACTS.issuingBody,
      contactAddress: PUBLIC_NOTICE_CONTACTS.contactAddress,
      contactPhone: "021-62345678",
      contactEmail: PUBLIC_NOTICE_CONTACTS.contactEmail,
      title: preview.body.publicNotice.title,
      lastDay: preview.body.publicNotice.lastDay,
    });
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["command", "summary"])
      .where("targetId", "=", id)
      .execute();
    expect(audit).toEqual([
      {
        command: "publicNotice.create",
        summary: expect.stringContaining("落款：上海市人力资源和社会保障局"),
      },
    ]);
    // The Excel list names the levels, never their codes.
    const xlsx = await ctx.client().get(`/api/public/public-notices/${id}/list.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells).toContain("专业技术等级");
    expect(cells.some((cell) => /junior|intermediate|senior/.test(cell))).toBe(false);
    expect(
      cells.some((cell) => /^公示期：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日24时$/.test(cell)),
    ).toBe(true);
  });

  it.skipIf(!hasPdftotext)(
    "prints the PDF with the period in Chinese, levels by name, whole credit codes, contacts and 落款",
    async () => {
      const published = await publishedPublicNotice(ctx, { count: 2 });
      const pdf = await ctx.client().get(`/api/public/public-notices/${published.publicNotice.id}/list.pdf`);
      expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");
      const lines = pdfPages(pdf.raw).join("\n").split("\n");
      const text = lines.join("");
      expect(text).toMatch(/公示期：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日24时/);
      expect(text).toContain(`联系电话：${PUBLIC_NOTICE_CONTACTS.contactPhone}`);
      expect(text).toContain(`电子邮箱：${PUBLIC_NOTICE_CONTACTS.contactEmail}`);
      expect(text).toContain("初级、中级");
      expect(text).not.toMatch(/junior|intermediate/);
      const codes = await ctx.deps.db
        .selectFrom("publicNoticeItems")
        .select("creditCode")
        .where("publicNoticeId", "=", published.publicNotice.id)
        .execute();
      for (const { creditCode } of codes) expect(lines.some((line) => line.includes(creditCode))).toBe(true);
      // The 落款 closes the document: the issuing body, then the date of publication.
      const signature = lines
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(-3);
      expect(signature[0]).toBe(PUBLIC_NOTICE_CONTACTS.issuingBody);
      expect(signature[1]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    },
  );

  it("refuses 演示：缩短公示期 with DEMO_ONLY outside demo mode and for a real batch", async () => {
    const published = await publishedPublicNotice(ctx, { count: 1 });
    const refused = await published.office.post(
      `/api/public-notices/${published.publicNotice.id}/demo-shorten`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("DEMO_ONLY");
    expect(
      (await published.office.get(`/api/public-notices/${published.publicNotice.id}`)).body.publicNotice,
    ).toMatchObject({
      demoShortenable: false,
      endsAt: published.publicNotice.endsAt,
    });

    const realBatch = await publishOpenBatch(demoCtx, shanghaiBatch3, 30, undefined, false);
    const real = await publishedPublicNotice(demoCtx, { count: 1, batchId: realBatch });
    const notDemo = await real.office.post(`/api/public-notices/${real.publicNotice.id}/demo-shorten`);
    expect(notDemo.status).toBe(409);
    expect(notDemo.body.code).toBe("DEMO_ONLY");
    expect(notDemo.body.message).toContain("【演示】");
  });

  it("in demo mode ends a 【演示】 notice now, audited, so that it can be confirmed at once", async () => {
    const published = await publishedPublicNotice(demoCtx, { count: 1 });
    const office = published.office;
    expect(
      (await office.get(`/api/public-notices/${published.publicNotice.id}`)).body.publicNotice
        .demoShortenable,
    ).toBe(true);
    expect((await office.post(`/api/public-notices/${published.publicNotice.id}/confirm`)).status).toBe(409);
    const shortened = await office.post(`/api/public-notices/${published.publicNotice.id}/demo-shorten`);
    expect(shortened.status, JSON.stringify(shortened.body)).toBe(200);
    expect(shortened.body.publicNotice).toMatchObject({ phase: "ended", demoShortenable: false });
    expect(shortened.body.publicNotice.demoShortenedAt).toBeTruthy();
    const audit = await demoCtx.deps.db
      .selectFrom("auditEvents")
      .select("command")
      .where("targetId", "=", published.publicNotice.id)
      .execute();
    expect(audit.map((event) => event.command)).toContain("publicNotice.demoShorten");
    expect((await office.post(`/api/public-notices/${published.publicNotice.id}/confirm`)).body).toEqual({
      listed: 1,
    });
  });

  it("records on the catalog entry that the period ended and how many objections were handled", async () => {
    const decidedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const published = await publishedPublicNotice(ctx, { count: 2, decidedAt });
    const [first, second] = published.publicNotice.items;
    if (!first || !second) throw new Error("two items expected");
    await fileObjection(ctx, published.publicNotice.id, first.id);
    await fileObjection(ctx, published.publicNotice.id, first.id);
    const objections = await published.office.get(
      `/api/public-notices/${published.publicNotice.id}/objections`,
    );
    for (const objection of objections.body.items)
      expect(
        (
          await published.office.post(`/api/objections/${objection.id}/handle`, {
            action: "dismiss",
            note: "经核实，异议反映的问题不属实",
          })
        ).status,
      ).toBe(200);
    const confirmed = await confirmAfterEnd(ctx, published);
    expect(confirmed.body).toEqual({ listed: 2 });
    const entries = await ctx.deps.db
      .selectFrom("catalogEntries")
      .select(["id", "applicationId"])
      .where("batchId", "=", published.batchId)
      .execute();
    const entryOf = (applicationId: string) =>
      entries.find((entry) => entry.applicationId === applicationId)?.id ?? "";
    const objected = await ctx.client().get(`/api/public/catalog/${entryOf(first.applicationId)}`);
    expect(objected.body.history[0].reason).toContain("公示期满，公示期内收到异议2件，已处理");
    const quiet = await ctx.client().get(`/api/public/catalog/${entryOf(second.applicationId)}`);
    expect(quiet.body.history[0].reason).toContain("公示期满，公示期内未收到异议");
    // 纳入目录时间 is the listing (the confirmation), not the approval from which validity counts.
    expect(objected.body.entry.approvedAt).toBe(decidedAt);
    expect(Date.parse(objected.body.entry.listedAt)).toBeGreaterThan(
      Date.parse(published.publicNotice.endsAt),
    );
    expect(objected.body.entry.isDemo).toBe(true);
    const byListing = await ctx.client().get(`/api/public/catalog?batch=${published.batchId}&sort=listedAt`);
    expect(byListing.body.items).toHaveLength(2);
  });

  it("keeps 【演示】 entries out of the public statistics and counts real ones", async () => {
    const before = (await ctx.client().get("/api/public/stats")).body.catalog.total;
    const demo = await publishedPublicNotice(ctx, { count: 1 });
    expect((await confirmAfterEnd(ctx, demo)).body).toEqual({ listed: 1 });
    expect((await ctx.client().get("/api/public/stats")).body.catalog.total).toBe(before);
    const realBatch = await publishOpenBatch(ctx, shanghaiBatch3, 30, undefined, false);
    const real = await publishedPublicNotice(ctx, { count: 1, batchId: realBatch });
    expect((await confirmAfterEnd(ctx, real)).body).toEqual({ listed: 1 });
    expect((await ctx.client().get("/api/public/stats")).body.catalog.total).toBe(before + 1);
    const listed = await ctx.client().get(`/api/public/catalog?batch=${realBatch}`);
    expect(listed.body.items.map((item: { isDemo: boolean }) => item.isDemo)).toEqual([false]);
  });
});
