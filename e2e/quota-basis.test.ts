import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  apiLogin,
  demoBatchId,
  expectStatus,
  loginAs,
  modal,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const NAME = "北京数智云图培训中心";
const BASIS = "工程指导协调小组办公室决定：北京每个职业不超过8家";

describe.skipIf(!hasChromium)("quotas with a basis", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("the office sets 北京's quota with its basis; the recommender sees 名额待定, then the number", async () => {
    const batchId = await demoBatchId(platform, "national");
    const institution = await registerInstitution(platform, "110000", NAME);
    await submitApplication(institution, { batchId, kind: "training", occupation: "ai" });

    // The recommender: no number yet, and why.
    const recommender = await platform.newPage();
    await loginAs(recommender.page, platform, "rec-beijing");
    await recommender.page.goto(`${platform.baseUrl}/workbench/recommendation-queue?batchId=${batchId}`);
    const bar = recommender.page.locator(".lx-quota-bar");
    await bar.getByText("已推荐 0 · 名额待定").waitFor();
    await bar.getByText(/^名额待定（依据：.*北京、上海、粤港澳大湾区等地方可适当扩大规模。）$/).waitFor();
    await recommender.page.screenshot({ path: screenshotPath("quota-basis-pending"), fullPage: false });

    // The office enters the number with its basis.
    const office = await platform.newPage();
    await loginAs(office.page, platform, "office");
    await office.page.goto(`${platform.baseUrl}/workbench/batches/${batchId}?tab=quotas`);
    const table = office.page.locator(".lx-quota-settings");
    const beijing = table.locator("tr", { hasText: "北京市" });
    await beijing.getByText("名额待定").waitFor();
    await table.locator("tr", { hasText: "上海市" }).getByText("10 家").waitFor();
    await beijing.getByRole("button", { name: "设定北京市名额" }).click();
    const dialog = modal(office.page, /设定名额：北京市/);
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await dialog.getByText("请填写名额").waitFor();
    await dialog.getByText("请填写依据").waitFor();
    await dialog.getByLabel("每个职业名额（家）").fill("8");
    await dialog.getByLabel("依据（通知原文或主管部门的决定）").fill(BASIS);
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await office.page.getByText("已设定北京市培训机构名额").waitFor();
    await beijing.getByText("8 家").waitFor();
    await beijing.getByText(BASIS).waitFor();
    // Who entered it, by the name people know, not the login name.
    await beijing.getByText(/^工程指导协调小组办公室 · /).waitFor();
    await office.page.screenshot({ path: screenshotPath("quota-basis-office"), fullPage: false });

    // The recommender now counts against 8, with the office's basis.
    await recommender.page.reload();
    await bar.getByText("已推荐 0 / 8").waitFor();
    await bar.getByText(`依据：${BASIS}`).waitFor();
    await recommender.page.screenshot({ path: screenshotPath("quota-basis-set"), fullPage: false });
    await recommender.context.close();
    await office.context.close();
  });

  it("a Guangdong recommender's dialog counts a Shenzhen application in 粤港澳大湾区 and a Shantou one in the rest", async () => {
    const batchId = await demoBatchId(platform, "national");
    const shenzhen = await registerInstitution(platform, "440300", "深圳湾区云计算培训学院");
    const shantou = await registerInstitution(platform, "440500", "汕头数字技能培训中心");
    const inBay = await submitApplication(shenzhen, { batchId, kind: "training", occupation: "cloud" });
    const outside = await submitApplication(shantou, { batchId, kind: "training", occupation: "cloud" });
    expectStatus(
      await (await apiLogin(platform, "office")).put(`/api/batches/${batchId}/quota-settings`, {
        kind: "training",
        areaKey: "440000:粤港澳大湾区",
        limit: 3,
        basis: "协调小组办公室决定：粤港澳大湾区每个职业不超过3家",
      }),
      200,
      "GBA quota",
    );

    const { context, page } = await loginPage();
    const rankLabel = async (applicationId: string, shot?: string) => {
      await page.goto(
        `${platform.baseUrl}/workbench/recommendation-queue/${applicationId}?batchId=${batchId}`,
      );
      await page.getByRole("button", { name: "推荐", exact: true }).click();
      const dialog = modal(page, /^推荐：/);
      const label = await dialog.getByText(/^排名（本单位本职业内的推荐顺序/).textContent();
      if (shot) {
        // The dialog has finished zooming in once antd drops its motion classes.
        await page.locator(".ant-modal[class*='zoom']").waitFor({ state: "detached" });
        await page.screenshot({ path: screenshotPath(shot) });
      }
      await dialog.getByRole("button", { name: /取\s*消/ }).click();
      await dialog.waitFor({ state: "hidden" });
      return label;
    };
    expect(await rankLabel(inBay.id, "quota-basis-guangdong")).toContain("1–3");
    expect(await rankLabel(outside.id)).toContain("1–5");
    await context.close();

    async function loginPage() {
      const opened = await platform.newPage();
      await loginAs(opened.page, platform, "rec-guangdong");
      return opened;
    }
  });
});
