import { defaultRubric, shanghaiBatch3 } from "@linxuan/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { squeeze, zipEntry } from "../../documents/document-test-utils";
import { multipartBody, publishOpenBatch, SAMPLE_PDF, signedInStaff } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import {
  acceptPledges,
  assignedReview,
  expertPool,
  formallyCheckedApplications,
} from "../../test/review-factories";

const rubric = defaultRubric("training");
const fullSheet = (score: number) => ({
  scores: Object.fromEntries(rubric.criteria.map((c) => [c.key, score])),
  rationales: Object.fromEntries(rubric.criteria.map((c) => [c.key, `${c.title}：材料翔实，符合要求。`])),
  overall: "综合评议：该机构基础扎实，建议纳入目录。",
  revision: 0,
});
const plan = {
  plan: "实地查看培训场地、师资档案和近三年培训记录，与专职教师座谈。",
  team: [
    { name: "王建国", unit: "上海市人力资源和社会保障局" },
    { name: "李晓梅", unit: "同济大学继续教育学院" },
  ],
  visitDate: "2026-12-15",
};

/* 考察: plan → record (with files) → conclude, audited, in the office's batch only; it feeds 审定. */
describe.each(testDatabases)("site visits on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let office: TestClient;
  let apps: { id: string; name: string; client: TestClient }[];

  beforeEach(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    apps = await formallyCheckedApplications(ctx, { batchId, occupation: "ai", count: 2 });
    office = (await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" })).client;
    // The notice gives no number: the bureau enters Shanghai's quota with its basis before deciding.
    const quota = await office.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "310000",
      limit: 10,
      basis: "市人力资源社会保障局决定每个职业不超过10家",
    });
    expect(quota.status, JSON.stringify(quota.body)).toBe(200);
  });
  afterEach(async () => {
    await ctx?.close();
  });

  const audit = (command: string) =>
    ctx.deps.db.selectFrom("auditEvents").selectAll().where("command", "=", command).execute();

  it("plans, records with files, concludes; refuses steps out of order; the conclusion feeds the decision", async () => {
    const experts = await expertPool(ctx, office, [
      { name: "周明华", employer: "复旦大学计算机科学技术学院", regionCode: "310000" },
    ]);
    await assignedReview(office, batchId, { perApplication: 1, maxLoad: 2 });
    const id = apps[0]?.id ?? "";
    const url = `/api/applications/${id}/site-visit`;

    expect((await office.get(url)).body).toEqual({ visit: null, canManage: true });
    const early = await office.put(`${url}/findings`, { findings: "场地与申报材料一致，设备齐全。" });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: "SITE_VISIT_STATE",
      message: "请先制定考察方案，再记录考察情况",
    });

    const bad = await office.put(`${url}/plan`, {
      plan: "看看",
      team: [{ name: "王", unit: "" }],
      visitDate: "12/15",
    });
    expect(bad.status).toBe(400);
    const messages = (bad.body.fields as { message: string }[]).map((field) => field.message).join("；");
    for (const text of ["考察方案至少10个字", "考察组至少2名成员", "考察组成员姓名至少2个字", "考察日期格式"])
      expect(messages).toContain(text);
    expect(await ctx.deps.db.selectFrom("siteVisits").selectAll().execute()).toHaveLength(0);

    // Another province's office, the institution and an expert do not see it.
    const elsewhere = (await signedInStaff(ctx, "provincialOffice", { regionCode: "330000" })).client;
    expect((await elsewhere.put(`${url}/plan`, plan)).status).toBe(404);
    expect((await apps[0]?.client.get(url))?.status).toBe(404);

    const planned = await office.put(`${url}/plan`, plan);
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body.visit).toMatchObject({
      state: "planned",
      stateName: "已制定考察方案",
      team: plan.team,
    });
    expect((await audit("siteVisit.plan"))[0]?.summary).toBe(
      "制定考察方案：2026-12-15，考察组王建国、李晓梅",
    );
    // The plan may be revised until findings are recorded.
    expect((await office.put(`${url}/plan`, { ...plan, visitDate: "2026-12-16" })).body.visit.visitDate).toBe(
      "2026-12-16",
    );

    const exe = await office.upload(
      `${url}/attachments`,
      multipartBody({}, { name: "照片.png", content: Buffer.from("MZ\x90\x00not an image") }),
    );
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED" });
    const uploaded = await office.upload(
      `${url}/attachments`,
      multipartBody({}, { name: "考察记录表.pdf", content: SAMPLE_PDF }),
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const file = uploaded.body.visit.attachments[0];
    expect(file).toMatchObject({ fileName: "考察记录表.pdf", contentType: "application/pdf" });

    const tooSoon = await office.post(`${url}/conclusion`, {
      conclusion: "conforming",
      conclusionText: "符合条件",
    });
    expect(tooSoon.body).toMatchObject({
      code: "SITE_VISIT_STATE",
      message: "请先记录考察情况，再作出考察结论",
    });
    const recorded = await office.put(`${url}/findings`, {
      findings: "培训场地与申报材料一致，师资档案齐全。",
    });
    expect(recorded.body.visit.state).toBe("recorded");
    expect((await office.put(`${url}/plan`, plan)).body.code).toBe("SITE_VISIT_STATE");

    // The receiving centre, who may see the application reads it, cannot change it, and may download its files.
    const centre = (await signedInStaff(ctx, "receivingCentre", { regionCode: "310000" })).client;
    const seen = await centre.get(url);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ canManage: false, visit: { state: "recorded" } });
    expect((await centre.get(`${url}/attachments/${file.id}`)).status).toBe(200);
    expect((await centre.put(`${url}/findings`, { findings: "改写考察情况的尝试。" })).status).toBe(403);
    const download = await office.get(`${url}/attachments/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.raw.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await audit("siteVisit.download")).length).toBeGreaterThan(0);

    for (const expert of experts) {
      await acceptPledges(expert.client);
      for (const item of (await expert.client.get("/api/expert/assignments")).body.items)
        expect(
          (await expert.client.post(`/api/expert/assignments/${item.id}/submit`, fullSheet(8))).status,
        ).toBe(200);
    }
    expect((await office.post(`/api/review/${batchId}/complete`)).body.completed).toBe(2);
    expect((await office.post(`/api/review/${batchId}/open-scores`)).status).toBe(200);
    const basis = { decision: "approved", basis: "专家评议排名靠前，考察结论基本符合" };
    const pending = await office.post(`/api/applications/${id}/decide`, basis);
    expect(pending.body).toMatchObject({ code: "SITE_VISIT_PENDING" });

    const badConclusion = await office.post(`${url}/conclusion`, { conclusion: "maybe", conclusionText: "" });
    expect(badConclusion.status).toBe(400);
    expect(JSON.stringify(badConclusion.body.fields)).toContain("请选择考察结论");
    const concluded = await office.post(`${url}/conclusion`, {
      conclusion: "partlyConforming",
      conclusionText: "场地满足要求，兼职教师比例偏高",
    });
    expect(concluded.body).toMatchObject({
      canManage: false,
      visit: { state: "concluded", conclusionName: "基本符合" },
    });
    expect(
      (await office.post(`${url}/conclusion`, { conclusion: "conforming", conclusionText: "符合条件" })).body,
    ).toMatchObject({
      code: "SITE_VISIT_STATE",
      message: "考察结论已作出，不能再修改",
    });
    expect((await audit("siteVisit.conclude"))[0]?.summary).toBe(
      "考察结论：基本符合（场地满足要求，兼职教师比例偏高）",
    );

    const sentence = "2026年12月16日实地考察，结论：基本符合（场地满足要求，兼职教师比例偏高）";
    const items = (await office.get(`/api/review/${batchId}/ranking`)).body.groups.flatMap(
      (group: { items: unknown[] }) => group.items,
    );
    expect(items.find((item: { applicationId: string }) => item.applicationId === id).siteVisit).toEqual({
      state: "concluded",
      stateName: "已作出考察结论",
      conclusion: "partlyConforming",
      conclusionName: "基本符合",
      sentence,
    });
    expect(
      items.find((item: { applicationId: string }) => item.applicationId === apps[1]?.id).siteVisit,
    ).toBeNull();
    expect((await office.post(`/api/applications/${id}/decide`, basis)).status).toBe(200);
    // Decided: no more visits for it.
    expect((await office.get(url)).body.canManage).toBe(false);

    const opinion = await office.get(`/api/review/${batchId}/opinion.docx`);
    const text = squeeze(
      ((await zipEntry(opinion.raw, "word/document.xml"))?.toString() ?? "").replace(/<[^>]+>/g, ""),
    );
    expect(text).toContain(sentence);
    expect(text).toContain(`对${apps[0]?.name}进行了实地考察`);
  });
});
