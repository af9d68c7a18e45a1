import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  apiLogin,
  confirmDialog,
  demoBatchId,
  expectStatus,
  loginAs,
  modal,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const NAME = "北京数字工匠职业技能培训学校";

/*
 * Issue 16 point 7 (B): notice 四(四) — the office 审核 the provinces' recommended training
 * institutions. With expert scoring switched off for training applications, the office's check
 * alone brings the application to 评议完成, ready for 审定.
 */
describe.skipIf(!hasChromium)("the national office checks a recommended training application", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("switches expert scoring off for training, checks the recommendation 通过 and decides with the check in view", async () => {
    const batchId = await demoBatchId(platform, "national");
    const institution = await registerInstitution(platform, "110000", NAME);
    const application = await submitApplication(institution, {
      batchId,
      kind: "training",
      occupation: "cloud",
    });
    // The notice leaves Beijing's number to the office ("可适当扩大规模"): it enters one with its basis.
    expectStatus(
      await (await apiLogin(platform, "office")).put(`/api/batches/${batchId}/quota-settings`, {
        kind: "training",
        areaKey: "110000",
        limit: 10,
        basis: "协调小组办公室决定北京市培训机构每个职业不超过10家",
      }),
      200,
      "Beijing quota",
    );
    const province = await apiLogin(platform, "rec-beijing");
    expectStatus(
      await province.post(`/api/applications/${application.id}/recommend`, {
        reason: "该机构在云计算领域培训经验丰富，师资力量雄厚，推荐。",
        rank: 1,
      }),
      200,
      "recommend",
    );

    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "office");
    await page.goto(`${platform.baseUrl}/workbench/review?batchId=${batchId}`);
    await page.getByRole("switch", { name: "培训机构申报由专家评分" }).click();
    await page.getByRole("button", { name: "保存评议设置" }).click();
    await page.getByText("评议设置已保存").waitFor();

    await page.getByRole("tab", { name: "审核推荐结果" }).click();
    await page.getByText("本批次培训机构申报只审核、不评分").waitFor();
    const row = page.locator(".ant-table-row", { hasText: NAME });
    await row.getByText("北京市").waitFor();
    await row.getByRole("button", { name: "审核通过" }).click();
    const dialog = modal(page, `审核通过：${NAME}`);
    await dialog.getByRole("button", { name: "确认审核" }).click();
    await dialog.getByText("请填写审核意见").waitFor();
    await dialog.getByLabel("审核意见").fill("推荐材料齐全，符合培训机构遴选条件");
    await dialog.getByRole("button", { name: "确认审核" }).click();
    await page.getByText("已审核").waitFor();
    await row.locator(".ant-tag", { hasText: "审核通过" }).waitFor();
    await row.getByText("推荐材料齐全，符合培训机构遴选条件").waitFor();
    await page.screenshot({ path: screenshotPath("recommendation-check"), fullPage: false });

    const office = await apiLogin(platform, "office");
    const after = expectStatus(await office.get(`/api/applications/${application.id}`), 200, "application");
    expect(after.application.status).toBe("reviewed");

    // 排名与审定: the check stands beside the application, and 审定 reads it before deciding.
    await page.getByRole("tab", { name: "排名与审定" }).click();
    const ranking = page.getByRole("tabpanel", { name: "排名与审定" });
    await ranking.getByRole("button", { name: "公开评分" }).click();
    await confirmDialog(page, "公开评分");
    const ranked = ranking.locator(".ant-table-row", { hasText: NAME });
    await ranked.locator(".ant-tag", { hasText: "审核通过" }).waitFor();
    await ranked.getByRole("button", { name: "通过", exact: true }).click();
    const decide = modal(page, `审定：${NAME}`);
    await decide.getByText("推荐结果审核通过，审核意见：推荐材料齐全，符合培训机构遴选条件").waitFor();
    await decide.getByLabel("审定依据").fill("推荐结果审核通过，在北京市名额之内，同意纳入");
    await decide.getByRole("button", { name: "确认审定" }).click();
    await page.getByText("已审定通过").waitFor();
    await ranked.getByText("审定通过").first().waitFor();
    await page.screenshot({ path: screenshotPath("recommendation-check-decided"), fullPage: false });
    const decided = expectStatus(await office.get(`/api/applications/${application.id}`), 200, "decided");
    expect(decided.application.status).toBe("approved");
    await context.close();
  });
});
