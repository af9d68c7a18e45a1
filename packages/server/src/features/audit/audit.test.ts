import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent, runCommand } from "../../http/command";
import { type Caller, systemCaller } from "../../http/deps";
import { appendLegacyEvents, namedEvent, tamper } from "../../test/audit-tamper";
import { makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { findAuditEvent, readAuditHead } from "./queries";
import { MAX_LISTED_PROBLEMS, verifyAuditChain } from "./verify";

async function adminClient(ctx: TestContext): Promise<TestClient> {
  const client = ctx.client();
  await client.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
  return client;
}

/** Ten plain events to tamper with, numbered from the returned seq on. */
async function someEvents(ctx: TestContext, count = 10): Promise<number> {
  const first = (await readAuditHead(ctx.deps.db)).seq + 1;
  for (let i = 0; i < count; i++) {
    await recordEvent(ctx.deps, systemCaller, `test.event${i % 3}`, {
      targetType: "test",
      targetId: String(i),
      summary: `测试事件 ${i}`,
      detail: { i },
    });
  }
  return first;
}

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
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({
      ok: true,
      firstBadSeq: null,
      problems: [],
      omitted: 0,
      headCheck: null,
    });
    expect(verify.body.checked).toBeGreaterThan(2);
    expect(verify.body.headSeq).toBe(verify.body.checked);
  });

  it("keeps one unbroken chain under concurrent writers", async () => {
    const usernames = await Promise.all(Array.from({ length: 6 }, () => makeStaff(ctx, "expert")));
    await Promise.all(usernames.map((username) => ctx.client().login(username, TEST_PASSWORD)));
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it("numbers 40 simultaneous events one after another, each hashed as the verifier hashes it", async () => {
    // On PostgreSQL the event is hashed inside the statement that bumps the head: texts with
    // quotes, back-slashes, line breaks, emoji and an absent request id must hash as in JavaScript.
    const before = (await readAuditHead(ctx.deps.db)).seq;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        runCommand(
          ctx.deps,
          { ...systemCaller, requestId: i % 2 === 0 ? `req-${i}` : null },
          "test.concurrent",
          async () => i,
          () => ({
            targetType: "test",
            targetId: `c${i}`,
            summary: `并发事件 ${i}："引号"\\反斜杠\n换行😀`,
            detail: i % 3 === 0 ? { i, text: "明细\t制表" } : undefined,
          }),
        ),
      ),
    );
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["seq", "targetId"])
      .where("seq", ">", before)
      .orderBy("seq")
      .execute();
    expect(events.map((event) => Number(event.seq))).toEqual(
      Array.from({ length: 40 }, (_, i) => before + i + 1),
    );
    expect(new Set(events.map((event) => event.targetId)).size).toBe(40);
    expect((await readAuditHead(ctx.deps.db)).seq).toBe(before + 40);
    const verified = await verifyAuditChain(ctx.deps.db);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  });

  it("stores a lone surrogate and U+0000 as U+FFFD, hashes what it stored, and verifies", async () => {
    // Text that the HTTP boundary refuses can still reach the chain from the CLI, jobs or data.
    const caller: Caller = { actor: null, username: "cli\0user", ip: "10.0.0.1\ud800", requestId: null };
    const seq = await runCommand(
      ctx.deps,
      caller,
      "institution.import",
      async (trx) => (await readAuditHead(trx)).seq + 1,
      () => ({
        targetType: "institution",
        targetId: "\udc00id",
        summary: "导入申报单位：测试\ud800机构\0（第二行\r\n）😀",
        detail: { name: "测试\ud800机构", note: "a\u0000b" },
      }),
    );
    await recordEvent(ctx.deps, systemCaller, "test.nul", {
      targetType: null,
      targetId: null,
      summary: "\0",
    });
    const stored = await findAuditEvent(ctx.deps.db, seq);
    expect(stored).toMatchObject({
      actorUsername: "cli\uFFFDuser",
      ip: "10.0.0.1\uFFFD",
      targetId: "\uFFFDid",
      summary: "导入申报单位：测试\uFFFD机构\uFFFD（第二行\r\n）😀",
      detail: JSON.stringify({ name: "测试\ud800机构", note: "a\u0000b" }),
    });
    expect((await findAuditEvent(ctx.deps.db, seq + 1))?.summary).toBe("\uFFFD");
    // Numbers and times come back as written: seq a number (not pg's bigint string), `at` the same ISO text.
    expect(stored?.seq).toBe(seq);
    expect(stored?.at).toBe(new Date(stored?.at ?? "").toISOString());
    const verify = await (await adminClient(ctx)).post("/api/audit/verify");
    expect(verify.body).toMatchObject({ ok: true, problems: [] });
  });
});

