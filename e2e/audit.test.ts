import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { namedEvent, tamper } from "../packages/server/src/test/audit-tamper";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { loginAs } from "./support/workflow";

describe.skipIf(!hasChromium)("the administrator guards the audit chain", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("verifies, exports the head, sees every edit named, and catches a wholesale rewrite with the head file", async () => {
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "admin");
    await page
      .getByRole("navigation", { name: "工作台菜单" })
      .getByRole("link", { name: "审计日志" })
      .click();
    await page.getByRole("heading", { name: "审计日志", level: 1 }).waitFor();

    const [verified] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith("/api/audit/verify")),
      page.getByRole("button", { name: "校验审计链" }).click(),
    ]);
    await page.getByText("审计链完整").waitFor();

    // The answer's X-Request-Id finds the event that request wrote, as it finds its log lines.
    const requestId = (await verified.allHeaders())["x-request-id"] ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole("textbox", { name: "请求编号" }).fill(requestId);
    await page.getByRole("button", { name: "查询" }).click();
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(1);
    // Events by their Chinese names, never the code they are recorded under.
    expect(await rows.first().innerText()).toContain("校验审计链");
    expect(await rows.first().innerText()).not.toContain("audit.verify");
    expect(await rows.first().innerText()).toContain(requestId.slice(0, 12));
    await page.getByRole("textbox", { name: "请求编号" }).fill("");
    await page.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    // Filtered by an operation chosen by its name: only sign-ins, each called 登录.
    await page.getByRole("combobox", { name: "操作" }).fill("登录");
    await page.locator(".ant-select-item-option", { hasText: /^登录$/ }).click();
    await page.getByRole("button", { name: "查询" }).click();
    await expect
      .poll(async () => (await rows.allInnerTexts()).every((text) => text.includes("登录")))
      .toBe(true);
    expect((await page.locator(".ant-table-tbody").innerText()).includes("auth.login")).toBe(false);
    await page.screenshot({ path: screenshotPath("audit-by-name") });
    await page.getByRole("combobox", { name: "操作" }).press("Escape");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /导出审计链头/ }).click(),
    ]);
    const headFile = path.join(platform.downloadsDir, download.suggestedFilename());
    await download.saveAs(headFile);
    const head = JSON.parse(fs.readFileSync(headFile, "utf8"));
    expect(head).toMatchObject({ format: "linxuan-audit-head/1", exportedBy: "admin" });
    expect(download.suggestedFilename()).toBe(`审计链头-第${head.seq}条.json`);

    // Someone edits two events by hand in the database.
    const db = platform.deps.db;
    await tamper.editSummary(db, 2, "篡改一");
    await tamper.editSummary(db, head.seq - 1, "篡改二");
    await page.getByRole("button", { name: "校验审计链" }).click();
    await page.getByText("审计链校验未通过：发现 2 处问题").waitFor();
    const problems = page.getByRole("list", { name: "审计链问题" });
    await expect.poll(() => problems.getByRole("listitem").count()).toBe(2);
    const listed = await problems.innerText();
    expect(listed).toContain(`${await namedEvent(db, 2)}的内容被改动`);
    expect(listed).toContain(`${await namedEvent(db, head.seq - 1)}的内容被改动`);
    await page.screenshot({ path: screenshotPath("audit-two-edits"), fullPage: true });

    // Then rewrites the whole table consistently: on its own the chain holds again …
    await tamper.rewriteChain(db, (summary) => `${summary}。`);
    await page.getByRole("button", { name: "校验审计链" }).click();
    await page.getByText("审计链完整").waitFor();
    // … but the head file kept outside the platform tells.
    await page.locator('input[type="file"]').setInputFiles(headFile);
    await page.getByText(download.suggestedFilename()).waitFor();
    await page.getByRole("button", { name: "校验并核对链头" }).click();
    await page.getByText("审计链校验未通过：与链头文件不符").waitFor();
    expect(await page.locator("body").innerText()).toContain("审计链在导出之后被改写");
    await page.screenshot({ path: screenshotPath("audit-head-rewritten"), fullPage: true });

    // A pasted file that is not a head file is refused in the page, naming what is wrong.
    await page.getByLabel("链头文件内容").fill('{"format":"x"}');
    await page.getByRole("button", { name: "校验并核对链头" }).click();
    await page.getByRole("alert").filter({ hasText: "不是遴选平台导出的审计链头文件" }).waitFor();
    await context.close();
  });
});
