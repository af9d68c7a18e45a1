import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoExpertUsername } from "../packages/server/src/demo/seed-demo";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { scoreAll } from "./support/review";
import {
  apiLogin,
  demoBatchId,
  expectStatus,
  loginAs,
  modal,
  passFormalCheck,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const FIRST = "上海临港数字技能培训中心";
const SECOND = "上海徐汇信息技术进修学院";

/*
 * Issue 16 point 7: notice 四(四) — 必要时可进行考察. The office plans a site visit from the
 * application's page, records what it found with a file, concludes 基本符合, and sees the
 * conclusion beside the scores when it decides; the receiving centre reads it, unable to change it.
 */
describe.skipIf(!hasChromium)("the office plans, records and concludes a site visit before deciding", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("plans → records with a file → concludes, and decides with the conclusion in view", async () => {
    const batchId = await demoBatchId(platform, "shanghai");
    const centre = await apiLogin(platform, "sh-centre");
    const ids: Record<string, string> = {};
    for (const name of [FIRST, SECOND]) {
      const institution = await registerInstitution(platform, "310000", name);
      const application = await submitApplication(institution, {
        batchId,
        kind: "training",
        occupation: "ai",
        applicantCategory: "university",
      });
      await passFormalCheck(centre, application.id);
      ids[name] = application.id;
    }
    const office = await apiLogin(platform, "sh-office");
    const settings = expectStatus(await office.get(`/api/review/${batchId}/settings`), 200, "settings");
    expectStatus(
      await office.put(`/api/review/${batchId}/settings`, {
        ...settings.round,
        perApplication: 1,
        maxLoad: 2,
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      }),
      200,
      "save settings",
    );
    const preview = expectStatus(
      await office.post(`/api/review/${batchId}/assignments/preview`),
      200,
      "preview",
    );
    expectStatus(
      await office.post(`/api/review/${batchId}/assignments`, {
        assignments: preview.assignments,
        source: "auto",
      }),
      200,
      "assign",
    );
    const progress = expectStatus(await office.get(`/api/review/${batchId}/progress`), 200, "progress");
    for (const name of new Set((progress.assignments as { expertName: string }[]).map((a) => a.expertName)))
      await scoreAll(await apiLogin(platform, demoExpertUsername(name)), (institution) =>
        institution === FIRST ? 9 : 7,
      );
    expectStatus(await office.post(`/api/review/${batchId}/complete`), 200, "complete");
    expectStatus(await office.post(`/api/review/${batchId}/open-scores`), 200, "open scores");

    // From the ranking to the application's page, where the 考察 card starts empty.
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-office");
    await page.goto(`${platform.baseUrl}/workbench/review?batchId=${batchId}`);
    await page.getByRole("tab", { name: "排名与审定" }).click();
    await page.getByRole("link", { name: FIRST }).click();
    const card = page.locator(".lx-site-visit");
    await card.getByText("必要时可对申报单位进行实地考察").waitFor();

    // A plan with too little in it is refused, naming the field.
    await card.getByLabel("考察方案", { exact: true }).fill("看看");
    await card.getByRole("button", { name: "保存考察方案" }).click();
    await card.getByText("考察方案至少10个字").waitFor();
    await card
      .getByLabel("考察方案", { exact: true })
      .fill("实地查看培训场地、实训设备和师资档案，与专职教师座谈。");
    await card.getByLabel("第1名成员姓名").fill("王建国");
    await card.getByLabel("第1名成员单位").fill("上海市人力资源和社会保障局");
    await card.getByLabel("第2名成员姓名").fill("李晓梅");
    await card.getByLabel("第2名成员单位").fill("同济大学继续教育学院");
    // Enter in the date field takes the date and submits the plan, as from the keyboard.
    await card.getByLabel("考察日期").fill("2026-12-15");
    await card.getByLabel("考察日期").press("Enter");
    await page.getByText("考察方案已保存").waitFor();
    await card.getByText("王建国（上海市人力资源和社会保障局）、李晓梅（同济大学继续教育学院）").waitFor();
    await card.getByText("2026年12月15日").waitFor();

    // The team's record sheet, a PDF recognised by its content.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "site-visit-"));
    const pdf = path.join(dir, "考察记录表.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    await card.locator("input[type=file]").setInputFiles(pdf);
    await page.getByText("考察材料已上传").waitFor();
    await card.getByRole("link", { name: "考察记录表.pdf" }).waitFor();

    await card
      .getByLabel("考察情况", { exact: true })
      .fill("培训场地与申报材料一致，实训设备齐全；兼职教师比例偏高。");
    await card.getByRole("button", { name: "记录考察情况" }).click();
    await page.getByText("考察情况已记录").waitFor();
    await card.getByRole("radio", { name: "基本符合" }).check();
    await card.getByLabel("考察结论意见").fill("场地满足要求，兼职教师比例偏高");
    await card.getByRole("button", { name: "作出考察结论" }).click();
    await page.getByText("考察结论已作出").waitFor();
    await card.locator(".ant-tag", { hasText: "基本符合" }).waitFor();
    expect(await card.getByRole("button", { name: "作出考察结论" }).count()).toBe(0);
    await card.screenshot({ path: screenshotPath("site-visit-concluded") });

    // The receiving centre reads the visit and cannot act on it.
    const reader = await platform.newPage();
    await loginAs(reader.page, platform, "sh-centre");
    await reader.page.goto(`${platform.baseUrl}/workbench/applications/${ids[FIRST]}`);
    const readOnly = reader.page.locator(".lx-site-visit");
    await readOnly.getByText("场地满足要求，兼职教师比例偏高").waitFor();
    expect(await readOnly.getByRole("button").count()).toBe(0);
    await reader.context.close();

    // The decision page shows the conclusion beside the scores, and the decision sees it.
    await page.goto(`${platform.baseUrl}/workbench/review?batchId=${batchId}`);
    await page.getByRole("tab", { name: "排名与审定" }).click();
    const row = page.locator(".ant-table-row", { hasText: FIRST });
    await row.locator(".ant-tag", { hasText: "考察基本符合" }).waitFor();
    expect(
      await page
        .locator(".ant-table-row", { hasText: SECOND })
        .locator(".ant-tag", { hasText: "考察" })
        .count(),
    ).toBe(0);
    await row.getByRole("button", { name: "通过", exact: true }).click();
    const deciding = modal(page, `审定：${FIRST}`);
    await deciding
      .getByText("考察：2026年12月15日实地考察，结论：基本符合（场地满足要求，兼职教师比例偏高）")
      .waitFor();
    await deciding.getByLabel("审定依据").fill("专家评议排名第一，考察基本符合，在名额之内，予以通过。");
    await page.screenshot({ path: screenshotPath("site-visit-decide"), fullPage: false });
    await deciding.getByRole("button", { name: "确认审定" }).click();
    await page.getByText("已审定通过").waitFor();
    await context.close();
  });
});
