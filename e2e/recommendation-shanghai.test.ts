import fs from "node:fs";
import path from "node:path";
import { shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  demoBatchId,
  expectStatus,
  loginAs,
  modal,
  registerInstitution,
  resubmit,
  submitApplication,
} from "./support/workflow";

const NAME = "上海智算数字技术培训有限公司";
const NEW_ADDRESS = "上海市闵行区剑川路951号零号湾科创大厦8层";

/** Ten days from now in Beijing, as the date picker takes it. */
function replyDeadline(): string {
  const date = shanghaiDate(Date.now() + 10 * 86_400_000);
  return `${date} 17:30`;
}

describe.skipIf(!hasChromium)("the Shanghai HR bureau recommends in the national batch", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("returns an application, recommends it after the fix, confirms the list and issues the 推荐函", async () => {
    const batchId = await demoBatchId(platform, "national");
    const institution = await registerInstitution(platform, "310000", NAME);
    const application = await submitApplication(institution, { batchId, kind: "training", occupation: "ai" });

    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "rec-shanghai");
    await page.goto(`${platform.baseUrl}/workbench/recommendation-queue?batchId=${batchId}`);
    await page.getByRole("heading", { name: "审核队列" }).waitFor();
    await page.getByText("人工智能工程技术人员 培训机构 · 上海市 已推荐 0 / 10").waitFor();
    const row = page.locator("tr", { hasText: NAME });
    await row.getByText("已提交").waitFor();
    await row.getByText("符合").waitFor();
    await row.getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { name: NAME }).waitFor();
    await page.getByText("数字技术工程师培育项目培训机构推荐表").waitFor();

    // Masked personal data; one value revealed (and audited by the server).
    await page.getByRole("tab", { name: "个人信息" }).click();
    const personal = page.getByRole("tabpanel", { name: "个人信息" });
    await personal.getByText("310***********3012").waitFor();
    await personal.getByRole("button", { name: /查看.*身份证号/ }).click();
    await personal.getByText("310104197805123012").waitFor();

    // 退回修改 with a reason and a reply deadline.
    await page.getByRole("button", { name: "退回修改" }).click();
    const returning = modal(page, "退回修改");
    await returning.getByLabel("退回理由").fill("请核实单位地址，补充实训场地的详细地址。");
    const deadline = returning.getByLabel("答复期限（北京时间，可不填）");
    await deadline.click();
    await deadline.fill(replyDeadline());
    await deadline.press("Enter");
    await returning.getByRole("button", { name: /退\s*回/ }).click();
    await page.getByText("已退回申报单位修改").first().waitFor();
    await page.locator(".ant-tag", { hasText: "已退回" }).first().waitFor();
    expect(await page.locator("body").innerText()).toContain(
      `答复期限：${replyDeadline().replace(/^(\d+)-0?(\d+)-0?(\d+) /, "$1年$2月$3日 ")}`,
    );

    // The institution fixes the address and resubmits (second version).
    const mine = expectStatus(
      await institution.client.get(`/api/applications/${application.id}`),
      200,
      "get",
    );
    expect(mine.application.returnReason).toContain("单位地址");
    expectStatus(
      await institution.client.put(`/api/applications/${application.id}/draft`, {
        values: { ...mine.application.values, address: NEW_ADDRESS },
        baseRevision: mine.application.draftRevision,
      }),
      200,
      "fix draft",
    );
    expect((await resubmit(institution, application.id)).status).toBe("resubmitted");

    await page.reload();
    await page.locator(".ant-tag", { hasText: "已重新提交" }).first().waitFor();
    await page.getByRole("tab", { name: "版本与修改" }).click();
    const versions = page.getByRole("tabpanel", { name: "版本与修改" });
    await versions.getByText("第2版").first().waitFor();
    await versions.locator("td", { hasText: NEW_ADDRESS }).first().waitFor();

    // 推荐 with a reason and a rank.
    await page.locator("button", { hasText: /^推荐$/ }).click();
    const recommending = modal(page, "推荐：");
    await recommending
      .getByLabel("推荐理由")
      .fill("该机构人工智能培训体系完善，师资力量雄厚，近五年培训规模稳定，推荐。");
    await recommending.getByLabel(/排名/).fill("1");
    await recommending.getByRole("button", { name: "确认推荐" }).click();
    await page.getByText("已推荐，名额已用 1 / 10").waitFor();
    await page.locator(".ant-tag", { hasText: "已推荐" }).first().waitFor();
    await page.getByText("已推荐（本职业第1名）").waitFor();
    await page.screenshot({ path: screenshotPath("recommendation-detail"), fullPage: false });

    // Back to the queue: the quota counts it; the list is confirmed and the letter issued.
    await page.getByRole("link", { name: "审核队列" }).first().click();
    await page.getByText("人工智能工程技术人员 培训机构 · 上海市 已推荐 1 / 10").waitFor();
    await page.getByRole("button", { name: "确认名单并出具推荐函" }).click();
    const closing = modal(page, "确认名单并出具推荐函");
    await closing.getByLabel("负责人").fill("王处长");
    await closing.getByLabel("联系人").fill("李干事");
    await closing.getByLabel("联系电话").fill("021-63840000");
    await closing.getByRole("button", { name: "确认名单" }).click();
    await page.getByText(/本单位已于.*确认推荐名单（负责人：王处长）/).waitFor();
    await closing.waitFor({ state: "hidden" });
    await page.screenshot({ path: screenshotPath("recommendation-closed"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载推荐函（PDF）" }).click(),
    ]);
    const file = path.join(platform.downloadsDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^推荐函.*\.pdf$/);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");

    // After confirming, nothing in the list can change.
    await page.locator("tr", { hasText: NAME }).getByRole("link", { name: NAME }).click();
    await page.getByText("本单位已确认推荐名单并出具推荐函，名单不能再修改。").waitFor();
    expect(await page.getByRole("button", { name: "撤销决定" }).isDisabled()).toBe(true);
    await context.close();
  });
});
