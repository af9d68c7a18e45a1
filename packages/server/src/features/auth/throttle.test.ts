import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failLogins, makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

// Each test attacks, and its owner signs in, from addresses of its own: an address's failures over
// all names count too.
const ATTACKER = { captcha: "198.51.100.66", lock: "198.51.100.67", instances: "198.51.100.68" };
const OWNER = {
  captcha: "203.0.113.9",
  lock: "203.0.113.10",
  locked: "203.0.113.11",
  instances: "203.0.113.12",
};

/** One login try; with a solved captcha when `captcha` is set, as the form sends it once asked. */
async function attempt(client: TestClient, username: string, password: string, captcha = true) {
  return client.post("/api/auth/login", { username, password, ...(captcha ? await client.captcha() : {}) });
}

describe.each(testDatabases)("login throttling on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind, { loginAccountFailuresPerHour: 24 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("asks one address for a captcha, then makes it wait, while the owner elsewhere signs in", async () => {
    const username = await makeStaff(ctx, "provincialRecommender");
    const attacker = ctx.client({ ip: ATTACKER.captcha });
    for (const expected of [false, false, true]) {
      const response = await attempt(attacker, username, "Wrong-Pass-1", false);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: "INVALID_CREDENTIALS", captchaRequired: expected });
    }
    const noCaptcha = await attempt(attacker, username, "Wrong-Pass-1", false);
    expect(noCaptcha.status).toBe(400);
    expect(noCaptcha.body).toMatchObject({ code: "CAPTCHA_REQUIRED", captchaRequired: true });
    expect((await attempt(attacker, username, "Wrong-Pass-1")).body.retryAfter).toBe(0);
    const fifth = await attempt(attacker, username, "Wrong-Pass-1");
    expect(fifth.body).toMatchObject({ code: "INVALID_CREDENTIALS", retryAfter: 30 });
    expect(fifth.body.message).toContain("30秒后再试");
    const waiting = await attempt(attacker, username, TEST_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatchObject({ code: "LOGIN_THROTTLED", retryAfter: expect.any(Number) });
    expect(waiting.headers["retry-after"]).toBe(String(waiting.body.retryAfter));

    // The owner, at home, is neither held up nor asked for a captcha.
    const owner = ctx.client({ ip: OWNER.captcha });
    const signedIn = await owner.post("/api/auth/login", { username, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.username).toBe(username);
  });

  it("locks one address out of one account for an hour after ten failures", async () => {
    const username = await makeStaff(ctx, "expert");
    const attacker = ctx.client({ ip: ATTACKER.lock });
    let now = Date.now();
    try {
      for (let failure = 1; failure <= 10; failure++) {
        ctx.setNow(new Date(now));
        const response = await attempt(attacker, username, `Wrong-Pass-${failure}`);
        expect(response.body.code, `failure ${failure}`).toBe("INVALID_CREDENTIALS");
        if (failure < 10) now += (response.body.retryAfter + 1) * 1000;
        else expect(response.body.retryAfter).toBe(3600);
      }
      // A minute later even the right password from that address is refused without being checked.
      ctx.setNow(new Date(now + 60_000));
      const locked = await attempt(attacker, username, TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe("LOGIN_THROTTLED");
      expect(locked.body.retryAfter).toBe(3540);
      expect(locked.body.message).toContain("59分钟后再试");
      // The owner elsewhere signs in; ten failures on the account ask everyone for a captcha.
      const owner = ctx.client({ ip: OWNER.lock });
      expect((await owner.post("/api/auth/login", { username, password: TEST_PASSWORD })).body.code).toBe(
        "CAPTCHA_REQUIRED",
      );
      expect((await attempt(owner, username, TEST_PASSWORD)).status).toBe(200);
      const events = await ctx.deps.db
        .selectFrom("auditEvents")
        .select("summary")
        .where("command", "=", "auth.loginFailed")
        .where("actorUsername", "=", username)
        .where("summary", "like", "%暂停登录此账号%")
        .execute();
      expect(events.length).toBeGreaterThanOrEqual(1);
      // An hour later the address may try again.
      ctx.setNow(new Date(now + 3_601_000));
      expect((await attempt(attacker, username, TEST_PASSWORD)).status).toBe(200);
    } finally {
      ctx.setNow(null);
    }
  });

  it("locks the account after too many failures from all addresses until the administrator unlocks it", async () => {
    const username = await makeStaff(ctx, "expert");
    await failLogins(ctx, username, 24);
    const owner = ctx.client({ ip: OWNER.locked });
    const refused = await attempt(owner, username, TEST_PASSWORD);
    expect(refused.status).toBe(423);
    expect(refused.body.code).toBe("ACCOUNT_LOCKED");
    expect(refused.body.message).toContain("联系系统管理员解锁");
    // It does not pass with time either: only the unlock lifts it.
    ctx.setNow(new Date(Date.now() + 3 * 3_600_000));
    try {
      expect((await attempt(owner, username, TEST_PASSWORD)).body.code).toBe("ACCOUNT_LOCKED");
    } finally {
      ctx.setNow(null);
    }
    const admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
    const id = (await admin.get(`/api/users?q=${username}`)).body.items[0].id;
    expect((await admin.post(`/api/users/${id}/unlock`)).status).toBe(200);
    expect((await owner.login(username, TEST_PASSWORD)).username).toBe(username);
  });

  it("answers known, unknown and disabled accounts alike until the password is right", async () => {
    const known = await makeStaff(ctx, "expert");
    const disabled = await makeStaff(ctx, "expert");
    const admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
    const disabledId = (await admin.get(`/api/users?q=${disabled}`)).body.items[0].id;
    expect((await admin.patch(`/api/users/${disabledId}`, { status: "disabled" })).status).toBe(200);
    const unknown = `nobody-${known.slice(-8)}`;
    const fixed = new Date();
    ctx.setNow(fixed);
    try {
      const answers: Record<string, { status: number; body: unknown }[]> = {};
      for (const [index, username] of [known, unknown, disabled].entries()) {
        const client = ctx.client({ ip: `192.0.2.${index + 10}` });
        const seen = [];
        for (let i = 0; i < 6; i++) {
          const response = await attempt(client, username, "Wrong-Pass-7", i >= 3);
          seen.push({ status: response.status, body: response.body });
        }
        answers[username] = seen;
      }
      expect(answers[unknown]).toEqual(answers[known]);
      expect(answers[disabled]).toEqual(answers[known]);
      expect(answers[known]?.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
      // Only the right password tells a disabled account.
      const right = await attempt(ctx.client({ ip: "192.0.2.99" }), disabled, TEST_PASSWORD);
      expect(right.status).toBe(403);
      expect(right.body.code).toBe("ACCOUNT_DISABLED");
    } finally {
      ctx.setNow(null);
    }
    // An account locked from everywhere answers like a name that never existed and failed as often.
    const lockedKnown = await makeStaff(ctx, "expert");
    const lockedUnknown = `nobody-${lockedKnown.slice(-8)}`;
    await failLogins(ctx, lockedKnown, 24);
    await failLogins(ctx, lockedUnknown, 24);
    const probe = ctx.client({ ip: "192.0.2.50" });
    const a = await attempt(probe, lockedKnown, "Wrong-Pass-7");
    const b = await attempt(probe, lockedUnknown, "Wrong-Pass-7");
    expect({ status: b.status, body: b.body }).toEqual({ status: a.status, body: a.body });
    expect(a.status).toBe(423);
  });
});

