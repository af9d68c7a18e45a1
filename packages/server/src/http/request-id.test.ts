import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 404, 401, 403]);
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
});
