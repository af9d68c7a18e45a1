import crypto from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { loginAs } from "./support/workflow";

const SMTP_ERROR = "connect ECONNREFUSED 127.0.0.1:25";

/** Waits until the status filter shows `label` chosen (its sliding highlight has settled). */
async function selected(page: Page, label: string): Promise<void> {
  await page.locator(".ant-segmented-item-selected").filter({ hasText: label }).waitFor();
}

describe.skipIf(!hasChromium)("the administrator monitors background jobs", () => {
  let platform: Platform;
  const failedId = crypto.randomUUID();
  const exportId = crypto.randomUUID();
  const exportFile = "【演示】上海市第三批-申报材料-2026-12-07.zip";
  beforeAll(async () => {
    platform = await startPlatform();
    // An e-mail that used up its 12 tries while the mail server was down. No API makes one, so it
    // goes straight into the queue; its notification is gone, so once retried it ends as skipped.
    const now = platform.deps.clock().toISOString();
    await platform.deps.db
      .insertInto("jobs")
      .values({
        id: failedId,
        type: "notification.email",
        payload: JSON.stringify({ notificationId: "missing" }),
        status: "failed",
        attempts: 12,
        maxAttempts: 12,
        runAfter: now,
        lockedBy: null,
        lockedUntil: null,
        progress: 0,
        progressNote: null,
        result: null,
        lastError: SMTP_ERROR,
        createdAt: now,
        createdBy: null,
        finishedAt: now,
      })
      .execute();
    // The receiving centre's finished export: a ZIP of application PDFs that is the centre's alone.
    const zip = await platform.deps.files.put(Buffer.from("PK\u0003\u0004 application PDFs"));
    await platform.deps.db
      .insertInto("jobs")
      .values({
        id: exportId,
        type: "applications.batchExport",
        payload: JSON.stringify({ description: "【演示】上海市第三批，2份申报" }),
        status: "done",
        attempts: 1,
        maxAttempts: 3,
        runAfter: now,
        lockedBy: null,
        lockedUntil: null,
        progress: 1,
        progressNote: null,
        result: JSON.stringify({
          count: 2,
          file: { sha256: zip.sha256, size: zip.size, fileName: exportFile, contentType: "application/zip" },
        }),
        lastError: null,
        createdAt: now,
        createdBy: "sh-centre",
        finishedAt: now,
      })
      .execute();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("finds the failed e-mail, runs it again and sees it leave the failed jobs", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "admin");
    await page
      .getByRole("navigation", { name: "工作台菜单" })
      .getByRole("link", { name: "后台任务监控" })
      .click();
    await page.getByRole("heading", { name: "后台任务监控", level: 1 }).waitFor();

    const filters = page.getByRole("radiogroup", { name: "任务状态" });
    await filters.getByText("失败 1", { exact: true }).click();
    await selected(page, "失败");
    const row = page.locator(`tr[data-row-key="${failedId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("发送通知邮件");
    expect(text).toContain("系统");
    expect(text).toContain("12/12");
    expect(text).toContain(SMTP_ERROR);
    // The cell is cut short; the whole error shows on hover.
    await row.getByText(SMTP_ERROR).hover();
    await page.getByRole("tooltip").filter({ hasText: SMTP_ERROR }).waitFor();
    await page.screenshot({ path: screenshotPath("job-monitor-failed"), fullPage: true });

    await row.getByRole("button", { name: "重新执行" }).click();
    await page.locator(".ant-popconfirm:visible").getByRole("button", { name: "重新执行" }).click();
    await page.getByText(/已重新排队：发送通知邮件/).waitFor();
    await row.waitFor({ state: "detached" });
    await filters.getByText("失败 0", { exact: true }).waitFor();
    expect(await page.locator("tbody").innerText()).toContain("没有失败的任务");

    // The runner (polling every 200 ms) takes it at once and, its notification gone, ends it done.
    await filters.getByText(/^已完成/).click();
    await selected(page, "已完成");
    await row.getByText("已完成", { exact: true }).waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain("1/12");
    await page.screenshot({ path: screenshotPath("job-monitor-retried"), fullPage: true });
    await context.close();
  });

  it("shows another person's export as state only: no result, no download", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "admin");
    await page.goto(`${platform.baseUrl}/workbench/job-monitor`);
    await page.getByRole("heading", { name: "后台任务监控", level: 1 }).waitFor();
    const listed = page.waitForResponse(
      (response) => response.url().includes("/api/admin/jobs?status=done") && response.ok(),
    );
    await page
      .getByRole("radiogroup", { name: "任务状态" })
      .getByText(/^已完成/)
      .click();
    await selected(page, "已完成");
    const body = (await (await listed).json()) as { items: Record<string, unknown>[] };
    const item = body.items.find((job) => job.id === exportId);
    expect(item).toMatchObject({ type: "applications.batchExport", createdBy: "sh-centre", status: "done" });
    expect(item).not.toHaveProperty("result");
    expect(item).not.toHaveProperty("hasFile");

    const row = page.locator(`tr[data-row-key="${exportId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("批量导出申报材料");
    expect(text).toContain("sh-centre");
    expect(text).toContain("已完成");
    // Nothing in the row opens or downloads what the export produced.
    expect(text).not.toContain(exportFile);
    expect(text).not.toContain("共2份申报");
    expect(await row.getByRole("link").count()).toBe(0);
    expect(await row.getByRole("button").count()).toBe(0);
    expect(await page.locator("tbody").getByText(/下载/).count()).toBe(0);
    expect(await page.getByRole("link", { name: /下载/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /下载/ }).count()).toBe(0);
    // Nor does the API behind it: the job and its file are the requester's, 404 to the administrator.
    expect((await page.request.get(`${platform.baseUrl}/api/jobs/${exportId}`)).status()).toBe(404);
    expect((await page.request.get(`${platform.baseUrl}/api/jobs/${exportId}/file`)).status()).toBe(404);
    await page.screenshot({ path: screenshotPath("job-monitor-no-results"), fullPage: true });
    await context.close();
  });

  it("is not offered to the office", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "office");
    const menu = page.getByRole("navigation", { name: "工作台菜单" });
    await menu.getByRole("link", { name: "遴选批次" }).waitFor();
    expect(await menu.innerText()).not.toContain("后台任务监控");
    await page.goto(`${platform.baseUrl}/workbench/job-monitor`);
    await page.getByText("无权访问").waitFor();
    await context.close();
  });
});
