import { nationalBatch2, shanghaiBatch3, shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfPages, squeeze } from "../../documents/document-test-utils";
import {
  makeStaff,
  publishOpenBatch,
  signedInStaff,
  submitCompleteApplication,
  TEST_PASSWORD,
  unique,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("recommendation on %s", (kind) => {
  let ctx: TestContext;
  let nationalId: string;
  let recommender: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    nationalId = await publishOpenBatch(ctx, nationalBatch2);
    recommender = ctx.client();
    await recommender.login(
      await makeStaff(ctx, "provincialRecommender", { regionCode: "330000" }),
      TEST_PASSWORD,
    );
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /**
   * An industry recommender's closed list in a national batch of its own, as the 推荐函 test below walks
   * it: one evaluation application returned, answered and recommended; another declined.
   */
  async function closedIndustryList() {
    const batchId = await publishOpenBatch(ctx, nationalBatch2);
    const industryScope = `工业和信息化测试${unique()}`;
    const { client: recommenderClient } = await signedInStaff(ctx, "industryRecommender", { industryScope });
    const recommender = { type: "industry" as const, value: industryScope };
    const [recommended, declined] = [
      await submitCompleteApplication(ctx, {
        batchId,
        kind: "evaluation",
        occupation: "cloud",
        regionCode: "440000",
        recommender,
      }),
      await submitCompleteApplication(ctx, {
        batchId,
        kind: "evaluation",
        occupation: "cloud",
        regionCode: "320000",
        recommender,
      }),
    ];
    const steps = [
      () =>
        recommenderClient.post(`/api/applications/${recommended.application.id}/return`, {
          reason: "请补充考评员资质说明",
          replyBy: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        }),
      () =>
        recommenderClient.post(`/api/applications/${declined.application.id}/decline`, {
          reason: "评价工作规模较小",
        }),
      () =>
        recommended.client.post(`/api/applications/${recommended.application.id}/submit`, { recommender }),
      () =>
        recommenderClient.post(`/api/applications/${recommended.application.id}/recommend`, {
          reason: "该机构在云计算领域考核评价经验丰富，考务管理规范，推荐。",
          rank: 1,
        }),
      () =>
        recommenderClient.post("/api/recommendation/close", {
          batchId,
          leaderName: "王主任",
          contactName: "李干事",
          contactPhone: "010-68208888",
        }),
    ];
    for (const step of steps) {
      const response = await step();
      if (response.status !== 200)
        throw new Error(`closing the list failed: ${JSON.stringify(response.body)}`);
    }
    return { batchId, industryScope, recommenderClient, recommended, declined };
  }

  it("routes a training application to its province only, and hides it elsewhere (404)", async () => {
    const { application } = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "training",
      occupation: "cloud",
      regionCode: "330000",
    });
    expect(application.recommender).toEqual({ type: "region", value: "330000" });
    const queue = await recommender.get(`/api/recommendation-queue?batchId=${nationalId}&occupation=cloud`);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(application.id);
    expect(queue.body.quotas).toContainEqual(
      expect.objectContaining({ occupation: "cloud", used: 0, limit: 5 }),
    );
    const beijing = ctx.client();
    await beijing.login(
      await makeStaff(ctx, "provincialRecommender", { regionCode: "110000" }),
      TEST_PASSWORD,
    );
    expect((await beijing.get(`/api/applications/${application.id}`)).status).toBe(404);
    expect(
      (
        await beijing.post(`/api/applications/${application.id}/recommend`, {
          reason: "该机构实力较强，推荐纳入目录。",
          rank: 1,
        })
      ).status,
    ).toBe(404);
    const beijingQueue = await beijing.get(`/api/recommendation-queue?batchId=${nationalId}`);
    expect(beijingQueue.body.items.map((item: { id: string }) => item.id)).not.toContain(application.id);
    // Zhejiang's recommender was told of it; Beijing's (created after it, and not its recommender) was not.
    const told = (await recommender.get("/api/notifications")).body.items.filter(
      (item: { link: string }) => item.link === `/workbench/recommendation-queue/${application.id}`,
    );
    expect(told).toHaveLength(1);
    expect((await beijing.get("/api/notifications")).body.items).toEqual([]);
  });

  it("enforces the per-region training quota with the count and the rule named", async () => {
    const apps = [];
    for (let i = 0; i < 6; i++) {
      apps.push(
        (
          await submitCompleteApplication(ctx, {
            batchId: nationalId,
            kind: "training",
            occupation: "iot",
            regionCode: "330000",
          })
        ).application,
      );
    }
    for (let i = 0; i < 5; i++) {
      const response = await recommender.post(`/api/applications/${apps[i].id}/recommend`, {
        reason: `该机构物联网培训基础扎实，推荐排名第${i + 1}。`,
        rank: i + 1,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.quota).toMatchObject({ used: i + 1, limit: 5 });
    }
    const sixth = await recommender.post(`/api/applications/${apps[5].id}/recommend`, {
      reason: "该机构物联网培训基础扎实，推荐。",
      rank: 5,
    });
    expect(sixth.status).toBe(409);
    expect(sixth.body.code).toBe("QUOTA_EXCEEDED");
    expect(sixth.body.message).toContain("培训机构每个职业每个地方不超过5家");
    expect(sixth.body.message).toContain("已推荐5家");
    const queue = await recommender.get(`/api/recommendation-queue?batchId=${nationalId}&occupation=iot`);
    expect(queue.body.quotas).toContainEqual(
      expect.objectContaining({ occupation: "iot", used: 5, limit: 5 }),
    );
    // Undo frees the place; then the sixth fits.
    expect((await recommender.post(`/api/applications/${apps[4].id}/undo-recommendation`)).status).toBe(200);
    expect(
      (
        await recommender.post(`/api/applications/${apps[5].id}/recommend`, {
          reason: "该机构物联网培训基础扎实，推荐。",
          rank: 5,
        })
      ).status,
    ).toBe(200);
  });

  it("lets exactly one of two racing staff take the last evaluation place", async () => {
    // The per-recommender evaluation cap is a batch setting, off in the seed batches: turned on here.
    const cappedId = await publishOpenBatch(ctx, {
      ...nationalBatch2,
      quotas: {
        ...nationalBatch2.quotas,
        evaluation: { perOccupationMin: 1, perOccupationMax: 2, perRecommenderMax: 2 },
      },
    });
    const second = ctx.client();
    await second.login(
      await makeStaff(ctx, "provincialRecommender", { regionCode: "330000" }),
      TEST_PASSWORD,
    );
    const apps = [];
    for (let i = 0; i < 3; i++) {
      apps.push(
        (
          await submitCompleteApplication(ctx, {
            batchId: cappedId,
            kind: "evaluation",
            occupation: "ai",
            regionCode: "330000",
          })
        ).application,
      );
    }
    expect(
      (
        await recommender.post(`/api/applications/${apps[0].id}/recommend`, {
          reason: "评价体系完善，推荐排名第一。",
          rank: 1,
        })
      ).status,
    ).toBe(200);
    const [a, b] = await Promise.all([
      recommender.post(`/api/applications/${apps[1].id}/recommend`, {
        reason: "评价体系完善，推荐排名第二。",
        rank: 2,
      }),
      second.post(`/api/applications/${apps[2].id}/recommend`, {
        reason: "评价体系完善，推荐排名第二。",
        rank: 2,
      }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(["QUOTA_EXCEEDED", "RANK_TAKEN"]).toContain(loser.body.code);
    const queue = await recommender.get(
      `/api/recommendation-queue?batchId=${cappedId}&kind=evaluation&occupation=ai`,
    );
    expect(queue.body.quotas).toContainEqual(
      expect.objectContaining({ kind: "evaluation", occupation: "ai", used: 2, limit: 2 }),
    );
    expect(queue.body.items.filter((item: { status: string }) => item.status === "recommended")).toHaveLength(
      2,
    );
  });

  it("returns with a reply deadline, declines with a reason, closes the list and issues the 推荐函", async () => {
    const recommenderClient = ctx.client();
    await recommenderClient.login(
      await makeStaff(ctx, "industryRecommender", { industryScope: "工业和信息化测试" }),
      TEST_PASSWORD,
    );
    const recommender = { type: "industry" as const, value: "工业和信息化测试" };
    const first = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "evaluation",
      occupation: "cloud",
      regionCode: "440000",
      recommender,
    });
    const second = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "evaluation",
      occupation: "cloud",
      regionCode: "320000",
      recommender,
    });
    const replyBy = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const returned = await recommenderClient.post(`/api/applications/${first.application.id}/return`, {
      reason: "请补充考评员资质说明",
      replyBy,
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const early = await recommenderClient.post("/api/recommendation/close", {
      batchId: nationalId,
      leaderName: "王主任",
      contactName: "李干事",
      contactPhone: "010-68208888",
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("LIST_NOT_COMPLETE");
    const declined = await recommenderClient.post(`/api/applications/${second.application.id}/decline`, {
      reason: "评价工作规模较小",
    });
    expect(declined.body.application.status).toBe("notRecommended");
    // The institution answers the return and resubmits; the recommender recommends.
    const mine = await first.client.get(`/api/applications/${first.application.id}`);
    expect(mine.body.application.returnReason).toContain("考评员");
    expect(mine.body.application.deadline).toBe(replyBy);
    expect(
      (await first.client.post(`/api/applications/${first.application.id}/submit`, { recommender })).status,
    ).toBe(200);
    const recommended = await recommenderClient.post(`/api/applications/${first.application.id}/recommend`, {
      reason: "该机构在云计算领域考核评价经验丰富，考务管理规范，推荐。",
      rank: 1,
    });
    expect(recommended.status, JSON.stringify(recommended.body)).toBe(200);
    const closed = await recommenderClient.post("/api/recommendation/close", {
      batchId: nationalId,
      leaderName: "王主任",
      contactName: "李干事",
      contactPhone: "010-68208888",
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const after = await recommenderClient.post(
      `/api/applications/${first.application.id}/undo-recommendation`,
    );
    expect(after.status).toBe(409);
    expect(after.body.code).toBe("STAGE_CLOSED");
    const letter = await recommenderClient.get(`/api/recommendation/letter.pdf?batchId=${nationalId}`);
    expect(letter.status).toBe(200);
    expect(letter.raw.subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await recommenderClient.get(`/api/recommendation/letter.docx?batchId=${nationalId}`);
    expect(docx.raw.subarray(0, 2).toString()).toBe("PK");
  });

  it.skipIf(!hasPdftotext)(
    "prints the recommended institution, its reason and the recommender's leader in the 推荐函 and the form [reads the text with pdftotext]",
    async () => {
      const { recommenderClient, batchId, recommended, declined } = await closedIndustryList();
      const letter = await recommenderClient.get(`/api/recommendation/letter.pdf?batchId=${batchId}`);
      expect(letter.status).toBe(200);
      const text = squeeze(pdfPages(letter.raw).join(""));
      expect(text).toContain("推荐函");
      expect(text).toContain(squeeze(recommended.name));
      expect(text).toContain("王主任");
      expect(text).not.toContain(squeeze(declined.name));
      const form = await recommended.client.get(
        `/api/applications/${recommended.application.id}/form.pdf?version=2`,
      );
      const formText = squeeze(pdfPages(form.raw).join(""));
      expect(formText).toContain("考务管理规范");
      expect(formText).toContain("王主任");
      expect(formText).toContain("李干事");
    },
  );

  it("refuses acting after the recommendation stage has closed", async () => {
    const { application } = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "training",
      occupation: "virtual_reality",
      regionCode: "330000",
    });
    const detail = await recommender.get(`/api/applications/${application.id}`);
    expect(detail.status).toBe(200);
    const batch = await ctx.client().get(`/api/public/batches/${nationalId}`);
    const stage = batch.body.batch.definition.stages.find(
      (s: { code: string }) => s.code === "recommendation",
    );
    const closesAt = Date.parse(stage.closesAt);
    ctx.setNow(new Date(closesAt - 30_000));
    const late = ctx.client();
    await late.login(await makeStaff(ctx, "provincialRecommender", { regionCode: "330000" }), TEST_PASSWORD);
    ctx.setNow(new Date(closesAt + 1000));
    try {
      const response = await late.post(`/api/applications/${application.id}/recommend`, {
        reason: "虚拟现实培训条件完善，推荐。",
        rank: 1,
      });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe("STAGE_CLOSED");
    } finally {
      ctx.setNow(null);
    }
  });

  it("shows the office the progress of every recommender", async () => {
    // A batch of its own: Zhejiang receives three and recommends two; an industry recommender closes its list.
    const { batchId, industryScope } = await closedIndustryList();
    const received = [];
    for (let i = 0; i < 3; i++)
      received.push(
        (
          await submitCompleteApplication(ctx, {
            batchId,
            kind: "training",
            occupation: "iot",
            regionCode: "330000",
          })
        ).application,
      );
    for (const [index, application] of received.slice(0, 2).entries()) {
      const response = await recommender.post(`/api/applications/${application.id}/recommend`, {
        reason: `该机构物联网培训基础扎实，推荐排名第${index + 1}。`,
        rank: index + 1,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    }
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    const overview = await office.get(`/api/recommendation/overview?batchId=${batchId}`);
    expect(overview.status).toBe(200);
    const zhejiang = overview.body.recommenders.find(
      (row: { recommender: { value: string } }) => row.recommender.value === "330000",
    );
    expect(zhejiang).toMatchObject({ recommender: { name: "浙江省" }, closedAt: null });
    expect(zhejiang.received).toBe(3);
    expect(zhejiang.recommended).toBe(2);
    const industry = overview.body.recommenders.find(
      (row: { recommender: { value: string } }) => row.recommender.value === industryScope,
    );
    expect(industry.closedAt).not.toBeNull();
    expect(overview.body.totals.recommendersNotClosed).toContain("浙江省");
    // An applicant choosing a recommender is offered every province and this industry department.
    const recommenders = await office.get("/api/recommenders");
    expect(recommenders.body.regions).toContainEqual({ value: "330000", name: "浙江省" });
    expect(recommenders.body.industries.map((industry: { value: string }) => industry.value)).toContain(
      industryScope,
    );
  });
});

describe.each(testDatabases)("Shanghai paper receipt and formal check on %s", (kind) => {
  let ctx: TestContext;
  let shanghaiId: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    shanghaiId = await publishOpenBatch(ctx, shanghaiBatch3);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("records the paper copies and passes the formal check only with 一式2份", async () => {
    const centre = ctx.client();
    await centre.login(await makeStaff(ctx, "receivingCentre", { regionCode: "310000" }), TEST_PASSWORD);
    const { application, client: institution } = await submitCompleteApplication(ctx, {
      batchId: shanghaiId,
      kind: "training",
      occupation: "ai",
    });
    // The receiving centre hears of the submission with a link into its queue.
    const arrived = (await centre.get("/api/notifications")).body.items[0];
    expect(arrived).toMatchObject({
      title: "申报已提交",
      link: `/workbench/recommendation-queue/${application.id}`,
    });
    expect(arrived.body).toContain("请在审核队列中办理");
    const queue = await centre.get(`/api/recommendation-queue?batchId=${shanghaiId}`);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(application.id);
    const today = shanghaiDate(new Date());
    expect(
      (
        await centre.post(`/api/applications/${application.id}/paper-receipt`, {
          copies: 1,
          receivedOn: today,
        })
      ).status,
    ).toBe(200);
    const refused = await centre.post(`/api/applications/${application.id}/formal-check`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("一式2份");
    const receipt = await centre.post(`/api/applications/${application.id}/paper-receipt`, {
      copies: 2,
      receivedOn: today,
      note: "盖章齐全",
    });
    expect(receipt.status).toBe(200);
    const passed = await centre.post(`/api/applications/${application.id}/formal-check`);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.application.status).toBe("formallyChecked");
    // The institution is told, with a link to its application.
    const inbox = await institution.get("/api/notifications");
    expect(inbox.body.items[0]).toMatchObject({
      title: "形式审查已通过",
      link: `/workbench/applications/${application.id}`,
    });
    expect(inbox.body.items[0].body).toContain("进入专家评议");
    const after = await centre.get(`/api/recommendation-queue?batchId=${shanghaiId}`);
    expect(after.body.items.find((item: { id: string }) => item.id === application.id)).toMatchObject({
      statusName: "形式审查通过",
      paperReceipt: { copies: 2, receivedOn: today },
    });
    const other = ctx.client();
    await other.login(await makeStaff(ctx, "receivingCentre", { regionCode: "440000" }), TEST_PASSWORD);
    expect((await other.get(`/api/applications/${application.id}`)).status).toBe(404);
    expect((await other.get(`/api/recommendation-queue?batchId=${shanghaiId}`)).status).toBe(404);
  });
});
