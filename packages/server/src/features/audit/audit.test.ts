import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { verifyAuditChain } from "./verify";

describe.each(testDatabases)("audit chain on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("records commands with actor, role, target and IP, and verifies clean", async () => {
    const admin = await makeStaff(ctx, "admin");
    const client = ctx.client();
    await client.login(admin, TEST_PASSWORD);
    const list = await client.get("/api/audit?pageSize=200");
    expect(list.status).toBe(200);
    const login = list.body.items.find(
      (item: { command: string; actorUsername: string }) =>
        item.command === "auth.login" && item.actorUsername === admin,
    );
    expect(login).toMatchObject({ actorRole: "admin", targetType: "user", summary: "登录成功" });
    expect(login.ip).toBeTruthy();
    const verify = await client.post("/api/audit/verify");
    expect(verify.body).toMatchObject({ ok: true, firstBadSeq: null });
    expect(verify.body.checked).toBeGreaterThan(2);
  });

  it("keeps one unbroken chain under concurrent writers", async () => {
    const usernames = await Promise.all(Array.from({ length: 6 }, () => makeStaff(ctx, "expert")));
    await Promise.all(usernames.map((username) => ctx.client().login(username, TEST_PASSWORD)));
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it("names the event that was edited by hand", async () => {
    const before = await verifyAuditChain(ctx.deps.db);
    expect(before.ok).toBe(true);
    const target = Math.max(1, before.checked - 3);
    await sql`update audit_events set summary = 'tampered' where seq = ${target}`.execute(ctx.deps.db);
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result).toMatchObject({ ok: false, firstBadSeq: target });
    expect(result.problem).toContain("被改动");
  });
});

describe.each(testDatabases)("audit chain deletions on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    for (let i = 0; i < 3; i++) await makeStaff(ctx, "expert");
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("names a deleted event and a deleted tail", async () => {
    const clean = await verifyAuditChain(ctx.deps.db);
    expect(clean.ok).toBe(true);
    const last = clean.checked;
    await sql`delete from audit_events where seq = ${last}`.execute(ctx.deps.db);
    const tail = await verifyAuditChain(ctx.deps.db);
    expect(tail).toMatchObject({ ok: false, firstBadSeq: last });
    await sql`delete from audit_events where seq = 2`.execute(ctx.deps.db);
    const gap = await verifyAuditChain(ctx.deps.db);
    expect(gap).toMatchObject({ ok: false, firstBadSeq: 2 });
    expect(gap.problem).toContain("缺失");
  });
});
