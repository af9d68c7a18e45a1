import { defaultRubric, shanghaiBatch3 } from "@linxuan/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { squeeze, zipEntry } from "../../documents/document-test-utils";
import { publishOpenBatch, signedInStaff } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import {
  acceptPledges,
  assignedReview,
  expertPool,
  formallyCheckedApplications,
  type PoolExpert,
} from "../../test/review-factories";

const rubric = defaultRubric("training");
const fullSheet = (score: number) => ({
  scores: Object.fromEntries(rubric.criteria.map((c) => [c.key, score])),
  rationales: Object.fromEntries(rubric.criteria.map((c) => [c.key, `${c.title}：材料翔实，符合要求。`])),
  overall: "综合评议：该机构基础扎实，建议纳入目录。",
});

type App = { id: string; creditCode: string; name: string; client: TestClient };

/*
 * What an expert judges (the attachments, behind the 评审承诺) and a missing expert made visible
 * (shortfall in the ranking, a reason required to decide, 随机抽取 with its seed).
 */
describe.each(testDatabases)("review materials, pledge and shortfall on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let office: TestClient;
  let apps: App[];

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
    expect(quota.status).toBe(200);
  });
  afterEach(async () => {
    await ctx?.close();
  });

  const audit = (command: string) =>
    ctx.deps.db.selectFrom("auditEvents").selectAll().where("command", "=", command).execute();

  it("refuses opening, scoring and downloads until the 评审承诺 is accepted; downloads are audited and the assigned expert's only", async () => {
    const [first, second] = await expertPool(ctx, office, [
      { name: "周明华", employer: "同济大学电子与信息工程学院", regionCode: "310000" },
      { name: "钱立新", employer: "浙江大学计算机科学与技术学院", regionCode: "330000" },
    ]);
    if (!first || !second) throw new Error("no experts");
    await assignedReview(office, batchId, { perApplication: 1, maxLoad: 1 });
    const mine = (await first.client.get("/api/expert/assignments")).body.items[0];
    const theirs = (await second.client.get("/api/expert/assignments")).body.items[0];

    const pledge = await first.client.get(`/api/expert/assignments/${mine.id}/pledge`);
    expect(pledge.status).toBe(200);
    expect(pledge.body.acceptedAt).toBeNull();
    expect(pledge.body.paragraphs.join("")).toContain("保守秘密");
    expect(pledge.body.paragraphs.join("")).toContain("回避");
    for (const refused of [
      await first.client.get(`/api/expert/assignments/${mine.id}`),
      await first.client.post(`/api/expert/assignments/${mine.id}/submit`, { ...fullSheet(8), revision: 0 }),
      await first.client.put(`/api/expert/assignments/${mine.id}/sheet`, { ...fullSheet(8), revision: 0 }),
    ]) {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: "PLEDGE_REQUIRED" });
      expect(refused.body.message).toContain("评审承诺");
    }
    expect((await first.client.post(`/api/expert/assignments/${mine.id}/pledge`, {})).status).toBe(400);
    expect(await ctx.deps.db.selectFrom("scoreSheets").selectAll().execute()).toHaveLength(0);

    const accepted = await first.client.post(`/api/expert/assignments/${mine.id}/pledge`, { accept: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body.acceptedAt).toEqual(expect.any(String));
    // Accepting again keeps the first acceptance: one row, one audit event.
    await first.client.post(`/api/expert/assignments/${mine.id}/pledge`, { accept: true });
    expect(await audit("review.acceptPledge")).toHaveLength(1);
    expect(await ctx.deps.db.selectFrom("reviewPledges").selectAll().execute()).toHaveLength(1);

    const opened = await first.client.get(`/api/expert/assignments/${mine.id}`);
    expect(opened.status).toBe(200);
    const labels = opened.body.attachments.map((item: { label: string }) => item.label);
    // Labelled with the batch's names (Shanghai asks for the stamped form's PDF).
    expect(labels).toEqual(["申报表电子版（加盖公章的PDF格式）"]);
    const attachment = opened.body.attachments[0];
    const path = `/api/expert/assignments/${mine.id}/attachments/${attachment.id}`;
    const downloaded = await first.client.get(path);
    expect(downloaded.status).toBe(200);
    expect(downloaded.raw.subarray(0, 5).toString()).toBe("%PDF-");
    expect(String(downloaded.headers["content-disposition"])).toMatch(/^attachment;/);
    const events = await audit("review.downloadAttachment");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ targetId: opened.body.application.id, actorRole: "expert" });
    expect(events[0]?.summary).toContain("周明华");

    // The other expert: not through its own assignment (another application), not through ours.
    await acceptPledges(second.client);
    expect(
      (await second.client.get(`/api/expert/assignments/${theirs.id}/attachments/${attachment.id}`)).status,
    ).toBe(404);
    expect((await second.client.get(path)).status).toBe(404);
    // Nor the office or the applicant through the expert route.
    expect((await office.get(path)).status).toBe(403);
    expect((await apps[0]?.client.get(path))?.status).toBe(403);
    expect(await audit("review.downloadAttachment")).toHaveLength(1);

    const submitted = await first.client.post(`/api/expert/assignments/${mine.id}/submit`, {
      ...fullSheet(8),
      revision: 0,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  it("draws experts at random from a recorded seed, shows the shortfall and requires a reason to decide", async () => {
    // Two 人工智能 experts, one of whom works for the first applicant: it can have only one.
    const experts: PoolExpert[] = await expertPool(ctx, office, [
      { name: "周明华", employer: "同济大学电子与信息工程学院", regionCode: "310000" },
      {
        name: "郑国强",
        employer: apps[0]?.name ?? "",
        regionCode: "310000",
        employerCreditCode: apps[0]?.creditCode,
      },
    ]);
    const settings = await office.get(`/api/review/${batchId}/settings`);
    expect(
      (
        await office.put(`/api/review/${batchId}/settings`, {
          ...settings.body.round,
          perApplication: 2,
          maxLoad: 5,
        })
      ).status,
    ).toBe(200);
    const random = `/api/review/${batchId}/assignments/random`;
    const preview = await office.post(random, { apply: false, seed: 20261209 });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ seed: 20261209, applied: false, perApplication: 2 });
    // The same seed over the same pool draws the same experts.
    expect((await office.post(random, { apply: false, seed: 20261209 })).body.draws).toEqual(
      preview.body.draws,
    );
    const firstDraw = preview.body.draws.find(
      (d: { applicationId: string }) => d.applicationId === apps[0]?.id,
    );
    expect(firstDraw.experts.map((e: { name: string }) => e.name)).toEqual(["周明华"]);
    expect(firstDraw.missing).toBe(1);
    expect(firstDraw.reason).toContain("须回避1名");
    expect((await office.post(random, { apply: false, seed: -1 })).status).toBe(400);
    const unseeded = await office.post(random, { apply: false });
    expect(unseeded.body.seed).toEqual(expect.any(Number));

    const applied = await office.post(random, { apply: true, seed: 20261209 });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.draws).toEqual(preview.body.draws);
    const draws = await office.get(`/api/review/${batchId}/draws`);
    expect(draws.body.items).toEqual([
      expect.objectContaining({ seed: 20261209, perApplication: 2, assigned: 3, missing: 1 }),
    ]);
    const drawEvent = (await audit("review.assign")).at(-1);
    expect(drawEvent?.summary).toBe("随机抽取评议专家3人次（随机种子20261209）");
    expect(JSON.parse(drawEvent?.detail ?? "{}").seed).toBe(20261209);

    for (const expert of experts) {
      await acceptPledges(expert.client);
      for (const item of (await expert.client.get("/api/expert/assignments")).body.items) {
        const sent = await expert.client.post(`/api/expert/assignments/${item.id}/submit`, {
          ...fullSheet(8),
          revision: 0,
        });
        expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      }
    }
    // The shortfall shows before the scores are opened (it says nothing about scores).
    const hidden = await office.get(`/api/review/${batchId}/ranking`);
    expect(hidden.body).toMatchObject({ scoresOpened: false, groups: [], expertsRequired: 2 });
    expect(hidden.body.shortfalls).toEqual([
      {
        applicationId: apps[0]?.id,
        institutionName: apps[0]?.name,
        expertsAssigned: 1,
        shortfall: 1,
        shortfallReason: null,
      },
    ]);
    expect((await office.post(`/api/review/${batchId}/open-scores`)).status).toBe(200);
    const ranking = await office.get(`/api/review/${batchId}/ranking`);
    const items = ranking.body.groups.flatMap((group: { items: unknown[] }) => group.items);
    const short = items.find((item: { applicationId: string }) => item.applicationId === apps[0]?.id);
    expect(short).toMatchObject({
      expertsAssigned: 1,
      expertsRequired: 2,
      shortfall: 1,
      shortfallReason: null,
    });
    const full = items.find((item: { applicationId: string }) => item.applicationId === apps[1]?.id);
    expect(full).toMatchObject({ expertsAssigned: 2, shortfall: 0 });
    expect((await office.post(`/api/review/${batchId}/complete`)).body.completed).toBe(2);

    const silent = await office.post(`/api/applications/${apps[0]?.id}/decide`, {
      decision: "approved",
      basis: "专家评议排名靠前，在名额之内",
    });
    expect(silent.status).toBe(422);
    expect(silent.body).toMatchObject({ code: "SHORTFALL_REASON_REQUIRED" });
    expect(silent.body.message).toContain("实有1名");
    expect(silent.body.fields[0].path).toBe("shortfallReason");
    expect((await office.get(`/api/applications/${apps[0]?.id}`)).body.application.status).toBe("reviewed");
    const reason = "仅一名专家无须回避，经办公室研究，按现有评分审定";
    const decided = await office.post(`/api/applications/${apps[0]?.id}/decide`, {
      decision: "approved",
      basis: "专家评议排名靠前，在名额之内",
      shortfallReason: reason,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    // A fully staffed application needs no reason.
    expect(
      (
        await office.post(`/api/applications/${apps[1]?.id}/decide`, {
          decision: "rejected",
          basis: "排名在名额之外",
        })
      ).status,
    ).toBe(200);
    const after = (await office.get(`/api/review/${batchId}/ranking`)).body.groups
      .flatMap((group: { items: unknown[] }) => group.items)
      .find((item: { applicationId: string }) => item.applicationId === apps[0]?.id);
    expect(after.shortfallReason).toBe(reason);
    const decisionEvent = (await audit("decision.approve")).at(-1);
    expect(decisionEvent?.summary).toContain(`缺额审定说明：${reason}`);
    expect(JSON.parse(decisionEvent?.detail ?? "{}")).toMatchObject({
      expertsRequired: 2,
      expertsAssigned: 1,
    });

    const opinion = await office.get(`/api/review/${batchId}/opinion.docx`);
    expect(opinion.status).toBe(200);
    const xml = (await zipEntry(opinion.raw, "word/document.xml"))?.toString() ?? "";
    const text = squeeze(xml.replace(/<[^>]+>/g, ""));
    expect(text).toContain("评议专家不足（应2名，实有1名）");
    expect(text).toContain(`缺额审定说明：${reason}`);
    expect(text).toContain(`${apps[0]?.name}实有1名`);
  });
});
