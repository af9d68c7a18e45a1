import { shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHandlers } from "../../jobs/handlers";
import { claimJob } from "../../jobs/queue";
import { createJobRunner } from "../../jobs/runner";
import {
  makeStaff,
  publishOpenBatch,
  registerInstitution,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { startSmtp } from "../../test/smtp";
import { createMailer } from "./mailer";
import { EMAIL_ATTEMPTS, EMAIL_JOB, notify } from "./service";

async function drain(runners: ReturnType<typeof createJobRunner>[]) {
  for (let round = 0; round < 200; round++) {
    const worked = await Promise.all(runners.map((runner) => runner.runOnce()));
    if (!worked.some(Boolean)) return;
  }
}

describe.each(testDatabases)("notifications and jobs on %s", (kind) => {
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

  it("notifies the institution in the app and by e-mail when it submits", async () => {
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    const { client, application } = await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "ai",
    });
    const inbox = await client.get("/api/notifications");
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    expect(inbox.body.items[0]).toMatchObject({
      title: "申报已提交",
      link: `/workbench/applications/${application.id}`,
      emailStatus: "pending",
    });
    await drain([createJobRunner(ctx.deps, jobHandlers, { worker: "a" })]);
    const mail = smtp.received.find((item) => item.messageId === `<${inbox.body.items[0].id}@linxuan>`);
    expect(mail).toBeDefined();
    expect(mail?.to).toContain("@example.cn");
    expect((await client.get("/api/notifications")).body.items[0].emailStatus).toBe("sent");
    await client.post("/api/notifications/read-all");
    expect((await client.get("/api/notifications")).body.unread).toBe(0);
  });

  it("sends each e-mail exactly once with two instances working the same queue", async () => {
    const users = [];
    for (let i = 0; i < 4; i++) users.push((await registerInstitution(ctx)).client);
    const ids = (await Promise.all(users.map((client) => client.get("/api/auth/me")))).map(
      (me) => me.body.user.id as string,
    );
    const before = smtp.received.length;
    await ctx.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++)
        await notify(trx, ctx.deps, {
          userIds: ids,
          event: "publicNoticePublished",
          detail: `第${i + 1}条公示已发布。`,
          link: "/public-notices",
        });
    });
    await drain([
      createJobRunner(ctx.deps, jobHandlers, { worker: "instance-1" }),
      createJobRunner(ctx.deps, jobHandlers, { worker: "instance-2" }),
    ]);
    const fresh = smtp.received.slice(before);
    expect(fresh).toHaveLength(20);
    expect(new Set(fresh.map((mail) => mail.messageId)).size).toBe(20);
  });

  it("loses no e-mail when the worker dies while sending: the lease runs out and another sends it", async () => {
    const { client } = await registerInstitution(ctx);
    const me = await client.get("/api/auth/me");
    await ctx.deps.db.transaction().execute((trx) =>
      notify(trx, ctx.deps, {
        userIds: [me.body.user.id],
        event: "listed",
        detail: "已纳入目录。",
        link: null,
      }),
    );
    // Worker "dead" claims the job and never finishes: as if killed mid-send.
    const stuck = await claimJob(ctx.deps.db, "dead", ctx.deps.clock(), 60_000, [EMAIL_JOB]);
    expect(stuck).not.toBeNull();
    // The job claimed is this notification's e-mail (the other tests leave none queued).
    const queued = (await client.get("/api/notifications")).body.items[0];
    expect(stuck?.payload).toContain(queued.id);
    const survivor = createJobRunner(ctx.deps, jobHandlers, { worker: "survivor", leaseMs: 60_000 });
    expect(await survivor.runOnce()).toBe(false);
    ctx.setNow(new Date(Date.now() + 61_000));
    try {
      expect(await survivor.runOnce()).toBe(true);
    } finally {
      ctx.setNow(null);
    }
    const notification = (await client.get("/api/notifications")).body.items[0];
    expect(notification.emailStatus).toBe("sent");
    expect(smtp.received.filter((mail) => mail.messageId === `<${notification.id}@linxuan>`)).toHaveLength(1);
    const job = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", stuck?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "done", lockedBy: "survivor" });
    expect(Number(job.attempts)).toBe(2);
  });

  it("respects a user's preference to receive no e-mail for an event", async () => {
    const { client } = await registerInstitution(ctx);
    const prefs = await client.get("/api/notifications/preferences");
    const items = prefs.body.items.map((item: { event: string; inApp: boolean; email: boolean }) =>
      item.event === "returned" ? { ...item, email: false } : item,
    );
    expect((await client.put("/api/notifications/preferences", { items })).status).toBe(200);
    const me = await client.get("/api/auth/me");
    await ctx.deps.db.transaction().execute((trx) =>
      notify(trx, ctx.deps, {
        userIds: [me.body.user.id],
        event: "returned",
        detail: "申报被退回。",
        link: null,
      }),
    );
    const inbox = await client.get("/api/notifications");
    expect(inbox.body.items[0]).toMatchObject({ title: "申报被退回修改", emailStatus: "none" });
  });
});

