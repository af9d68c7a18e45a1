import crypto from "node:crypto";
import { roleMayRun, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "../http/auth";
import { makeStaff, publishOpenBatch, submitCompleteApplication, TEST_PASSWORD } from "../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../test/harness";
import { withoutPersonalData } from "./monitor";

/** Exactly what a row of 后台任务监控 carries: metadata, nothing a job produced. */
const MONITOR_FIELDS = [
  "attempts",
  "createdAt",
  "createdBy",
  "description",
  "finishedAt",
  "id",
  "label",
  "lastError",
  "lockedBy",
  "maxAttempts",
  "progress",
  "runAfter",
  "status",
  "type",
];

describe.each(testDatabases)("a job's result and file stay with its requester on %s", (kind) => {
  let ctx: TestContext;
  let admin: TestClient;
  let centre: TestClient;
  let centreName: string;
  let exportId: string;
  /** The ZIP's address in the file store and its name: neither may reach anyone but the requester. */
  let sha256: string;
  let fileName: string;
  let institutionName: string;
  let zip: Buffer;

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    institutionName = (await submitCompleteApplication(ctx, { batchId, kind: "training", occupation: "ai" }))
      .name;
    centreName = await makeStaff(ctx, "receivingCentre", { regionCode: "310000" });
    centre = ctx.client();
    await centre.login(centreName, TEST_PASSWORD);
    const started = await centre.post(`/api/batches/${batchId}/exports/applications`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    exportId = started.body.jobId;
    expect(await ctx.runJobs()).toBe(1);
    const done = await centre.get(`/api/jobs/${exportId}`);
    expect(done.body).toMatchObject({ status: "done", hasFile: true });
    sha256 = done.body.result.file.sha256;
    fileName = done.body.result.file.fileName;
    const download = await centre.get(`/api/jobs/${exportId}/file`);
    expect(download.status).toBe(200);
    zip = await ctx.deps.files.get(sha256);
    expect(download.raw.equals(zip)).toBe(true);
    admin = ctx.client();
    await admin.login(await makeStaff(ctx, "admin"), TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /**
   * Whether a response carries anything of the export: its ZIP, its address, its name, its result.
   * The monitor is also held to not naming what was exported (a running export's progress note
   * does); elsewhere an institution's name is the administrator's to see (its account).
   */
  function leaks(response: { raw: Buffer }, monitor = false): string[] {
    const text = response.raw.toString("utf8");
    const found: string[] = [];
    if (response.raw.length > 0 && response.raw.equals(zip)) found.push("ZIP file");
    if (text.includes(sha256)) found.push("file address");
    if (text.includes(fileName)) found.push("file name");
    if (monitor && text.includes(institutionName)) found.push("an exported institution");
    if (monitor && text.includes('"result"')) found.push("a result field");
    return found;
  }

  it("answers the administrator 404 for another person's job and its file", async () => {
    const job = await admin.get(`/api/jobs/${exportId}`);
    expect(job.status).toBe(404);
    expect(job.body).toMatchObject({ code: "NOT_FOUND", message: "任务不存在或无权访问" });
    const file = await admin.get(`/api/jobs/${exportId}/file`);
    expect(file.status).toBe(404);
    expect(leaks(file)).toEqual([]);
    expect((await admin.get("/api/jobs")).body.items).toEqual([]);
    // The requester still reads both.
    expect((await centre.get(`/api/jobs/${exportId}`)).body.result.count).toBe(1);
  });

  it("shows the administrator's monitor the job's metadata only", async () => {
    for (const query of ["", "?status=done", `?type=applications.batchExport&status=done`]) {
      const monitor = await admin.get(`/api/admin/jobs${query}`);
      expect(monitor.status).toBe(200);
      const row = monitor.body.items.find((item: { id: string }) => item.id === exportId);
      expect(row).toMatchObject({
        type: "applications.batchExport",
        label: "批量导出申报材料",
        status: "done",
        attempts: 1,
        createdBy: centreName,
        lastError: null,
      });
      expect(Object.keys(row).sort()).toEqual(MONITOR_FIELDS);
      expect(leaks(monitor, true)).toEqual([]);
    }
  });

  it("lets no GET route the administrator may call reach the result or the file", async () => {
    const substitutes: Record<string, string> = {
      id: exportId,
      sha256,
      batchId: exportId,
      attachmentId: exportId,
      templateId: exportId,
      number: exportId,
      file: fileName,
      format: "pdf",
      table: "jobs",
      date: "2026-10-01",
      year: "2026",
    };
    const checked: string[] = [];
    for (const route of apiRoutes(ctx.app)) {
      if (route.method !== "GET" || !roleMayRun("admin", route.command)) continue;
      const url = route.url.replace(/:([A-Za-z0-9]+)/g, (_, name: string) =>
        encodeURIComponent(substitutes[name] ?? exportId),
      );
      const response = await admin.get(url);
      expect(leaks(response), `GET ${route.url}`).toEqual([]);
      checked.push(route.url);
    }
    expect(checked).toContain("/api/jobs/:id/file");
    expect(checked).toContain("/api/admin/jobs");
    expect(checked.length).toBeGreaterThan(20);
  });

  it("retries another person's failed job without handing its result to the administrator", async () => {
    const failedId = crypto.randomUUID();
    const now = ctx.deps.clock().toISOString();
    // The export failed for good (say the disk was full); only the monitor's retry sends it again.
    const payload = JSON.parse(
      (
        await ctx.deps.db
          .selectFrom("jobs")
          .select("payload")
          .where("id", "=", exportId)
          .executeTakeFirstOrThrow()
      ).payload,
    );
    await ctx.deps.db
      .insertInto("jobs")
      .values({
        id: failedId,
        type: "applications.batchExport",
        payload: JSON.stringify(payload),
        status: "failed",
        attempts: 3,
        maxAttempts: 3,
        runAfter: now,
        lockedBy: null,
        lockedUntil: null,
        progress: 0.5,
        progressNote: `正在生成第1/1份：${institutionName}`,
        result: null,
        lastError: "ENOSPC: 通知 ops@example.cn 或 13812345678，经办人证件 110105194912310021",
        createdAt: now,
        createdBy: centreName,
        finishedAt: now,
      })
      .execute();
    const monitor = await admin.get("/api/admin/jobs?status=failed");
    const row = monitor.body.items.find((item: { id: string }) => item.id === failedId);
    expect(row.lastError).toBe("ENOSPC: 通知 o***@example.cn 或 138****5678，经办人证件 110***********0021");
    expect(leaks(monitor, true)).toEqual([]);

    const retried = await admin.post(`/api/admin/jobs/${failedId}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ ok: true });
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("command", "=", "job.retry")
      .where("targetId", "=", failedId)
      .executeTakeFirstOrThrow();
    expect(audit.summary).not.toContain("13812345678");
    expect(audit.summary).not.toContain("ops@example.cn");

    expect(await ctx.runJobs()).toBe(1);
    // It ran as the requester and produced their file again: theirs to read, not the administrator's.
    expect((await centre.get(`/api/jobs/${failedId}`)).body).toMatchObject({ status: "done", hasFile: true });
    expect((await admin.get(`/api/jobs/${failedId}`)).status).toBe(404);
    expect((await admin.get(`/api/jobs/${failedId}/file`)).status).toBe(404);
    const after = await admin.get("/api/admin/jobs?status=done");
    expect(after.body.items.map((item: { id: string }) => item.id)).toContain(failedId);
    expect(leaks(after, true)).toEqual([]);
  });
});

describe("withoutPersonalData", () => {
  it("masks addresses, mobiles and identity numbers, and leaves hashes and codes alone", () => {
    expect(withoutPersonalData("550 5.1.1 <zhang.san@example.com.cn>: Recipient address rejected")).toBe(
      "550 5.1.1 <z***@example.com.cn>: Recipient address rejected",
    );
    expect(withoutPersonalData("联系 +86 138-1234-5678 或 13912345678")).toBe(
      "联系 138****5678 或 139****5678",
    );
    expect(withoutPersonalData("身份证号 11010519491231002X 有误")).toBe("身份证号 110***********002X 有误");
    const hash = `${"a".repeat(20)}110105194912310021${"b".repeat(26)}`;
    expect(withoutPersonalData(`文件 ${hash}`)).toBe(`文件 ${hash}`);
    expect(withoutPersonalData("connect ECONNREFUSED 127.0.0.1:25")).toBe(
      "connect ECONNREFUSED 127.0.0.1:25",
    );
    expect(withoutPersonalData("第3行：用户名已存在：expert001")).toBe("第3行：用户名已存在：expert001");
  });
});
