import { nationalBatch2 } from "@linxuan/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { publishOpenBatch, signedInStaff, submitCompleteApplication } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

const BASIS = "工程指导协调小组办公室2023年5月22日会议决定：北京每个职业不超过8家";

describe.each(testDatabases)("quota settings on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let office: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    office = (await signedInStaff(ctx, "nationalOffice")).client;
  });
  // Each test sets quotas of a batch of its own: none depends on what another set before it.
  beforeEach(async () => {
    batchId = await publishOpenBatch(ctx, nationalBatch2);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("lists the places the notice leaves to the office, with the notice's basis", async () => {
    const settings = await office.get(`/api/batches/${batchId}/quota-settings`);
    expect(settings.status).toBe(200);
    expect(settings.body.areas.map((area: { name: string }) => area.name)).toEqual([
      "北京市",
      "上海市",
      "粤港澳大湾区",
    ]);
    for (const area of settings.body.areas) {
      expect(area.limit).toBeNull();
      expect(area.batchNoticeBasis).toContain("可适当扩大规模");
    }
  });

  it("shows 名额待定 with its basis until the office sets 北京's number, then counts against it", async () => {
    const { client: beijing } = await signedInStaff(ctx, "provincialRecommender", { regionCode: "110000" });
    const { application } = await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "ai",
      regionCode: "110000",
    });
    const before = await beijing.get(`/api/recommendation-queue?batchId=${batchId}&occupation=ai`);
    expect(before.body.quotas).toContainEqual(
      expect.objectContaining({ occupation: "ai", status: "pending", limit: null, areaName: "北京市" }),
    );
    expect(before.body.quotas[0].rule).toMatch(
      /^名额待定（依据：.*北京、上海、粤港澳大湾区等地方可适当扩大规模。）$/,
    );
    const refused = await beijing.post(`/api/applications/${application.id}/recommend`, {
      reason: "培训体系完善，师资力量雄厚。",
      rank: 1,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("QUOTA_PENDING");
    expect(refused.body.message).toContain("名额待定");

    const set = await office.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "110000",
      limit: 8,
      basis: BASIS,
    });
    expect(set.status).toBe(200);
    expect(set.body.areas[0]).toMatchObject({ name: "北京市", limit: 8, basis: BASIS });
    // The list names who entered it as people know them, not by login name.
    const setter = await ctx.deps.db
      .selectFrom("users")
      .select(["username", "displayName"])
      .where("username", "=", set.body.areas[0].setBy)
      .executeTakeFirstOrThrow();
    expect(set.body.areas[0].setByName).toBe(setter.displayName);
    expect(setter.displayName).not.toBe(setter.username);
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["summary", "targetId"])
      .where("command", "=", "quota.set")
      .execute();
    expect(audit).toContainEqual({
      targetId: batchId,
      summary: `设定名额：北京市培训机构每个职业8家（依据：${BASIS}）`,
    });

    const after = await beijing.get(`/api/recommendation-queue?batchId=${batchId}&occupation=ai`);
    expect(after.body.quotas).toContainEqual(
      expect.objectContaining({ occupation: "ai", status: "set", limit: 8, basis: BASIS }),
    );
    const recommended = await beijing.post(`/api/applications/${application.id}/recommend`, {
      reason: "培训体系完善，师资力量雄厚。",
      rank: 1,
    });
    expect(recommended.status).toBe(200);
    expect(recommended.body.quota).toMatchObject({ used: 1, limit: 8 });

    const changed = await office.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "110000",
      limit: 6,
      basis: "协调小组办公室复议后调整为每个职业6家",
    });
    expect(changed.status).toBe(200);
    const summaries = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("command", "=", "quota.set")
      .execute();
    expect(summaries.map((row) => row.summary)).toContain(
      "修改名额：北京市培训机构每个职业6家（依据：协调小组办公室复议后调整为每个职业6家）",
    );
  });

  it("counts 粤港澳大湾区 by the institution's city, not all of 广东", async () => {
    const { client: guangdong } = await signedInStaff(ctx, "provincialRecommender", { regionCode: "440000" });
    const { application: shenzhen } = await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "cloud",
      regionCode: "440300",
    });
    const { application: shantou } = await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "cloud",
      regionCode: "440500",
    });
    const queue = await guangdong.get(`/api/recommendation-queue?batchId=${batchId}&occupation=cloud`);
    expect(queue.body.quotas).toHaveLength(2);
    // Each application names the line it counts in, so the recommend dialog shows that line's limit.
    const lineOf = (id: string) => {
      const key = queue.body.items.find((item: { id: string }) => item.id === id)?.quotaAreaKey;
      return queue.body.quotas.find((quota: { areaKey: string | null }) => quota.areaKey === key)?.areaName;
    };
    expect(lineOf(shenzhen.id)).toBe("粤港澳大湾区");
    expect(lineOf(shantou.id)).toBe("广东省");
    expect(queue.body.quotas).toContainEqual(
      expect.objectContaining({ areaName: "粤港澳大湾区", status: "pending", limit: null }),
    );
    expect(queue.body.quotas).toContainEqual(
      expect.objectContaining({ areaName: "广东省", status: "set", limit: 5 }),
    );

    const gba = await office.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "440000:粤港澳大湾区",
      limit: 3,
      basis: "协调小组办公室决定：粤港澳大湾区每个职业不超过3家",
    });
    expect(gba.status).toBe(200);
    const recommended = await guangdong.post(`/api/applications/${shenzhen.id}/recommend`, {
      reason: "大湾区云计算培训基础扎实。",
      rank: 1,
    });
    expect(recommended.status).toBe(200);
    expect(recommended.body.quota).toMatchObject({ used: 1, limit: 3 });
    const after = await guangdong.get(`/api/recommendation-queue?batchId=${batchId}&occupation=cloud`);
    expect(after.body.quotas).toContainEqual(
      expect.objectContaining({ areaName: "粤港澳大湾区", status: "set", used: 1, limit: 3 }),
    );
    expect(after.body.quotas).toContainEqual(
      expect.objectContaining({ areaName: "广东省", used: 0, limit: 5 }),
    );
    const overview = await office.get(`/api/recommendation/overview?batchId=${batchId}`);
    const row = overview.body.recommenders.find(
      (item: { recommender: { value: string } }) => item.recommender.value === "440000",
    );
    expect(row.quotaUsed).toContainEqual({
      kind: "training",
      occupation: "cloud",
      area: "粤港澳大湾区",
      used: 1,
      quota: 3,
    });
    // Undo gives the place back to 粤港澳大湾区's counter.
    expect((await guangdong.post(`/api/applications/${shenzhen.id}/undo-recommendation`)).status).toBe(200);
    const undone = await guangdong.get(`/api/recommendation-queue?batchId=${batchId}&occupation=cloud`);
    expect(undone.body.quotas).toContainEqual(expect.objectContaining({ areaName: "粤港澳大湾区", used: 0 }));
    const counters = await ctx.deps.db
      .selectFrom("quotaCounters")
      .select(["scopeValue", "used"])
      .where("batchId", "=", batchId)
      .where("scopeValue", "=", "440000:粤港澳大湾区")
      .execute();
    expect(counters.map((counter) => Number(counter.used))).toEqual([0]);
  });

  it("refuses bad input with Chinese messages naming the field, and other offices", async () => {
    const bad = await office.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "310000",
      limit: 0,
      basis: " ",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_FAILED");
    expect(bad.body.fields).toEqual([
      { path: "limit", message: "名额应为1至999之间的整数" },
      { path: "basis", message: "依据应为4至300字（通知原文或主管部门的决定）" },
    ]);
    const notOffice = await office.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "330000",
      limit: 5,
      basis: "浙江省扩大规模的决定",
    });
    expect(notOffice.status).toBe(400);
    expect(notOffice.body.fields).toEqual([{ path: "areaKey", message: "该地方的名额不由主管部门设定" }]);
    const shanghai = await office.get(`/api/batches/${batchId}/quota-settings`);
    expect(shanghai.body.areas[1]).toMatchObject({ name: "上海市", limit: null });

    const { client: zhejiang } = await signedInStaff(ctx, "provincialOffice", { regionCode: "330000" });
    expect((await zhejiang.get(`/api/batches/${batchId}/quota-settings`)).status).toBe(403);
    const { client: recommender } = await signedInStaff(ctx, "provincialRecommender", {
      regionCode: "310000",
    });
    const forbidden = await recommender.put(`/api/batches/${batchId}/quota-settings`, {
      kind: "training",
      areaKey: "310000",
      limit: 9,
      basis: "自行决定扩大到9家",
    });
    expect(forbidden.status).toBe(403);
  });
});
