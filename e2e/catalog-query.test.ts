import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  approvedShanghaiInstitutions,
  databaseFile,
  endPublicNoticeInDatabase,
  publishShanghaiPublicNotice,
} from "./support/public-notice-flow";
import { apiLogin, confirmDialog, loginAs, solveCaptcha } from "./support/workflow";

const FIRST = "上海大数据工程技术继续教育学院";
const SECOND = "浦东数据智能培训学院";

describe.skipIf(!hasChromium)("the catalog after a notice ends", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("the office confirms the ended notice; a visitor filters the catalog and downloads it as Excel", async () => {
    const { batchId } = await approvedShanghaiInstitutions(platform, [FIRST, SECOND], "big_data");
    const publicNotice = await publishShanghaiPublicNotice(await apiLogin(platform, "sh-office"), batchId);
    // The platform runs on the real clock: the notice's five working days are moved into the past.
    endPublicNoticeInDatabase(databaseFile(platform), publicNotice.id);

    const office = await platform.newPage();
    await loginAs(office.page, platform, "sh-office");
    await office.page.goto(`${platform.baseUrl}/workbench/public-notices`);
    await office.page
      .locator(".ant-table-row", { hasText: publicNotice.title })
      .getByText("公示期满")
      .waitFor();
    await office.page.getByRole("link", { name: publicNotice.title }).click();
    await office.page.getByText("尚未收到异议").waitFor();
    await office.page.getByRole("button", { name: "确认公示结果" }).click();
    await confirmDialog(office.page, "确认纳入目录");
    await office.page.getByText("已纳入目录 2 家").first().waitFor();
    await office.page.screenshot({ path: screenshotPath("catalog-public-notice-confirmed"), fullPage: true });
    await office.context.close();

    // A visitor queries the catalog: 大数据, then one institution by name.
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "目录查询" }).click();
    await page.getByRole("heading", { name: "培训机构和评价机构目录查询" }).waitFor();
    await page.getByLabel("职业", { exact: true }).selectOption({ label: "大数据工程技术人员" });
    await page.waitForURL(/occupation=big_data/);
    await page.getByText("共查询到 2 条记录").waitFor();
    const rows = page.getByRole("table", { name: "目录查询结果" }).locator("tbody tr");
    await rows.filter({ hasText: FIRST }).getByText("有效", { exact: true }).waitFor();
    await rows.filter({ hasText: SECOND }).waitFor();
    await page.getByLabel("关键词").fill("大数据工程技术继续教育");
    await page.getByLabel("关键词").press("Enter");
    await page.getByText("共查询到 1 条记录").waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await rows.filter({ hasText: FIRST }).waitFor();
    expect(page.url()).toContain("occupation=big_data");
    await page.screenshot({ path: screenshotPath("catalog-query-filtered"), fullPage: true });

    // 下载Excel carries the filters; the file is a real workbook with the institution in it.
    const excel = page.getByRole("link", { name: "下载Excel" });
    const href = (await excel.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/api\/public\/catalog\.xlsx\?/);
    expect(new URLSearchParams(href.split("?")[1]).get("occupation")).toBe("big_data");
    await expect(excel.getAttribute("download")).resolves.not.toBeNull();
    const [download] = await Promise.all([page.waitForEvent("download"), excel.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = path.join(platform.downloadsDir, "catalog.xlsx");
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const cells: string[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value ?? ""));
      });
    });
    expect(cells).toContain(FIRST);
    expect(cells).not.toContain(SECOND);

    // The entry's page: status, validity and the first version of its history.
    await rows.filter({ hasText: FIRST }).getByRole("link", { name: FIRST }).click();
    await page.getByRole("heading", { name: FIRST }).waitFor();
    await page.getByRole("cell", { name: "纳入目录", exact: true }).waitFor();
    await page.getByText(/公示期满，公示期内未收到异议，纳入目录/).waitFor();

    // 投诉举报 from the entry's page: the form opens when asked for, and asks for the captcha before
    // it takes the report.
    await page.getByRole("button", { name: "我要投诉举报" }).click();
    await page.getByText("乱收费", { exact: true }).click();
    await page.getByLabel("姓名", { exact: true }).fill("李四");
    await page.getByLabel("联系电话").fill("13712345678");
    await page.getByLabel("举报内容").fill("该机构培训收费远高于公示标准，且不开具发票。");
    await page.getByRole("button", { name: "提交投诉举报" }).click();
    await page.getByText("请输入图中的字符").waitFor();
    await page.getByRole("img", { name: "图形验证码" }).waitFor();
    await solveCaptcha(page, platform);
    await page.getByRole("button", { name: "提交投诉举报" }).click();
    await page.getByText("您的投诉举报已受理").waitFor();
    expect((await page.getByTestId("ack-number").innerText()).trim()).toMatch(/^JB\d{8}[A-Z2-9]{6}$/);
    await context.close();
  });
});
