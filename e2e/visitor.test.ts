import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";

describe.skipIf(!hasChromium)("visitor journey", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("reads the Shanghai notice and downloads its blank form", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await page.getByRole("heading", { name: "正在开展的遴选" }).waitFor();
    await page.getByRole("link", { name: "通知公告", exact: true }).first().click();
    await page
      .getByRole("link", {
        name: /^上海市人力资源和社会保障局关于开展数字技术工程师培育项目第三批培训机构遴选工作的通知/,
      })
      .click();
    // The list shows the document number too: wait for the notice page itself to be rendered.
    await page.waitForURL(/\/notices\/[^/]+$/);
    await page.locator("main").getByText("一式2份").first().waitFor();
    await page.getByText("沪人社专〔2026〕55号").first().waitFor();
    const body = await page.locator("main").innerText();
    expect(body).toContain("一式2份");
    expect(body).toContain("zhuanjibu@shrc.com.cn");
    expect(body).toContain("梅园路77号上海人才大厦1301室");
    await page.screenshot({ path: screenshotPath("visitor-shanghai-batch-notice"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /下载PDF申报表/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("数字技术工程师培育项目培训机构申报表（空白）.pdf");
    const file = `${platform.downloadsDir}/shanghai-blank.pdf`;
    await download.saveAs(file);
    const head = fs.readFileSync(file).subarray(0, 5).toString();
    expect(head).toBe("%PDF-");
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    await context.close();
  });

  it("shows a Chinese 404 page for an unknown address", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/no/such/page`);
    await page.getByText("页面不存在").first().waitFor();
    await context.close();
  });
});
