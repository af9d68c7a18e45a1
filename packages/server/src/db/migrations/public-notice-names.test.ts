import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishedPublicNotice } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { down, up } from "./2026-12-10-public-notice-names";

/*
 * A 公示 published before the glossary's names (column `notice_id`, notification event
 * `noticePublished`) reads back under the new ones: the migration is run down to the old names,
 * then up again, over data written through the API.
 */
describe.each(testDatabases)("migration 2026-12-10-public-notice-names on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("keeps every list item, objection column and published-notification under the new names", async () => {
    const { publicNotice } = await publishedPublicNotice(ctx, { count: 2 });
    const db = ctx.deps.db as unknown as Kysely<any>;
    const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
      Number((await query.execute(db)).rows[0]?.n);

    await down(db);
    expect(
      await count(sql`select count(*) as n from public_notice_items where notice_id = ${publicNotice.id}`),
    ).toBe(2);
    expect(await count(sql`select count(*) as n from notifications where event = 'noticePublished'`)).toBe(2);

    await up(db);
    const items = await ctx.deps.db
      .selectFrom("publicNoticeItems")
      .select("publicNoticeId")
      .where("publicNoticeId", "=", publicNotice.id)
      .execute();
    expect(items).toHaveLength(2);
    expect(await count(sql`select count(*) as n from notifications where event = 'noticePublished'`)).toBe(0);
    const published = await ctx.deps.db
      .selectFrom("notifications")
      .select("event")
      .where("event", "=", "publicNoticePublished")
      .execute();
    expect(published).toHaveLength(2);
    const objections = await ctx.deps.db.selectFrom("objections").select("publicNoticeId").execute();
    expect(objections).toEqual([]);
  });
});
