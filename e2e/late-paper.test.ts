import { shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { databaseFile, withDatabase } from "./support/public-notice-flow";
import { demoBatchId, loginAs, modal, registerInstitution, submitApplication } from "./support/workflow";

const NAME = "上海临港数字技能继续教育学院";

/**
 * Moves the 【演示】 Shanghai batch's paper deadline to `days` days before today, as if its
 * 报送截止 had passed while the application waited (the platform runs on the real clock). The
 * version bump is what an office's edit does, so every cache reads the new definition.
 */
function paperDeadlinePassed(platform: Platform, batchId: string, days: number): string {
  const deadline = new Date(Date.now() - days * 86_400_000);
  const date = shanghaiDate(deadline);
  withDatabase(databaseFile(platform), (db) => {
    const row = db.prepare("select definition from batches where id = ?").get(batchId) as {
      definition: string;
    };
    const definition = JSON.parse(row.definition);
    definition.paperDeadline = `${date}T23:59:59+08:00`;
    db.prepare("update batches set definition = ?, version = version + 1, updated_at = ? where id = ?").run(
      JSON.stringify(definition),
      new Date().toISOString(),
      batchId,
    );
  });
  return date;
}

describe.skipIf(!hasChromium)("the Shanghai centre receives paper copies after the deadline", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("sees the copies flagged late, refuses them with a reason and cannot pass the check", async () => {
    const batchId = await demoBatchId(platform, "shanghai");
    const institution = await registerInstitution(platform, "310000", NAME);
    await submitApplication(institution, {
      batchId,
      kind: "training",
      occupation: "ai",
      applicantCategory: "university",
    });
    const deadline = paperDeadlinePassed(platform, batchId, 2);
    const [year, month, day] = deadline.split("-").map(Number);

    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-centre");
    await page.goto(`${platform.baseUrl}/workbench/recommendation-queue`);
    await page.locator("tr", { hasText: NAME }).getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { name: NAME }).waitFor();

    await page.getByRole("button", { name: "登记纸质材料" }).click();
    const receipt = modal(page, "登记纸质材料");
    await receipt.getByLabel("收到份数（应为一式2份）").fill("2");
    // Received today, two days after the deadline: the form says so and asks what to do.
    await receipt
      .getByText(`逾期报送：接收日期晚于纸质材料报送截止时间（${year}年${month}月${day}日）2天`)
      .waitFor();
    await receipt.getByRole("button", { name: /登\s*记/ }).click();
    await receipt.getByText("请选择逾期接收或不予接收").waitFor();
    await receipt.getByText("请填写逾期处理理由").waitFor();
    await receipt.getByLabel("不予接收").check();
    await receipt.getByLabel("逾期处理理由").fill("超过报送截止时间且无正当理由");
    await page.screenshot({ path: screenshotPath("centre-late-paper") });
    await receipt.getByRole("button", { name: /登\s*记/ }).click();
    await page.getByText("已登记纸质材料 2 份").waitFor();
    await page.locator(".ant-tag", { hasText: "逾期·不予接收" }).first().waitFor();
    await page
      .getByText(
        "形式审查通过不可用：逾期报送的纸质材料已不予接收（超过报送截止时间且无正当理由），不能通过形式审查，可退回申报",
      )
      .waitFor();
    expect(await page.getByRole("button", { name: "形式审查通过" }).isDisabled()).toBe(true);

    await page.getByRole("link", { name: "审核队列" }).first().click();
    await page.locator("tr", { hasText: NAME }).getByText("逾期·不予接收").waitFor();
    await context.close();
  });
});
