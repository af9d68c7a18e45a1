import { shanghaiBatch3, shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeStaff,
  publishOpenBatch,
  registerInstitution,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { findBatchDefinition } from "../batches/definition-cache";

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/*
 * 沪人社专〔2026〕55号: paper copies 2026年4月3日前报送. Copies that arrive later are flagged when
 * the receiving centre records them; it takes them or not, with its reason, and refused copies
 * keep the application from passing the formal check.
 */
describe.each(testDatabases)("late paper copies on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let centre: TestClient;
  let centreUser: string;
  let deadlineDate: string;
  /** The applicant of the latest `submittedThenLate`. */
  let institution: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    centreUser = await makeStaff(ctx, "receivingCentre", { regionCode: "310000" });
    const batch = await findBatchDefinition(ctx.deps.db, batchId);
    const deadline = batch?.definition.paperDeadline;
    if (!deadline) throw new Error("the Shanghai batch has a paper deadline");
    deadlineDate = shanghaiDate(deadline);
  });
  afterAll(async () => {
    ctx?.setNow(null);
    await ctx?.close();
  });

  /** A submitted application, with the server's clock `daysAfter` days past the paper deadline. */
  async function submittedThenLate(daysAfter: number) {
    ctx.setNow(null);
    const { application, creditCode } = await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "ai",
    });
    ctx.setNow(new Date(`${addDays(deadlineDate, daysAfter)}T10:00:00+08:00`));
    // Sessions from before the jump would have timed out: both sign in on the day.
    centre = ctx.client();
    await centre.login(centreUser, TEST_PASSWORD);
    institution = ctx.client();
    await institution.login(creditCode, TEST_PASSWORD);
    return application.id as string;
  }

  async function receipt(id: string) {
    const queue = await centre.get(`/api/recommendation-queue?batchId=${batchId}`);
    return queue.body.items.find((item: { id: string }) => item.id === id)?.paperReceipt;
  }

  it("asks for the centre's choice and reason when copies come after the deadline", async () => {
    const id = await submittedThenLate(5);
    const receivedOn = addDays(deadlineDate, 2);
    const refused = await centre.post(`/api/applications/${id}/paper-receipt`, { copies: 2, receivedOn });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("VALIDATION_FAILED");
    expect(refused.body.fields.map((field: { path: string }) => field.path)).toEqual([
      "lateDecision",
      "lateReason",
    ]);
    expect(refused.body.message).toMatch(
      /^接收日期晚于纸质材料报送截止时间（\d{4}年\d{1,2}月\d{1,2}日）2天，请选择逾期接收或不予接收$/,
    );
    // Nothing was recorded.
    expect(await receipt(id)).toBeNull();

    const accepted = await centre.post(`/api/applications/${id}/paper-receipt`, {
      copies: 2,
      receivedOn,
      lateDecision: "accepted",
      lateReason: "邮戳日期在截止日前，邮路延误",
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await receipt(id)).toEqual({
      copies: 2,
      receivedOn,
      lateDecision: "accepted",
      lateReason: "邮戳日期在截止日前，邮路延误",
    });
    // Accepted late copies count: the formal check passes.
    const passed = await centre.post(`/api/applications/${id}/formal-check`);
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.application.status).toBe("formallyChecked");
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("targetId", "=", id)
      .where("command", "=", "application.paperReceipt")
      .execute();
    expect(audit.map((event) => event.summary)).toEqual([
      expect.stringMatching(
        /^登记纸质材料：2份，\d{4}年\d{1,2}月\d{1,2}日接收，逾期2天，逾期接收（邮戳日期在截止日前，邮路延误）$/,
      ),
    ]);
  });

  it("keeps refused late copies from passing the formal check", async () => {
    const id = await submittedThenLate(3);
    const recorded = await centre.post(`/api/applications/${id}/paper-receipt`, {
      copies: 2,
      receivedOn: addDays(deadlineDate, 3),
      lateDecision: "refused",
      lateReason: "超过截止时间且无正当理由",
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const check = await centre.post(`/api/applications/${id}/formal-check`);
    expect(check.status).toBe(409);
    expect(check.body.code).toBe("TRANSITION_NOT_ALLOWED");
    expect(check.body.message).toBe(
      "逾期报送的纸质材料已不予接收（超过截止时间且无正当理由），不能通过形式审查，可退回申报",
    );
    expect(
      (
        await ctx.deps.db
          .selectFrom("applications")
          .select("status")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe("submitted");
  });

  it("takes copies in time without a late choice, and refuses one", async () => {
    const id = await submittedThenLate(4);
    const inTime = { copies: 2, receivedOn: deadlineDate };
    const stray = await centre.post(`/api/applications/${id}/paper-receipt`, {
      ...inTime,
      lateDecision: "refused",
      lateReason: "误选",
    });
    expect(stray.status).toBe(400);
    expect(stray.body.fields).toEqual([
      { path: "lateDecision", message: "接收日期未晚于报送截止时间，无需作逾期处理" },
    ]);
    const ok = await centre.post(`/api/applications/${id}/paper-receipt`, inTime);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await receipt(id)).toEqual({ ...inTime, lateDecision: null, lateReason: null });
  });

  it("shows the applicant its receipt and the check's outcome with the centre's opinion", async () => {
    const id = await submittedThenLate(1);
    const before = await institution.get(`/api/applications/${id}/formal-check`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toMatchObject({
      applies: true,
      paperCopies: 2,
      paperReceipt: null,
      formalCheck: null,
    });
    expect(before.body.paperDeadline).toBe(`${deadlineDate}T23:59:59+08:00`);

    const receivedOn = addDays(deadlineDate, 1);
    const late = { copies: 2, receivedOn, lateDecision: "accepted", lateReason: "邮路延误" };
    expect((await centre.post(`/api/applications/${id}/paper-receipt`, late)).status).toBe(200);
    const tooLong = await centre.post(`/api/applications/${id}/formal-check`, { opinion: "很".repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toContain("审查意见不超过500字");
    const passed = await centre.post(`/api/applications/${id}/formal-check`, {
      opinion: "  材料齐全，盖章清晰  ",
    });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);

    const after = await institution.get(`/api/applications/${id}/formal-check`);
    expect(after.body.paperReceipt).toEqual({ ...late, note: null });
    expect(after.body.formalCheck).toEqual({ passedAt: expect.any(String), opinion: "材料齐全，盖章清晰" });
    // Another institution learns nothing of it.
    const stranger = await registerInstitution(ctx);
    expect((await stranger.client.get(`/api/applications/${id}/formal-check`)).status).toBe(404);
  });
});
