import { shanghaiBatch3 } from "@linxuan/domain";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuiltInBatches } from "../../features/batches/service";
import { systemCaller } from "../../http/deps";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { down, renameDefinitionKeys, up } from "./2026-12-10-batch-notice-keys";

describe("renameDefinitionKeys", () => {
  it("renames each key where it stands and leaves a definition without them as it was", () => {
    const text = JSON.stringify({ a: 1, noticeText: "通知", b: { noticeText: "nested" } });
    expect(renameDefinitionKeys(text, [["noticeText", "batchNoticeText"]])).toBe(
      JSON.stringify({ a: 1, batchNoticeText: "通知", b: { noticeText: "nested" } }),
    );
    const without = '{"a": 1}';
    expect(renameDefinitionKeys(without, [["noticeText", "batchNoticeText"]])).toBe(without);
  });
});

/*
 * A batch definition stored with the keys before the glossary's names (noticeText, noticeTerms,
 * noticeWorkdays) reads back with the new ones: the migration is run down to the old keys, then up.
 */
describe.each(testDatabases)("migration 2026-12-10-batch-notice-keys on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("reads a definition stored with the old keys under the new ones, the built-in batch unchanged", async () => {
    const db = ctx.deps.db as unknown as Kysely<any>;
    const stored = () =>
      ctx.deps.db
        .selectFrom("batches")
        .select(["id", "definition", "version"])
        .where("code", "=", shanghaiBatch3.code)
        .executeTakeFirstOrThrow();
    const before = await stored();

    await down(db);
    const old = JSON.parse((await stored()).definition);
    expect(old.noticeText).toBe(shanghaiBatch3.batchNoticeText);
    expect(old.noticeWorkdays).toBe(5);
    expect(old.noticeTerms).toEqual(shanghaiBatch3.batchNoticeTerms);
    expect(old.batchNoticeText).toBeUndefined();

    await up(db);
    const after = await stored();
    expect(after.definition).toBe(before.definition);
    const detail = await ctx.client().get(`/api/public/batches/${after.id}`);
    expect(detail.body.batch.definition.batchNoticeText).toBe(shanghaiBatch3.batchNoticeText);
    expect(detail.body.batch.definition.publicNoticeWorkdays).toBe(5);
    expect(detail.body.batch.definition.batchNoticeTerms).toEqual(shanghaiBatch3.batchNoticeTerms);
    expect(detail.body.batch.definition.noticeText).toBeUndefined();
    // The built-in definition reads as current: no new version on the next start.
    expect(await ensureBuiltInBatches(ctx.deps, systemCaller)).toBe(0);
    expect(Number((await stored()).version)).toBe(Number(before.version));
  });
});
