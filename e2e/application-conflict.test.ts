import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  field,
  institutionLogin,
  login,
  saveStatus,
  startApplication,
  waitSaved,
} from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";

describe.skipIf(!hasChromium)("application journey: two tabs edit one draft", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("shows the later save both versions, resolves by the user's choice, and loses nothing", async () => {
    const { context, page: first } = await platform.newPage();
    await login(first, platform, institutionLogin(platform, "上海市专业技术人员继续教育基地（浦东）"));
    await startApplication(first, platform, {
      batchTitle: /【演示】上海市人力资源和社会保障局/,
      occupation: "数字化管理师",
      levels: ["初级"],
      category: "专业技术人员继续教育基地",
    });
    const second = await context.newPage();
    second.setDefaultTimeout(30_000);
    await second.goto(first.url());
    await field(second, "单位地址").waitFor();

    // The first tab saves; the second, opened on the same revision, then saves something else.
    await field(first, "单位地址").fill("上海市浦东新区张江路1号（第一个窗口填写）");
    await waitSaved(first);
    await field(second, "法定代表人姓名").fill("钱芳");
    const dialog = second.getByRole("dialog", { name: /保存冲突/ });
    await dialog.waitFor({ timeout: 20_000 });
    const rows = dialog.getByRole("row");
    const address = await rows.filter({ hasText: "单位地址" }).innerText();
    expect(address).toContain("上海市浦东新区张江路1号（第一个窗口填写）");
    const name = await rows.filter({ hasText: "法定代表人姓名" }).innerText();
    expect(name).toContain("钱芳");
    expect(name).toContain("本窗口已修改");
    expect(await saveStatus(second).innerText()).toContain("保存冲突");
    await second.screenshot({ path: screenshotPath("application-conflict-dialog"), fullPage: false });

    // 保留我的修改: the second tab's change on top of the first tab's save.
    await dialog.getByRole("button", { name: "保留我的修改" }).click();
    await waitSaved(second);
    expect(await field(second, "单位地址").inputValue()).toBe("上海市浦东新区张江路1号（第一个窗口填写）");
    await first.reload();
    expect(await field(first, "单位地址").inputValue()).toBe("上海市浦东新区张江路1号（第一个窗口填写）");
    expect(await field(first, "法定代表人姓名").inputValue()).toBe("钱芳");

    // Now the second tab is behind: it changes the address, the first tab saves first.
    await field(first, "正式员工数").fill("86");
    await waitSaved(first);
    await field(second, "单位地址").fill("上海市浦东新区世纪大道100号（第二个窗口填写）");
    const again = second.getByRole("dialog", { name: /保存冲突/ });
    await again.waitFor({ timeout: 20_000 });
    expect(await again.getByRole("row").filter({ hasText: "正式员工数" }).innerText()).toContain("86");
    // 使用已保存的版本: the saved draft is loaded; the unsaved address is dropped by choice.
    await again.getByRole("button", { name: "使用已保存的版本" }).click();
    await again.waitFor({ state: "hidden" });
    expect(await field(second, "单位地址").inputValue()).toBe("上海市浦东新区张江路1号（第一个窗口填写）");
    expect(await field(second, "正式员工数").inputValue()).toBe("86");
    expect(await saveStatus(second).innerText()).toContain("已自动保存");

    // Both tabs agree, and a further edit in the second tab saves without a conflict.
    await field(second, "法定代表人姓名").fill("钱芳芳");
    await waitSaved(second);
    await first.reload();
    expect(await field(first, "法定代表人姓名").inputValue()).toBe("钱芳芳");
    expect(await field(first, "正式员工数").inputValue()).toBe("86");
    await context.close();
  });
});
