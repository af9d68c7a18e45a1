import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { demoBatchId, loginAs, modal, registerInstitution, submitApplication } from "./support/workflow";

const NAME = "上海电机数字技术继续教育学院";

describe.skipIf(!hasChromium)("the Shanghai service centre receives paper copies", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("records 2 paper copies and passes the formal check", async () => {
    const batchId = await demoBatchId(platform, "shanghai");
    const institution = await registerInstitution(platform, "310000", NAME);
    await submitApplication(institution, {
      batchId,
      kind: "training",
      occupation: "ai",
      applicantCategory: "university",
    });

    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-centre");
    // The queue's former address still works: it leads to the 推荐审核队列's own.
    await page.goto(`${platform.baseUrl}/workbench/review-queue`);
    await page.waitForURL(`${platform.baseUrl}/workbench/recommendation-queue`);
    await page.getByText("纸质材料应为一式2份；登记足够份数后才能通过形式审查。").waitFor();
    const row = page.locator("tr", { hasText: NAME });
    await row.getByText("未登记").waitFor();
    await row.getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { name: NAME }).waitFor();

    // Not before the copies are recorded, and the page says why.
    await page.getByText("形式审查通过不可用：纸质材料应为一式2份，尚未登记接收").waitFor();
    expect(await page.getByRole("button", { name: "形式审查通过" }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: "登记纸质材料" }).click();
    const receipt = modal(page, "登记纸质材料");
    await receipt.getByLabel("收到份数（应为一式2份）").fill("2");
    await receipt.getByLabel("备注（可不填）").fill("盖章齐全");
    await receipt.getByRole("button", { name: /登\s*记/ }).click();
    await page.getByText("已登记纸质材料 2 份").waitFor();
    await page.getByText(/已登记 2 份（\d{4}年\d+月\d+日接收），应为一式2份/).waitFor();

    const pass = page.getByRole("button", { name: "形式审查通过" });
    await expect.poll(() => pass.isEnabled()).toBe(true);
    await pass.click();
    // An irreversible step asks first, and takes the centre's opinion for the record.
    const confirm = modal(page, "确认形式审查通过");
    await confirm.getByText("此操作不能撤销").waitFor();
    await confirm.getByLabel("审查意见（可不填，申报单位可见）").fill("材料齐全，盖章清晰");
    await confirm.getByRole("button", { name: "确认通过" }).click();
    await page.locator(".ant-tag", { hasText: "形式审查通过" }).first().waitFor();
    await page.screenshot({ path: screenshotPath("centre-formal-check"), fullPage: false });

    await page.getByRole("link", { name: "审核队列" }).first().click();
    const after = page.locator("tr", { hasText: NAME });
    await after.getByText("形式审查通过").waitFor();
    await after.getByText("2 / 2 份").waitFor();
    await context.close();

    // The institution reads the receipt of its copies and the outcome with the opinion.
    const applicant = await platform.newPage();
    await loginAs(applicant.page, platform, institution.creditCode);
    await applicant.page.goto(`${platform.baseUrl}/workbench/applications`);
    await applicant.page
      .getByRole("link", { name: /人工智能/ })
      .first()
      .click();
    const card = applicant.page.locator(".ant-card", { hasText: "纸质材料与形式审查" });
    await card.getByText(/已接收2份（\d{4}年\d+月\d+日）/).waitFor();
    await card.getByText("已通过").waitFor();
    await card.getByText("审查意见：材料齐全，盖章清晰").waitFor();
    expect(await card.innerText()).toContain("加盖公章的纸质材料一式2份");
    await applicant.page.screenshot({ path: screenshotPath("institution-formal-check"), fullPage: false });
    await applicant.context.close();
  });
});
