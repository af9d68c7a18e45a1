import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";

describe.each(testDatabases)("http basics on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind, { bodyLimitBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("reports health with the database kind", async () => {
    const response = await ctx.client().get("/api/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: kind });
  });

  it("answers an unknown API route with a JSON 404 in Chinese", async () => {
    const response = await ctx.client().get("/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(response.body.code).toBe("NOT_FOUND");
    expect(response.body.message).toContain("接口不存在");
  });

  it("refuses a body over the size limit with 413 and a Chinese message", async () => {
    const response = await ctx
      .client()
      .post("/api/auth/login", { username: "x", password: "y".repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("过大") });
  });

  it("refuses malformed JSON with a stable code", async () => {
    const client = ctx.client();
    await client.get("/api/auth/csrf");
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: {
        "content-type": "application/json",
        cookie: `lx_csrf=${client.cookie("lx_csrf")}`,
        "x-csrf-token": client.cookie("lx_csrf") ?? "",
      },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("VALIDATION_FAILED");
  });

  it("documents every API route in the OpenAPI description", async () => {
    const response = await ctx.client().get("/api/openapi.json");
    expect(response.status).toBe(200);
    const paths = Object.keys(response.body.paths);
    for (const expected of [
      "/api/health",
      "/api/auth/login",
      "/api/auth/register",
      "/api/batches/{id}",
      "/api/calendar/import",
      "/api/audit/verify",
    ]) {
      expect(paths).toContain(expected);
    }
    expect(
      response.body.paths["/api/auth/login"].post.requestBody.content["application/json"].schema.properties,
    ).toHaveProperty("username");
  });
});

describe("rate limits", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext("sqlite", { rateLimitPublicFormsPerMinute: 3, rateLimitLoginPerMinute: 4 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("limits registrations and logins per client with a Chinese 429", async () => {
    const client = ctx.client();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.post("/api/auth/register", { creditCode: "bad" })).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const limited = await client.post("/api/auth/register", { creditCode: "bad" });
    expect(limited.body).toEqual({ code: "RATE_LIMITED", message: "操作过于频繁，请稍后再试" });
    const logins: number[] = [];
    // Different names: one name failing from one address would soon need a captcha (auth.test.ts).
    for (let i = 0; i < 5; i++)
      logins.push((await client.post("/api/auth/login", { username: `nobody-${i}`, password: "x" })).status);
    expect(logins).toEqual([401, 401, 401, 401, 429]);
  });
});
