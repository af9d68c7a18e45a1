import { shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { fillPublicNoticeContacts } from "./support/public-notice-flow";
import { loginAs } from "./support/workflow";

/*
 * 国家第二批遴选: "拟列入目录的培训机构由属地省级人力资源社会保障部门同步公示". The Shanghai
 * office may publish the national batch's Shanghai training list — only that list.
 */
describe.skipIf(!hasChromium)("a provincial office and the national batch's local training notice", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("offers the national batch with the kind fixed to training and the region fixed to its own", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-office");
    // The former address (bookmarks, links in earlier notifications) leads to 公示管理.
    await page.goto(`${platform.baseUrl}/workbench/notices`);
    await page.waitForURL(/\/workbench\/public-notices$/);
    await page.getByRole("heading", { name: "公示管理" }).waitFor();
    await page.getByLabel("遴选批次").click();
    await page
      .locator(".ant-select-item-option", { hasText: "第二批培训机构和评价机构遴选" })
      .first()
      .click();
    await page.getByText("您可发布本地区的培训机构名单").waitFor();
    const kinds = page.getByRole("radio");
    expect(await kinds.count()).toBe(1);
    await expect(page.getByRole("radio", { name: "培训机构" }).isChecked()).resolves.toBe(true);
    await page.locator(".ant-select-disabled", { hasText: "上海" }).waitFor();
    // Typed as an official would: a morning a few days ahead, Beijing time.
    const start = shanghaiDate(Date.now() + 3 * 86_400_000);
    const picker = page.getByLabel("公示开始时间（北京时间）");
    await picker.click();
    await picker.fill(`${start} 09:00`);
    await picker.press("Enter");
    await fillPublicNoticeContacts(page);
    await page
      .getByRole("button", { name: /发\s*布/ })
      .last()
      .click();
    // The server accepts the Shanghai office for this list (not 404 "批次不存在"); the demo has no
    // approved Shanghai training application in the national batch yet, which it says.
    await page.getByRole("alert").getByText("没有审定通过、待公示的申报").waitFor();
    await page.screenshot({ path: screenshotPath("public-notice-province-national"), fullPage: true });
    await context.close();
  });
});
