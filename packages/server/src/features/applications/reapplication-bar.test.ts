import { nationalBatch2, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listedInstitution, makeStaff, publishOpenBatch, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

/** An Asia/Shanghai wall-clock time. */
const at = (local: string) => new Date(`${local}+08:00`);
// Decided on 2026-03-02: barred through 2029-03-02, free to apply from 00:00 on 2029-03-03.
const DECIDED = at("2026-03-02T10:00:00");
const OPENS = at("2029-03-03T00:00:00");
const REASON = "2029年3月3日前不得再次申报（考核评估不通过：培训质量不达标）";

type Option = { kind: string; occupation: string; open: boolean; reason: string | null };

describe.each(testDatabases)("the bar after a failed 考核评估 on %s", (kind) => {
  let ctx: TestContext;
  let institution: TestClient;
  let creditCode: string;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    ctx.setNow(at("2026-01-05T09:00:00"));
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    const listed = await listedInstitution(ctx, { batchId, occupation: "iot" });
    institution = listed.client;
    creditCode = listed.creditCode;
    // The office assesses it and fails it; its note repeats what the decision already says.
    ctx.setNow(DECIDED);
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    const opened = await office.post("/api/assessments/cycles", {
      name: "2026年度考核评估",
      dueAt: at("2026-03-31T17:00:00").toISOString(),
      before: at("2030-01-01T00:00:00").toISOString(),
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await institution.login(creditCode, TEST_PASSWORD);
    const assessment = (await institution.get("/api/assessments")).body.items[0];
    const decided = await office.post(`/api/assessments/${assessment.id}/decide`, {
      result: "fail",
      note: "考核评估不通过：培训质量不达标",
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** At `now`, with a batch open then: the options, and what starting a draft of each kind answers. */
  async function tryAt(now: Date) {
    ctx.setNow(now);
    await institution.login(creditCode, TEST_PASSWORD);
    const batchId = await publishOpenBatch(ctx, nationalBatch2);
    const options = await institution.get(`/api/batches/${batchId}/application-options`);
    expect(options.status).toBe(200);
    const start = (kindCode: "training" | "evaluation") =>
      institution.post("/api/applications", {
        batchId,
        kind: kindCode,
        occupation: "ai",
        levels: ["junior"],
      });
    return { options: options.body.occupations as Option[], start };
  }

  it("records the bar to 00:00 Shanghai of the day its message names, and the removal with it", async () => {
    const bars = await ctx.deps.db
      .selectFrom("institutionBars")
      .select(["kind", "reason", "until"])
      .execute();
    expect(bars).toEqual([
      { kind: "training", reason: "考核评估不通过：培训质量不达标", until: OPENS.toISOString() },
    ]);
    const history = await ctx.deps.db
      .selectFrom("catalogEntryVersions")
      .select("reason")
      .where("change", "=", "removed")
      .execute();
    expect(history.map((row) => row.reason)).toEqual([`移出目录；${REASON}`]);
  });

  it("shows every occupation of the barred kind closed with the reason, and refuses a draft of it", async () => {
    const { options, start } = await tryAt(new Date(DECIDED.getTime() + 60_000));
    const training = options.filter((option) => option.kind === "training");
    expect(training.length).toBeGreaterThan(1);
    for (const option of training) expect(option).toMatchObject({ open: false, reason: REASON });
    // The bar is on 培训机构 only: the same institution may still apply as an evaluation institution.
    const evaluation = options.filter((option) => option.kind === "evaluation");
    expect(evaluation.some((option) => option.open)).toBe(true);
    expect(evaluation.filter((option) => option.reason === REASON)).toEqual([]);
    const refused = await start("training");
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "APPLICATION_BARRED",
      message: REASON,
      fields: [{ path: "kind", message: REASON }],
    });
    expect(refused.body.message.match(/考核评估不通过/g)).toHaveLength(1);
    expect((await start("evaluation")).status).toBe(201);
  });

  it("still bars one second before 00:00 Shanghai on the named day", async () => {
    const { options, start } = await tryAt(new Date(OPENS.getTime() - 1000));
    expect(options.find((option) => option.kind === "training")).toMatchObject({
      open: false,
      reason: REASON,
    });
    expect((await start("training")).body.code).toBe("APPLICATION_BARRED");
  });

  it("opens at 00:00 Shanghai on the named day, and the eligibility check agrees", async () => {
    const { options, start } = await tryAt(OPENS);
    expect(options.find((option) => option.kind === "training")).toMatchObject({ open: true, reason: null });
    const started = await start("training");
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const notBarred = started.body.application.eligibility.results.find(
      (result: { rule: string }) => result.rule === "notBarred",
    );
    expect(notBarred).toMatchObject({ outcome: "pass", reason: "无生效中的申报限制" });
  });
});
