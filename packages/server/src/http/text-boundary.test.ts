import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../features/audit/verify";
import { makeRegistration, multipartBody, registerInstitution, SAMPLE_PDF } from "../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../test/harness";

const HOSTILE = {
  nul: "测试\u0000机构",
  loneSurrogate: "测试\ud800机构",
  bidi: "测试\u202e构机",
  isolate: "测试\u2067机构",
  control: "测试\u001b机构",
  c1: "测试\u0085机构",
};

async function countRows(ctx: TestContext, table: "institutions" | "users" | "audit_events") {
  const row = await ctx.deps.db
    .selectFrom(table as "users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases)("the text rule at the boundary on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it.each(Object.entries(HOSTILE))(
    "refuses a registration whose name holds %s, naming the field, and writes nothing",
    async (_, name) => {
      const before = await Promise.all([countRows(ctx, "users"), countRows(ctx, "audit_events")]);
      const response = await ctx
        .client()
        .post("/api/auth/register", makeRegistration({ institutionName: name }));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: "INVALID_TEXT",
        message: expect.stringMatching(/^单位名称含有不允许的/),
        fields: [{ path: "institutionName", message: expect.stringMatching(/^单位名称含有不允许的/) }],
      });
      expect(await Promise.all([countRows(ctx, "users"), countRows(ctx, "audit_events")])).toEqual(before);
    },
  );

  it("refuses NUL in the contact name and the login name with 400, never 500", async () => {
    const contact = await ctx
      .client()
      .post("/api/auth/register", makeRegistration({ contactName: "张\u0000三" }));
    expect(contact.status).toBe(400);
    expect(contact.body.fields).toEqual([
      { path: "contactName", message: expect.stringMatching(/^联系人姓名含有不允许的空字符/) },
    ]);
    const login = await ctx.client().post("/api/auth/login", { username: "admin\u0000", password: "x" });
    expect(login.status).toBe(400);
    expect(login.body).toMatchObject({ code: "INVALID_TEXT", fields: [{ path: "username" }] });
  });

  it("refuses NUL and controls in public query strings and path parameters", async () => {
    for (const url of [
      "/api/public/catalog?q=%00",
      "/api/public/catalog?batch=%00",
      "/api/public/catalog?q=%E2%80%AE",
      `/api/public/public-notices/${encodeURIComponent("x\u0000")}`,
      `/api/public/catalog/${encodeURIComponent("\u202e1")}`,
    ]) {
      const response = await ctx.client().get(url);
      expect(response.status, url).toBe(400);
      expect(response.body.code, url).toBe("INVALID_TEXT");
    }
    const plain = await ctx.client().get(`/api/public/catalog?q=${encodeURIComponent("数字")}`);
    expect(plain.status).toBe(200);
  });

  it("refuses hostile text in the objection and complaint forms and their status lookups", async () => {
    const objection = await ctx.client().upload(
      `/api/public/public-notices/${crypto.randomUUID()}/objections`,
      multipartBody(
        {
          itemId: "x",
          name: "李\u0000四",
          organisation: "某单位",
          phone: "13800138000",
          email: "",
          content: "事实",
        },
        { name: "evidence.pdf", content: SAMPLE_PDF },
      ),
    );
    expect(objection.status).toBe(400);
    expect(objection.body).toMatchObject({ code: "INVALID_TEXT", fields: [{ path: "name" }] });
    expect(objection.body.message).toMatch(/^姓名含有不允许的空字符/);

    const complaint = await ctx.client().upload(
      `/api/public/catalog/${crypto.randomUUID()}/complaints`,
      multipartBody(
        {
          category: "overcharging",
          name: "王五",
          phone: "13800138000",
          email: "",
          content: "乱收费\u202e",
        },
        { name: "evidence\u0000.pdf", content: SAMPLE_PDF },
      ),
    );
    expect(complaint.status).toBe(400);
    expect(complaint.body.code).toBe("INVALID_TEXT");

    for (const url of ["/api/public/objections/status", "/api/public/complaints/status"]) {
      const status = await ctx.client().post(url, { ackNumber: "YY2026\u0000", phone: "13800138000" });
      expect(status.status, url).toBe(400);
      expect(status.body.code, url).toBe("INVALID_TEXT");
    }
  });

  it("stores text in NFC so both databases hold the same characters", async () => {
    const registration = makeRegistration({
      institutionName: `Cafe\u0301数字技术中心${crypto.randomInt(1e6)}`,
    });
    const client = ctx.client();
    const response = await client.post("/api/auth/register", {
      ...registration,
      ...(await client.captcha()),
    });
    expect(response.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom("institutions")
      .select("name")
      .where("creditCode", "=", registration.creditCode)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe(registration.institutionName.normalize("NFC"));
    expect(row.name.startsWith("Café")).toBe(true);
  });

  it("allows line breaks in a multi-line field and refuses them in a one-line field", async () => {
    const institution = await registerInstitution(ctx);
    const started = await institution.client.post("/api/applications", {
      batchId: "no-such-batch",
      kind: "training",
      occupation: "bigData\nx",
      levels: ["junior"],
    });
    expect(started.status).toBe(400);
    expect(started.body).toMatchObject({ code: "INVALID_TEXT", fields: [{ path: "occupation" }] });
    // a multi-line reason passes the text rule and reaches the service, which answers on its own terms
    const withdraw = await institution.client.post(`/api/applications/${crypto.randomUUID()}/withdraw`, {
      reason: "第一行\n第二行",
    });
    expect(withdraw.status).toBe(404);
  });

  it("leaves the audit chain whole after every refusal", async () => {
    // Refusals of its own, each kind of hostile text in each place a person can type it.
    for (const name of Object.values(HOSTILE)) {
      const client = ctx.client();
      const refused = [
        await client.post("/api/auth/register", {
          ...makeRegistration({ institutionName: name }),
          ...(await client.captcha()),
        }),
        await client.post("/api/auth/login", { username: `admin${name}`, password: "x" }),
        await client.post("/api/public/objections/status", { ackNumber: `YY${name}`, phone: "13800138000" }),
      ];
      expect(refused.map((response) => response.status)).toEqual([400, 400, 400]);
    }
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
  });
});
