import { shanghaiDateTime } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoExpertUsername } from "../packages/server/src/demo/seed-demo";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { fillPublicNoticeContacts } from "./support/public-notice-flow";
import { scoreAll } from "./support/review";
import {
  apiLogin,
  confirmDialog,
  demoBatchId,
  expectStatus,
  type Institution,
  loginAs,
  modal,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const NAME = "上海数智演示培训学院";

/*
 * Issue 16: the 【演示】 Shanghai batch walked in one sitting, as a newcomer would — the institution
 * submits, the centre scans the 申报编号 and passes the formal check, experts score, the office
 * decides, publishes the 公示 after its preview, shortens the demo period and confirms, and the
 * public finds the institution in the catalog. (The form itself is filled through the API here; the
 * Shanghai application journey fills it on the page.)
 */
describe.skipIf(!hasChromium)("the demo Shanghai batch from submission to the catalog", () => {
  let platform: Platform;
  let institution: Institution;
  let applicationId: string;
  let batchId: string;
  beforeAll(async () => {
    platform = await startPlatform();
    batchId = await demoBatchId(platform, "shanghai");
    institution = await registerInstitution(platform, "310000", NAME);
    applicationId = (
      await submitApplication(institution, {
        batchId,
        kind: "training",
        occupation: "big_data",
        applicantCategory: "university",
        draftOnly: true,
      })
    ).id;
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("walks every stage in the browser and ends in the public catalog", async () => {
    // 1. The institution submits on its application page.
    const applicant = await platform.newPage();
    await loginAs(applicant.page, platform, institution.creditCode);
    await applicant.page.goto(`${platform.baseUrl}/workbench/applications/${applicationId}`);
    await applicant.page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = applicant.page.getByRole("tabpanel", { name: /提交前检查/ });
    await precheck.getByText("检查通过").waitFor();
    await precheck.getByRole("button", { name: /提交$/ }).click();
    await applicant.page.getByRole("dialog").getByRole("button", { name: "确认提交" }).click();
    await applicant.page.getByText(/已提交第1版/).waitFor();
    const numberText = await applicant.page.getByText(/^申报编号 \d{4}T\d{6}[0-9X]$/).innerText();
    const number = numberText.replace("申报编号 ", "");

    // 2. The receiving centre scans the number, records the paper and passes the formal check.
    const centre = await platform.newPage();
    await loginAs(centre.page, platform, "sh-centre");
    await centre.page.goto(`${platform.baseUrl}/workbench/recommendation-queue`);
    const lookup = centre.page.getByRole("searchbox", { name: "申报编号" });
    await lookup.fill(number);
    await lookup.press("Enter");
    const receipt = modal(centre.page, "登记纸质材料");
    await receipt.getByLabel("收到份数（应为一式2份）").fill("2");
    await receipt.getByRole("button", { name: /登\s*记/ }).click();
    await centre.page.getByText("已登记纸质材料 2 份").waitFor();
    await centre.page.getByRole("button", { name: "形式审查通过" }).click();
    const pass = modal(centre.page, `确认形式审查通过：${NAME}`);
    await pass.getByRole("button", { name: "确认通过" }).click();
    await centre.page.getByText("形式审查通过", { exact: true }).first().waitFor();
    await centre.context.close();

    // 3. The office assigns one expert automatically; the experts score.
    const office = await platform.newPage();
    const page = office.page;
    await loginAs(page, platform, "sh-office");
    await page.goto(`${platform.baseUrl}/workbench/review?batchId=${batchId}`);
    await page.getByLabel("每份申报专家数").fill("1");
    await page.getByRole("button", { name: "保存评议设置" }).click();
    await page.getByText("评议设置已保存").waitFor();
    await page.getByRole("tab", { name: "专家分配" }).click();
    const autoCard = page.locator(".ant-card", { has: page.getByText("自动分配", { exact: true }) });
    await autoCard.getByRole("button", { name: /预\s*览/ }).click();
    await autoCard.getByText("已完成", { exact: true }).waitFor();
    await autoCard.getByRole("button", { name: "确认分配" }).click();
    await page.getByText(/已分配 \d+ 人次，相关申报进入专家评议/).waitFor();
    const officeApi = await apiLogin(platform, "sh-office");
    const progress = expectStatus(await officeApi.get(`/api/review/${batchId}/progress`), 200, "progress");
    for (const name of new Set((progress.experts as { name: string }[]).map((expert) => expert.name))) {
      await scoreAll(await apiLogin(platform, demoExpertUsername(name)), () => 9);
    }

    // 4. The office opens the scores, completes the review and approves.
    await page.getByRole("tab", { name: "排名与审定" }).click();
    await page.getByRole("button", { name: "公开评分" }).click();
    await confirmDialog(page, "公开评分");
    await page.getByText(/已于.*公开评分/).waitFor();
    await page.getByRole("button", { name: "完成评议" }).click();
    await confirmDialog(page, "完成评议");
    const row = page.locator(".ant-table-row", { hasText: NAME });
    await row.getByText("评议完成").waitFor();
    await row.getByRole("button", { name: /^通\s*过$/ }).click();
    const deciding = modal(page, `审定：${NAME}`);
    await deciding.getByLabel("审定依据").fill("专家评议结果良好，在本职业名额之内，予以通过。");
    await deciding.getByRole("button", { name: "确认审定" }).click();
    await row.getByText("审定通过").waitFor();

    // 5. 发布公示 after its preview; the demo period is shortened and the result confirmed.
    await page.goto(`${platform.baseUrl}/workbench/public-notices`);
    await page.getByRole("heading", { name: "公示管理" }).waitFor();
    await page.getByLabel("遴选批次").click();
    await page.locator(".ant-select-item-option", { hasText: "【演示】上海" }).first().click();
    await page.locator(".ant-select-disabled", { hasText: "上海" }).waitFor();
    const start = shanghaiDateTime(new Date(Date.now() + 3 * 60_000).toISOString()).slice(0, 16);
    const picker = page.getByLabel("公示开始时间（北京时间）");
    await picker.click();
    await picker.fill(start);
    await picker.press("Enter");
    await fillPublicNoticeContacts(page);
    await page.getByRole("button", { name: "预览并发布公示" }).click();
    const preview = modal(page, "发布前预览：公示公开页面");
    await preview.getByText(NAME).first().waitFor();
    await preview.getByRole("button", { name: "确认发布" }).click();
    await page.getByText(/^已发布：/).waitFor();
    await page.getByRole("link", { name: "管理该公示" }).click();
    await page.getByRole("heading", { name: /拟纳入目录的上海市培训机构名单公示/ }).waitFor();
    await page.getByRole("button", { name: "演示：缩短公示期" }).click();
    await confirmDialog(page, "缩短公示期");
    await page.getByText("公示期已缩短，现可确认公示结果").waitFor();
    await page.getByRole("button", { name: "确认公示结果" }).click();
    await confirmDialog(page, "确认纳入目录");
    await page
      .getByText(/已纳入目录 \d+ 家/)
      .first()
      .waitFor();
    await office.context.close();

    // 6. The institution sees every step done; the public finds it in the catalog.
    await applicant.page.reload();
    const bar = applicant.page.getByRole("navigation", { name: "申报进度" });
    await bar.waitFor();
    await expect.poll(() => bar.locator(".ant-steps-item-finish").count()).toBe(6);
    await applicant.context.close();
    const reader = await platform.newPage();
    await reader.page.goto(`${platform.baseUrl}/catalog?q=${encodeURIComponent(NAME)}`);
    await reader.page
      .getByRole("table", { name: "目录查询结果" })
      .locator("tbody tr", { hasText: NAME })
      .getByText("演示", { exact: true })
      .waitFor();
    await reader.page.screenshot({ path: screenshotPath("demo-walkthrough-catalog"), fullPage: true });
    await reader.context.close();
  });
});
