import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  demoBatchId,
  type Institution,
  loginAs,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

/** The figure shown on one of the dashboard's totals cards (已提交申报 …), as text. */
async function figure(page: Page, label: string): Promise<string> {
  const card = page.getByRole("region", { name: "主要指标" }).locator(".lx-stat", { hasText: label });
  return (await card.locator(".ant-statistic-content-value").innerText()).trim();
}

/** Picks an option of a labelled antd select with the keyboard: focus, type, Enter. */
async function chooseByKeyboard(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.focus();
  await page.keyboard.type(text);
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active")
    .filter({ hasText: text })
    .waitFor();
  await page.keyboard.press("Enter");
  // The list closes once the choice is taken: the next select is not typed into while it is open.
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").waitFor({ state: "hidden" });
}

describe.skipIf(!hasChromium)("the office reads the statistics dashboard", () => {
  let platform: Platform;
  let beijing: Institution;
  beforeAll(async () => {
    platform = await startPlatform();
    const batchId = await demoBatchId(platform, "national");
    beijing = await registerInstitution(platform, "110000", "北京数智未来培训学院");
    await submitApplication(beijing, { batchId, kind: "training", occupation: "ai" });
    const guangdong = await registerInstitution(platform, "440000", "广州南粤数字技术研究院");
    await submitApplication(guangdong, { batchId, kind: "training", occupation: "big_data" });
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("shows an institution the unread notice of its submission under the bell", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, beijing.creditCode);
    const bell = page.getByRole("button", { name: /^消息通知，1条未读/ });
    await bell.waitFor();
    expect(await bell.locator(".ant-badge-count").innerText()).toBe("1");
    await bell.click();
    const panel = page.getByRole("dialog", { name: "消息通知" });
    await panel.getByText("申报已提交", { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath("dashboard-institution-bell") });
    // Opening the notice goes to the application and marks it read.
    await panel.getByRole("button", { name: /申报已提交/ }).click();
    await page.waitForURL(/\/workbench\/applications\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: /^消息通知，没有未读通知/ }).waitFor();
    await context.close();
  });

  it("filters by batch and region, sees the figures change, and exports them to Excel", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "office");
    await page
      .getByRole("navigation", { name: "工作台菜单" })
      .getByRole("link", { name: "统计看板" })
      .click();
    await page.getByRole("heading", { name: "统计看板", level: 1 }).waitFor();

    await chooseByKeyboard(page, "遴选批次", "【演示】全国第二批遴选");
    await page.getByText("统计范围：【演示】全国第二批遴选 · 全国 · 全部机构类型").waitFor();
    await expect.poll(() => figure(page, "已提交申报")).toBe("2");
    expect(page.url()).toContain("batchId=");
    await page.getByRole("img", { name: "各地区申报排名" }).waitFor();

    await chooseByKeyboard(page, "所在地区", "北京市");
    // The scope line says what the figures count; wait on it before reading them.
    await page.getByText("统计范围：【演示】全国第二批遴选 · 北京市 · 全部机构类型").waitFor();
    await expect.poll(() => figure(page, "已提交申报")).toBe("1");
    expect(page.url()).toContain("region=110000");
    expect(page.url()).toContain("batchId=");
    // The region ranking's table view: only Beijing, with its one application.
    const ranking = page.locator(".lx-chart-card", { hasText: "各地区申报排名" });
    await ranking.getByText("表格", { exact: true }).click();
    const rows = ranking.locator(".ant-table-tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/北京市\s+1 份/);
    await page.screenshot({ path: screenshotPath("dashboard-office"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(platform.downloadsDir, "dashboard.xlsx");
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toContain("流程漏斗");
    // The export carries the filters on screen: Beijing only.
    const regions = workbook.getWorksheet("按地区");
    expect(regions?.getRow(2).values).toEqual([undefined, "北京市", 1]);
    expect(regions?.rowCount).toBe(2);
    expect(workbook.getWorksheet("流程漏斗")?.getRow(2).values).toEqual([undefined, "已提交", 1]);
    await context.close();
  });
});
