import { makeDemoBatch, nationalBatch2, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../../http/deps";
import { makeStaff, TEST_PASSWORD, unique } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { ensureBuiltInBatches, ensureDemoBatches } from "./service";

describe.each(testDatabases)("batches on %s", (kind) => {
  let ctx: TestContext;
  let office: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("publishes both seed notices to the public, with their forms", async () => {
    const list = await ctx.client().get("/api/public/batches");
    expect(list.status).toBe(200);
    const codes = list.body.items.map((item: { code: string }) => item.code);
    expect(codes).toEqual(expect.arrayContaining(["national-2023-2", "shanghai-2026-3"]));
    const shanghai = list.body.items.find((item: { code: string }) => item.code === "shanghai-2026-3");
    expect(shanghai).toMatchObject({
      documentNumber: "沪人社专〔2026〕55号",
      phase: "closed",
      isDemo: false,
    });
    const detail = await ctx.client().get(`/api/public/batches/${shanghai.id}`);
    expect(detail.body.batch.definition.batchNoticeText).toContain("一式2份");
    expect(detail.body.batch.definition.contacts).toContainEqual({
      label: "电子邮箱",
      value: "zhuanjibu@shrc.com.cn",
    });
    expect(detail.body.batch.forms).toEqual([
      expect.objectContaining({
        kind: "training",
        pdfUrl: `/api/public/batches/${shanghai.id}/forms/training.pdf`,
      }),
    ]);
    const national = list.body.items.find((item: { code: string }) => item.code === "national-2023-2");
    const nationalDetail = await ctx.client().get(`/api/public/batches/${national.id}`);
    expect(
      nationalDetail.body.batch.definition.exclusions.map((e: { occupation: string }) => e.occupation).sort(),
    ).toEqual(["big_data", "blockchain", "smart_manufacturing"]);
    expect(nationalDetail.body.batch.forms.map((f: { kind: string }) => f.kind)).toEqual([
      "training",
      "evaluation",
    ]);
  });

  it("brings a stored built-in batch to the corrected definition as a new version, once", async () => {
    const row = await ctx.deps.db
      .selectFrom("batches")
      .select(["id", "version"])
      .where("code", "=", shanghaiBatch3.code)
      .executeTakeFirstOrThrow();
    // The definition an older release installed: the national notice's attachments, no notice texts.
    const { batchNoticeTerms: _terms, ...older } = structuredClone(shanghaiBatch3);
    older.requiredAttachments = [
      { code: "stampedForm", name: "申报表电子版（加盖公章的PDF格式）", required: true, note: "" },
      {
        code: "legalRegistrationCertificate",
        name: "法人登记证书复印件（加盖单位印章）",
        required: true,
        note: "",
      },
      { code: "creditReport", name: "信用报告或诚信承诺书", required: true, note: "" },
    ];
    await ctx.deps.db
      .updateTable("batches")
      .set({ definition: JSON.stringify(older) })
      .where("id", "=", row.id)
      .execute();
    expect(await ensureBuiltInBatches(ctx.deps, systemCaller)).toBe(1);
    const detail = await ctx.client().get(`/api/public/batches/${row.id}`);
    const stored = await ctx.deps.db
      .selectFrom("batches")
      .select("version")
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.version)).toBe(Number(row.version) + 1);
    expect(detail.body.batch.definition.requiredAttachments).toEqual(shanghaiBatch3.requiredAttachments);
    expect(detail.body.batch.definition.batchNoticeTerms).toEqual(shanghaiBatch3.batchNoticeTerms);
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("targetId", "=", row.id)
      .where("summary", "like", "更新内置批次定义%")
      .execute();
    expect(events).toHaveLength(1);
    // Already current: nothing to do on the next start.
    expect(await ensureBuiltInBatches(ctx.deps, systemCaller)).toBe(0);
  });

  it("serves the blank forms as PDF and DOCX downloads", async () => {
    const list = await ctx.client().get("/api/public/batches");
    const shanghai = list.body.items.find((item: { code: string }) => item.code === "shanghai-2026-3");
    const pdf = await ctx.client().get(`/api/public/batches/${shanghai.id}/forms/training.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(String(pdf.headers["content-disposition"])).toMatch(/^attachment;/);
    expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await ctx.client().get(`/api/public/batches/${shanghai.id}/forms/training.docx`);
    expect(docx.raw.subarray(0, 2).toString()).toBe("PK");
    const missing = await ctx.client().get(`/api/public/batches/${shanghai.id}/forms/evaluation.pdf`);
    expect(missing.status).toBe(404);
  });

  it("clones a built-in batch into an editable draft, saves with a version, publishes", async () => {
    const all = await office.get("/api/batches");
    const source = all.body.items.find((item: { code: string }) => item.code === "national-2023-2");
    const readOnly = await office.put(`/api/batches/${source.id}`, {
      definition: nationalBatch2,
      version: source.version,
    });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.code).toBe("BATCH_NOT_EDITABLE");

    const clone = await office.post(`/api/batches/${source.id}/clone`);
    expect(clone.status).toBe(201);
    const draft = clone.body.batch;
    expect(draft).toMatchObject({ status: "draft", builtIn: false, version: 1 });
    expect(draft.definition.code).toBe("national-2023-2-copy");

    const next = {
      ...draft.definition,
      code: "national-2027-3",
      title: "关于开展数字技术工程师培育项目第三批培训机构和评价机构遴选工作的通知",
      shortTitle: "全国第三批遴选",
      publishedOn: "2027-03-01",
      onlineDeadline: "2027-04-30T23:59:59+08:00",
      paperDeadline: "2027-04-30T23:59:59+08:00",
      stages: draft.definition.stages.map((stage: { code: string }) =>
        stage.code === "submission" || stage.code === "recommendation"
          ? { ...stage, opensAt: "2027-03-01T00:00:00+08:00", closesAt: "2027-04-30T23:59:59+08:00" }
          : stage,
      ),
    };
    const saved = await office.put(`/api/batches/${draft.id}`, { definition: next, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body.batch.version).toBe(2);

    const stale = await office.put(`/api/batches/${draft.id}`, {
      definition: { ...next, shortTitle: "旧版本的修改" },
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");
    expect((await office.get(`/api/batches/${draft.id}`)).body.batch.definition.shortTitle).toBe(
      "全国第三批遴选",
    );

    const published = await office.post(`/api/batches/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.batch.status).toBe("published");
    const pub = await ctx.client().get(`/api/public/batches/${draft.id}`);
    expect(pub.body.batch).toMatchObject({ code: "national-2027-3", phase: expect.any(String) });
  });

  it("refuses an invalid definition with every problem and its path", async () => {
    const bad = {
      ...shanghaiBatch3,
      code: "bad-batch-1",
      quotas: { ...shanghaiBatch3.quotas, training: { perOccupationPerRegion: 0, regionOverrides: [] } },
      stages: [...shanghaiBatch3.stages].reverse(),
    };
    const response = await office.post("/api/batches", { definition: bad });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe("BATCH_INVALID");
    expect(response.body.fields).toContainEqual(
      expect.objectContaining({
        path: "quotas.training.perOccupationPerRegion",
        message: expect.stringContaining("正整数"),
      }),
    );
    const orderIssue = await office.post("/api/batches", {
      definition: { ...shanghaiBatch3, code: "bad-batch-2", stages: [...shanghaiBatch3.stages].reverse() },
    });
    expect(orderIssue.body.fields.some((f: { path: string }) => f.path.startsWith("stages"))).toBe(true);
    const rows = await ctx.deps.db
      .selectFrom("batches")
      .select("id")
      .where("code", "in", ["bad-batch-1", "bad-batch-2"])
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("lets a provincial office manage only its own region's batches", async () => {
    const sh = ctx.client();
    await sh.login(await makeStaff(ctx, "provincialOffice", { regionCode: "310000" }), TEST_PASSWORD);
    const all = await sh.get("/api/batches");
    const national = all.body.items.find((item: { code: string }) => item.code === "national-2023-2");
    const shanghai = all.body.items.find((item: { code: string }) => item.code === "shanghai-2026-3");
    expect((await sh.post(`/api/batches/${national.id}/clone`)).status).toBe(403);
    const clone = await sh.post(`/api/batches/${shanghai.id}/clone`);
    expect(clone.status).toBe(201);
    const toNational = { ...clone.body.batch.definition, scope: { level: "national" } };
    const moved = await sh.put(`/api/batches/${clone.body.batch.id}`, { definition: toNational, version: 1 });
    expect(moved.status).toBe(403);
  });

  it("audits every batch command", async () => {
    // An office of its own creates, edits and publishes a batch: its trail holds what this test did.
    const officeName = await makeStaff(ctx, "nationalOffice");
    const own = ctx.client();
    await own.login(officeName, TEST_PASSWORD);
    const definition = { ...makeDemoBatch(shanghaiBatch3, new Date(), 30), code: `audited-${unique()}` };
    const created = await own.post("/api/batches", { definition });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.batch.id;
    const edited = await own.put(`/api/batches/${id}`, {
      definition: { ...definition, shortTitle: "审计测试批次" },
      version: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await own.post(`/api/batches/${id}/publish`)).status).toBe(200);

    const admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
    const seeded = await admin.get("/api/audit?command=batch.seed&pageSize=200");
    const audit = await admin.get(`/api/audit?actor=${officeName}&pageSize=200`);
    const commands = [...seeded.body.items, ...audit.body.items]
      .filter(
        (item: { command: string; targetId: string }) =>
          item.command === "batch.seed" || item.targetId === id,
      )
      .map((item: { command: string }) => item.command);
    expect(commands).toEqual(
      expect.arrayContaining(["batch.seed", "batch.create", "batch.edit", "batch.publish"]),
    );
  });
  it("keeps a 【演示】 copy's dates when its source definition is corrected", async () => {
    expect(await ensureDemoBatches(ctx.deps, systemCaller)).toBe(2);
    const code = `${shanghaiBatch3.code}-demo`;
    const read = () =>
      ctx.deps.db
        .selectFrom("batches")
        .select(["id", "version", "definition"])
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
    const installed = await read();
    const deadline = JSON.parse(installed.definition).onlineDeadline;
    // A later start, days on: the copy is current and keeps its dates.
    ctx.setNow(new Date(Date.now() + 10 * 86_400_000));
    try {
      expect(await ensureDemoBatches(ctx.deps, systemCaller)).toBe(0);
      const older = { ...JSON.parse(installed.definition), paperCopies: 1 };
      await ctx.deps.db
        .updateTable("batches")
        .set({ definition: JSON.stringify(older) })
        .where("id", "=", installed.id)
        .execute();
      expect(await ensureDemoBatches(ctx.deps, systemCaller)).toBe(1);
    } finally {
      ctx.setNow(null);
    }
    const refreshed = await read();
    expect(Number(refreshed.version)).toBe(Number(installed.version) + 1);
    expect(JSON.parse(refreshed.definition)).toMatchObject({ onlineDeadline: deadline, paperCopies: 2 });
  });
});
