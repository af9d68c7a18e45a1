import fs from "node:fs";
import path from "node:path";
import { shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../http/errors";
import { publishOpenBatch, submitCompleteApplication } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { STATUS_CHANGED, type TransitionRequest, transition } from "./transition";

describe.each(testDatabases)("transition: the one way an application's status changes, on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  const stages = shanghaiBatch3.stages.map((stage) => stage.code);

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function submitted() {
    const { application } = await submitCompleteApplication(ctx, {
      batchId,
      kind: "training",
      occupation: "cloud",
    });
    const row = await ctx.deps.db
      .selectFrom("applications")
      .select(["id", "status", "institutionId"])
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    const passFormalCheck: TransitionRequest = {
      applicationId: row.id,
      status: row.status,
      command: "passFormalCheck",
      role: "receivingCentre",
      stages,
      set: { updatedAt: ctx.deps.clock().toISOString() },
      notifications: [
        { institutionId: row.institutionId, event: "formallyChecked", detail: "形式审查通过", link: null },
      ],
    };
    return { row, passFormalCheck };
  }

  async function statusOf(id: string) {
    return (
      await ctx.deps.db
        .selectFrom("applications")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).status;
  }

  async function formallyCheckedNotifications(institutionId: string) {
    const rows = await ctx.deps.db
      .selectFrom("notifications")
      .innerJoin("users", "users.id", "notifications.userId")
      .select("notifications.id")
      .where("users.institutionId", "=", institutionId)
      .where("notifications.event", "=", "formallyChecked")
      .execute();
    return rows.length;
  }

  function attempt(request: TransitionRequest) {
    return ctx.deps.db.transaction().execute((trx) => transition(trx, ctx.deps, request));
  }

  it("refuses a change the state machine does not allow, saying why, and changes nothing", async () => {
    const { row, passFormalCheck } = await submitted();
    const byWrongRole = attempt({ ...passFormalCheck, role: "institution" });
    await expect(byWrongRole).rejects.toBeInstanceOf(AppError);
    await expect(byWrongRole).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    await expect(
      attempt({ ...passFormalCheck, command: "approve", role: "nationalOffice" }),
    ).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED", message: expect.stringContaining("已提交") });
    // The national batch's stages have no formal check: refused for the stage, not the status.
    await expect(
      attempt({ ...passFormalCheck, stages: ["submission", "recommendation", "expertReview"] }),
    ).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED", message: expect.stringContaining("形式审查") });
    expect(await statusOf(row.id)).toBe("submitted");
    expect(await formallyCheckedNotifications(row.institutionId)).toBe(0);
  });

  it("lets exactly one of two concurrent changes from the same status through, notifying once", async () => {
    const { row, passFormalCheck } = await submitted();
    const results = await Promise.allSettled([attempt(passFormalCheck), attempt(passFormalCheck)]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(won[0]?.value).toEqual({ moved: true, to: "formallyChecked" });
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: "TRANSITION_NOT_ALLOWED", message: STATUS_CHANGED });
    expect(await statusOf(row.id)).toBe("formallyChecked");
    expect(await formallyCheckedNotifications(row.institutionId)).toBe(1);
  });

  it("on a lost race either answers with the caller's message or, when asked, passes over it", async () => {
    const { row, passFormalCheck } = await submitted();
    expect(await attempt(passFormalCheck)).toEqual({ moved: true, to: "formallyChecked" });
    await expect(attempt({ ...passFormalCheck, conflictMessage: "请重新预览" })).rejects.toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
      message: "请重新预览",
    });
    expect(await attempt({ ...passFormalCheck, onConflict: "skip" })).toEqual({
      moved: false,
      to: "formallyChecked",
    });
    expect(await statusOf(row.id)).toBe("formallyChecked");
    expect(await formallyCheckedNotifications(row.institutionId)).toBe(1);
  });
});

describe("every status change goes through transition", () => {
  const features = path.resolve(import.meta.dirname, "..");
  const sources = fs
    .readdirSync(features, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => ({
      file: file.split(path.sep).join("/"),
      text: fs.readFileSync(path.join(features, file), "utf8"),
    }));

  it("finds the feature sources it checks", () => {
    expect(sources.map((source) => source.file)).toContain("applications/transition.ts");
    expect(sources.length).toBeGreaterThan(40);
  });

  it("calls the state machine only in applications/transition.ts", () => {
    expect(
      sources.filter((source) => source.text.includes("canTransition(")).map((source) => source.file),
    ).toEqual(["applications/transition.ts"]);
  });

  it("writes the applications table only in applications/queries.ts, its guarded update only from transition", () => {
    expect(
      sources
        .filter((source) => source.text.includes('updateTable("applications")'))
        .map((source) => source.file),
    ).toEqual(["applications/queries.ts"]);
    expect(
      sources
        .filter((source) => /\btransitionStatus\b/.test(source.text))
        .map((source) => source.file)
        .sort(),
    ).toEqual(["applications/queries.ts", "applications/transition.ts"]);
  });
});
