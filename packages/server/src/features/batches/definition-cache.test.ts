import crypto from "node:crypto";
import { makeDemoBatch, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { findBatchDefinition } from "./definition-cache";
import { insertBatch, markBatchPublished, updateBatchDefinition } from "./queries";

describe.each(testDatabases)("parsed batch definitions, cached by version, on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("parses a definition once per version and reads the new one after every change", async () => {
    const db = ctx.deps.db;
    const id = crypto.randomUUID();
    const definition = {
      ...makeDemoBatch(shanghaiBatch3, ctx.deps.clock()),
      code: `cache-${id.slice(0, 8)}`,
    };
    await insertBatch(db, {
      id,
      status: "draft",
      builtIn: false,
      isDemo: true,
      definition,
      now: "2026-12-01T00:00:00.000Z",
      createdBy: null,
    });

    const first = await findBatchDefinition(db, id);
    expect(first?.definition.title).toBe(definition.title);
    expect(Object.isFrozen(first?.definition)).toBe(true);
    expect(Object.isFrozen(first?.definition.stages)).toBe(true);
    // Unchanged: the same parsed object.
    expect((await findBatchDefinition(db, id))?.definition).toBe(first?.definition);

    // Changed — even within the same millisecond — the new definition is read.
    const renamed = { ...definition, title: `${definition.title}（修订）` };
    expect(await updateBatchDefinition(db, id, 1, renamed, "2026-12-01T00:00:00.000Z")).toBe(true);
    const second = await findBatchDefinition(db, id);
    expect(second?.definition.title).toBe(renamed.title);
    expect(second?.definition).not.toBe(first?.definition);

    // Publishing bumps the version too; the definition read stays right.
    expect(await markBatchPublished(db, id, "2026-12-01T00:00:00.000Z")).toBe(true);
    expect((await findBatchDefinition(db, id))?.definition.title).toBe(renamed.title);

    expect(await findBatchDefinition(db, crypto.randomUUID())).toBeUndefined();
  });
});
