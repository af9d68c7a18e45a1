import { nationalBatch2 } from "@linxuan/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { squeeze, zipEntry } from "../../documents/document-test-utils";
import { publishOpenBatch, signedInStaff, submitCompleteApplication } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

// Zhejiang: its quota is the notice's own 5 per occupation (Guangdong's 粤港澳大湾区 waits for the office).
const recommender = { type: "region", value: "330000" } as const;

/*
 * Notice 四(四): the office 审核 the provinces' recommended training applications, 通过 or 不通过
 * with a reason; whether experts also score them is the batch's review setting.
 */
describe.each(testDatabases)("the office's 审核 of recommended training applications on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let office: TestClient;
  let ids: string[];

  beforeEach(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, nationalBatch2);
    const province = (await signedInStaff(ctx, "provincialRecommender", { regionCode: "330000" })).client;
    ids = [];
    for (let i = 0; i < 2; i++) {
      const { application } = await submitCompleteApplication(ctx, {
        batchId,
        kind: "training",
        occupation: "cloud",
        regionCode: "330000",
        recommender,
      });
      const recommended = await province.post(`/api/applications/${application.id}/recommend`, {
        reason: "该机构在云计算领域培训经验丰富，师资力量雄厚，推荐。",
        rank: i + 1,
      });
      expect(recommended.status, JSON.stringify(recommended.body)).toBe(200);
      ids.push(application.id);
    }
    office = (await signedInStaff(ctx, "nationalOffice")).client;
  });
  afterEach(async () => {
    await ctx?.close();
  });

  const audit = (command: string) =>
    ctx.deps.db.selectFrom("auditEvents").selectAll().where("command", "=", command).orderBy("seq").execute();
  const statusOf = async (id: string) =>
    (await office.get(`/api/applications/${id}`)).body.application.status;

  it("without expert scoring: the check brings the application to 审定, and only a passed one may be approved", async () => {
    const settings = (await office.get(`/api/review/${batchId}/settings`)).body.round;
    expect(settings.trainingExpertScoring).toBe(true);
    const saved = await office.put(`/api/review/${batchId}/settings`, {
      ...settings,
      trainingExpertScoring: false,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.round.trainingExpertScoring).toBe(false);
    // No experts are assigned to training applications then.
    expect((await office.get(`/api/review/${batchId}/candidates`)).body.items).toEqual([]);

    const [first = "", second = ""] = ids;
    const bad = await office.post(`/api/applications/${first}/recommendation-check`, {
      outcome: "maybe",
      reason: "",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.fields)).toContain("请选择审核结果");
    expect(JSON.stringify(bad.body.fields)).toContain("审核意见至少2个字");
    const early = await office.post(`/api/applications/${first}/decide`, {
      decision: "approved",
      basis: "材料齐全，同意",
    });
    expect(early.status).toBe(409);

    const passed = await office.post(`/api/applications/${first}/recommendation-check`, {
      outcome: "passed",
      reason: "推荐材料齐全，符合遴选条件",
    });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(await statusOf(first)).toBe("reviewed");
    const again = await office.post(`/api/applications/${first}/recommendation-check`, {
      outcome: "failed",
      reason: "改变主意",
    });
    expect(again.body).toMatchObject({
      code: "RECOMMENDATION_CHECK_NOT_OPEN",
      message: "该申报已审核，不能重复审核",
    });
    const failed = await office.post(`/api/applications/${second}/recommendation-check`, {
      outcome: "failed",
      reason: "师资证明材料不足",
    });
    expect(failed.status).toBe(200);
    expect((await audit("review.checkRecommendation")).map((event) => event.summary)).toEqual([
      "审核通过：推荐材料齐全，符合遴选条件（本批次培训机构不评分，转入审定）",
      "审核不通过：师资证明材料不足（本批次培训机构不评分，转入审定）",
    ]);

    const list = await office.get(`/api/review/${batchId}/recommendation-checks`);
    expect(list.body.trainingExpertScoring).toBe(false);
    expect(list.body.items).toHaveLength(2);
    expect(
      list.body.items.find((item: { applicationId: string }) => item.applicationId === second),
    ).toMatchObject({
      outcome: "failed",
      outcomeName: "审核不通过",
      reason: "师资证明材料不足",
      regionName: "浙江省",
    });

    const refused = await office.post(`/api/applications/${second}/decide`, {
      decision: "approved",
      basis: "同意",
    });
    expect(refused.body).toMatchObject({
      code: "RECOMMENDATION_CHECK_REQUIRED",
      message: "该申报审核不通过，不能审定通过",
    });
    expect(
      (await office.post(`/api/applications/${second}/decide`, { decision: "rejected", basis: "审核不通过" }))
        .status,
    ).toBe(200);
    const approved = await office.post(`/api/applications/${first}/decide`, {
      decision: "approved",
      basis: "审核通过，同意",
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    // The ranking and the 评议结果意见 carry each check with its opinion.
    expect((await office.post(`/api/review/${batchId}/open-scores`, {})).status).toBe(200);
    const ranking = await office.get(`/api/review/${batchId}/ranking`);
    expect(ranking.status, JSON.stringify(ranking.body)).toBe(200);
    const items = ranking.body.groups.flatMap((group: { items: unknown[] }) => group.items);
    const checkOf = (id: string) =>
      items.find((item: { applicationId: string }) => item.applicationId === id)?.recommendationCheck;
    expect(checkOf(first)).toEqual({
      outcome: "passed",
      outcomeName: "审核通过",
      reason: "推荐材料齐全，符合遴选条件",
    });
    expect(checkOf(second)).toMatchObject({ outcome: "failed", reason: "师资证明材料不足" });
    const opinion = await office.get(`/api/review/${batchId}/opinion.docx`);
    expect(opinion.status).toBe(200);
    const text = squeeze(
      ((await zipEntry(opinion.raw, "word/document.xml"))?.toString() ?? "").replace(/<[^>]+>/g, ""),
    );
    expect(text).toContain("对各地推荐的2家培训机构的推荐结果进行了审核");
    // Nobody scored them: the opinion does not say experts did.
    expect(text).toContain("培训机构申报不组织专家评分，以推荐结果审核意见作为审定依据");
    expect(text).not.toContain("每份申报均由");
    expect(text).toContain("推荐结果审核通过（审核意见：推荐材料齐全，符合遴选条件）");
    expect(text).toContain("推荐结果审核不通过（审核意见：师资证明材料不足）");
  });

  it("with expert scoring: the check is recorded and the application waits for the experts", async () => {
    const [first = ""] = ids;
    const passed = await office.post(`/api/applications/${first}/recommendation-check`, {
      outcome: "passed",
      reason: "推荐材料齐全，符合遴选条件",
    });
    expect(passed.status).toBe(200);
    expect(await statusOf(first)).toBe("recommended");
    expect((await office.get(`/api/review/${batchId}/candidates`)).body.items).toHaveLength(2);
    // One that does not pass cannot be approved: it is no longer offered to the experts.
    const failed = await office.post(`/api/applications/${ids[1]}/recommendation-check`, {
      outcome: "failed",
      reason: "推荐材料与实际培训规模不符",
    });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    const candidates = (await office.get(`/api/review/${batchId}/candidates`)).body.items;
    expect(candidates.map((item: { applicationId: string }) => item.applicationId)).toEqual([first]);
    // A province's office does not act on the national batch.
    const province = (await signedInStaff(ctx, "provincialOffice", { regionCode: "330000" })).client;
    const foreign = await province.post(`/api/applications/${ids[1]}/recommendation-check`, {
      outcome: "passed",
      reason: "同意",
    });
    expect(foreign.status).toBe(404);
  });
});
