import fs from "node:fs";
import path from "node:path";
import { defaultRubric } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoExpertUsername, expertNames } from "../packages/server/src/demo/seed-demo";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { acceptPledgeOnPage, scoreAll, submitScoresOnPage } from "./support/review";
import {
  apiLogin,
  confirmDialog,
  demoBatchId,
  expectStatus,
  loginAs,
  modal,
  passFormalCheck,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const FIRST = "上海浦江数字工程继续教育学院";
const SECOND = "上海申城信息技术学院";
const rubric = defaultRubric("training");
const SEED = "20261209";

/*
 * Issue 16: an expert accepts the 评审承诺 before the first assignment, downloads what it judges
 * and confirms 提交评分; the office draws experts at random with a recorded seed, sees that one
 * is missing and must give a reason to decide.
 */
describe.skipIf(!hasChromium)(
  "an expert pledges, reads the attachments and submits; a shortfall is never silent",
  () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await startPlatform();
    });
    afterAll(async () => {
      await platform?.close();
    });

    it("draws at random, pledges, downloads, confirms the scores and decides with a shortfall reason", async () => {
      const batchId = await demoBatchId(platform, "shanghai");
      const centre = await apiLogin(platform, "sh-centre");
      for (const name of [FIRST, SECOND]) {
        const institution = await registerInstitution(platform, "310000", name);
        const application = await submitApplication(institution, {
          batchId,
          kind: "training",
          occupation: "ai",
          applicantCategory: "university",
        });
        await passFormalCheck(centre, application.id);
      }

      // More experts per application than the 人工智能 pool can give without a conflict.
      const { context, page } = await platform.newPage();
      await loginAs(page, platform, "sh-office");
      await page.goto(`${platform.baseUrl}/workbench/review?batchId=${batchId}`);
      await page.getByLabel("每份申报专家数").fill("4");
      await page.getByRole("button", { name: "保存评议设置" }).click();
      await page.getByText("评议设置已保存").waitFor();

      // 随机抽取 with a given seed: previewed, shown with its seed and what is missing, then saved.
      await page.getByRole("tab", { name: "专家分配" }).click();
      const drawCard = page.locator(".ant-card", { has: page.getByText("随机抽取", { exact: true }) });
      await drawCard.getByLabel("随机种子").fill(SEED);
      await drawCard.getByRole("button", { name: "抽取预览" }).click();
      await drawCard.locator(".ant-descriptions-item", { hasText: "随机种子" }).getByText(SEED).waitFor();
      await drawCard.getByText(/份申报专家不足/).waitFor();
      const firstDrawn = drawCard.locator(".ant-table-row", { hasText: FIRST });
      await firstDrawn.locator(".ant-tag", { hasText: /^缺\d名$/ }).waitFor();
      const drawnNames = (await firstDrawn.locator(".ant-tag").allInnerTexts())
        .map((text) => text.replace(/（.*$/, ""))
        .filter((name) => expertNames.includes(name));
      expect(drawnNames.length).toBeGreaterThan(0);
      await page.screenshot({ path: screenshotPath("review-random-draw"), fullPage: true });
      await drawCard.getByRole("button", { name: "确认抽取" }).click();
      await page.getByText(new RegExp(`已随机抽取 \\d+ 人次（随机种子 ${SEED}）`)).waitFor();
      await drawCard.getByText(new RegExp(`随机种子 ${SEED}，抽取 \\d+ 人次，仍缺 \\d+ 名`)).waitFor();

      // The expert drawn first for FIRST: the pledge comes before the application.
      const expertName = drawnNames[0] ?? "";
      const expertSession = await platform.newPage();
      const expertPage = expertSession.page;
      await loginAs(expertPage, platform, demoExpertUsername(expertName));
      await expertPage.goto(`${platform.baseUrl}/workbench/expert-review`);
      await expertPage.locator("tr", { hasText: FIRST }).getByRole("link", { name: FIRST }).click();
      await expertPage.getByText("专家评审承诺").first().waitFor();
      const accept = expertPage.getByRole("button", { name: "接受承诺并开始评议" });
      expect(await accept.isDisabled()).toBe(true);
      await expertPage.screenshot({ path: screenshotPath("review-expert-pledge"), fullPage: true });
      await acceptPledgeOnPage(expertPage);
      await expertPage.getByRole("heading", { name: FIRST }).waitFor();

      // 申报附件: the stamped form, downloaded and recorded in the audit log.
      const attachments = expertPage.locator(".ant-card", {
        has: expertPage.getByText("申报附件", { exact: true }),
      });
      await attachments.getByText("申报表电子版（加盖公章的PDF格式）").waitFor();
      await expertPage.screenshot({ path: screenshotPath("review-expert-scoring-attachments") });
      const [download] = await Promise.all([
        expertPage.waitForEvent("download"),
        attachments.getByRole("link", { name: /下载申报表电子版/ }).click(),
      ]);
      const file = path.join(platform.downloadsDir, download.suggestedFilename());
      await download.saveAs(file);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
      const downloads = await platform.deps.db
        .selectFrom("auditEvents")
        .selectAll()
        .where("command", "=", "review.downloadAttachment")
        .execute();
      expect(downloads).toHaveLength(1);
      expect(downloads[0]?.actorUsername).toBe(demoExpertUsername(expertName));
      expect(
        await platform.deps.db
          .selectFrom("auditEvents")
          .select("summary")
          .where("command", "=", "review.acceptPledge")
          .execute(),
      ).toEqual([{ summary: expect.stringContaining(`专家${expertName}接受评审承诺`) }]);

      // 提交评分 through the confirmation that sums the scores up.
      for (const criterion of rubric.criteria) {
        await expertPage.getByLabel(`${criterion.title}评分`, { exact: true }).fill("9");
        await expertPage
          .getByLabel(`${criterion.title}评分理由`)
          .fill(`${criterion.title}：材料翔实，优于同类机构。`);
      }
      await expertPage
        .getByRole("textbox", { name: "综合评议意见" })
        .fill("综合评议：该机构基础扎实，建议纳入目录。");
      await expertPage.getByText("90.00").first().waitFor();
      await expertPage.getByRole("button", { name: "提交评分" }).click();
      const confirm = expertPage.locator(".ant-modal-confirm:visible");
      await confirm.locator(".ant-modal-confirm-title", { hasText: "确认提交评分" }).waitFor();
      await confirm.getByRole("table", { name: "评分汇总" }).getByText("90.00 分").waitFor();
      await confirm.getByText(rubric.criteria[0]?.title ?? "").waitFor();
      await expertPage.screenshot({ path: screenshotPath("review-expert-submit-confirm"), fullPage: false });
      // 返回修改 submits nothing.
      await confirm.getByRole("button", { name: "返回修改" }).click();
      await confirm.waitFor({ state: "hidden" });
      expect(await expertPage.getByText(/评分已提交（/).count()).toBe(0);
      await submitScoresOnPage(expertPage);
      await expertPage.getByText(/评分已提交（.*），总分 90\.00 分/).waitFor();
      await expertSession.context.close();

      // Every drawn expert scores what is still open through the API (the first's other assignment too).
      const progress = expectStatus(
        await (await apiLogin(platform, "sh-office")).get(`/api/review/${batchId}/progress`),
        200,
        "progress",
      );
      for (const name of new Set((progress.experts as { name: string }[]).map((expert) => expert.name))) {
        await scoreAll(await apiLogin(platform, demoExpertUsername(name)), (institution) =>
          institution === FIRST ? 8 : 6,
        );
      }

      // The office opens the scores: the shortfall shows per application and needs a reason.
      await page.getByRole("tab", { name: "排名与审定" }).click();
      // Named before the scores are opened: the shortfall says nothing about the scores.
      await page.getByText(/份申报评议专家不足（每份应 4 名）/).waitFor();
      await page.getByText(`${FIRST}：实有`).waitFor();
      await page.getByRole("button", { name: "公开评分" }).click();
      await confirmDialog(page, "公开评分");
      await page.getByText(/已于.*公开评分/).waitFor();
      const firstRow = page.locator(".ant-table-row", { hasText: FIRST });
      await firstRow.locator(".ant-tag", { hasText: /^缺\d名专家$/ }).waitFor();
      await page.getByRole("button", { name: "完成评议" }).click();
      await confirmDialog(page, "完成评议");
      await page.getByText("已完成评议 2 份申报。").waitFor();
      await firstRow.getByRole("button", { name: /^通\s*过$/ }).click();
      const deciding = modal(page, `审定：${FIRST}`);
      await deciding.getByText(/评议专家不足：应4名，实有\d名/).waitFor();
      await deciding.getByLabel("审定依据").fill("专家评议排名第一，在本职业名额之内，予以通过。");
      await deciding.getByRole("button", { name: "确认审定" }).click();
      await deciding.getByText("请填写缺额审定说明（至少2个字）").waitFor();
      await page.screenshot({ path: screenshotPath("review-decide-shortfall"), fullPage: false });
      const reason = "人工智能方向无须回避的专家已全部参加评议，评分一致，按现有评分审定。";
      await deciding.getByLabel("缺额审定说明").fill(reason);
      await deciding.getByRole("button", { name: "确认审定" }).click();
      await page.getByText("已审定通过").waitFor();
      await deciding.waitFor({ state: "hidden" });
      await page.getByText(`（缺额审定说明：${reason}）`).waitFor();
      await page.screenshot({ path: screenshotPath("review-ranking-shortfall"), fullPage: true });
      const decided = await platform.deps.db
        .selectFrom("decisions")
        .select("shortfallReason")
        .where("shortfallReason", "is not", null)
        .execute();
      expect(decided).toEqual([{ shortfallReason: reason }]);
      await context.close();
    });
  },
);
