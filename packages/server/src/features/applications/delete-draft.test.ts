import crypto from "node:crypto";
import { nationalBatch2, nationalTrainingV1 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeStaff,
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

/** A PDF whose bytes no other test uses: its file is stored once, for this attachment only. */
const uniquePdf = () =>
  Buffer.concat([SAMPLE_PDF, Buffer.from(`%${crypto.randomBytes(12).toString("hex")}\n`)]);

describe.each(testDatabases)("deleting drafts on %s", (kind) => {
  let ctx: TestContext;
  let nationalId: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    nationalId = await publishOpenBatch(ctx, nationalBatch2);
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

  async function upload(client: TestClient, applicationId: string, content: Buffer) {
    const response = await client.upload(
      `/api/applications/${applicationId}/attachments`,
      multipartBody({ code: "supportingMaterials", replace: "false" }, { name: "支撑材料.pdf", content }),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.attachment as { sha256: string };
  }

  it("lets the owner delete a draft with its attachments, their files and an audit event", async () => {
    const { client } = await registerInstitution(ctx);
    const started = await client.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "blockchain",
      levels: ["junior"],
    });
    const id = started.body.application.id as string;
    // The same content attached by another institution is stored once, for both.
    const sharedContent = uniquePdf();
    const neighbour = await registerInstitution(ctx);
    const theirs = await neighbour.client.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "blockchain",
      levels: ["junior"],
    });
    await upload(neighbour.client, theirs.body.application.id, sharedContent);
    const own = await upload(client, id, uniquePdf());
    const shared = await upload(client, id, sharedContent);
    expect(await ctx.deps.files.stat(own.sha256)).not.toBeNull();

    const deleted = await client.delete(`/api/applications/${id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    // The neighbour's attachment still holds the shared file.
    expect(deleted.body).toEqual({ deleted: true, attachmentsRemoved: 2, filesRemoved: 1 });
    expect(await ctx.deps.files.stat(own.sha256)).toBeNull();
    expect(await ctx.deps.files.stat(shared.sha256)).not.toBeNull();
    expect((await client.get(`/api/applications/${id}`)).status).toBe(404);
    expect((await client.get("/api/applications")).body.items).toEqual([]);
    const events = await auditOf(id);
    expect(events.map((event) => event.command)).toEqual([
      "application.create",
      "application.attach",
      "application.attach",
      "application.deleteDraft",
    ]);
    expect(events.at(-1)?.summary).toBe(
      `删除草稿：【演示】${nationalBatch2.shortTitle}·培训机构·区块链工程技术人员（附件2个）`,
    );

    // The occupation is free again.
    const again = await client.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "blockchain",
      levels: ["junior"],
    });
    expect(again.status).toBe(201);
  });

  it("refuses to delete a submitted application, and hides others' drafts", async () => {
    const submitted = await submitCompleteApplication(ctx, {
      batchId: nationalId,
      kind: "training",
      occupation: "ai",
    });
    const refused = await submitted.client.delete(`/api/applications/${submitted.application.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: "APPLICATION_NOT_DELETABLE",
      message: expect.stringContaining("只能删除未提交的草稿；该申报当前状态为“已提交”"),
    });
    expect((await submitted.client.get(`/api/applications/${submitted.application.id}`)).status).toBe(200);

    const draft = await submitted.client.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "cloud",
      levels: ["junior"],
    });
    const draftId = draft.body.application.id as string;
    const stranger = await registerInstitution(ctx);
    expect((await stranger.client.delete(`/api/applications/${draftId}`)).body.code).toBe("NOT_FOUND");
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    expect((await office.delete(`/api/applications/${draftId}`)).status).toBe(403);
    expect((await submitted.client.get(`/api/applications/${draftId}`)).status).toBe(200);
    expect(nationalTrainingV1.id).toBe(draft.body.application.templateId);
  });
});
