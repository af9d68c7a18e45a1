import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { claimJob, enqueueJob } from "../jobs/queue";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";

const TOKEN = "metrics-token-0123456789abcdef";

/** The value of one sample line (`name{labels} value`), or null when the series is absent. */
function sample(text: string, series: string): number | null {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe.each(testDatabases)("GET /metrics on %s", (kind) => {
  let ctx: TestContext;
  let tokenCtx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    tokenCtx = await createTestContext(kind, { metricsToken: TOKEN });
  });
  afterAll(async () => {
    await ctx?.close();
    await tokenCtx?.close();
  });

  const scrape = async (app = ctx.app) => {
    // app.inject connects from 127.0.0.1 unless told otherwise.
    const response = await app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  it("counts requests by route pattern and status, never by the raw URL", async () => {
    const id = crypto.randomUUID();
    for (let i = 0; i < 3; i++) {
      const response = await ctx.app.inject({ method: "GET", url: `/api/applications/${id}` });
      expect(response.statusCode).toBe(401);
    }
    const response = await scrape();
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.headers["content-type"]).toContain("version=0.0.4");
    const series = 'method="GET",route="/api/applications/:id",status_code="401"';
    expect(sample(response.body, `linxuan_http_requests_total{${series}}`)).toBe(3);
    expect(sample(response.body, `linxuan_http_request_duration_seconds_count{${series}}`)).toBe(3);
    expect(sample(response.body, `linxuan_http_request_duration_seconds_bucket{le="+Inf",${series}}`)).toBe(
      3,
    );
    expect(response.body).not.toContain(id);
  });

  it("labels requests no route matched as unmatched", async () => {
    const path = `/api/no-such-${crypto.randomBytes(4).toString("hex")}`;
    expect((await ctx.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    const response = await scrape();
    expect(
      sample(response.body, 'linxuan_http_requests_total{method="GET",route="unmatched",status_code="404"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(response.body).not.toContain(path);
  });

  it("keeps each app's counts apart, even on the same database", async () => {
    const second = await buildApp(ctx.deps);
    try {
      await second.inject({ method: "GET", url: "/api/auth/csrf" });
      await second.inject({ method: "GET", url: "/api/auth/csrf" });
      const own = await scrape(second);
      expect(
        sample(
          own.body,
          'linxuan_http_requests_total{method="GET",route="/api/auth/csrf",status_code="200"}',
        ),
      ).toBe(2);
      expect(own.body).not.toContain('route="/api/applications/:id"');
    } finally {
      await second.close();
    }
  });

  it("reports the job queue by type and state at scrape time", async () => {
    const now = new Date("2026-12-07T02:00:00.000Z");
    ctx.setNow(now);
    const type = `test.metrics-${crypto.randomBytes(3).toString("hex")}`;
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
    // Two due (the oldest for 2 minutes), one due but claimed (running), one scheduled for later.
    await enqueueJob(ctx.deps.db, { type, payload: {}, now: at(-5), runAfter: at(-2) });
    await enqueueJob(ctx.deps.db, { type, payload: {}, now: at(-5), runAfter: at(-1) });
    await enqueueJob(ctx.deps.db, { type, payload: {}, now: at(-5), runAfter: at(30) });
    const runningId = await enqueueJob(ctx.deps.db, { type, payload: {}, now: at(-10), runAfter: at(-10) });
    const claimed = await claimJob(ctx.deps.db, "metrics-test", now, 60_000, [type]);
    expect(claimed?.id).toBe(runningId);

    const body = (await scrape()).body;
    expect(sample(body, `linxuan_jobs{type="${type}",state="queued"}`)).toBe(2);
    expect(sample(body, `linxuan_jobs{type="${type}",state="scheduled"}`)).toBe(1);
    expect(sample(body, `linxuan_jobs{type="${type}",state="running"}`)).toBe(1);
    expect(sample(body, `linxuan_jobs_oldest_age_seconds{type="${type}",state="queued"}`)).toBe(120);
    expect(sample(body, `linxuan_jobs_oldest_age_seconds{type="${type}",state="running"}`)).toBe(600);
    // Known types report zeros instead of vanishing.
    expect(sample(body, 'linxuan_jobs{type="notification.email",state="queued"}')).toBe(0);
    expect(sample(body, "linxuan_database_up")).toBe(1);

    // Read at scrape time: once the running job is gone, so is its count.
    await ctx.deps.db.deleteFrom("jobs").where("id", "=", runningId).execute();
    const after = (await scrape()).body;
    expect(sample(after, `linxuan_jobs{type="${type}",state="running"}`)).toBe(0);
    expect(sample(after, `linxuan_jobs{type="${type}",state="queued"}`)).toBe(2);
  });

  it("reports the database pool on PostgreSQL only, and the process metrics", async () => {
    const body = (await scrape()).body;
    if (kind === "postgres") {
      expect(sample(body, "linxuan_db_pool_max")).toBe(10);
      expect(sample(body, "linxuan_db_pool_total")).toBeGreaterThanOrEqual(1);
      expect(sample(body, "linxuan_db_pool_waiting")).toBe(0);
      expect(sample(body, "linxuan_db_pool_idle")).not.toBeNull();
    } else {
      expect(body).not.toContain("linxuan_db_pool_");
    }
    expect(sample(body, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect(sample(body, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });

  it("refuses other addresses, and loopback through a proxy, when no token is set", async () => {
    for (const remoteAddress of ["10.0.0.7", "192.168.1.20", "2001:db8::1"]) {
      const response = await ctx.app.inject({ method: "GET", url: "/metrics", remoteAddress });
      expect(response.statusCode, remoteAddress).toBe(401);
      expect(response.json()).toEqual({
        code: "UNAUTHENTICATED",
        message: expect.stringContaining("仅允许本机直接访问"),
      });
      expect(response.headers["www-authenticate"]).toContain("Bearer");
      expect(response.body).not.toContain("linxuan_");
    }
    for (const headers of [
      { "x-forwarded-for": "127.0.0.1" },
      { forwarded: "for=127.0.0.1" },
      { "x-real-ip": "127.0.0.1" },
    ]) {
      const response = await ctx.app.inject({ method: "GET", url: "/metrics", headers });
      expect(response.statusCode, Object.keys(headers)[0]).toBe(401);
    }
    for (const remoteAddress of ["::1", "::ffff:127.0.0.1"]) {
      const response = await ctx.app.inject({ method: "GET", url: "/metrics", remoteAddress });
      expect(response.statusCode, remoteAddress).toBe(200);
    }
    // A token means nothing when none is configured: still refused from elsewhere.
    const withToken = await ctx.app.inject({
      method: "GET",
      url: "/metrics",
      remoteAddress: "10.0.0.7",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withToken.statusCode).toBe(401);
  });

  it("requires the token from everyone, loopback included, when one is set", async () => {
    const get = (headers: Record<string, string>, remoteAddress = "10.0.0.7") =>
      tokenCtx.app.inject({ method: "GET", url: "/metrics", remoteAddress, headers });
    for (const [label, response] of [
      ["none", await get({})],
      ["wrong", await get({ authorization: "Bearer metrics-token-0123456789abcdeX" })],
      ["prefix", await get({ authorization: `Bearer ${TOKEN.slice(0, -1)}` })],
      ["not bearer", await get({ authorization: `Basic ${TOKEN}` })],
      ["loopback without", await get({}, "127.0.0.1")],
    ] as const) {
      expect(response.statusCode, label).toBe(401);
      expect(response.json().message, label).toContain("需要令牌");
    }
    const right = await get({ authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "203.0.113.9" });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("linxuan_http_requests_total");
  });
});