describe.each(testDatabases)("two instances share login counters on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind, { loginAccountFailuresPerHour: 20 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("counts failures sent to both instances together, and a captcha from one is good once on either", async () => {
    const other = await ctx.startInstance();
    const username = await makeStaff(ctx, "expert");
    const onA = ctx.client({ ip: ATTACKER.instances });
    const onB = other.client({ ip: ATTACKER.instances });
    // One address alternating between instances: the third failure asks for a captcha on either.
    expect((await attempt(onA, username, "Wrong-Pass-1", false)).body.captchaRequired).toBe(false);
    expect((await attempt(onB, username, "Wrong-Pass-1", false)).body.captchaRequired).toBe(false);
    expect((await attempt(onA, username, "Wrong-Pass-1", false)).body.captchaRequired).toBe(true);
    expect((await attempt(onB, username, "Wrong-Pass-1", false)).body.code).toBe("CAPTCHA_REQUIRED");

    // A captcha drawn by instance B is answered on instance A, and only once.
    const captcha = await onB.captcha();
    const first = await onA.post("/api/auth/login", { username, password: "Wrong-Pass-1", ...captcha });
    expect(first.body.code).toBe("INVALID_CREDENTIALS");
    const again = await onB.post("/api/auth/login", { username, password: "Wrong-Pass-1", ...captcha });
    expect(again.body.code).toBe("CAPTCHA_INVALID");

    // The account's hourly limit counts the requests to both instances: 4 so far, 16 more.
    for (let i = 0; i < 16; i++) {
      const client = (i % 2 === 0 ? ctx : other).client({ ip: `198.51.100.${Math.floor(i / 4) + 100}` });
      expect((await attempt(client, username, "Wrong-Pass-2")).body.code).toBe("INVALID_CREDENTIALS");
    }
    for (const client of [ctx.client({ ip: OWNER.instances }), other.client({ ip: OWNER.instances })]) {
      expect((await attempt(client, username, TEST_PASSWORD)).body.code).toBe("ACCOUNT_LOCKED");
    }
  });

  it("lets no more than the limit of concurrent failures through on one address", async () => {
    const other = await ctx.startInstance();
    const username = await makeStaff(ctx, "expert");
    const clients = Array.from({ length: 14 }, (_, i) =>
      (i % 2 === 0 ? ctx : other).client({ ip: "198.51.100.200" }),
    );
    const captchas = await Promise.all(clients.map((client) => client.captcha()));
    const answers = await Promise.all(
      clients.map((client, i) =>
        client.post("/api/auth/login", { username, password: "Wrong-Pass-3", ...captchas[i] }),
      ),
    );
    const codes = answers.map((answer) => answer.body.code);
    // Counted before the password is checked: never more than ten tries from one address.
    expect(codes.filter((code) => code === "INVALID_CREDENTIALS").length).toBeLessThanOrEqual(10);
    expect(codes.every((code) => code === "INVALID_CREDENTIALS" || code === "LOGIN_THROTTLED")).toBe(true);
    const row = await ctx.deps.db
      .selectFrom("loginThrottles")
      .select("failures")
      .where("scope", "=", "pair")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBeLessThanOrEqual(10);
  });
});
