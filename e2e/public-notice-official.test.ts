import { shanghaiDateTime } from "@linxuan/domain";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  approvedShanghaiInstitutions,
  fillPublicNoticeContacts,
  PUBLIC_NOTICE_CONTACTS,
  publishShanghaiPublicNotice,
} from "./support/public-notice-flow";
import { apiLogin, confirmDialog, loginAs, modal } from "./support/workflow";

const FIRST = "徐汇人工智能继续教育学院";
const SECOND = "闵行智能制造工程技术培训学院";
/** 2026年12月7日至2026年12月11日24时 */
const CHINESE_PERIOD = /公示期：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日24时/;

function overflow(page: Page): Promise<number> {
  return page.evaluate(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  ) as Promise<number>;
}

/*
 * 发布公示 in official form, and the demo walked to the catalog in one sitting: the office sees the
 * public page before it publishes, the public reads the 落款, the contacts and the period in
 * Chinese (on a phone too), and in demo mode the office shortens the 【演示】 notice so that the
 * result can be confirmed today.
 */
describe.skipIf(!hasChromium)("the public notice in official form", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("previews, publishes, shows the official notice, shortens the demo period and lists in the catalog", async () => {
    await approvedShanghaiInstitutions(platform, [FIRST, SECOND], "ai");

    // 发布公示: the form, then the preview of the public page, then the confirmation in that dialog.
    const office = await platform.newPage();
    await loginAs(office.page, platform, "sh-office");
    const page = office.page;
    await page.goto(`${platform.baseUrl}/workbench/public-notices`);
    await page.getByRole("heading", { name: "公示管理" }).waitFor();
    await page.getByLabel("遴选批次").click();
    await page.locator(".ant-select-item-option", { hasText: "【演示】上海" }).first().click();
    await page.locator(".ant-select-disabled", { hasText: "上海" }).waitFor();
    // A few minutes ahead, typed as an official would (Beijing time).
    const start = shanghaiDateTime(new Date(Date.now() + 3 * 60_000).toISOString()).slice(0, 16);
    const picker = page.getByLabel("公示开始时间（北京时间）");
    await picker.click();
    await picker.fill(start);
    await picker.press("Enter");
    await expect(page.getByLabel("发布单位（落款）").inputValue()).resolves.toBe(
      "上海市人力资源和社会保障局",
    );
    await fillPublicNoticeContacts(page, { ...PUBLIC_NOTICE_CONTACTS, contactPhone: "(021) 6234 5678" });
    await page.getByRole("button", { name: "预览并发布公示" }).click();

    const preview = modal(page, "发布前预览：公示公开页面");
    await preview.getByText(CHINESE_PERIOD).waitFor();
    await preview.getByText("联系电话：").getByText("021-62345678").waitFor();
    await preview.getByTestId("public-notice-signature").getByText("上海市人力资源和社会保障局").waitFor();
    await preview.getByText(FIRST).waitFor();
    await preview.getByText("初级、中级").first().waitFor();
    await page.screenshot({ path: screenshotPath("public-notice-official-preview"), fullPage: true });
    await preview.getByRole("button", { name: "确认发布" }).click();
    await page.getByText(/^已发布：/).waitFor();
    // The next notice of the batch starts from the contacts just used.
    await page.getByLabel("遴选批次").click();
    await page.locator(".ant-select-item-option", { hasText: "【演示】上海" }).first().click();
    await expect
      .poll(() => page.getByLabel("受理异议的联系电话").inputValue())
      .toBe(PUBLIC_NOTICE_CONTACTS.contactPhone);
    await expect(page.getByLabel("受理异议的通讯地址").inputValue()).resolves.toBe(
      PUBLIC_NOTICE_CONTACTS.contactAddress,
    );
    await page.getByRole("link", { name: "管理该公示" }).click();
    await page.getByRole("heading", { name: /拟纳入目录的上海市培训机构名单公示/ }).waitFor();
    const publicNoticeId = page.url().split("/").pop() ?? "";

    // The public page at 390 px: 落款, contacts and the period in Chinese, nothing wider than the phone.
    const phone = await platform.browser.newContext({
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const visitor = await phone.newPage();
    await visitor.goto(`${platform.baseUrl}/public-notices/${publicNoticeId}`);
    await visitor.getByText(CHINESE_PERIOD).waitFor();
    const signature = visitor.getByTestId("public-notice-signature");
    await signature.getByText("上海市人力资源和社会保障局").waitFor();
    await signature.getByText(/^\d{4}年\d{1,2}月\d{1,2}日$/).waitFor();
    await visitor.getByText(`联系地址：${PUBLIC_NOTICE_CONTACTS.contactAddress}`).waitFor();
    await visitor.getByText(PUBLIC_NOTICE_CONTACTS.contactEmail).waitFor();
    expect(await visitor.getByText(/24:00/).count()).toBe(0);
    expect(await overflow(visitor)).toBeLessThanOrEqual(0);
    await visitor.screenshot({ path: screenshotPath("public-notice-official-phone"), fullPage: true });
    await phone.close();

    // 确认公示结果 waits for the end of the period, and says when; the demo shortening ends it now.
    const confirm = page.getByRole("button", { name: "确认公示结果" });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await page.getByText(/^可于\d{4}年\d{1,2}月\d{1,2}日24时后确认$/).waitFor();
    await page.getByRole("button", { name: "演示：缩短公示期" }).click();
    await confirmDialog(page, "缩短公示期");
    await page.getByText("公示期已缩短，现可确认公示结果").waitFor();
    await page
      .getByText(/^\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（演示：已缩短）$/)
      .waitFor();
    await page.getByRole("button", { name: "演示：缩短公示期" }).waitFor({ state: "detached" });
    await expect(confirm.isEnabled()).resolves.toBe(true);
    await confirm.click();
    await confirmDialog(page, "确认纳入目录");
    await page.getByText("已纳入目录 2 家").first().waitFor();
    await page.screenshot({ path: screenshotPath("public-notice-official-confirmed"), fullPage: true });
    await office.context.close();

    // The catalog: the entry is marked 演示, says 公示期满, and gives its validity as one date.
    const { context, page: reader } = await platform.newPage();
    await reader.goto(`${platform.baseUrl}/catalog?q=${encodeURIComponent(FIRST)}`);
    const row = reader.getByRole("table", { name: "目录查询结果" }).locator("tbody tr", { hasText: FIRST });
    await row.getByText("演示", { exact: true }).waitFor();
    await row.getByText(/^\d{4}年\d{1,2}月\d{1,2}日$/).waitFor();
    await row.getByRole("link", { name: FIRST }).click();
    await reader.getByRole("heading", { name: FIRST }).waitFor();
    await reader.getByRole("heading", { name: FIRST }).getByText("演示", { exact: true }).waitFor();
    await reader.getByText(/公示期满，公示期内未收到异议，纳入目录/).waitFor();
    await reader.getByText(/^\d{4}年\d{1,2}月\d{1,2}日（自审定通过之日起计算）$/).waitFor();
    await reader.screenshot({ path: screenshotPath("public-notice-official-catalog-entry"), fullPage: true });
    await context.close();
  });

  it("says when the list will be published while the notice has not started, offering no empty list", async () => {
    const { batchId } = await approvedShanghaiInstitutions(
      platform,
      ["上海明日数字技术培训中心"],
      "big_data",
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const office = await apiLogin(platform, "sh-office");
    const upcoming = await publishShanghaiPublicNotice(office, batchId, tomorrow);

    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/public-notices/${upcoming.id}`);
    await page.getByText(/^公示名单自公示开始时（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）公布。$/).waitFor();
    await page.getByText("即将开始").first().waitFor();
    expect(await page.getByText("公示名单为空").count()).toBe(0);
    expect(await page.getByRole("link", { name: /下载公示名单/ }).count()).toBe(0);
    expect(await page.getByText("上海明日数字技术培训中心").count()).toBe(0);
    await page.screenshot({ path: screenshotPath("public-notice-upcoming"), fullPage: true });
    await context.close();
  });
});
