import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCreditCode, makeRegistration, makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("auth on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("logs a staff member in and out, and /me follows the session", async () => {
    const username = await makeStaff(ctx, "nationalOffice");
    const client = ctx.client();
    expect((await client.get("/api/auth/me")).status).toBe(401);
    const user = await client.login(username, TEST_PASSWORD);
    expect(user).toMatchObject({ username, role: "nationalOffice", roleName: "工程指导协调小组办公室" });
    const me = await client.get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe(username);
    expect((await client.post("/api/auth/logout")).status).toBe(200);
    const after = await client.get("/api/auth/me");
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("UNAUTHENTICATED");
  });

  it("answers an unknown user like a wrong password", async () => {
    // From an address of its own: other tests' failed logins would count toward its captcha.
    const response = await ctx
      .client({ ip: "192.0.2.201" })
      .post("/api/auth/login", { username: "nobody-here", password: "Whatever-1" });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: "INVALID_CREDENTIALS",
      message: "用户名或密码错误",
      captchaRequired: false,
      retryAfter: 0,
    });
  });

  it("refuses a mutating request without the CSRF token", async () => {
    const client = ctx.client();
    const response = await client.post("/api/auth/login", { username: "x", password: "y" }, { csrf: false });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe("CSRF_TOKEN_INVALID");
    expect(response.body.message).toMatch(/CSRF/);
  });

  it("registers an institution with its credit code as login name", async () => {
    const registration = makeRegistration();
    const client = ctx.client();
    const response = await client.post("/api/auth/register", {
      ...registration,
      ...(await client.captcha()),
    });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({
      username: registration.creditCode,
      role: "institution",
      institution: { creditCode: registration.creditCode, name: registration.institutionName },
    });
    expect((await client.get("/api/auth/me")).body.user.role).toBe("institution");
    const other = ctx.client();
    const again = await other.post("/api/auth/register", {
      ...registration,
      institutionName: "另一个名称的单位",
      ...(await other.captcha()),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("INSTITUTION_EXISTS");
  });

  it("refuses a malformed credit code with a field error and writes nothing", async () => {
    const bad = makeRegistration({ creditCode: "91310101MA1234" });
    const response = await ctx.client().post("/api/auth/register", bad);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("VALIDATION_FAILED");
    expect(response.body.fields).toEqual([
      expect.objectContaining({ path: "creditCode", message: expect.stringContaining("18位") }),
    ]);
    const rows = await ctx.deps.db
      .selectFrom("institutions")
      .select("id")
      .where("name", "=", bad.institutionName)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("asks for confirmation when the check character does not match, then accepts", async () => {
    const valid = makeCreditCode();
    const last = valid.at(-1) === "0" ? "1" : "0";
    const mismatched = `${valid.slice(0, 17)}${last}`;
    const client = ctx.client();
    // The person confirms with the picture they already answered: the warning does not use it up.
    const captcha = await client.captcha();
    const first = await client.post("/api/auth/register", {
      ...makeRegistration({ creditCode: mismatched }),
      ...captcha,
    });
    expect(first.status).toBe(409);
    expect(first.body.code).toBe("CREDIT_CODE_CHECKSUM_WARNING");
    const confirmed = await client.post("/api/auth/register", {
      ...makeRegistration({ creditCode: mismatched, confirmCreditCodeWarning: true }),
      ...captcha,
    });
    expect(confirmed.status).toBe(201);
  });

  it("refuses weak passwords with a Chinese message", async () => {
    const response = await ctx
      .client()
      .post("/api/auth/register", makeRegistration({ password: "abcdefgh" }));
    expect(response.status).toBe(400);
    expect(response.body.fields[0].path).toBe("password");
    expect(response.body.fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("expires a session after 30 idle minutes", async () => {
    const username = await makeStaff(ctx, "admin");
    const client = ctx.client();
    await client.login(username, TEST_PASSWORD);
    ctx.setNow(new Date(Date.now() + 31 * 60_000));
    try {
      const response = await client.get("/api/auth/me");
      expect(response.status).toBe(401);
      expect(response.body.code).toBe("SESSION_EXPIRED");
    } finally {
      ctx.setNow(null);
    }
  });

  it("ends every session at the 12-hour absolute limit even when active", async () => {
    const username = await makeStaff(ctx, "admin");
    const client = ctx.client();
    await client.login(username, TEST_PASSWORD);
    const start = Date.now();
    try {
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        ctx.setNow(new Date(start + minutes * 60_000));
        expect((await client.get("/api/auth/me")).status).toBe(200);
      }
      ctx.setNow(new Date(start + 12 * 60 * 60_000 + 1000));
      expect((await client.get("/api/auth/me")).status).toBe(401);
    } finally {
      ctx.setNow(null);
    }
  });

  it("sets a httpOnly SameSite session cookie and security headers", async () => {
    const username = await makeStaff(ctx, "expert");
    const response = await ctx.app.inject({ method: "GET", url: "/api/auth/csrf" });
    const csrf = response.cookies.find((cookie) => cookie.name === "lx_csrf");
    expect(csrf?.sameSite).toBe("Strict");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: `lx_csrf=${csrf?.value}`, "x-csrf-token": csrf?.value ?? "" },
      payload: { username, password: TEST_PASSWORD },
    });
    const session = login.cookies.find((cookie) => cookie.name === "lx_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });

  it("changes the password and the old one stops working", async () => {
    const username = await makeStaff(ctx, "expert");
    const client = ctx.client();
    await client.login(username, TEST_PASSWORD);
    const weak = await client.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(weak.status).toBe(400);
    const ok = await client.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "New-Pass-2027",
    });
    expect(ok.status).toBe(200);
    expect((await ctx.client().post("/api/auth/login", { username, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect((await ctx.client().post("/api/auth/login", { username, password: "New-Pass-2027" })).status).toBe(
      200,
    );
  });

  it("registers only with the captcha answered, once, and writes nothing otherwise", async () => {
    const client = ctx.client();
    const registration = makeRegistration();
    const missing = await client.post("/api/auth/register", registration);
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("CAPTCHA_REQUIRED");
    expect(missing.body.fields).toEqual([{ path: "captchaAnswer", message: "请输入图中的字符" }]);
    const captcha = await client.captcha();
    const wrong = await client.post("/api/auth/register", {
      ...registration,
      captchaId: captcha.captchaId,
      captchaAnswer: captcha.captchaAnswer === "AAAA" ? "CCCC" : "AAAA",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("CAPTCHA_INVALID");
    expect(wrong.body.fields[0]).toMatchObject({ path: "captchaAnswer" });
    // A picture gets one try: the right answer after a wrong one is refused too.
    const reused = await client.post("/api/auth/register", { ...registration, ...captcha });
    expect(reused.body.code).toBe("CAPTCHA_INVALID");
    const written = await ctx.deps.db
      .selectFrom("institutions")
      .select("id")
      .where("creditCode", "=", registration.creditCode)
      .execute();
    expect(written).toEqual([]);
    // Lower case and spaces are what people type; they are accepted.
    const fresh = await client.captcha();
    const ok = await client.post("/api/auth/register", {
      ...registration,
      captchaId: fresh.captchaId,
      captchaAnswer: ` ${fresh.captchaAnswer.toLowerCase().split("").join(" ")} `,
    });
    expect(ok.status).toBe(201);
  });

  it("binds the CSRF token to the session and rotates it at login and logout", async () => {
    const first = ctx.client();
    await first.get("/api/auth/csrf");
    const anonymous = first.cookie("lx_csrf");
    await first.login(await makeStaff(ctx, "expert"), TEST_PASSWORD);
    const signedIn = first.cookie("lx_csrf");
    expect(signedIn).toBeTruthy();
    expect(signedIn).not.toBe(anonymous);
    expect((await first.get("/api/auth/csrf")).body.token).toBe(signedIn);
    // A mutating call with the session's token passes CSRF (and reaches the handler's own check).
    const probe = { currentPassword: "Not-The-Password-1", newPassword: "Another-Pass-2027" };
    expect((await first.post("/api/auth/password", probe)).body.code).toBe("VALIDATION_FAILED");

    const second = ctx.client();
    await second.login(await makeStaff(ctx, "expert"), TEST_PASSWORD);
    const secondSession = second.cookie("lx_session");
    // The first session's token with the second session: refused, as is the pre-login token.
    for (const token of [signedIn, anonymous]) {
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/password",
        headers: { cookie: `lx_session=${secondSession}; lx_csrf=${token}`, "x-csrf-token": token ?? "" },
        payload: probe,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe("CSRF_TOKEN_INVALID");
    }

    expect((await first.post("/api/auth/logout")).status).toBe(200);
    const afterLogout = first.cookie("lx_csrf");
    expect(afterLogout).toBeTruthy();
    expect(afterLogout).not.toBe(signedIn);
    // Anonymous public forms keep the double-submit token.
    const login = await first.post("/api/auth/login", { username: "nobody-at-all", password: "x" });
    expect(login.body.code).toBe("INVALID_CREDENTIALS");
  });

  it("keeps signed-in answers out of caches and switches off browser features everywhere", async () => {
    const client = ctx.client();
    const anonymous = await client.get("/api/public/batches");
    expect(anonymous.headers["permissions-policy"]).toContain("camera=()");
    expect(anonymous.headers["permissions-policy"]).toContain("geolocation=()");
    expect(anonymous.headers["cache-control"]).toBeUndefined();
    const missing = await client.get("/api/no-such-route");
    expect(missing.headers["permissions-policy"]).toContain("microphone=()");
    const login = await client.post("/api/auth/login", {
      username: await makeStaff(ctx, "admin"),
      password: TEST_PASSWORD,
    });
    expect(login.headers["cache-control"]).toBe("no-store");
    for (const url of ["/api/auth/me", "/api/users", "/api/public/batches"]) {
      const response = await client.get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("no-store");
      expect(response.headers["permissions-policy"], url).toContain("payment=()");
      expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      expect(response.headers["content-security-policy"], url).toContain("default-src 'self'");
    }
  });
});
