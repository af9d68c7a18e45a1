import { nationalBatch2 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  listedCatalogEntries,
  makeStaff,
  multipartBody,
  publishOpenBatch,
  SAMPLE_PDF,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("supervision on %s", (kind) => {
  let ctx: TestContext;
  let office: TestClient;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /**
   * `count` Shanghai 物联网 training institutions listed in the catalog, approved almost three years
   * ago: their entries are about to expire. Each with its entry id and the institution's client.
   */
  async function expiringEntries(count: number) {
    const listed = await listedCatalogEntries(ctx, {
      count,
      occupation: "iot",
      decidedAt: new Date(Date.now() - (3 * 365 - 30) * 86_400_000).toISOString(),
    });
    return listed.entries.map((entry) => ({
      id: entry.entryId,
      institution: entry.client,
      creditCode: entry.creditCode,
    }));
  }

  it("takes a complaint tied to an entry; a suspension outcome suspends the entry with its history", async () => {
    const [entry] = await expiringEntries(1);
    if (!entry) throw new Error("no entry");
    const complainant = ctx.client();
    const fields = {
      category: "overcharging",
      name: "李四",
      phone: "13712345678",
      email: "",
      content: "该机构培训收费远高于公示标准，且不开具发票。",
    };
    const url = `/api/public/catalog/${entry.id}/complaints`;
    const none = await complainant.upload(
      url,
      multipartBody(fields, { name: "收据.pdf", content: SAMPLE_PDF }),
    );
    expect(none.status).toBe(400);
    expect(none.body.code).toBe("CAPTCHA_REQUIRED");
    // A picture answered after its five minutes is refused.
    const stale = await complainant.captcha();
    ctx.setNow(new Date(Date.now() + 6 * 60_000));
    try {
      const late = await complainant.upload(
        url,
        multipartBody({ ...fields, ...stale }, { name: "收据.pdf", content: SAMPLE_PDF }),
      );
      expect(late.status).toBe(400);
      expect(late.body.code).toBe("CAPTCHA_INVALID");
    } finally {
      ctx.setNow(null);
    }
    const filed = await complainant.upload(
      `/api/public/catalog/${entry.id}/complaints`,
      multipartBody(
        {
          ...(await complainant.captcha()),
          category: "overcharging",
          name: "李四",
          phone: "13712345678",
          email: "",
          content: "该机构培训收费远高于公示标准，且不开具发票。",
        },
        { name: "收据.pdf", content: SAMPLE_PDF },
      ),
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.ackNumber).toMatch(/^JB/);
    const bad = await ctx
      .client()
      .upload(
        `/api/public/catalog/${entry.id}/complaints`,
        multipartBody(
          { category: "whatever", name: "李", phone: "1", email: "", content: "短" },
          { name: "a.pdf", content: SAMPLE_PDF },
        ),
      );
    expect(bad.status).toBe(400);
    const list = await office.get("/api/complaints");
    const complaint = list.body.items.find(
      (item: { ackNumber: string }) => item.ackNumber === filed.body.ackNumber,
    );
    expect(complaint).toMatchObject({ categoryName: "乱收费", statusName: "已受理登记" });
    // Supervision is by province: Guangdong neither sees nor handles a Shanghai entry's complaint.
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "provincialOffice", { regionCode: "440000" }), TEST_PASSWORD);
    expect((await guangdong.get("/api/complaints")).body.items).toEqual([]);
    expect(
      (await guangdong.post(`/api/complaints/${complaint.id}/handle`, { action: "investigate" })).status,
    ).toBe(404);
    expect((await guangdong.get("/api/catalog/reminders")).body.expiring).toEqual([]);
    await office.post(`/api/complaints/${complaint.id}/handle`, { action: "investigate" });
    await office.post(`/api/complaints/${complaint.id}/handle`, {
      action: "close",
      outcome: "suspension",
      note: "经调查收费违规，暂停目录资格",
    });
    const status = await ctx
      .client()
      .post("/api/public/complaints/status", { ackNumber: filed.body.ackNumber, phone: "137-1234-5678" });
    expect(status.body).toMatchObject({ statusName: "已办结", outcomeName: "暂停目录资格" });
    const detail = await ctx.client().get(`/api/public/catalog/${entry.id}`);
    expect(detail.body.entry.statusName).toBe("暂停");
    expect(detail.body.history.map((h: { change: string }) => h.change)).toEqual(["listed", "suspended"]);
  });

  it("runs an assessment: pass renews for 3 years, fail removes and bars re-application", async () => {
    const [passing, failing] = await expiringEntries(2);
    if (!passing || !failing) throw new Error("no entries");
    const reminders = await office.get("/api/catalog/reminders");
    expect(reminders.body.expiring.map((entry: { id: string }) => entry.id)).toEqual(
      expect.arrayContaining([passing.id, failing.id]),
    );
    const opened = await office.post("/api/assessments/cycles", {
      name: "2026年度考核评估",
      dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const mine = await passing.institution.get("/api/assessments");
    expect(mine.body.items).toHaveLength(1);
    expect(
      (
        await passing.institution.post(`/api/assessments/${mine.body.items[0].id}/report`, {
          report: "三年来累计培训物联网工程技术人员5200人次，学员满意度96%。",
        })
      ).status,
    ).toBe(200);
    // 属地监管: Guangdong neither lists nor decides a Shanghai institution's assessment; Shanghai does list it.
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "provincialOffice", { regionCode: "440000" }), TEST_PASSWORD);
    const shanghai = ctx.client();
    await shanghai.login(await makeStaff(ctx, "provincialOffice", { regionCode: "310000" }), TEST_PASSWORD);
    const assessmentIds = (response: { body: { items: { id: string }[] } }) =>
      response.body.items.map((item) => item.id);
    expect(assessmentIds(await guangdong.get("/api/assessments"))).not.toContain(mine.body.items[0].id);
    expect(assessmentIds(await shanghai.get("/api/assessments"))).toContain(mine.body.items[0].id);
    expect(
      (
        await guangdong.post(`/api/assessments/${mine.body.items[0].id}/decide`, {
          result: "pass",
          note: "越权结论",
        })
      ).status,
    ).toBe(404);
    const before = (await ctx.client().get(`/api/public/catalog/${passing.id}`)).body.entry.validUntil;
    expect(
      (
        await office.post(`/api/assessments/${mine.body.items[0].id}/decide`, {
          result: "pass",
          note: "考核结果良好",
        })
      ).status,
    ).toBe(200);
    const renewed = await ctx.client().get(`/api/public/catalog/${passing.id}`);
    expect(new Date(renewed.body.entry.validUntil).getUTCFullYear()).toBe(
      new Date(before).getUTCFullYear() + 3,
    );
    expect(renewed.body.history.at(-1).change).toBe("renewed");

    const failingAssessment = (await failing.institution.get("/api/assessments")).body.items[0];
    expect(
      (
        await office.post(`/api/assessments/${failingAssessment.id}/decide`, {
          result: "fail",
          note: "培训质量不达标",
        })
      ).status,
    ).toBe(200);
    const removed = await ctx.client().get(`/api/public/catalog/${failing.id}`);
    expect(removed.body.entry.statusName).toBe("已移出");
    // The bar: the same institution may not start its next training application (the bar's
    // boundaries are tested in applications/reapplication-bar.test.ts).
    const nationalId = await publishOpenBatch(ctx, nationalBatch2);
    const start = await failing.institution.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "ai",
      levels: ["junior"],
    });
    expect(start.status).toBe(422);
    expect(start.body.code).toBe("APPLICATION_BARRED");
    expect(start.body.message).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日前不得再次申报（考核评估不通过：培训质量不达标）$/,
    );
  });

  it("changes the catalog contact only after the office approves", async () => {
    const [entry, other] = await expiringEntries(2);
    if (!entry || !other) throw new Error("no entries");
    const bad = await entry.institution.post(`/api/catalog/${entry.id}/contact-requests`, {
      contactName: "王",
      contactPhone: "123",
      contactEmail: "x",
      reason: "联系人调整",
    });
    expect(bad.status).toBe(400);
    const requested = await entry.institution.post(`/api/catalog/${entry.id}/contact-requests`, {
      contactName: "王晓东",
      contactPhone: "021-62345678",
      contactEmail: "wxd@example.cn",
      reason: "原联系人退休",
    });
    expect(requested.status).toBe(201);
    const pending = await office.get("/api/contact-requests?status=pending");
    expect(pending.status).toBe(200);
    expect(pending.body.items.find((item: { id: string }) => item.id === requested.body.id)).toMatchObject({
      entryId: entry.id,
      contactName: "王晓东",
      contactPhone: "021-62345678",
      status: "pending",
      decisionNote: null,
    });
    expect(
      (
        await other.institution.post(`/api/catalog/${entry.id}/contact-requests`, {
          contactName: "某某",
          contactPhone: "13800138000",
          contactEmail: "a@b.cn",
          reason: "冒名修改",
        })
      ).status,
    ).toBe(404);
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "provincialOffice", { regionCode: "440000" }), TEST_PASSWORD);
    expect(
      (await guangdong.get("/api/contact-requests")).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(requested.body.id);
    expect(
      (
        await guangdong.post(`/api/contact-requests/${requested.body.id}/decide`, {
          approve: true,
          note: "同意",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await office.post(`/api/contact-requests/${requested.body.id}/decide`, {
          approve: true,
          note: "同意",
        })
      ).status,
    ).toBe(200);
    const detail = await ctx.client().get(`/api/public/catalog/${entry.id}`);
    expect(detail.body.history.at(-1)).toMatchObject({ change: "contact" });
  });
});
