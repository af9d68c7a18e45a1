import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { loginAs, solveCaptcha } from "./support/workflow";

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

  it("asks for a captcha after three wrong passwords, then makes that address wait", async () => {
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel("用户名").fill("expert12");
    const submit = () =>
      Promise.all([
        page.waitForResponse((response) => response.url().endsWith("/api/auth/login")),
        page.getByRole("button", { name: /登\s*录/ }).click(),
      ]);
    for (let i = 0; i < 3; i++) {
      await page.getByLabel("密码", { exact: true }).fill(`Wrong-Pass-${i}`);
      await submit();
    }
    // The same words for any name: nothing says whether the account exists.
    await page.getByText("用户名或密码错误").first().waitFor();
    expect(await page.locator("body").innerText()).not.toMatch(/再错|次机会/);
    const picture = page.getByRole("img", { name: "图形验证码" });
    await picture.waitFor();
    for (let i = 3; i < 5; i++) {
      const answered = await solveCaptcha(page, platform);
      await page.getByLabel("密码", { exact: true }).fill(`Wrong-Pass-${i}`);
      await submit();
      // Each picture gets one try: a new one comes after every failure.
      await expect.poll(() => picture.getAttribute("data-captcha-id")).not.toBe(answered);
    }
    await page.getByText(/请30秒后再试/).waitFor();
    const waiting = page.getByRole("button", { name: /秒后可再次登录/ });
    await waiting.waitFor();
    await expect(waiting.isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath("login-captcha-wait"), fullPage: true });
    await context.close();
  });

  it("the administrator unlocks an account that failures from everywhere locked", async () => {
    // Failures from a hundred addresses cannot be made from one browser: the lock is written the
    // way the login counters write it.
    const now = new Date().toISOString();
    await platform.deps.db
      .insertInto("loginThrottles")
      .values({
        scope: "account",
        username: "expert11",
        ip: "",
        failures: 100,
        windowStartedAt: now,
        lastAttemptAt: now,
        blockedUntil: null,
        lockedAt: now,
      })
      .execute();
    const owner = await platform.newPage();
    await owner.page.goto(`${platform.baseUrl}/login`);
    await owner.page.getByLabel("用户名").fill("expert11");
    await owner.page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await owner.page.getByLabel("密码", { exact: true }).press("Enter");
    await owner.page.getByText("该账号登录失败次数过多，已被锁定，请联系系统管理员解锁").waitFor();

    const admin = await platform.newPage();
    await loginAs(admin.page, platform, "admin");
    await admin.page.goto(`${platform.baseUrl}/workbench/users`);
    await admin.page.getByLabel("搜索账号").fill("expert11");
    await admin.page.getByLabel("搜索账号").press("Enter");
    const row = admin.page.locator(".ant-table-row", { hasText: "expert11" });
    await row.getByText("已锁定", { exact: true }).waitFor();
    await admin.page.screenshot({ path: screenshotPath("users-locked"), fullPage: true });
    await row.getByRole("button", { name: /解\s*锁/ }).click();
    await admin.page.getByText("账号已解锁").waitFor();
    await row.getByText("已锁定", { exact: true }).waitFor({ state: "detached" });
    await admin.context.close();

    // The owner signs in now (the form still shows the captcha it was given).
    await solveCaptcha(owner.page, platform);
    await owner.page.getByRole("button", { name: /登\s*录/ }).click();
    await owner.page.getByRole("heading", { name: "评审专家工作台" }).waitFor();
    await owner.context.close();
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
