import type { Page } from "playwright-core";
import { type ApiClient, confirmDialog, expectStatus } from "./workflow";

/*
 * The expert's side of a review journey: the 评审承诺 before the first assignment, and scoring
 * through the API for the experts a journey does not watch.
 */

/** On the scoring page that shows the 评审承诺: reads it, ticks the box and accepts. */
export async function acceptPledgeOnPage(page: Page) {
  await page.getByRole("region", { name: "专家评审承诺" }).getByText("一、保守秘密").waitFor();
  await page.getByRole("checkbox", { name: "我已阅读并承诺遵守上述评审承诺" }).check();
  await page.getByRole("button", { name: "接受承诺并开始评议" }).click();
}

/** Clicks 提交评分 and confirms in the dialog that sums the scores up. */
export async function submitScoresOnPage(page: Page) {
  await page.getByRole("button", { name: "提交评分" }).click();
  await page
    .locator(".ant-modal-confirm:visible .ant-modal-confirm-title", { hasText: "确认提交评分" })
    .waitFor();
  await confirmDialog(page, "确认提交");
}

/**
 * An expert accepts the 评审承诺 and scores every assignment still open through the API (the
 * same score on each criterion), with a rationale for each.
 */
export async function scoreAll(expert: ApiClient, scoreFor: (institution: string) => number) {
  const { items } = expectStatus(await expert.get("/api/expert/assignments"), 200, "assignments");
  for (const item of items as { id: string; institutionName: string; status: string }[]) {
    if (item.status === "submitted") continue;
    expectStatus(
      await expert.post(`/api/expert/assignments/${item.id}/pledge`, { accept: true }),
      200,
      "pledge",
    );
    const opened = expectStatus(await expert.get(`/api/expert/assignments/${item.id}`), 200, "open");
    const score = scoreFor(item.institutionName);
    const criteria = opened.rubric.criteria as { key: string; title: string }[];
    expectStatus(
      await expert.post(`/api/expert/assignments/${item.id}/submit`, {
        scores: Object.fromEntries(criteria.map((c) => [c.key, score])),
        rationales: Object.fromEntries(criteria.map((c) => [c.key, `${c.title}：材料翔实，符合要求。`])),
        overall: "综合评议：申报材料完整，建议按排名审定。",
        revision: opened.sheet?.revision ?? 0,
      }),
      200,
      "submit sheet",
    );
  }
}