describe.each(testDatabases)("an SMTP outage on %s", (kind) => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    // Port 9 (discard) on 127.0.0.1: nothing listens, every connection is refused.
    ctx = await createTestContext(kind, { smtpUrl: "smtp://127.0.0.1:9?ignoreTLS=true" });
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it("keeps retrying for hours, then marks the e-mail failed; an administrator sends it again", async () => {
    const { client } = await registerInstitution(ctx);
    const me = await client.get("/api/auth/me");
    await ctx.deps.db.transaction().execute((trx) =>
      notify(trx, ctx.deps, {
        userIds: [me.body.user.id],
        event: "listed",
        detail: "已纳入目录。",
        link: null,
      }),
    );
    const runner = createJobRunner(ctx.deps, jobHandlers, { worker: "outage" });
    let at = Date.now();
    let tries = 0;
    try {
      for (; tries < 20; tries++) {
        ctx.setNow(new Date(at));
        if (!(await runner.runOnce())) break;
        at += 2 * 3_600_000;
      }
    } finally {
      ctx.setNow(null);
    }
    expect(tries).toBe(EMAIL_ATTEMPTS);
    const job = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("type", "=", EMAIL_JOB)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("failed");
    expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
    const relog = ctx.client();
    await relog.login((await client.get("/api/auth/me")).body.user.username, TEST_PASSWORD);
    expect((await relog.get("/api/notifications")).body.items[0].emailStatus).toBe("failed");

    // The administrator sees it in the monitor and, once SMTP is back, sends it again.
    const admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
    const monitor = await admin.get("/api/admin/jobs?status=failed");
    expect(monitor.status).toBe(200);
    expect(monitor.body.counts.failed).toBe(1);
    // Which e-mail it was, with the address masked.
    expect(monitor.body.items[0].description).toMatch(/^已纳入目录 → \S\*\*\*@example\.cn$/);
    expect((await admin.get("/api/admin/jobs?type=reminders.sweep")).body.counts.failed).toBe(0);
    expect(monitor.body.items).toEqual([expect.objectContaining({ id: job.id, label: "发送通知邮件" })]);
    expect(monitor.body.items[0]).not.toHaveProperty("result");
    expect((await relog.get("/api/admin/jobs")).status).toBe(403);
    expect((await admin.post(`/api/admin/jobs/${job.id}/retry`)).status).toBe(200);
    expect((await admin.post(`/api/admin/jobs/${job.id}/retry`)).status).toBe(409);
    ctx.deps.mailer = createMailer(smtp.url, ctx.config.mailFrom);
    expect(await runner.runOnce()).toBe(true);
    expect(smtp.received.map((mail) => mail.subject)).toEqual(["【遴选平台】已纳入目录"]);
    expect((await relog.get("/api/notifications")).body.items[0].emailStatus).toBe("sent");
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("command", "=", "job.retry")
      .execute();
    expect(audit[0]?.summary).toContain("发送通知邮件");
  });
});
