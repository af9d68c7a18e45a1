import crypto from "node:crypto";
import { nationalBatch2, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishOpenBatch, registerInstitution, submitCompleteApplication } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("a second application started from an earlier one on %s", (kind) => {
  let ctx: TestContext;
  let nationalId: string;
  let shanghaiId: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    nationalId = await publishOpenBatch(ctx, nationalBatch2);
    shanghaiId = await publishOpenBatch(ctx, shanghaiBatch3);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const auditOf = (targetId: string) =>
    ctx.deps.db
      .selectFrom("auditEvents")
      .select(["command", "summary", "detail"])
      .where("targetId", "=", targetId)
      .orderBy("seq", "asc")
      .execute();

  it("starts a second application from a submitted one: the institution's data copied, the occupation's empty", async () => {
    const first = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "training",
      occupation: "ai",
    });
    const source = first.application;
    expect(source.values.trainingPlan).not.toBeNull();
    const response = await first.client.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "cloud",
      levels: ["senior"],
      sourceApplicationId: source.id,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { application, copy } = response.body;
    expect(application).toMatchObject({ occupation: "cloud", levels: ["senior"], status: "draft" });
    for (const key of [
      "institutionName",
      "legalRepresentativeIdNumber",
      "address",
      "institutionProfile",
      "leadPhone",
    ])
      expect(application.values[key], key).toEqual(source.values[key]);
    expect(application.values.taxRecords).toEqual(source.values.taxRecords);
    expect(application.values.teachers).toEqual(source.values.teachers);
    expect(application.values.totalTrainees).toBe(source.values.totalTrainees);
    expect(application.values.occupation).toBe("cloud");
    for (const key of ["trainingPlan", "trainingHistory", "plannedTraineesJunior", "trainingFeeSenior"])
      expect(application.values[key], key).toBeNull();
    expect(application.values.commitmentAccepted).toBe(false);

    expect(copy.source).toMatchObject({
      id: source.id,
      batchTitle: `【演示】${nationalBatch2.shortTitle}`,
      occupationName: "人工智能工程技术人员",
      status: "submitted",
      statusName: "已提交",
    });
    expect(copy.copied.map((slot: { key: string }) => slot.key)).toContain("teachers");
    expect(copy.skipped).toContainEqual({
      key: "trainingPlan",
      label: "下一步培训工作规划",
      reason: "occupationSpecific",
      reasonName: "与申报职业有关，需按本次申报的职业填写",
    });

    // Personal data is sealed in the copy as in any draft.
    const stored = await ctx.deps.db
      .selectFrom("applications")
      .select("draftValues")
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.draftValues).legalRepresentativeIdNumber).toMatch(/^sealed:/);
    expect(stored.draftValues).not.toContain(source.values.legalRepresentativeIdNumber);

    const events = await auditOf(application.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.command).toBe("application.create");
    expect(events[0]?.summary).toContain(
      `复制自【演示】${nationalBatch2.shortTitle}·培训机构·人工智能工程技术人员`,
    );
    expect(JSON.parse(events[0]?.detail ?? "{}")).toMatchObject({ sourceApplicationId: source.id });
  });

  it("copies across batches and templates, field by field where they match", async () => {
    const first = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "training",
      occupation: "iot",
    });
    const response = await first.client.post("/api/applications", {
      batchId: shanghaiId,
      kind: "training",
      occupation: "iot",
      levels: ["junior"],
      applicantCategory: "university",
      sourceApplicationId: first.application.id,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { application, copy } = response.body;
    expect(application.templateId).toBe("shanghai-training-v1");
    expect(application.values.institutionProfile).toBe(first.application.values.institutionProfile);
    expect(application.values.facilities).toEqual(first.application.values.facilities);
    expect(application.values).not.toHaveProperty("nationalContinuingEducationBase");
    expect(copy.skipped.map((slot: { key: string }) => slot.key)).toContain("trainingHistory");
  });

  it("refuses another institution's application as the source, creating nothing", async () => {
    const other = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "training",
      occupation: "ai",
    });
    const { client } = await registerInstitution(ctx);
    for (const sourceApplicationId of [other.application.id, crypto.randomUUID()]) {
      const response = await client.post("/api/applications", {
        batchId: nationalId,
        kind: "training",
        occupation: "ai",
        levels: ["junior"],
        sourceApplicationId,
      });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        code: "COPY_SOURCE_NOT_FOUND",
        message: "要复制的申报不存在或不属于本单位，请重新选择",
        fields: [{ path: "sourceApplicationId", message: expect.stringContaining("不属于本单位") }],
      });
    }
    expect((await client.get("/api/applications")).body.items).toEqual([]);
  });
});
