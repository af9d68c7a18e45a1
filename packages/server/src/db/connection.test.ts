import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../test/harness";

describe.skipIf(!process.env.LINXUAN_TEST_DATABASE_URL)("PostgreSQL pool size (LINXUAN_DB_POOL_MAX)", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext("postgres", { databasePoolMax: 3 });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("opens at most the configured number of connections, however many queries wait", async () => {
    const queries = Array.from({ length: 12 }, () =>
      ctx.deps.db.selectFrom("users").select("id").limit(1).execute(),
    );
    const during = ctx.deps.poolStats?.();
    await Promise.all(queries);
    expect(during?.max).toBe(3);
    expect(during?.total).toBeLessThanOrEqual(3);
    expect(ctx.deps.poolStats?.()?.total).toBeLessThanOrEqual(3);
  });
});
