import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  approvedShanghaiInstitutions,
  databaseFile,
  endPublicNoticeInDatabase,
  publishShanghaiPublicNotice,
} from "./support/public-notice-flow";
import { apiLogin, expectStatus, loginAs } from "./support/workflow";

const LISTED = ["上海浦江数字技术继续教育学院", "华东智能制造工程师培训学院"];
const IN_PUBLIC_NOTICE = "上海临港云计算技术继续教育学院";

/** How far the page reaches past the window's width (0 when nothing scrolls sideways). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(
    "document.documentElement.scrollWidth - document.documentElement.clientWidth",
  ) as Promise<number>;
}

/** Replaces the browser's print dialog with a flag the journey can read. */
async function watchPrint(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate("window.print = () => { window.__printed = true; }");
  return async () => (await page.evaluate("window.__printed === true")) as boolean;
}

describe.skipIf(!hasChromium)("the public site on a phone and on paper", () => {
  let platform: Platform;
  let publicNoticeTitle: string;
  let publicNoticeId: string;
  let listedEntryName: string;
  beforeAll(async () => {
    platform = await startPlatform();
    const office = await apiLogin(platform, "sh-office");
    // Two institutions already in the catalog (their notice ended and was confirmed)…
    const listed = await approvedShanghaiInstitutions(platform, LISTED, "ai");
    const ended = await publishShanghaiPublicNotice(office, listed.batchId);
    endPublicNoticeInDatabase(databaseFile(platform), ended.id);
    expectStatus(await office.post(`/api/public-notices/${ended.id}/confirm`), 200, "confirm public notice");
    listedEntryName = LISTED[0] as string;
    // …and one in a notice running now.
    const running = await approvedShanghaiInstitutions(platform, [IN_PUBLIC_NOTICE], "cloud");
    const publicNotice = await publishShanghaiPublicNotice(office, running.batchId);
    publicNoticeTitle = publicNotice.title;
    publicNoticeId = publicNotice.id;
  });
  afterAll(async () => {
    await platform?.close();
  });

  async function phonePage() {
    const context = await platform.browser.newContext({
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    return { context, page: await context.newPage() };
  }

  it("opens the folded menu and reads a public notice at 390 px", async () => {
    const { context, page } = await phonePage();
    await page.goto(`${platform.baseUrl}/`);
    const menu = page.getByRole("button", { name: "菜单" });
    await menu.waitFor();
    const nav = page.getByRole("navigation", { name: "主导航" });
    // The section links are folded away until the menu opens.
    expect(await nav.getByRole("link", { name: "公示公告" }).isVisible()).toBe(false);
    await menu.click();
    expect(await page.getByRole("button", { name: "收起菜单" }).getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: screenshotPath("phone-menu") });
    await nav.getByRole("link", { name: "公示公告" }).click();
    await page.getByRole("button", { name: "菜单" }).waitFor();
    // Both notices of the batch bear its title; the running one is the first listed.
    await page.locator(`a[href="/public-notices/${publicNoticeId}"]`).click();
    await page.getByText(IN_PUBLIC_NOTICE).first().waitFor();
    await page.getByText("表格较宽，可左右滑动查看全部列 →").waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("phone-public-notice"), fullPage: true });
    await context.close();
  });

  it("queries the catalog and opens an entry at 390 px", async () => {
    const { context, page } = await phonePage();
    await page.goto(`${platform.baseUrl}/catalog`);
    await page.getByText("共查询到 2 条记录").waitFor();
    await page.getByText("表格较宽，可左右滑动查看全部列 →").waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("phone-catalog"), fullPage: true });
    await page.getByRole("link", { name: listedEntryName }).click();
    await page.getByRole("heading", { name: listedEntryName }).waitFor();
    await page.getByRole("heading", { name: "变更记录" }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath("phone-catalog-entry"), fullPage: true });
    await context.close();
  });

  it("prints the notice and the catalog entry without navigation or forms", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/public-notices/${publicNoticeId}`);
    await page.getByText(IN_PUBLIC_NOTICE).first().waitFor();
    const printed = await watchPrint(page);
    await page.getByRole("button", { name: "打印" }).click();
    expect(await printed()).toBe(true);
    await page.emulateMedia({ media: "print" });
    // On paper: the title and list, not the navigation, the buttons or the objection form.
    await page.getByRole("heading", { name: publicNoticeTitle }).waitFor();
    expect(await page.getByText(IN_PUBLIC_NOTICE).first().isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "主导航" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "打印" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "提出异议" }).isVisible()).toBe(false);
    expect(await page.locator(".lx-footer").isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath("print-public-notice"), fullPage: true });

    await page.emulateMedia({ media: "screen" });
    await page.goto(`${platform.baseUrl}/catalog`);
    await page.getByRole("link", { name: listedEntryName }).click();
    await page.getByRole("heading", { name: listedEntryName }).waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await page.getByText("纳入目录时间").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "打印" }).isVisible()).toBe(false);
    await context.close();
  });

  it("prints a workbench detail page without the menu", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-office");
    await page.goto(`${platform.baseUrl}/workbench/public-notices/${publicNoticeId}`);
    await page.getByRole("heading", { name: publicNoticeTitle, level: 1 }).waitFor();
    const printed = await watchPrint(page);
    await page.getByRole("button", { name: "打印" }).click();
    expect(await printed()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "工作台菜单" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: publicNoticeTitle, level: 1 }).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath("print-public-notice-admin"), fullPage: true });
    await context.close();
  });
});
