import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUpJobs } from "../jobs/housekeeping";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../test/harness";

describe.each(testDatabases)("rate limits shared through the database on %s", (kind) => {
  let ctx: TestContext;
  let secondInstance: Awaited<ReturnType<TestContext["startInstance"]>>;
  // Requests are counted per address: each test comes from its own, so no test meets another's counts.
  const fromAddress = (ip: string) => ({ first: ctx.client({ ip }), second: secondInstance.client({ ip }) });
  beforeAll(async () => {
    ctx = await createTestContext(kind, { rateLimitPublicFormsPerMinute: 3 });
    // A second instance: its own runtime, Fastify and plugin state; the same database.
    secondInstance = await ctx.startInstance();
  });
  afterAll(async () => {
    await secondInstance?.close();
    await ctx?.close();
  });

  it("counts requests to both instances together and opens again in the next window", async () => {
    ctx.setNow(new Date("2026-12-07T02:00:00Z"));
    const { first, second } = fromAddress("203.0.113.1");
    const lookup = (client: TestClient) =>
      client.post("/api/public/complaints/status", { ackNumber: "TS20261207", phone: "13800138000" });
    const statuses = [];
    for (const client of [first, second, first, second]) statuses.push((await lookup(client)).status);
    expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
    const refused = await lookup(first);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: "RATE_LIMITED", message: "操作过于频繁，请稍后再试" });

    ctx.setNow(new Date("2026-12-07T02:01:01Z"));
    expect((await lookup(second)).status).not.toBe(429);
  });

  it("keeps a separate count per route", async () => {
    ctx.setNow(new Date("2026-12-07T03:00:00Z"));
    const { first: client, second } = fromAddress("203.0.113.2");
    for (let i = 0; i < 3; i++)
      await client.post("/api/public/complaints/status", { ackNumber: "TS20261207", phone: "13800138000" });
    const other = await second.post("/api/public/objections/status", {
      ackNumber: "YY20261207",
      phone: "13800138000",
    });
    expect(other.status).not.toBe(429);
  });

  it("forgets old windows in the hourly housekeeping", async () => {
    // A window of its own, more than a day before the housekeeping runs.
    ctx.setNow(new Date("2026-12-08T01:00:00Z"));
    const { first: client } = fromAddress("203.0.113.3");
    await client.post("/api/public/complaints/status", { ackNumber: "TS20261208", phone: "13800138000" });
    const old = () =>
      ctx.deps.db
        .selectFrom("rateLimitCounters")
        .select("key")
        .where("windowStartedMs", "<", Date.parse("2026-12-08T03:00:00Z"))
        .execute();
    expect((await old()).map((row) => row.key)).toContainEqual(expect.stringContaining("203.0.113.3"));
    ctx.setNow(new Date("2026-12-09T03:00:00Z"));
    await cleanUpJobs(ctx.deps);
    expect(await old()).toEqual([]);
  });
});
