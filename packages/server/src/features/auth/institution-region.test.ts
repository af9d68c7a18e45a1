import crypto from "node:crypto";
import { computeCreditCodeCheckChar, getFormTemplate, nationalBatch2, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeValues,
  makeCreditCode,
  makeRegistration,
  multipartBody,
  publishOpenBatch,
  SAMPLE_PDF,
  signedInStaff,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

/** A code issued by a central registration authority: 12 (中央编办, 事业单位) + division 100000. */
function centralCreditCode(prefix = "12"): string {
  const body = `${prefix}100000${crypto
    .randomInt(0, 10 ** 9)
    .toString()
    .padStart(9, "0")}`;
  return `${body}${computeCreditCodeCheckChar(body)}`;
}

describe.each(testDatabases)("institution region and routing on %s", (kind) => {
  let ctx: TestContext;
  let nationalId: string;
  let shanghaiId: string;
  let beijing: TestClient;
  let office: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    nationalId = await publishOpenBatch(ctx, nationalBatch2);
    shanghaiId = await publishOpenBatch(ctx, shanghaiBatch3);
    beijing = (await signedInStaff(ctx, "provincialRecommender", { regionCode: "110000" })).client;
    office = (await signedInStaff(ctx, "nationalOffice")).client;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function register(overrides: Record<string, unknown>) {
    const client = ctx.client();
    const registration = makeRegistration(overrides);
    const response = await client.post("/api/auth/register", {
      ...registration,
      ...(await client.captcha()),
    });
    expect(response.status).toBe(201);
    const row = await ctx.deps.db
      .selectFrom("institutions")
      .selectAll()
      .where("creditCode", "=", registration.creditCode)
      .executeTakeFirstOrThrow();
    return { client, id: row.id, row, creditCode: registration.creditCode };
  }

  async function start(client: TestClient, batchId: string, applicationKind: "training" | "evaluation") {
    const created = await client.post("/api/applications", {
      batchId,
      kind: applicationKind,
      occupation: "cloud",
      levels: ["junior", "intermediate"],
      applicantCategory: "university",
    });
    expect(created.status).toBe(201);
    return created.body.application;
  }

  async function fillAndSubmit(client: TestClient, creditCode: string, application: any) {
    const template = getFormTemplate(application.templateId);
    if (!template) throw new Error("no template");
    const saved = await client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(template, { creditCode, occupation: "cloud" }),
      baseRevision: application.draftRevision,
    });
    expect(saved.status).toBe(200);
    for (const item of application.batch.requiredAttachments as { code: string; required: boolean }[]) {
      if (!item.required) continue;
      const uploaded = await client.upload(
        `/api/applications/${application.id}/attachments`,
        multipartBody(
          { code: item.code, replace: "true" },
          { name: `${item.code}.pdf`, content: SAMPLE_PDF },
        ),
      );
      expect(uploaded.status).toBe(201);
    }
    return client.post(`/api/applications/${application.id}/submit`, { recommender: null });
  }

  async function queueIds(client: TestClient): Promise<string[]> {
    const queue = await client.get(`/api/recommendation-queue?batchId=${nationalId}&occupation=cloud`);
    expect(queue.status).toBe(200);
    return queue.body.items.map((item: { id: string }) => item.id);
  }

  it("routes a centrally registered unit's national training to the Beijing bureau from the draft on", async () => {
    const unit = await register({ creditCode: centralCreditCode() });
    expect(unit.row.regionCode).toBe("110000");
    const draft = await start(unit.client, nationalId, "training");
    expect(draft.recommender).toEqual({ type: "region", value: "110000" });
    expect(draft.routing).toMatchObject({
      target: "recommender",
      name: "北京市人力资源和社会保障局",
      choice: null,
    });
    expect(draft.routing.basis).toContain("负责遴选在京中央单位、行业组织所属培训机构");

    const submitted = await fillAndSubmit(unit.client, unit.creditCode, draft);
    expect(submitted.status).toBe(200);
    expect(submitted.body.application.recommender).toEqual({ type: "region", value: "110000" });
    expect(await queueIds(beijing)).toContain(draft.id);
    const zhejiang = (await signedInStaff(ctx, "provincialRecommender", { regionCode: "330000" })).client;
    expect(await queueIds(zhejiang)).not.toContain(draft.id);
  });

  it("routes an institution registered before the rule (no stored region) to Beijing as well", async () => {
    const unit = await register({ creditCode: centralCreditCode("51") });
    await ctx.deps.db
      .updateTable("institutions")
      .set({ regionCode: null })
      .where("id", "=", unit.id)
      .execute();
    const draft = await start(unit.client, nationalId, "training");
    expect(draft.routing.name).toBe("北京市人力资源和社会保障局");
    const submitted = await fillAndSubmit(unit.client, unit.creditCode, draft);
    expect(submitted.status).toBe(200);
    expect(await queueIds(beijing)).toContain(draft.id);
  });

  it("routes a declared central unit to Beijing whatever its code's province, and lists the declaration", async () => {
    const unit = await register({ creditCode: makeCreditCode("440000"), centralAffiliation: "centralUnit" });
    expect(unit.row.centralAffiliation).toBe("centralUnit");
    const draft = await start(unit.client, nationalId, "training");
    expect(draft.recommender).toEqual({ type: "region", value: "110000" });
    expect(draft.routing.basis).toContain("声明为在京中央单位（含所属单位）。");
    const list = await office.get(`/api/institutions?q=${unit.creditCode}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: unit.id,
        regionCode: "110000",
        regionName: "北京市",
        regionSource: "creditCode",
        centralAffiliationName: "在京中央单位（含所属单位）",
      }),
    ]);
  });

  it("refuses an unknown declaration with a message naming the field, writing nothing", async () => {
    const client = ctx.client();
    const registration = makeRegistration({ centralAffiliation: "ministry" });
    const response = await client.post("/api/auth/register", {
      ...registration,
      ...(await client.captcha()),
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("VALIDATION_FAILED");
    expect(response.body.fields).toContainEqual({
      path: "centralAffiliation",
      message: "请选择单位隶属情况",
    });
    const row = await ctx.deps.db
      .selectFrom("institutions")
      .select("id")
      .where("creditCode", "=", registration.creditCode)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it("explains the evaluation institution's choice and names the receiving centre of a batch without recommenders", async () => {
    const unit = await register({ creditCode: makeCreditCode("320000") });
    const evaluation = await start(unit.client, nationalId, "evaluation");
    expect(evaluation.routing.name).toBe("江苏省人力资源社会保障部门");
    expect(evaluation.routing.choice).toContain("行业主管（业务指导）部门");
    const shanghai = await start(unit.client, shanghaiId, "training");
    expect(shanghai.recommender).toBeNull();
    expect(shanghai.routing).toMatchObject({ target: "receivingCentre", name: "上海市人力资源公共服务中心" });
  });

  it("lets the office correct a region with a reason, audited, and drafts follow", async () => {
    const unit = await register({ creditCode: centralCreditCode() });
    const draft = await start(unit.client, nationalId, "training");
    const reason = "该单位为驻津中央单位，经核实由天津市负责遴选";
    const corrected = await office.post(`/api/institutions/${unit.id}/region`, {
      regionCode: "120000",
      reason,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.institution).toMatchObject({
      regionCode: "120000",
      regionName: "天津市",
      regionSource: "office",
    });
    const after = await unit.client.get(`/api/applications/${draft.id}`);
    expect(after.body.application.recommender).toEqual({ type: "region", value: "120000" });
    expect(after.body.application.routing.basis).toContain("更正为天津市");
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["summary", "detail", "targetId"])
      .where("command", "=", "institution.correctRegion")
      .where("targetId", "=", unit.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toContain(`由北京市改为天津市，原因：${reason}`);
    expect(JSON.parse(events[0]?.detail ?? "{}")).toEqual({ from: "110000", to: "120000", reason });
  });

  it("refuses the correction without permission, with bad input, or for an unknown institution, writing nothing", async () => {
    const unit = await register({ creditCode: centralCreditCode() });
    const body = { regionCode: "120000", reason: "核实后更正" };
    const provincialOffice = (await signedInStaff(ctx, "provincialOffice", { regionCode: "110000" })).client;
    for (const client of [unit.client, beijing, provincialOffice, ctx.client()]) {
      const response = await client.post(`/api/institutions/${unit.id}/region`, body);
      expect([401, 403]).toContain(response.status);
    }
    expect((await unit.client.get("/api/institutions")).status).toBe(403);
    const noReason = await office.post(`/api/institutions/${unit.id}/region`, {
      regionCode: "120000",
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe("VALIDATION_FAILED");
    expect(noReason.body.fields).toContainEqual({ path: "reason", message: "更正原因至少2个字" });
    const badRegion = await office.post(`/api/institutions/${unit.id}/region`, {
      regionCode: "100000",
      reason: "核实后更正",
    });
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.fields).toContainEqual({
      path: "regionCode",
      message: "请选择所在地区（省级行政区或新疆生产建设兵团）",
    });
    const unknown = await office.post(`/api/institutions/${crypto.randomUUID()}/region`, body);
    expect(unknown.status).toBe(404);
    const row = await ctx.deps.db
      .selectFrom("institutions")
      .select(["regionCode", "regionSource"])
      .where("id", "=", unit.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ regionCode: "110000", regionSource: "creditCode" });
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("seq")
      .where("command", "=", "institution.correctRegion")
      .where("targetId", "=", unit.id)
      .execute();
    expect(events).toHaveLength(0);
  });
});
