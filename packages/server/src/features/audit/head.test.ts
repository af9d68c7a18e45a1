import crypto from "node:crypto";
import { type AuditHeadFile, auditHeadFileSchema, parseAuditHeadFile } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "../../http/command";
import { createCipher } from "../../http/crypto";
import { systemCaller } from "../../http/deps";
import { namedEvent, tamper } from "../../test/audit-tamper";
import { makeStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { headKeyId, signHead } from "./head";

async function exportHead(client: TestClient): Promise<AuditHeadFile> {
  const response = await client.get("/api/audit/head");
  expect(response.status).toBe(200);
  expect(String(response.headers["content-disposition"])).toMatch(/^attachment;/);
  const parsed = parseAuditHeadFile(response.raw.toString("utf8"));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.head;
}

describe.each(testDatabases)("audit chain head export on %s", (kind) => {
  let ctx: TestContext;
  let admin: TestClient;
  let adminName: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    adminName = await makeStaff(ctx, "admin");
    admin = ctx.client();
    await admin.login(adminName, TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("exports a signed head as an audit event, and a wholesale rewrite afterwards is caught only by it", async () => {
    for (let i = 0; i < 5; i++) {
      await recordEvent(ctx.deps, systemCaller, "test.event", {
        targetType: null,
        targetId: null,
        summary: `原始内容 ${i}`,
      });
    }
    const head = await exportHead(admin);
    expect(head).toMatchObject({
      format: "linxuan-audit-head/1",
      exportedBy: adminName,
      keyId: headKeyId(ctx.deps.cipher),
    });
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    // The export is an audit event itself, naming the head it handed out.
    const exported = await admin.get("/api/audit?command=audit.exportHead&pageSize=1");
    expect(exported.body.items[0]).toMatchObject({
      seq: head.seq + 1,
      actorUsername: adminName,
      summary: `导出审计链头：第 ${head.seq} 条，哈希 ${head.hash.slice(0, 16)}…`,
    });

    const holds = await admin.post("/api/audit/verify", { head });
    expect(holds.body).toMatchObject({ ok: true, problems: [], headCheck: { ok: true, seq: head.seq } });
    expect(holds.body.headCheck.message).toContain(`${await namedEvent(ctx.deps.db, head.seq)}与`);
    expect(holds.body.headCheck.message).toContain("一致，签名有效");

    // Someone rewrites the whole table consistently: every hash and link recomputed.
    await tamper.rewriteChain(ctx.deps.db, (summary) => summary.replace("原始内容", "改写内容"));
    const alone = await admin.post("/api/audit/verify");
    expect(alone.body).toMatchObject({ ok: true, problems: [] });
    const caught = await admin.post("/api/audit/verify", { head });
    expect(caught.body).toMatchObject({ ok: false, problems: [], headCheck: { ok: false, seq: head.seq } });
    expect(caught.body.headCheck.message).toContain(`${await namedEvent(ctx.deps.db, head.seq)}与`);
    expect(caught.body.headCheck.message).toContain("审计链在导出之后被改写");
    const recorded = await admin.get("/api/audit?command=audit.verify&pageSize=1");
    expect(recorded.body.items[0].summary).toContain("审计链校验未通过（链本身完整");
    expect(recorded.body.items[0].summary).toContain("链头文件核对未通过");
  });

  it("refuses a head file that was altered, signed with another key, or is not a head file", async () => {
    const head = await exportHead(admin);
    const altered = await admin.post("/api/audit/verify", { head: { ...head, seq: head.seq - 1 } });
    expect(altered.body).toMatchObject({ ok: false, headCheck: { ok: false } });
    expect(altered.body.headCheck.message).toContain("签名无效");

    const otherKey = createCipher(crypto.randomBytes(32));
    const { signature: _, ...fields } = head;
    const foreign = signHead(otherKey, { ...fields, keyId: headKeyId(otherKey) });
    expect(auditHeadFileSchema.safeParse(foreign).success).toBe(true);
    const refused = await admin.post("/api/audit/verify", { head: foreign });
    expect(refused.body).toMatchObject({ ok: false, headCheck: { ok: false } });
    expect(refused.body.headCheck.message).toContain("另一数据密钥");

    const gone = await admin.post("/api/audit/verify", { head: { ...head, hash: "abc" } });
    expect(gone.status).toBe(400);
    expect(gone.body).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "哈希应为64位十六进制",
    });
    expect(parseAuditHeadFile("{").ok).toBe(false);
    expect(parseAuditHeadFile('{"format":"x"}')).toEqual({
      ok: false,
      message: "审计链头文件格式不正确：不是遴选平台导出的审计链头文件",
    });
  });

  it("lets only an administrator export the head", async () => {
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    expect((await office.get("/api/audit/head")).status).toBe(403);
    expect((await ctx.client().get("/api/audit/head")).status).toBe(401);
  });
});