describe.each(testDatabases)("audit chain tampering on %s", (kind) => {
  let ctx: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    admin = await adminClient(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  // One platform, tampered step by step: each step must find what it adds and everything before.
  it("names every edited, deleted and relinked event, each with its time and command", async () => {
    const first = await someEvents(ctx, 20);
    const [a, b] = [first + 2, first + 9];
    await tamper.editSummary(ctx.deps.db, a, "篡改一");
    await tamper.editSummary(ctx.deps.db, b, "篡改二");
    let verify = await admin.post("/api/audit/verify");
    expect(verify.body.ok).toBe(false);
    expect(verify.body.firstBadSeq).toBe(a);
    expect(verify.body.problems).toEqual([
      expect.objectContaining({
        kind: "edited",
        fromSeq: a,
        toSeq: a,
        first: expect.objectContaining({ seq: a }),
      }),
      expect.objectContaining({ kind: "edited", fromSeq: b, toSeq: b }),
    ]);
    expect(verify.body.problems[0].message).toBe(
      `${await namedEvent(ctx.deps.db, a)}的内容被改动（哈希与记录的内容不符）`,
    );
    expect(verify.body.problems[1].message).toContain(await namedEvent(ctx.deps.db, b));
    // The verification itself is audited, with the outcome.
    const list = await admin.get("/api/audit?command=audit.verify&pageSize=1");
    expect(list.body.items[0].summary).toContain("审计链校验未通过（2 处问题）");

    // Three consecutive edits read as one range; a changed hash breaks the next link too.
    for (const seq of [first + 4, first + 5, first + 6]) await tamper.editSummary(ctx.deps.db, seq, "改");
    await tamper.editHash(ctx.deps.db, first + 12);
    verify = await admin.post("/api/audit/verify");
    expect(
      verify.body.problems.map((p: { kind: string; fromSeq: number; toSeq: number }) => [
        p.kind,
        p.fromSeq,
        p.toSeq,
      ]),
    ).toEqual([
      ["edited", a, a],
      ["edited", first + 4, first + 6],
      ["edited", b, b],
      ["edited", first + 12, first + 12],
      ["relinked", first + 13, first + 13],
    ]);
    expect(verify.body.problems[1].message).toBe(
      `${await namedEvent(ctx.deps.db, first + 4)}至${await namedEvent(ctx.deps.db, first + 6)}的内容被改动（哈希与记录的内容不符）`,
    );
    expect(verify.body.problems[4].message).toContain("与前一条的链接不符");

    // A deleted event in the middle and a deleted tail; the edits before and after are still found.
    const head = (await readAuditHead(ctx.deps.db)).seq;
    await tamper.remove(ctx.deps.db, first + 15);
    await tamper.remove(ctx.deps.db, first + 16);
    await tamper.editSummary(ctx.deps.db, first + 18, "删除之后的改动");
    await tamper.remove(ctx.deps.db, head);
    await tamper.remove(ctx.deps.db, head - 1);
    const result = await verifyAuditChain(ctx.deps.db);
    const byKind = (kind: string) => result.problems.filter((problem) => problem.kind === kind);
    expect(byKind("missing")).toEqual([
      expect.objectContaining({ fromSeq: first + 15, toSeq: first + 16, first: null, last: null }),
    ]);
    expect(byKind("missing")[0]?.message).toBe(
      `第 ${first + 15} 条至第 ${first + 16} 条缺失，共 2 条（被删除）：位于${await namedEvent(ctx.deps.db, first + 14)}与${await namedEvent(ctx.deps.db, first + 17)}之间`,
    );
    expect(byKind("missingTail")).toEqual([expect.objectContaining({ fromSeq: head - 1, toSeq: head })]);
    expect(byKind("missingTail")[0]?.message).toContain(`链头记录到第 ${head} 条`);
    expect(byKind("edited").map((problem) => problem.fromSeq)).toEqual([
      a,
      first + 4,
      b,
      first + 12,
      first + 18,
    ]);
    expect(result).toMatchObject({ ok: false, firstBadSeq: a, checked: head - 4, headSeq: head, omitted: 0 });
  });
});

describe.each(testDatabases)("audit head row on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("reports events after the head when the head is moved back, and new events are no false alarm", async () => {
    await someEvents(ctx, 5);
    const head = (await readAuditHead(ctx.deps.db)).seq;
    // A verification that races with writers reads the new events rather than calling them lost.
    const [racing] = await Promise.all([verifyAuditChain(ctx.deps.db), someEvents(ctx, 5)]);
    expect(racing.ok).toBe(true);
    const now = (await readAuditHead(ctx.deps.db)).seq;
    expect(now).toBe(head + 5);
    await tamper.setHeadSeq(ctx.deps.db, now - 2);
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: "beyondHead", fromSeq: now - 1, toSeq: now }),
    ]);
    expect(result.problems[0]?.message).toBe(
      `${await namedEvent(ctx.deps.db, now - 1)}至${await namedEvent(ctx.deps.db, now)}在链头（第 ${now - 2} 条）之后：事件被插入，或链头被改动`,
    );
  });
});

