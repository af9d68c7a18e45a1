import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { loginAs } from "./support/workflow";

/** 2028's statutory days except 5月2日 (春节 from 除夕 01-25; 中秋 10-03 falls on 国庆). */
const ALMOST_2028 = [
  "2028-01-01",
  "2028-01-25",
  "2028-01-26",
  "2028-01-27",
  "2028-01-28",
  "2028-04-04",
  "2028-05-01",
  "2028-05-28",
  "2028-10-01",
  "2028-10-02",
  "2028-10-03",
];
const MISSING = "2028年缺少法定节假日：劳动节（5月2日）";

/** Pastes a CSV into 导入节假日安排 and imports it. */
async function importText(page: Page, lines: string[]) {
  await page.getByLabel("导入内容（CSV 或 JSON）").fill(["date,kind,name", ...lines].join("\n"));
  await page
    .getByRole("button", { name: "导 入" })
    .or(page.getByRole("button", { name: "导入" }))
    .click();
}

describe.skipIf(!hasChromium)("the administrator keeps the working-day calendar", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("cannot declare 2028 complete while 劳动节 misses 5月2日, and can once it is entered", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "admin");
    await page
      .getByRole("navigation", { name: "工作台菜单" })
      .getByRole("link", { name: "工作日历" })
      .click();
    await page.getByRole("heading", { name: "工作日历", level: 1 }).waitFor();
    await page.getByLabel("年度", { exact: true }).click();
    await page.locator('.ant-select-item-option[title="2028年"]').click();
    await page.getByRole("heading", { name: "2028年日历" }).waitFor();

    // An import that declares the year without 5月2日 is refused as a whole, on the declaration's line.
    await importText(page, [
      ...ALMOST_2028.map((date) => `${date},holiday,法定节假日`),
      "#year,2028,complete",
    ]);
    await page.getByText("发现 1 处错误，本次未导入任何数据").waitFor();
    const error = page.locator(".ant-table-row", { hasText: MISSING });
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^13\s/);

    // The days alone are imported; the page says what the year still lacks.
    await importText(
      page,
      ALMOST_2028.map((date) => `${date},holiday,法定节假日`),
    );
    await page.getByText("已导入 11 条").first().waitFor();
    await page.getByText(MISSING).first().waitFor();
    await page.getByText("不齐全", { exact: true }).waitFor();

    // Declaring it now is refused with the missing day named.
    await page.getByRole("switch", { name: "声明本年度日历已完整" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "不能声明2028年日历已完整" });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(MISSING);
    expect(
      await page.getByRole("switch", { name: "声明本年度日历已完整" }).getAttribute("aria-checked"),
    ).toBe("false");
    await page.screenshot({ path: screenshotPath("calendar-declaration-refused"), fullPage: true });

    // With 5月2日 entered the year is complete and may be declared.
    await importText(page, ["2028-05-02,holiday,劳动节"]);
    await page.getByText("齐全", { exact: true }).waitFor();
    await page.getByRole("switch", { name: "声明本年度日历已完整" }).click();
    await page.getByText("已声明2028年日历完整").waitFor();
    await refusal.waitFor({ state: "detached" });
    await page.getByText("已知，可用于计算").waitFor();
    expect(await page.getByText(/农历节日：春节2028年1月26日/).count()).toBe(1);
    await page.screenshot({ path: screenshotPath("calendar-declared"), fullPage: true });
    await context.close();
  });
});
