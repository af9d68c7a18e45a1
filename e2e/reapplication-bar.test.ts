import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  approvedShanghaiInstitutions,
  databaseFile,
  endPublicNoticeInDatabase,
  publishShanghaiPublicNotice,
} from "./support/public-notice-flow";
import { apiLogin, demoBatchId, expectStatus, type Institution, shanghaiToday } from "./support/workflow";

const NAME = "徐汇数字技能培训学院";

/**
 * The first day a bar decided today lifts, as its message writes it: the same date three years on
 * is the last barred day (28 February for 29 February), so the next day is named.
 */
function openingDayText(today: string): string {
  const [year = 0, month = 0, day = 0] = today.split("-").map(Number);
  const lastOfMonth = new Date(Date.UTC(year + 3, month, 0)).getUTCDate();
  const opens = new Date(Date.UTC(year + 3, month - 1, Math.min(day, lastOfMonth) + 1));
  return `${opens.getUTCFullYear()}年${opens.getUTCMonth() + 1}月${opens.getUTCDate()}日`;
}

describe.skipIf(!hasChromium)("an institution that failed its 考核评估", () => {
  let platform: Platform;
  let institution: Institution;
  let reason: string;

  beforeAll(async () => {
    platform = await startPlatform();
    // Listed as the platform lists one: approved, 公示 published and (its period moved into the
    // past) confirmed; then assessed and failed by its provincial office, all through the API.
    const { batchId, institutions } = await approvedShanghaiInstitutions(platform, [NAME], "big_data");
    institution = institutions[0] as Institution;
    const office = await apiLogin(platform, "sh-office");
    const publicNotice = await publishShanghaiPublicNotice(office, batchId);
    endPublicNoticeInDatabase(databaseFile(platform), publicNotice.id);
    expectStatus(
      await office.post(`/api/public-notices/${publicNotice.id}/confirm`),
      200,
      "confirm public notice",
    );
    expectStatus(
      await office.post("/api/assessments/cycles", {
        name: "考核评估（浏览器测试）",
        dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        before: new Date(Date.now() + 4 * 365 * 86_400_000).toISOString(),
      }),
      201,
      "open assessments",
    );
    const { items } = expectStatus(await institution.client.get("/api/assessments"), 200, "assessments");
    expectStatus(
      await office.post(`/api/assessments/${items[0].id}/decide`, { result: "fail", note: "培训质量不达标" }),
      200,
      "fail assessment",
    );
    reason = `${openingDayText(shanghaiToday())}前不得再次申报（考核评估不通过：培训质量不达标）`;
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("sees every training occupation closed with the bar's reason, and evaluation still open", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institution.creditCode);
    // The Shanghai batch selects 培训机构 only: every occupation is closed, the reason under each.
    await page.goto(
      `${platform.baseUrl}/workbench/applications/new?batchId=${await demoBatchId(platform, "shanghai")}`,
    );
    const ai = page.getByRole("radio", { name: "人工智能工程技术人员", exact: true });
    await ai.waitFor();
    for (const occupation of ["人工智能工程技术人员", "大数据工程技术人员", "物联网工程技术人员"]) {
      const radio = page.getByRole("radio", { name: occupation, exact: true });
      expect(await radio.isDisabled(), occupation).toBe(true);
      const text = await page.locator(".lx-occupation", { has: radio }).innerText();
      expect(text).toContain(reason);
      expect(text.match(/考核评估不通过/g), occupation).toHaveLength(1);
    }
    // Only the occupation choices count: 从已有申报复制 lists the institution's listed application.
    const occupations = page.locator(".lx-occupation");
    expect(await occupations.count()).toBeGreaterThan(0);
    expect(await occupations.getByRole("radio", { disabled: false }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath("reapplication-bar-options"), fullPage: true });

    // The national batch: the bar is on 培训机构; as an evaluation institution it may apply.
    await page.goto(
      `${platform.baseUrl}/workbench/applications/new?batchId=${await demoBatchId(platform, "national")}`,
    );
    await page.getByRole("radio", { name: "培训机构", exact: true }).check();
    await ai.waitFor();
    expect(await ai.isDisabled()).toBe(true);
    expect(await page.locator(".lx-occupation", { has: ai }).innerText()).toContain(reason);
    await page.getByRole("radio", { name: "评价机构", exact: true }).check();
    await page.getByText(reason).first().waitFor({ state: "detached" });
    expect(await ai.isDisabled()).toBe(false);
    await context.close();
  });
});