describe.each(testDatabases)("audit chains written by the old code on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("still verify where their text was storable, and point at the one that was not", async () => {
    const event = {
      at: new Date().toISOString(),
      actorUserId: null,
      actorUsername: "legacy",
      actorRole: null,
      command: "auth.register",
      targetType: "institution",
      targetId: "inst-1",
      ip: "::1",
      summary: '注册申报单位：上海😀数字"技术"\\学院\n第二行',
      detail: JSON.stringify({ name: "测试\ud800机构", note: "a\u0000b" }),
    };
    await appendLegacyEvents(ctx.deps.db, [event, { ...event, command: "auth.login", detail: null }]);
    await recordEvent(ctx.deps, systemCaller, "test.after", {
      targetType: null,
      targetId: null,
      summary: "新代码写入",
    });
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true, problems: [] });

    // The tester's case: the old code hashed "测试\ud800机构" and the database kept "测试\uFFFD机构".
    const [broken] = await appendLegacyEvents(ctx.deps.db, [
      { ...event, summary: "注册申报单位：测试\ud800机构" },
    ]);
    await recordEvent(ctx.deps, systemCaller, "test.after", {
      targetType: null,
      targetId: null,
      summary: "之后",
    });
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: "edited", fromSeq: broken, toSeq: broken }),
    ]);
    expect(result.problems[0]?.message).toContain("替换字符 U+FFFD");
    expect(result.problems[0]?.message).toContain(await namedEvent(ctx.deps.db, broken ?? 0));
  });
});

describe.each(testDatabases)("a chain tampered with throughout on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("lists the first problems and counts the rest", async () => {
    const first = await someEvents(ctx, 2 * MAX_LISTED_PROBLEMS + 20);
    const last = (await readAuditHead(ctx.deps.db)).seq;
    let edited = 0;
    for (let seq = first; seq <= last; seq += 2) {
      await tamper.editSummary(ctx.deps.db, seq, "改");
      edited++;
    }
    const result = await verifyAuditChain(ctx.deps.db);
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.omitted).toBe(edited - MAX_LISTED_PROBLEMS);
    expect(result.problems.every((problem) => problem.kind === "edited")).toBe(true);
    expect(result).toMatchObject({ ok: false, firstBadSeq: first, checked: last });
  }, 120_000);
});
