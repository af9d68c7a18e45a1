import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, startPlatform } from "./support/platform";

/** Opens a notice from 通知公告 by the start of its title and returns the text of its page. */
async function readBatchNotice(page: Page, platform: Platform, title: RegExp): Promise<string> {
  await page.goto(`${platform.baseUrl}/`);
  await page.getByRole("link", { name: "通知公告", exact: true }).first().click();
  await page.getByRole("link", { name: title }).first().click();
  await page.locator("main").getByText("目录有效期").first().waitFor();
  return page.locator("main").innerText();
}

describe.skipIf(!hasChromium)("public texts say what the notices say", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("quotes the national validity and adds no assessment cycle, ban or copy count", async () => {
    const { context, page } = await platform.newPage();
    const body = await readBatchNotice(page, platform, /^关于开展数字技术工程师培育项目第二批/);
    expect(body).toContain("有效期限均为3年");
    // 人社厅 states neither an assessment cycle nor a bar on reapplying, nor a number of paper copies.
    expect(body).not.toContain("考核不通过");
    expect(body).not.toMatch(/每\s*3\s*年/);
    expect(body).not.toContain("一式1份");
    await context.close();
  });

  it("quotes the Shanghai cycle and ban in the notice's own words", async () => {
    const { context, page } = await platform.newPage();
    const body = await readBatchNotice(
      page,
      platform,
      /^上海市人力资源和社会保障局关于开展数字技术工程师培育项目第三批/,
    );
    expect(body).toContain("市人力资源社会保障局以3年为一周期，对纳入培训机构目录的单位进行考核评估。");
    expect(body).toContain("且3年内不得再次申报培训机构遴选");
    await context.close();
  });

  it("leaves the number of years to each batch on the home and catalog pages", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/`);
    const home = page.getByText(/目录有效期按各批次通知的规定/);
    await home.waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/有效期\s*3\s*年/);
    await page.getByRole("link", { name: "目录查询", exact: true }).first().click();
    await page.getByText(/有效期按各批次通知的规定/).waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/有效期\s*3\s*年/);
    await context.close();
  });
});
