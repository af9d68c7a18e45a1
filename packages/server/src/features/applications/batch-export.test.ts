import { shanghaiBatch3 } from "@linxuan/domain";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeStaff,
  publishOpenBatch,
  registerInstitution,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

describe.each(testDatabases)("batch export of application materials on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  const names: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    for (const occupation of ["ai", "cloud"] as const) {
      const submitted = await submitCompleteApplication(ctx, { batchId, kind: "training", occupation });
      names.push(submitted.name);
    }
    // A draft never submitted is nobody's business but its author's.
    const { client } = await registerInstitution(ctx);
    const draft = await client.post("/api/applications", {
      batchId,
      kind: "training",
      occupation: "iot",
      levels: ["junior"],
      applicantCategory: "university",
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("zips every submitted form the requester may see with a summary sheet, in the background", async () => {
    const centreName = await makeStaff(ctx, "receivingCentre", { regionCode: "310000" });
    const centre = ctx.client();
    await centre.login(centreName, TEST_PASSWORD);
    const started = await centre.post(`/api/batches/${batchId}/exports/applications`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.count).toBe(2);
    const early = await centre.get(`/api/jobs/${started.body.jobId}/file`);
    expect(early.status).toBe(409);
    expect(await ctx.runJobs()).toBe(1);
    const job = await centre.get(`/api/jobs/${started.body.jobId}`);
    expect(job.body).toMatchObject({ status: "done", progress: 1, hasFile: true, label: "批量导出申报材料" });
    expect(job.body.result.count).toBe(2);
    expect(job.body.description).toMatch(/2份申报$/);
    expect(job.body.progressNote).toBeNull();

    const download = await centre.get(`/api/jobs/${started.body.jobId}/file`);
    expect(download.status).toBe(200);
    expect(download.headers["content-type"]).toBe("application/zip");
    expect(String(download.headers["content-disposition"])).toContain("attachment");
    const zip = await JSZip.loadAsync(download.raw);
    const files = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
    expect(files.filter((name) => name.endsWith(".pdf"))).toHaveLength(2);
    expect(files).toContain("申报汇总表.xlsx");
    for (const name of files.filter((file) => file.endsWith(".pdf")))
      expect((await zip.file(name)?.async("nodebuffer"))?.subarray(0, 5).toString()).toBe("%PDF-");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await zip.file("申报汇总表.xlsx")?.async("arraybuffer")) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(3);
    const listed = [2, 3].map((row) => String(sheet?.getRow(row).getCell(3).value));
    expect(listed.sort()).toEqual([...names].sort());
    expect(String(sheet?.getRow(2).getCell(9).value)).toBe("已提交");
    // 申报编号, as on the printed forms, never the internal id; the PDF names carry it too.
    for (const row of [2, 3]) {
      const number = String(sheet?.getRow(row).getCell(2).value);
      expect(number).toMatch(/^\d{4}T\d{6}[0-9X]$/);
      expect(files.some((name) => name.includes(`-${number}-`))).toBe(true);
    }
    // Each exported form is in the audit log under the requester's name, with the job as request.
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["command", "actorUsername", "requestId"])
      .where("command", "=", "application.export")
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((event) => event.actorUsername === centreName)).toBe(true);
    expect(audit.every((event) => event.requestId === `job:${started.body.jobId}`)).toBe(true);
    // The request that started it carries the id its answer did.
    const queued = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("requestId")
      .where("command", "=", "application.exportBatch")
      .where("actorUsername", "=", centreName)
      .executeTakeFirstOrThrow();
    expect(queued.requestId).toBe(started.headers["x-request-id"]);
    // Nobody else downloads it, not even a colleague.
    const colleague = ctx.client();
    await colleague.login(await makeStaff(ctx, "receivingCentre", { regionCode: "310000" }), TEST_PASSWORD);
    expect((await colleague.get(`/api/jobs/${started.body.jobId}/file`)).status).toBe(404);
  });

  it("refuses applicants, and a requester who can see nothing gets a reason instead of an empty file", async () => {
    const { client } = await registerInstitution(ctx);
    expect((await client.post(`/api/batches/${batchId}/exports/applications`)).status).toBe(403);
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "receivingCentre", { regionCode: "440000" }), TEST_PASSWORD);
    const nothing = await guangdong.post(`/api/batches/${batchId}/exports/applications`);
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toContain("没有您可查看的已提交申报");
    expect((await guangdong.post("/api/batches/no-such-batch/exports/applications")).status).toBe(404);
  });
});
