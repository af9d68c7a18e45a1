import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  approvedShanghaiInstitutions,
  databaseFile,
  endPublicNoticeInDatabase,
  publishShanghaiPublicNotice,
} from "./support/public-notice-flow";
import {
  apiLogin,
  demoBatchId,
  expectStatus,
  type Institution,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const LISTED = "上海长宁数字技术培训中心";
const WAITING = "上海闵行数字工程学院";

/** The progress bar's steps as the page shows them: title and, for the marked step, its note. */
async function steps(page: import("playwright-core").Page) {
  const bar = page.getByRole("navigation", { name: "申报进度" });
  await bar.waitFor();
  return bar.innerText();
}

/*
 * 提交 → 形式审查 → 专家评议 → 审定 → 公示 → 纳入目录: the institution sees where its application
 * is and what happens there; once listed, the paper and routing instructions are gone.
 */
describe.skipIf(!hasChromium)("the institution's progress bar", () => {
  let platform: Platform;
  let listed: Institution & { applicationId: string };
  let waiting: Institution;
  let waitingId: string;

  beforeAll(async () => {
    platform = await startPlatform();
    const { batchId, institutions } = await approvedShanghaiInstitutions(platform, [LISTED], "cloud");
    listed = institutions[0] as Institution & { applicationId: string };
    const office = await apiLogin(platform, "sh-office");
    const publicNotice = await publishShanghaiPublicNotice(office, batchId);
    endPublicNoticeInDatabase(databaseFile(platform), publicNotice.id);
    expectStatus(
      await office.post(`/api/public-notices/${publicNotice.id}/confirm`),
      200,
      "confirm public notice",
    );
    waiting = await registerInstitution(platform, "310000", WAITING);
    waitingId = (
      await submitApplication(waiting, {
        batchId: await demoBatchId(platform, "shanghai"),
        kind: "training",
        occupation: "ai",
        applicantCategory: "university",
      })
    ).id;
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("marks 形式审查 as where a submitted Shanghai application waits", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, waiting.creditCode);
    await page.goto(`${platform.baseUrl}/workbench/applications/${waitingId}`);
    const text = await steps(page);
    expect(text).toMatch(
      /提交[\s\S]*已完成[\s\S]*形式审查[\s\S]*等待办理[\s\S]*专家评议[\s\S]*审定[\s\S]*公示[\s\S]*纳入目录/,
    );
    const current = page.getByRole("navigation", { name: "申报进度" }).locator(".ant-steps-item-process");
    expect(await current.innerText()).toContain("形式审查");
    await page.getByText("下一步：等待纸质材料接收与形式审查").waitFor();
    await page.getByText(/纸质材料一式2份报送/).waitFor();
    await page.screenshot({ path: screenshotPath("progress-waiting") });
    await context.close();
  });

  it("shows every step done once listed, and drops the stale instructions", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, listed.creditCode);
    await page.goto(`${platform.baseUrl}/workbench/applications/${listed.applicationId}`);
    await page.getByText("已纳入目录", { exact: true }).first().waitFor();
    const bar = page.getByRole("navigation", { name: "申报进度" });
    await bar.waitFor();
    expect(await bar.locator(".ant-steps-item-finish").count()).toBe(6);
    expect(await bar.locator(".ant-steps-item-process, .ant-steps-item-wait").count()).toBe(0);
    const body = await page.locator("main").innerText();
    expect(body).not.toContain("申报去向");
    expect(body).not.toMatch(/纸质材料一式2份报送|等待纸质材料接收/);
    await page.screenshot({ path: screenshotPath("progress-listed") });

    await page.setViewportSize({ width: 390, height: 844 });
    await bar.waitFor();
    await page.screenshot({ path: screenshotPath("progress-listed-phone") });
    await context.close();
  });
});
