import { computeCreditCodeCheckChar } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { solveCaptcha } from "./support/workflow";

describe.skipIf(!hasChromium)("institution journey", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("registers (a bad credit code gets a field error first), then logs in", async () => {
    const body = "91310115MA1K4Q7B2";
    const creditCode = `${body}${computeCreditCodeCheckChar(body)}`;
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/register`);
    const code = page.getByLabel("统一社会信用代码");
    await code.fill("91310115MA1K4Q7");
    await code.blur();
    const codeItem = page.locator(".lite-field").filter({ has: code });
    await codeItem.locator(".lite-field-error").waitFor();
    expect(await codeItem.locator(".lite-field-error").innerText()).toContain("18位");
    await page.screenshot({ path: screenshotPath("institution-register-error"), fullPage: true });

    await code.fill(creditCode);
    // A name pasted with a right-to-left override is refused by the server, naming the field.
    const name = page.getByLabel("单位名称");
    await name.fill("上海浦江\u202e数字技术培训学院");
    await page.getByLabel("联系人姓名").fill("陈晓雯");
    await page.getByLabel("联系电话").fill("13912345678");
    await page.getByLabel("电子邮箱").fill("chenxw@pujiang-demo.edu.cn");
    await page.getByLabel("登录密码").fill("Pujiang-2026!");
    await page.getByLabel("确认密码").fill("Pujiang-2026!");
    // The registration form shows a captcha with a way to draw another.
    await page.getByRole("img", { name: "图形验证码" }).waitFor();
    const first = await page.locator("img[data-captcha-id]").getAttribute("data-captcha-id");
    await page.getByRole("button", { name: "看不清，换一张" }).click();
    await expect
      .poll(() => page.locator("img[data-captcha-id]").getAttribute("data-captcha-id"))
      .not.toBe(first);
    await solveCaptcha(page, platform);
    await page.getByRole("button", { name: /注\s*册/ }).click();
    const nameError = page
      .locator(".lite-field")
      .filter({ has: name })
      .locator(".lite-field-error", { hasText: "文字方向控制字符" });
    await nameError.waitFor();
    expect(await nameError.innerText()).toContain("单位名称含有不允许的文字方向控制字符（U+202E）");
    await page.screenshot({ path: screenshotPath("institution-register-bidi"), fullPage: true });

    await name.fill("上海浦江数字技术培训学院");
    // The form draws a new captcha after a refusal; read whichever is shown now.
    await solveCaptcha(page, platform);
    await page.getByRole("button", { name: /注\s*册/ }).click();
    await page.getByRole("heading", { name: "申报单位工作台" }).waitFor();
    expect(await page.locator("body").innerText()).toContain("上海浦江数字技术培训学院");

    await page.getByRole("button", { name: /退出/ }).first().click();
    await page.goto(`${platform.baseUrl}/login`);
    await page.getByLabel("用户名").fill(creditCode);
    await page.getByLabel("密码").fill("Pujiang-2026!");
    // 显示 shows what was typed, 隐藏 hides it again; the box keeps its name and value.
    await page.getByRole("button", { name: "显示", exact: true }).click();
    expect(await page.getByLabel("密码").getAttribute("type")).toBe("text");
    expect(await page.getByLabel("密码").inputValue()).toBe("Pujiang-2026!");
    await page.getByRole("button", { name: "隐藏", exact: true }).click();
    expect(await page.getByLabel("密码").getAttribute("type")).toBe("password");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.getByRole("heading", { name: "申报单位工作台" }).waitFor();
    await page.screenshot({ path: screenshotPath("institution-home"), fullPage: true });
    await context.close();
  });

  it("confirms a credit code whose check character looks wrong; /login then says who is signed in", async () => {
    const body = "91310115MA1K4Q8C3";
    const wrong = computeCreditCodeCheckChar(body) === "0" ? "1" : "0";
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/register`);
    await page.getByLabel("统一社会信用代码").fill(`${body}${wrong}`);
    await page.getByLabel("单位名称").fill("上海核对数字技术培训学院");
    await page.getByLabel("联系人姓名").fill("王五");
    await page.getByLabel("联系电话").fill("13912345679");
    await page.getByLabel("电子邮箱").fill("wangwu@hedui-demo.edu.cn");
    await page.getByLabel("登录密码").fill("Hedui-2026!");
    await page.getByLabel("确认密码").fill("Hedui-2026!");
    // The browser only warns; the server asks, in a dialog that 返回修改 and Esc both close.
    await page.getByText(/校验位应为/).waitFor();
    await solveCaptcha(page, platform);
    const register = page.getByRole("button", { name: /注\s*册/ });
    const dialog = page.getByRole("dialog", { name: "请核对统一社会信用代码" });
    await register.click();
    await dialog.getByRole("button", { name: "返回修改" }).click();
    await dialog.waitFor({ state: "detached" });
    await register.click();
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await register.click();
    await page.screenshot({ path: screenshotPath("institution-register-checksum"), fullPage: false });
    // Confirming sends the same captcha answer: the server had not checked it yet.
    await dialog.getByRole("button", { name: "我已核对，该代码与营业执照一致" }).click();
    await page.getByRole("heading", { name: "申报单位工作台" }).waitFor();

    await page.goto(`${platform.baseUrl}/login?next=${encodeURIComponent("/workbench/applications")}`);
    await page.getByText("您已登录为“上海核对数字技术培训学院”").waitFor();
    const enter = page.locator("#main").getByRole("link", { name: "进入工作台" });
    await expect(enter.getAttribute("href")).resolves.toBe("/workbench/applications");
    await context.close();
  });
});
