import { publicNoticeEndText, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUpJobs } from "../../jobs/housekeeping";
import {
  listedCatalogEntries,
  makeStaff,
  multipartBody,
  publishedPublicNotice,
  publishOpenBatch,
  SAMPLE_PDF,
  signedInStaff,
  TEST_PASSWORD,
  unique,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { assignedReview, expertPool, formallyCheckedApplications } from "../../test/review-factories";
import { startSmtp } from "../../test/smtp";
import { ensureReminderSweep, REMINDER_SWEEP_JOB, sweepJobId, sweepReminders } from "./reminders";

async function userIdOf(ctx: TestContext, username: string): Promise<string> {
  return (
    await ctx.deps.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow()
  ).id;
}

/** The account id of whoever `client` is signed in as. */
async function signedInUserId(client: TestClient): Promise<string> {
  return (await client.get("/api/auth/me")).body.user.id;
}

async function inboxOf(ctx: TestContext, userId: string) {
  return ctx.deps.db
    .selectFrom("notifications")
    .selectAll()
    .where("userId", "=", userId)
    .orderBy("createdAt", "desc")
    .execute();
}

describe.each(testDatabases)("who is told what, from notice to complaint, on %s", (kind) => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext(kind, { smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it("tells each institution in a notice that it is published, with the last day", async () => {
    const { publicNotice, apps } = await publishedPublicNotice(ctx, {
      count: 2,
      occupation: "big_data",
      startsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    for (const app of apps) {
      const inbox = await app.client.get("/api/notifications");
      const published = inbox.body.items.find((item: { title: string }) => item.title === "公示已发布");
      expect(published).toMatchObject({ link: `/public-notices/${publicNotice.id}` });
      expect(published.body).toContain(`至${publicNoticeEndText(publicNotice)}`);
    }
  });

  it("tells the publishing office of an objection and the objector, by e-mail, how it was handled", async () => {
    const {
      publicNotice: published,
      apps,
      officeName,
    } = await publishedPublicNotice(ctx, {
      count: 2,
      occupation: "big_data",
      startsAt: new Date(Date.now() + 60_000).toISOString(),
    });
    const publicNoticeId = published.id;
    const objectorEmail = `wangwu-${unique()}@example.cn`;
    // Asked now: their sessions idle out once the clock moves into the notice period.
    const institutionUserIds = new Map<string, string>();
    for (const app of apps) institutionUserIds.set(app.application.id, await signedInUserId(app.client));
    ctx.setNow(new Date(Date.parse(published.endsAt) - 86_400_000));
    try {
      const publicNotice = await ctx.client().get(`/api/public/public-notices/${publicNoticeId}`);
      const item = publicNotice.body.publicNotice.items[0];
      const objector = ctx.client();
      const filed = await objector.upload(
        `/api/public/public-notices/${publicNoticeId}/objections`,
        multipartBody(
          {
            ...(await objector.captcha()),
            itemId: item.id,
            name: "王五",
            organisation: "上海某科技公司",
            phone: "13912345678",
            email: objectorEmail,
            content: "该机构近三年培训规模与实际不符，申报材料存在虚报。",
          },
          { name: "证明.pdf", content: SAMPLE_PDF },
        ),
      );
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      // The office that published it hears of it; another province's office does not.
      const received = (await inboxOf(ctx, await userIdOf(ctx, officeName))).find(
        (row) => row.title === "收到异议",
      );
      expect(received?.body).toContain(filed.body.ackNumber);
      expect(received?.link).toBe(`/workbench/public-notices/${publicNoticeId}`);
      const elsewhere = await makeStaff(ctx, "provincialOffice", { regionCode: "440000" });
      expect(await inboxOf(ctx, await userIdOf(ctx, elsewhere))).toEqual([]);

      const relog = ctx.client();
      await relog.login(officeName, TEST_PASSWORD);
      const objection = (await relog.get(`/api/public-notices/${publicNoticeId}/objections`)).body.items[0];
      const sentEarlier = new Set(
        (await ctx.deps.db.selectFrom("outboundEmails").select("id").execute()).map((row) => row.id),
      );
      const upheld = await relog.post(`/api/objections/${objection.id}/handle`, {
        action: "uphold",
        note: "经核实，培训规模存在虚报",
      });
      expect(upheld.status).toBe(200);
      expect(await ctx.runJobs()).toBeGreaterThan(0);
      const mail = smtp.received.find((item) => item.to === objectorEmail);
      expect(mail?.subject).toBe("【遴选平台】异议已处理");
      // Exactly one e-mail left the platform for this handling: the objector's.
      const outbound = (await ctx.deps.db.selectFrom("outboundEmails").selectAll().execute()).filter(
        (row) => !sentEarlier.has(row.id),
      );
      expect(outbound).toHaveLength(1);
      expect(outbound[0]).toMatchObject({
        emailTo: objectorEmail,
        status: "sent",
        event: "objectionHandled",
      });
      expect(outbound[0]?.body).toContain(filed.body.ackNumber);
      expect(outbound[0]?.body).toContain("异议成立");
      // The institution objected to learns it left the list.
      const objected = await ctx.deps.db
        .selectFrom("publicNoticeItems")
        .select("applicationId")
        .where("id", "=", item.id)
        .executeTakeFirstOrThrow();
      const told = (await inboxOf(ctx, institutionUserIds.get(objected.applicationId) ?? "")).find(
        (row) => row.title === "异议已处理",
      );
      expect(told?.body).toContain("移出公示名单");
    } finally {
      ctx.setNow(null);
    }
  });

  it("tells the complainant by e-mail and the institution in the app when a complaint is closed", async () => {
    const { publicNotice, apps, officeName } = await publishedPublicNotice(ctx, {
      count: 1,
      occupation: "big_data",
    });
    const [listedApp] = apps;
    if (!listedApp) throw new Error("no application");
    const institutionUserId = await signedInUserId(listedApp.client);
    const complainantEmail = `lisi-${unique()}@example.cn`;
    ctx.setNow(new Date(Date.parse(publicNotice.endsAt) + 1000));
    try {
      const relog = ctx.client();
      await relog.login(officeName, TEST_PASSWORD);
      expect((await relog.post(`/api/public-notices/${publicNotice.id}/confirm`)).body).toEqual({
        listed: 1,
      });
      const entry = await ctx.deps.db
        .selectFrom("catalogEntries")
        .selectAll()
        .where("applicationId", "=", listedApp.application.id)
        .executeTakeFirstOrThrow();
      expect((await inboxOf(ctx, institutionUserId)).some((row) => row.title === "已纳入目录")).toBe(true);
      const complainant = ctx.client();
      const filed = await complainant.upload(
        `/api/public/catalog/${entry.id}/complaints`,
        multipartBody(
          {
            ...(await complainant.captcha()),
            category: "overcharging",
            name: "李四",
            phone: "13712345678",
            email: complainantEmail,
            content: "该机构培训收费远高于公示标准，且不开具发票。",
          },
          { name: "收据.pdf", content: SAMPLE_PDF },
        ),
      );
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const complaint = (await relog.get("/api/complaints")).body.items.find(
        (item: { ackNumber: string }) => item.ackNumber === filed.body.ackNumber,
      );
      await relog.post(`/api/complaints/${complaint.id}/handle`, {
        action: "close",
        outcome: "warning",
        note: "已约谈机构负责人，责令整改",
      });
      await ctx.runJobs();
      const mail = smtp.received.find((item) => item.to === complainantEmail);
      expect(mail?.subject).toBe("【遴选平台】举报已办结");
      const told = (await inboxOf(ctx, institutionUserId)).find((row) => row.title === "举报已办结");
      expect(told?.body).toContain("约谈警示");
      // A complaint without an e-mail address queues nothing for the complainant.
      const before = await ctx.deps.db.selectFrom("outboundEmails").select("id").execute();
      const silentComplainant = ctx.client();
      const silent = await silentComplainant.upload(
        `/api/public/catalog/${entry.id}/complaints`,
        multipartBody(
          {
            ...(await silentComplainant.captcha()),
            category: "overcharging",
            name: "赵六",
            phone: "13712345679",
            email: "",
            content: "该机构培训收费远高于公示标准，另行反映。",
          },
          { name: "收据.pdf", content: SAMPLE_PDF },
        ),
      );
      const second = (await relog.get("/api/complaints")).body.items.find(
        (item: { ackNumber: string }) => item.ackNumber === silent.body.ackNumber,
      );
      await relog.post(`/api/complaints/${second.id}/handle`, {
        action: "close",
        outcome: "dismissed",
        note: "经核实，收费符合标准",
      });
      expect(await ctx.deps.db.selectFrom("outboundEmails").select("id").execute()).toHaveLength(
        before.length,
      );
    } finally {
      ctx.setNow(null);
    }
  });
});

/* The sweep counts what is due across the whole platform: this test has a platform of its own. */
describe.each(testDatabases)("reminders on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("reminds of expiry at 90 and 30 days, of assessments and of review deadlines, each once", async () => {
    const listed = await listedCatalogEntries(ctx, {
      count: 1,
      occupation: "big_data",
      decidedAt: "2026-10-12T02:30:00.000Z",
    });
    const [listedApp] = listed.entries;
    if (!listedApp) throw new Error("nothing listed");
    const entry = await ctx.deps.db
      .selectFrom("catalogEntries")
      .selectAll()
      .where("id", "=", listedApp.entryId)
      .executeTakeFirstOrThrow();
    const institutionUserId = await signedInUserId(listedApp.client);
    const validUntil = Date.parse(entry.validUntil);
    const count = async (title: string) =>
      (await inboxOf(ctx, institutionUserId)).filter((row) => row.title === title).length;

    ctx.setNow(new Date(validUntil - 80 * 86_400_000));
    try {
      expect(await sweepReminders(ctx.deps)).toMatchObject({ expiring: 1 });
      expect(await sweepReminders(ctx.deps)).toMatchObject({ expiring: 0 });
      expect(await count("目录有效期即将届满")).toBe(1);

      // Opening an assessment tells the institution at once; the sweep reminds once near the date.
      const relog = ctx.client();
      await relog.login(listed.officeName, TEST_PASSWORD);
      const dueAt = new Date(validUntil - 40 * 86_400_000).toISOString();
      const opened = await relog.post("/api/assessments/cycles", { name: "2029年度考核评估", dueAt });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      expect(await count("考核评估待提交")).toBe(1);
      expect((await sweepReminders(ctx.deps)).assessmentDue).toBe(0);
    } finally {
      ctx.setNow(null);
    }
    ctx.setNow(new Date(validUntil - 45 * 86_400_000));
    try {
      expect(await sweepReminders(ctx.deps)).toMatchObject({ assessmentDue: 1, expiring: 0 });
      expect(await sweepReminders(ctx.deps)).toMatchObject({ assessmentDue: 0 });
      expect(await count("考核评估待提交")).toBe(2);
    } finally {
      ctx.setNow(null);
    }
    ctx.setNow(new Date(validUntil - 20 * 86_400_000));
    try {
      expect(await sweepReminders(ctx.deps)).toMatchObject({ expiring: 1 });
      expect(await sweepReminders(ctx.deps)).toMatchObject({ expiring: 0 });
      expect(await count("目录有效期即将届满")).toBe(2);
    } finally {
      ctx.setNow(null);
    }

    // 评议即将截止: an expert with two unscored assignments, two days before the round's deadline.
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    await formallyCheckedApplications(ctx, { batchId, occupation: "big_data", count: 2 });
    const { client: office } = await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const [expert] = await expertPool(ctx, office, [
      { name: "冯志远", employer: "复旦大学", regionCode: "310000", occupations: ["big_data"] },
    ]);
    if (!expert) throw new Error("no expert");
    await assignedReview(office, batchId, {
      perApplication: 1,
      maxLoad: 10,
      dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    expect(await sweepReminders(ctx.deps)).toMatchObject({ reviewDue: 1 });
    expect(await sweepReminders(ctx.deps)).toMatchObject({ reviewDue: 0 });
    const due = (await inboxOf(ctx, await signedInUserId(expert.client))).filter(
      (row) => row.title === "评议即将截止",
    );
    expect(due).toHaveLength(1);
    expect(due[0]?.body).toContain("还有2份评分未提交");
  });
});

/* The sweep's own job, on a platform of its own: the test counts every sweep job in the queue. */
describe.each(testDatabases)("the hourly reminder sweep on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("keeps one sweep per hour queued, however many instances start, and chains the next hour", async () => {
    await ensureReminderSweep(ctx.deps);
    await ensureReminderSweep(ctx.deps);
    const id = sweepJobId(ctx.deps.clock());
    const queued = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("type", "=", REMINDER_SWEEP_JOB)
      .execute();
    expect(queued.map((job) => job.id)).toEqual([id]);
    await ctx.runJobs();
    const after = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("type", "=", REMINDER_SWEEP_JOB)
      .orderBy("runAfter")
      .execute();
    expect(after.map((job) => job.status)).toEqual(["done", "queued"]);
    const next = after[1];
    expect(next?.id).toBe(sweepJobId(new Date(ctx.deps.clock().getTime() + 3_600_000)));
    expect(Date.parse(next?.runAfter ?? "")).toBeGreaterThan(ctx.deps.clock().getTime());
    expect(Date.parse(next?.runAfter ?? "") % 3_600_000).toBe(0);
    // Finished routine jobs are deleted after 30 days; the queued one stays.
    ctx.setNow(new Date(Date.now() + 31 * 86_400_000));
    try {
      expect((await cleanUpJobs(ctx.deps)).deleted).toBeGreaterThanOrEqual(1);
    } finally {
      ctx.setNow(null);
    }
    const left = await ctx.deps.db
      .selectFrom("jobs")
      .select("id")
      .where("type", "=", REMINDER_SWEEP_JOB)
      .execute();
    expect(left.map((job) => job.id)).toEqual([next?.id]);
  });
});
