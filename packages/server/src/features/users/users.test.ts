import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failLogins, makeStaff, TEST_PASSWORD, unique } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("staff accounts on %s", (kind) => {
  let ctx: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind, { loginAccountFailuresPerHour: 20 });
    admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("creates a provincial recommender with a region, who must change the password first", async () => {
    const username = `rec-zhejiang-${unique()}`;
    const created = await admin.post("/api/users", {
      username,
      displayName: "浙江省人力资源和社会保障厅",
      role: "provincialRecommender",
      regionCode: "330000",
      password: "Init-Pass-2026",
      phone: "0571-87051234",
    });
    expect(created.status).toBe(201);
    const list = await admin.get(`/api/users?q=${username}`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      username,
      role: "provincialRecommender",
      regionCode: "330000",
      regionName: "浙江省",
      mustChangePassword: true,
      phone: "0571-****1234",
    });
    const row = await ctx.deps.db
      .selectFrom("users")
      .select("phoneEnc")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    expect(row.phoneEnc).not.toContain("87051234");
    const rec = ctx.client();
    const user = await rec.login(username, "Init-Pass-2026");
    expect(user).toMatchObject({ regionName: "浙江省", mustChangePassword: true });
  });

  it("refuses a regional role without region, a duplicate name and a weak password, naming the field", async () => {
    const noRegion = await admin.post("/api/users", {
      username: "rec-x",
      displayName: "某省厅",
      role: "provincialRecommender",
      password: "Init-Pass-2026",
    });
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.fields).toContainEqual(
      expect.objectContaining({ path: "regionCode", message: "该角色必须指定所属地区" }),
    );
    const taken = await makeStaff(ctx, "provincialRecommender", { regionCode: "330000" });
    const duplicate = await admin.post("/api/users", {
      username: taken,
      displayName: "重复",
      role: "expert",
      password: "Init-Pass-2026",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe("USERNAME_TAKEN");
    const weak = await admin.post("/api/users", {
      username: "expert-weak",
      displayName: "专家",
      role: "expert",
      password: "password",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fields[0].path).toBe("password");
  });

  it("unlocks a locked account and disables one, ending its sessions", async () => {
    const username = await makeStaff(ctx, "expert");
    const user = ctx.client({ ip: "203.0.113.20" });
    // Too many failures from many addresses lock the account for everyone, its owner included.
    await failLogins(ctx, username, 20);
    const refused = await user.post("/api/auth/login", {
      username,
      password: TEST_PASSWORD,
      ...(await user.captcha()),
    });
    expect(refused.status).toBe(423);
    expect(refused.body.code).toBe("ACCOUNT_LOCKED");
    const list = await admin.get(`/api/users?q=${username}`);
    expect(list.body.items[0].lockedAt).not.toBeNull();
    const id = list.body.items[0].id;
    expect((await admin.post(`/api/users/${id}/unlock`)).status).toBe(200);
    expect((await admin.get(`/api/users?q=${username}`)).body.items[0]).toMatchObject({
      lockedAt: null,
      waitingAddresses: 0,
    });
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["summary", "actorUsername"])
      .where("command", "=", "user.unlock")
      .where("targetId", "=", id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ summary: expect.stringContaining(`解锁账号 ${username}`) }),
    ]);
    await user.login(username, TEST_PASSWORD);
    expect((await admin.patch(`/api/users/${id}`, { status: "disabled" })).status).toBe(200);
    expect((await user.get("/api/auth/me")).status).toBe(401);
    const again = await ctx.client().post("/api/auth/login", { username, password: TEST_PASSWORD });
    expect(again.body.code).toBe("ACCOUNT_DISABLED");
  });

  it("refuses account management to everyone but the administrator", async () => {
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    expect((await office.get("/api/users")).status).toBe(403);
    expect(
      (
        await office.post("/api/users", {
          username: "x-user",
          displayName: "某人",
          role: "admin",
          password: "Init-Pass-2026",
        })
      ).status,
    ).toBe(403);
  });
});

describe("initial passwords", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext("sqlite");
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("must be changed before the account can do anything else", async () => {
    const admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
    await admin.post("/api/users", {
      username: "office-new",
      displayName: "新办公室人员",
      role: "nationalOffice",
      password: "Init-Pass-2026",
    });
    const user = ctx.client();
    expect((await user.login("office-new", "Init-Pass-2026")).mustChangePassword).toBe(true);
    const refused = await user.get("/api/batches");
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await user.get("/api/auth/me")).status).toBe(200);
    expect(
      (
        await user.post("/api/auth/password", {
          currentPassword: "Init-Pass-2026",
          newPassword: "Own-Pass-2027",
        })
      ).status,
    ).toBe(200);
    expect((await user.get("/api/batches")).status).toBe(200);
  });
});
