import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRecurringJobs } from "../../jobs/recurring";
import { namedEvent, tamper } from "../../test/audit-tamper";
import { makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { AUDIT_CHECK_JOB, dailyCheckJobId, runDailyAuditCheck } from "./daily-check";

const DAY = 86_400_000;

async function userId(ctx: TestContext, username: string): Promise<string> {
  const row = await ctx.deps.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function alarms(ctx: TestContext, username: string) {
  return ctx.deps.db
    .selectFrom("notifications")
    .selectAll()
    .where("userId", "=", await userId(ctx, username))
    .where("event", "=", "auditChainBroken")
    .execute();
}

async function checkJobs(ctx: TestContext) {
  return ctx.deps.db
    .selectFrom("jobs")
    .selectAll()
    .where("type", "=", AUDIT_CHECK_JOB)
    .orderBy("runAfter")
    .execute();
}

describe.each(testDatabases)("daily audit check on %s", (kind) => {
  let ctx: TestContext;
  let admins: string[];
  let disabledAdmin: string;
  let office: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    admins = [await makeStaff(ctx, "admin"), await makeStaff(ctx, "admin")];
    disabledAdmin = await makeStaff(ctx, "admin");
    await ctx.deps.db
      .updateTable("users")
      .set({ status: "disabled" })
      .where("username", "=", disabledAdmin)
      .execute();
    office = await makeStaff(ctx, "nationalOffice");
  });
  afterAll(async () => {
    await ctx?.close();
  });

  // One platform over three days: a passing day, a day that finds tampering, and its retry.
  it("runs once a day, chains the next day once, and tells the active administrators only of a broken chain", async () => {
    const start = new Date();
    ctx.setNow(start);
    await ensureRecurringJobs(ctx.deps);
    await ensureRecurringJobs(ctx.deps);
    expect((await checkJobs(ctx)).map((job) => job.id)).toEqual([dailyCheckJobId(start)]);

    // Day one: the chain holds. The result is recorded, nobody is told.
    await ctx.runJobs();
    let jobs = await checkJobs(ctx);
    expect(jobs.map((job) => job.status)).toEqual(["done", "queued"]);
    expect(JSON.parse(jobs[0]?.result ?? "null")).toMatchObject({
      ok: true,
      problems: 0,
      notified: 0,
      lines: [],
    });
    const tomorrow = jobs[1];
    expect(tomorrow?.id).toBe(dailyCheckJobId(new Date(start.getTime() + DAY)));
    const runAt = Date.parse(tomorrow?.runAfter ?? "");
    expect(runAt).toBeGreaterThan(start.getTime());
    expect(runAt - start.getTime()).toBeLessThanOrEqual(DAY);
    expect(new Date(runAt).toISOString().slice(11)).toBe("19:00:00.000Z"); // 03:00 in Shanghai
    for (const username of [...admins, disabledAdmin, office])
      expect(await alarms(ctx, username)).toEqual([]);

    // Day two: someone edited an event by hand overnight.
    await tamper.editSummary(ctx.deps.db, 3, "篡改");
    ctx.setNow(new Date(runAt + 60_000));
    await ctx.runJobs();
    jobs = await checkJobs(ctx);
    expect(jobs.map((job) => job.status)).toEqual(["done", "done", "queued"]);
    const failed = JSON.parse(jobs[1]?.result ?? "null");
    expect(failed).toMatchObject({ ok: false, problems: 1, notified: 2 });
    expect(failed.lines[0]).toContain(`${await namedEvent(ctx.deps.db, 3)}的内容被改动`);
    expect(jobs[2]?.id).toBe(dailyCheckJobId(new Date(runAt + DAY)));
    for (const username of admins) {
      const [alarm, ...more] = await alarms(ctx, username);
      expect(more).toEqual([]);
      expect(alarm).toMatchObject({ title: "审计链校验未通过", link: "/workbench/audit" });
      expect(alarm?.body).toContain("发现审计链有 1 处问题");
      expect(alarm?.body).toContain(await namedEvent(ctx.deps.db, 3));
    }
    for (const username of [disabledAdmin, office]) expect(await alarms(ctx, username)).toEqual([]);
    const recorded = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["summary", "requestId"])
      .where("command", "=", "audit.dailyCheck")
      .execute();
    expect(recorded).toEqual([
      {
        summary: expect.stringContaining("每日自动校验：审计链校验未通过（1 处问题）"),
        requestId: `job:${jobs[1]?.id}`,
      },
    ]);

    // The same day's check run again (a retry after a crash): nobody is told twice, no extra day queued.
    const again = jobs[1];
    if (!again) throw new Error("missing job");
    await runDailyAuditCheck({
      deps: ctx.deps,
      job: again,
      worker: "retry",
      signal: new AbortController().signal,
      progress: async () => undefined,
    });
    for (const username of admins) expect(await alarms(ctx, username)).toHaveLength(1);
    expect((await checkJobs(ctx)).filter((job) => job.status === "queued")).toHaveLength(1);
  });

  it("offers the alarm's preference to administrators only", async () => {
    const admin = ctx.client();
    await admin.login(admins[1] ?? "", TEST_PASSWORD);
    const events = (await admin.get("/api/notifications/preferences")).body.items.map(
      (item: { event: string }) => item.event,
    );
    expect(events).toContain("auditChainBroken");
    const other = ctx.client();
    await other.login(office, TEST_PASSWORD);
    const officeEvents = (await other.get("/api/notifications/preferences")).body.items.map(
      (item: { event: string }) => item.event,
    );
    expect(officeEvents).not.toContain("auditChainBroken");
    expect(officeEvents).toContain("submitted");
  });
});
