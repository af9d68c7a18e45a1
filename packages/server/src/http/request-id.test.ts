import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAuditEvent } from "../features/audit/queries";
import { verifyAuditChain } from "../features/audit/verify";
import { tamper } from "../test/audit-tamper";
import { makeStaff, TEST_PASSWORD } from "../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(testDatabases)("X-Request-Id on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("answers success and every kind of error with a fresh id", async () => {
    const answers = [
      await ctx.app.inject({ method: "GET", url: "/api/health" }),
      await ctx.app.inject({ method: "GET", url: "/api/no-such-thing" }),
      await ctx.app.inject({ method: "GET", url: "/api/users" }),
      await ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: {} }),
      await ctx.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.0.0.7" }),
      await ctx.app.inject({ method: "GET", url: "/metrics" }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 404, 401, 403, 401, 200]);
    const ids = answers.map((answer) => String(answer.headers["x-request-id"]));
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("echoes a sane incoming id and replaces anything else", async () => {
    const sane = ["req-42", "a".repeat(64), "Proxy_1.2-3", "0f2b7c1e9d3a4b5c"];
    for (const id of sane) {
      const response = await ctx.app.inject({
        method: "GET",
        url: "/api/no-such-thing",
        headers: { "x-request-id": id },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers["x-request-id"], id).toBe(id);
    }
    const insane = ["a".repeat(65), "has space", "job:123", "a/b", "<script>", "中文", "a\tb", ""];
    for (const id of insane) {
      const response = await ctx.app.inject({
        method: "GET",
        url: "/api/health",
        headers: { "x-request-id": id },
      });
      expect(response.headers["x-request-id"], JSON.stringify(id)).toMatch(UUID);
    }
  });

  it("writes the request id into the audit event of a command, and the chain verifies", async () => {
    const admin = await makeStaff(ctx, "admin");
    const client = ctx.client();
    await client.get("/api/auth/csrf");
    const csrf = client.cookie("lx_csrf") ?? "";
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: `lx_csrf=${csrf}`, "x-csrf-token": csrf, "x-request-id": "edge-7f3a.login_1" },
      payload: { username: admin, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers["x-request-id"]).toBe("edge-7f3a.login_1");

    // A generated id is written too: the one the answer carried.
    const browser = ctx.client();
    await browser.login(admin, TEST_PASSWORD);
    const verify = await browser.post("/api/audit/verify");
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, problems: [] });
    const generated = String(verify.headers["x-request-id"]);
    expect(generated).toMatch(UUID);

    const byProxyId = await browser.get("/api/audit?requestId=edge-7f3a.login_1");
    expect(byProxyId.body.items).toEqual([
      expect.objectContaining({
        command: "auth.login",
        actorUsername: admin,
        requestId: "edge-7f3a.login_1",
      }),
    ]);
    const byGenerated = await browser.get(`/api/audit?requestId=${generated}`);
    expect(byGenerated.body.items).toEqual([
      expect.objectContaining({ command: "audit.verify", actorUsername: admin, requestId: generated }),
    ]);

    // Editing the stored request id breaks that event's hash.
    const seq = byProxyId.body.items[0].seq as number;
    await tamper.editRequestId(ctx.deps.db, seq, "edge-7f3a.login_2");
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result.problems).toEqual([expect.objectContaining({ kind: "edited", fromSeq: seq, toSeq: seq })]);
    await tamper.editRequestId(ctx.deps.db, seq, "edge-7f3a.login_1");
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
    expect((await findAuditEvent(ctx.deps.db, seq))?.requestId).toBe("edge-7f3a.login_1");
  });
});
