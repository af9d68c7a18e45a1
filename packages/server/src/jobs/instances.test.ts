import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "../features/notifications/service";
import { registerInstitution } from "../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";
import { type Instance, startInstance, stopInstance, until } from "../test/instances";
import { startSmtp } from "../test/smtp";

/*
 * The platform as operators run it: separate `linxuan serve` processes sharing one database, each
 * with its job runner, sending to a real SMTP server. One instance is killed with SIGKILL while an
 * e-mail is in the middle of being sent.
 */

describe.each(testDatabases)("two `linxuan serve` instances on one %s database", (kind) => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const instances: Instance[] = [];
  let userIds: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext(kind, { smtpUrl: smtp.url });
    for (let i = 0; i < 3; i++) {
      const { client } = await registerInstitution(ctx);
      userIds.push((await client.get("/api/auth/me")).body.user.id);
    }
    userIds = [...new Set(userIds)];
  });
  afterAll(async () => {
    for (const instance of instances) await stopInstance(instance, "SIGKILL");
    await ctx?.close();
    await smtp?.close();
  });

  const pendingEmails = async () =>
    Number(
      (
        await ctx.deps.db
          .selectFrom("notifications")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("emailStatus", "=", "pending")
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("sends every queued e-mail exactly once between them", async () => {
    const before = smtp.received.length;
    const emailJobs = () =>
      ctx.deps.db.selectFrom("jobs").selectAll().where("type", "=", "notification.email").execute();
    // The other test may have run first: judge only the jobs this one queues.
    const earlier = new Set((await emailJobs()).map((job) => job.id));
    // Both instances are polling the same queue before anything is queued: they compete for it.
    const started = await Promise.all([
      startInstance(ctx, { LINXUAN_SMTP_URL: smtp.url, LINXUAN_JOB_LEASE_SECONDS: "60" }),
      startInstance(ctx, { LINXUAN_SMTP_URL: smtp.url, LINXUAN_JOB_LEASE_SECONDS: "60" }),
    ]);
    instances.push(...started);
    await ctx.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 10; i++)
        await notify(trx, ctx.deps, {
          userIds,
          event: "publicNoticePublished",
          detail: `第${i + 1}条公示已发布。`,
          link: "/public-notices",
        });
    });
    const expected = 10 * userIds.length;
    await until("all e-mails sent", async () => (await pendingEmails()) === 0);
    const fresh = smtp.received.slice(before);
    expect(fresh).toHaveLength(expected);
    expect(new Set(fresh.map((mail) => mail.messageId)).size).toBe(expected);
    const jobs = (await emailJobs()).filter((job) => !earlier.has(job.id));
    expect(jobs).toHaveLength(expected);
    expect(jobs.every((job) => job.status === "done" && Number(job.attempts) === 1)).toBe(true);
    // Each instance also queued this hour's reminder sweep: one job, not two.
    const sweeps = await ctx.deps.db
      .selectFrom("jobs")
      .select("id")
      .where("type", "=", "reminders.sweep")
      .execute();
    expect(sweeps.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sweeps.map((job) => job.id)).size).toBe(sweeps.length);
    for (const instance of started) await stopInstance(instance);
  }, 180_000);

  it("loses nothing when an instance is killed while sending: another takes the job after its lease", async () => {
    const held = smtp.holdNext();
    const victim = await startInstance(ctx, { LINXUAN_SMTP_URL: smtp.url, LINXUAN_JOB_LEASE_SECONDS: "2" });
    instances.push(victim);
    await ctx.deps.db.transaction().execute((trx) =>
      notify(trx, ctx.deps, {
        userIds: [userIds[0] ?? ""],
        event: "listed",
        detail: "已纳入目录。",
        link: null,
      }),
    );
    // Its own notification: the other test's e-mails are all of another event.
    const notification = await ctx.deps.db
      .selectFrom("notifications")
      .selectAll()
      .where("event", "=", "listed")
      .where("emailStatus", "=", "pending")
      .executeTakeFirstOrThrow();
    const messageId = `<${notification.id}@linxuan>`;
    await held;
    await stopInstance(victim, "SIGKILL");
    const job = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("payload", "like", `%${notification.id}%`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("running");
    expect(smtp.received.some((mail) => mail.messageId === messageId)).toBe(false);

    const survivor = await startInstance(ctx, { LINXUAN_SMTP_URL: smtp.url, LINXUAN_JOB_LEASE_SECONDS: "2" });
    instances.push(survivor);
    await until("the e-mail sent by the survivor", async () => (await pendingEmails()) === 0);
    expect(smtp.received.filter((mail) => mail.messageId === messageId)).toHaveLength(1);
    const finished = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", job.id)
      .executeTakeFirstOrThrow();
    expect(finished.status).toBe("done");
    expect(Number(finished.attempts)).toBe(2);
    expect(finished.lockedBy).not.toBe(job.lockedBy);
    await stopInstance(survivor);
  }, 180_000);
});
