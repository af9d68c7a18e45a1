import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";

/** Each staff role logs in through the login page and lands on its own home. */
const homes: [username: string, heading: string, mustShow: string][] = [
  ["admin", "系统管理员工作台", "账号管理"],
  ["office", "工程指导协调小组办公室工作台", "遴选批次"],
  ["sh-office", "上海市 省级人社部门工作台", "遴选批次"],
  ["rec-beijing", "北京市 省级推荐单位工作台", "北京市"],
  ["rec-shanghai", "上海市 省级推荐单位工作台", "上海市"],
  ["rec-guangdong", "广东省 省级推荐单位工作台", "广东省"],
  ["rec-industry", "行业推荐单位工作台", "工业和信息化"],
  ["sh-centre", "上海市 材料接收中心工作台", "上海市"],
  ["expert01", "评审专家工作台", "王建国"],
];

describe.skipIf(!hasChromium)("staff journeys", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it.each(homes)("%s logs in and sees its own home", async (username, heading, mustShow) => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByLabel("密码").press("Enter");
    await page.getByRole("heading", { name: heading }).waitFor();
    expect(await page.locator("body").innerText()).toContain(mustShow);
    await page.screenshot({ path: screenshotPath(`home-${username}`), fullPage: true });
    await context.close();
  });

  it("shows the lock-out message after five wrong passwords", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel("用户名").fill("expert12");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("密码").fill(`Wrong-Pass-${i}`);
      await Promise.all([
        page.waitForResponse((response) => response.url().endsWith("/api/auth/login")),
        page.getByRole("button", { name: /登\s*录/ }).click(),
      ]);
    }
    await page
      .getByText(/账号已锁定/)
      .first()
      .waitFor();
    await context.close();
  });

  it("lets the office clone a batch and publish it from the UI", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel("用户名").fill("office");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByLabel("密码").press("Enter");
    await page.getByRole("heading", { name: "工程指导协调小组办公室工作台" }).waitFor();
    await page.goto(`${platform.baseUrl}/workbench/batches`);
    const row = page
      .locator("tr")
      .filter({ hasText: "沪人社专〔2026〕55号" })
      .filter({ hasNotText: "演示" })
      .first();
    await row.getByRole("button", { name: /复制/ }).click();
    await page
      .getByRole("button", { name: /保\s*存/ })
      .first()
      .waitFor();
    expect(page.url()).toMatch(/\/workbench\/batches\/[0-9a-f-]+/);
    await page.screenshot({ path: screenshotPath("office-batch-draft"), fullPage: true });
    await context.close();
  });
});
