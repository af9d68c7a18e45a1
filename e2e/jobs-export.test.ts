import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { demoBatchId, loginAs, registerInstitution, submitApplication } from "./support/workflow";

describe.skipIf(!hasChromium)("the office exports a batch's applications as a background job", () => {
  let platform: Platform;
  let batchId: string;
  beforeAll(async () => {
    platform = await startPlatform();
    batchId = await demoBatchId(platform, "national");
    const beijing = await registerInstitution(platform, "110000", "北京数智云帆培训学院");
    await submitApplication(beijing, { batchId, kind: "training", occupation: "ai" });
    const guangdong = await registerInstitution(platform, "440000", "广州珠江数字技术学院");
    await submitApplication(guangdong, { batchId, kind: "training", occupation: "big_data" });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("watches the export's progress, downloads the ZIP and finds the job again under 后台任务", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "office");
    await page.goto(`${platform.baseUrl}/workbench/recommendation-overview?batchId=${batchId}`);
    await page.getByRole("heading", { name: "推荐进度总览", level: 1 }).waitFor();

    const heading = page.locator(".lx-page-heading");
    await heading.getByRole("button", { name: "导出本批次申报材料" }).click();
    const bar = heading.getByRole("progressbar", { name: /^导出申报材料：.+进度$/ });
    await bar.waitFor();
    // While it runs the button waits; then the bar is full, says so, and offers the file.
    await heading.getByText("已完成", { exact: true }).waitFor();
    expect(await bar.getAttribute("aria-valuenow")).toBe("100");
    const again = heading.getByRole("button", { name: "导出本批次申报材料" });
    await expect.poll(() => again.isEnabled(), { timeout: 5_000 }).toBe(true);
    await page.screenshot({ path: screenshotPath("jobs-export-overview") });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      heading.getByRole("link", { name: "下载文件" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-申报材料-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = path.join(platform.downloadsDir, "export.zip");
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names).toContain("申报汇总表.xlsx");
    expect(names.filter((name) => name.endsWith(".pdf"))).toHaveLength(2);

    // Another page: the job is still there, finished, with its download.
    await page
      .getByRole("navigation", { name: "工作台菜单" })
      .getByRole("link", { name: "后台任务" })
      .click();
    await page.getByRole("heading", { name: "后台任务", level: 1 }).waitFor();
    const row = page.locator(".ant-table-tbody tr", { hasText: "批量导出申报材料" });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    await row.getByText("已完成", { exact: true }).waitFor();
    await row.getByText("共2份申报").waitFor();
    const link = row.getByRole("link", { name: /^下载文件：.+\.zip$/ });
    expect(await link.getAttribute("href")).toMatch(/^\/api\/jobs\/[^/]+\/file$/);
    // antd fades the new table in: let it settle so the screenshot shows what a person sees.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: screenshotPath("jobs-page"), fullPage: true });
    await context.close();
  });

  it("follows an export after leaving its page and says when it is done", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "office");
    await page.goto(`${platform.baseUrl}/workbench/recommendation-overview?batchId=${batchId}`);
    const heading = page.locator(".lx-page-heading");
    await heading.getByRole("button", { name: "导出本批次申报材料" }).click();
    await heading.getByRole("progressbar", { name: /^导出申报材料：.+进度$/ }).waitFor();

    // Left at once: the bell keeps watching it and announces the end wherever the user is.
    await page
      .getByRole("navigation", { name: "工作台菜单" })
      .getByRole("link", { name: "后台任务" })
      .click();
    await page.getByRole("heading", { name: "后台任务", level: 1 }).waitFor();
    const toast = page.locator(".ant-notification-notice", { hasText: /导出申报材料：.+已完成/ });
    await toast.waitFor();
    await toast.getByRole("link", { name: "下载文件" }).waitFor();
    const rows = page.locator(".ant-table-tbody tr", { hasText: "批量导出申报材料" });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => rows.getByText("已完成", { exact: true }).count(), { timeout: 30_000 }).toBe(2);
    await context.close();
  });

  it("tells the receiving centre when its batch has nothing to export", async () => {
    const shanghai = await demoBatchId(platform, "shanghai");
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-centre");
    await page.goto(`${platform.baseUrl}/workbench/recommendation-queue?batchId=${shanghai}`);
    await page.getByRole("heading", { name: "审核队列", level: 1 }).waitFor();
    const heading = page.locator(".lx-page-heading");
    await heading.getByRole("button", { name: "导出本批次申报材料" }).click();
    await heading.getByRole("alert").getByText("本批次没有您可查看的已提交申报，无需导出").waitFor();
    expect(await heading.getByRole("progressbar").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("jobs-export-centre-empty") });
    await context.close();
  });
});
