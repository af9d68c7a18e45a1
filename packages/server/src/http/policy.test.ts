import { type Role, roleCodes, roleMayRun } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeRegistration, makeStaff, TEST_PASSWORD } from "../test/factories";
import { createTestContext, type TestClient, type TestContext } from "../test/harness";
import { type ApiRoute, apiRoutes } from "./auth";

/**
 * Enumerates every API route the app registers and calls each one as every role (and as nobody):
 * a role the policy denies must get 401/403 before any handler runs; a role it allows must not.
 */
describe("route policy for every route and every role", () => {
  let ctx: TestContext;
  const routes: ApiRoute[] = [];
  const clients = new Map<Role | "anonymous", TestClient>();

  beforeAll(async () => {
    ctx = await createTestContext("sqlite");
    routes.push(...apiRoutes(ctx.app));
    clients.set("anonymous", ctx.client());
    for (const role of roleCodes) {
      const client = ctx.client();
      if (role === "institution") {
        const registration = { ...makeRegistration(), ...(await client.captcha()) };
        expect((await client.post("/api/auth/register", registration)).status).toBe(201);
      } else {
        await client.login(await makeStaff(ctx, role), TEST_PASSWORD);
      }
      clients.set(role, client);
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("collects the registered routes", () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) expect(route.command, `${route.method} ${route.url}`).toBeTruthy();
  });

  it("lets exactly the permitted roles past the policy", async () => {
    const checked: string[] = [];
    for (const route of routes) {
      if (route.method === "HEAD" || route.url === "/api/auth/logout") continue;
      const url = route.url
        .replace(":id", "00000000-0000-0000-0000-000000000000")
        .replace(":date", "2026-10-01")
        .replace(":year", "2026")
        .replace(":file", "training.pdf");
      for (const [who, client] of clients) {
        const role = who === "anonymous" ? null : who;
        const response = await client.request(route.method, url, route.method === "GET" ? undefined : {});
        const allowed = roleMayRun(role, route.command);
        const label = `${route.method} ${route.url} as ${who}`;
        if (allowed) {
          expect([401, 403], label).not.toContain(response.status);
        } else {
          expect(response.status, label).toBe(role === null ? 401 : 403);
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBeGreaterThan(routes.length * 5);
  });
});
