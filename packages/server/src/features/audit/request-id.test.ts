import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "../../http/command";
import { systemCaller } from "../../http/deps";
import { appendLegacyEvents, tamper } from "../../test/audit-tamper";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { findAuditEvent } from "./queries";
import { verifyAuditChain } from "./verify";

describe.each(testDatabases)("request ids in the audit chain on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("verifies events written before request ids next to events with them, and sees edits", async () => {
    // Events as the code before the request id wrote them: no column value, hashed over 11 fields.
    const [old] = await appendLegacyEvents(ctx.deps.db, [
      {
        at: "2026-12-01T02:00:00.000Z",
        actorUserId: null,
        actorUsername: "legacy",
        actorRole: null,
        command: "auth.login",
        targetType: "user",
        targetId: "u-1",
        ip: "10.0.0.1",
        summary: "登录成功",
        detail: null,
      },
    ]);
    const caller = { ...systemCaller, requestId: "edge-9.a_b" };
    await recordEvent(ctx.deps, caller, "test.withRequest", {
      targetType: null,
      targetId: null,
      summary: "新事件",
    });
    await recordEvent(ctx.deps, systemCaller, "test.withoutRequest", {
      targetType: null,
      targetId: null,
      summary: "命令行事件",
    });
    const events = await ctx.deps.db.selectFrom("auditEvents").selectAll().orderBy("seq").execute();
    const withId = events.find((event) => event.command === "test.withRequest");
    const withoutId = events.find((event) => event.command === "test.withoutRequest");
    expect(withId?.requestId).toBe("edge-9.a_b");
    expect(withoutId?.requestId).toBeNull();
    expect((await findAuditEvent(ctx.deps.db, old as number))?.requestId).toBeNull();
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true, problems: [] });

    const seqOf = (event: typeof withId) => Number(event?.seq);
    for (const [seq, edited] of [
      [old as number, "added-later"],
      [seqOf(withId), "edge-9.a_c"],
      [seqOf(withId), null],
      [seqOf(withoutId), "added-later"],
    ] as const) {
      const original = (await findAuditEvent(ctx.deps.db, seq))?.requestId ?? null;
      await tamper.editRequestId(ctx.deps.db, seq, edited);
      const result = await verifyAuditChain(ctx.deps.db);
      expect(result.problems, `${seq} → ${edited}`).toEqual([
        expect.objectContaining({ kind: "edited", fromSeq: seq, toSeq: seq }),
      ]);
      await tamper.editRequestId(ctx.deps.db, seq, original);
    }
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });
});
