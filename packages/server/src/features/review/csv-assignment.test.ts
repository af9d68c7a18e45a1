import { shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOpenBatch, signedInStaff } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { expertPool, formallyCheckedApplications, type PoolExpert } from "../../test/review-factories";

/*
 * 批量分配（CSV）: the office names applications by the 申报编号 printed on their forms, as it
 * reads them off the candidate list; every row must be right or nothing is saved.
 */
describe.each(testDatabases)("CSV assignment by 申报编号 on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let office: TestClient;
  let experts: PoolExpert[];
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    await formallyCheckedApplications(ctx, { batchId, occupation: "ai", count: 2 });
    office = (await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" })).client;
    experts = await expertPool(ctx, office, [
      { name: "孙建国", employer: "复旦大学计算机科学技术学院", regionCode: "310000" },
      { name: "李文静", employer: "南京大学软件学院", regionCode: "320000" },
    ]);
    const settings = await office.get(`/api/review/${batchId}/settings`);
    const saved = await office.put(`/api/review/${batchId}/settings`, {
      ...settings.body.round,
      perApplication: 1,
      maxLoad: 2,
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("lists each candidate with its 申报编号 and assigns by it, typed loosely", async () => {
    const candidates = (await office.get(`/api/review/${batchId}/candidates`)).body.items as {
      applicationId: string;
      applicationNumber: string;
    }[];
    expect(candidates).toHaveLength(2);
    for (const candidate of candidates) expect(candidate.applicationNumber).toMatch(/^\d{4}T\d{6}[0-9X]$/);
    const [first, second] = candidates;
    const [expertA, expertB] = experts;
    if (!first || !second || !expertA || !expertB) throw new Error("world");

    // A typo in one row: nothing is saved, and the row is named.
    const typo = `${first.applicationNumber.slice(0, -1)}${first.applicationNumber.endsWith("0") ? "1" : "0"}`;
    const refused = await office.post(`/api/review/${batchId}/assignments/csv`, {
      text: `申报编号,专家用户名\n${typo},${expertA.username}\n${second.applicationNumber},${expertB.username}`,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((field: { path: string }) => field.path)).toEqual(["assignments.0"]);
    expect(
      (await office.get(`/api/review/${batchId}/candidates`)).body.items.flatMap(
        (c: { experts: unknown[] }) => c.experts,
      ),
    ).toEqual([]);

    const spaced = first.applicationNumber.replace(/^(\d{4})T/, "$1-t-");
    const applied = await office.post(`/api/review/${batchId}/assignments/csv`, {
      text: `申报编号,专家用户名\n${spaced},${expertA.username}\n${second.applicationNumber}，${expertB.username}`,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(2);
    const after = (await office.get(`/api/review/${batchId}/candidates`)).body.items as {
      applicationId: string;
      experts: { expertId: string }[];
    }[];
    const expertsOf = (id: string) =>
      after.find((item) => item.applicationId === id)?.experts.map((e) => e.expertId);
    expect(expertsOf(first.applicationId)).toEqual([expertA.id]);
    expect(expertsOf(second.applicationId)).toEqual([expertB.id]);
  });
});
