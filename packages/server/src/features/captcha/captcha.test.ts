import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanUpSignInRecords } from "../../jobs/housekeeping";
import { failLogins, makeStaff } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { CAPTCHA_ALPHABET } from "./glyphs";
import { renderCaptchaSvg } from "./render";

describe("captcha pictures", () => {
  it("draw every character as paths, never as text, and differ each time", () => {
    const first = renderCaptchaSvg(CAPTCHA_ALPHABET.slice(0, 4));
    const second = renderCaptchaSvg(CAPTCHA_ALPHABET.slice(0, 4));
    expect(first).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(first).not.toMatch(/<text|<tspan|font|<use|xlink/i);
    expect(first).not.toContain(CAPTCHA_ALPHABET.slice(0, 4));
    expect(first).not.toBe(second);
    for (const char of CAPTCHA_ALPHABET) expect(() => renderCaptchaSvg(char.repeat(4))).not.toThrow();
    expect(() => renderCaptchaSvg("O0I1")).toThrow(/字表/);
  });
});

describe.each(testDatabases)("captcha challenges on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("hands out a picture whose answer is kept only hashed, for five minutes", async () => {
    const response = await ctx.client().get("/api/captcha");
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toMatchObject({ id: expect.any(String), expiresInSeconds: 300 });
    const answer = ctx.captchaAnswer(response.body.id);
    expect(answer).toMatch(new RegExp(`^[${CAPTCHA_ALPHABET}]{4}$`));
    expect(response.body.svg).toContain("<path");
    expect(response.body.svg).not.toContain(answer);
    expect(response.body.svg).not.toMatch(/<text/);
    const row = await ctx.deps.db
      .selectFrom("captchas")
      .selectAll()
      .where("id", "=", response.body.id)
      .executeTakeFirstOrThrow();
    expect(row.answerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(answer);
    expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(5 * 60_000);
  });

  it("housekeeping drops expired pictures and quiet counters but keeps account locks", async () => {
    const local = await createTestContext(kind, { loginAccountFailuresPerHour: 20 });
    try {
      const quiet = await makeStaff(local, "expert");
      const locked = await makeStaff(local, "expert");
      await failLogins(local, quiet, 2);
      await failLogins(local, locked, 20);
      const fresh = await local.client().get("/api/captcha");
      local.setNow(new Date(Date.now() + 25 * 3_600_000));
      try {
        const current = await local.client().get("/api/captcha");
        const cleaned = await cleanUpSignInRecords(local.deps);
        expect(cleaned.captchas).toBeGreaterThanOrEqual(1);
        expect(cleaned.loginThrottles).toBeGreaterThanOrEqual(1);
        const captchas = await local.deps.db.selectFrom("captchas").select("id").execute();
        expect(captchas.map((row) => row.id)).toContain(current.body.id);
        expect(captchas.map((row) => row.id)).not.toContain(fresh.body.id);
        const counters = await local.deps.db.selectFrom("loginThrottles").selectAll().execute();
        expect(counters.filter((row) => row.username === quiet)).toEqual([]);
        expect(counters.filter((row) => row.username === locked)).toEqual([
          expect.objectContaining({ scope: "account", lockedAt: expect.any(String) }),
        ]);
      } finally {
        local.setNow(null);
      }
    } finally {
      await local.close();
    }
  });
});
