import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, startPlatform } from "./support/platform";
import { loginAs } from "./support/workflow";

/** Labels a screen reader would read that are English icon names (download, info-circle …). */
function englishLabels(page: Page): Promise<string[]> {
  return page
    .locator("[aria-label]:not([aria-hidden=true])")
    .evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label") ?? ""))
    .then((labels) => labels.filter((label) => /^[a-z]+(-[a-z]+)*$/.test(label)));
}

/*
 * Issue 16 point 19: no English icon names in accessible labels — Ant Design's icons name
 * themselves in English, its own components included; the pages must not read them out.
 */
describe.skipIf(!hasChromium)("accessible labels are Chinese", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("has none on the public pages", async () => {
    const { context, page } = await platform.newPage();
    let labels = 0;
    for (const [path, heading] of [
      ["/", "数字技术工程师培育项目"],
      ["/catalog", "目录查询"],
      ["/public-notices", "公示公告"],
      ["/login", "登录"],
    ] as const) {
      await page.goto(`${platform.baseUrl}${path}`);
      await page.getByRole("heading", { name: heading }).first().waitFor();
      expect(await englishLabels(page), path).toEqual([]);
      labels += await page.locator("[aria-label]:not([aria-hidden=true])").count();
    }
    // The pages label controls of their own (the catalog's pages, its page size): there were some to check.
    expect(labels).toBeGreaterThan(0);
    await context.close();
  });

  it("has none in the workbench, dialogs and dropdowns included", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "admin");
    await page.goto(`${platform.baseUrl}/workbench/audit`);
    await page.getByRole("heading", { name: "审计日志", level: 1 }).waitFor();
    await page.locator(".ant-table-row").first().waitFor();
    expect(await englishLabels(page)).toEqual([]);
    // A dropdown drawn outside the page's root.
    await page.getByRole("combobox", { name: "操作" }).click();
    await page.locator(".ant-select-item-option").first().waitFor();
    expect(await englishLabels(page)).toEqual([]);
    await context.close();
  });
});
