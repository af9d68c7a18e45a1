import fs from "node:fs";
import path from "node:path";
import { defaultRubric } from "@linxuan/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { acceptPledgeOnPage, scoreAll, submitScoresOnPage } from "./support/review";
import {
  type ApiClient,
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

const FIRST = "上海理工数智继续教育学院";
const SECOND = "上海开放数字技术学院";
const NEW_PASSWORD = "Expert-Pass-2026";
const rubric = defaultRubric("training");

/** The imported experts: both review 人工智能, neither works for an applicant. */
const imported = [
  [
    "周明华",
    "华东师范大学计算机科学与技术学院",
    "",
    "教授",
    "人工智能工程技术人员、大数据工程技术人员",
    "上海市",
    "13912340001",
    "zhoumh@example.edu.cn",
    "zhou-minghua",
  ],
  [
    "钱立新",
    "浙江大学计算机科学与技术学院",
    "",
    "研究员",
    "人工智能工程技术人员",
    "浙江省",
    "13912340002",
    "qianlx@example.edu.cn",
    "qian-lixin",
  ],
];

/** The office's import file, made from the template the platform hands out. */
async function expertWorkbook(office: ApiClient, dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await office.download("/api/experts/template.xlsx")) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("template has no sheet");
  imported.forEach((row, index) => {
    row.forEach((value, column) => {
      sheet.getCell(index + 2, column + 1).value = value;
    });
  });
  const file = path.join(dir, "专家名单.xlsx");
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

describe.skipIf(!hasChromium)("the Shanghai office runs the expert review and decides", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("adds an expert, assigns automatically, collects scores, ranks and approves", async () => {
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
    const officeApi = await apiLogin(platform, "sh-office");

    // 专家库: one more 人工智能 expert through 新增专家; its initial password is shown once.
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-office");
    await page.goto(`${platform.baseUrl}/workbench/experts`);
    await page.getByRole("button", { name: "新增专家" }).click();
    const drawer = page.locator(".ant-drawer", { hasText: "新增专家" });
    await drawer.getByLabel("姓名").fill("孙海峰");
    await drawer.getByLabel("工作单位", { exact: true }).fill("上海大学计算机工程与科学学院");
    await drawer.getByLabel("专业技术职务/职称").fill("教授");
    await drawer.getByLabel("评议职业").click();
    await page.locator(".ant-select-item-option", { hasText: "人工智能工程技术人员" }).click();
    // Wait until each choice is really in the field before going on (the dropdowns animate).
    await drawer.locator(".ant-select-selection-item", { hasText: "人工智能工程技术人员" }).waitFor();
    await drawer.getByLabel("姓名").click();
    await drawer.getByLabel("所在地区").click();
    await drawer.getByLabel("所在地区").fill("上海");
    await page.locator(".ant-select-item-option", { hasText: "上海市" }).click();
    await drawer.locator(".ant-select", { hasText: "上海市" }).first().waitFor();
    await drawer.getByLabel("手机").fill("13912340009");
    await drawer.getByLabel("邮箱").fill("sunhf@example.edu.cn");
    await drawer.getByLabel("用户名").fill("sun-haifeng");
    await drawer.getByRole("button", { name: "新增并创建账号" }).click();
    const passwords = modal(page, "专家账号初始密码");
    await passwords.getByText("初始密码只显示这一次").waitFor();
    const initial = (
      await passwords.locator("tr", { hasText: "sun-haifeng" }).locator("td code").last().innerText()
    ).trim();
    expect(initial).toMatch(/^\S{8,}$/);
    await passwords.getByRole("button", { name: "我已妥善记录" }).click();
    await page.locator("tr", { hasText: "孙海峰" }).getByText("上海大学计算机工程与科学学院").waitFor();

    // 评议设置: three experts per application (every 人工智能 expert without a conflict).
    await page.goto(`${platform.baseUrl}/workbench/review?batchId=${batchId}`);
    await page.getByLabel("每份申报专家数").fill("3");
    await page.getByRole("button", { name: "保存评议设置" }).click();
    await page.getByText("评议设置已保存").waitFor();

    // 自动分配: the proposal is computed by a background job, then looked at and confirmed.
    await page.getByRole("tab", { name: "专家分配" }).click();
    const autoCard = page.locator(".ant-card", { has: page.getByText("自动分配", { exact: true }) });
    const [started] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith("/assignments/auto") && response.request().method() === "POST",
      ),
      autoCard.getByRole("button", { name: /预\s*览/ }).click(),
    ]);
    expect(started.status()).toBe(202);
    const autoJobId = ((await started.json()) as { jobId: string }).jobId;
    // The job's bar shows from the start and stays, at 100 % and 已完成, above the proposal.
    const bar = autoCard.getByRole("progressbar", { name: "计算分配方案进度" });
    await bar.waitFor();
    await autoCard.getByText("已完成", { exact: true }).waitFor();
    expect(await bar.getAttribute("aria-valuenow")).toBe("100");
    const autoJob = expectStatus(await officeApi.get(`/api/jobs/${autoJobId}`), 200, "auto-assign job");
    expect(autoJob.status).toBe("done");
    expect(autoJob.result.applied).toBeNull();
    await autoCard.getByText("6 人次").waitFor();
    // 王建国 (清华大学计算机科学与技术系) works where one of the applicants' teachers does.
    await page.getByText("2 对").waitFor();
    const proposals = autoCard.locator(".ant-table-row", { hasText: FIRST });
    expect(await proposals.count()).toBe(3);
    expect(await autoCard.locator(".ant-table-row", { hasText: "王建国" }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath("review-assignment-preview"), fullPage: true });
    await autoCard.getByRole("button", { name: "确认分配" }).click();
    await page.getByText("已分配 6 人次，相关申报进入专家评议").waitFor();
    // 手工分配 knows each application's experts and conflicts: those cannot be chosen, and say why.
    const manual = page.locator(".ant-card", { has: page.getByText("手工分配", { exact: true }) });
    await manual.getByLabel("申报", { exact: true }).click();
    await page.locator(".ant-select-item-option", { hasText: FIRST }).click();
    const expertField = manual.getByLabel("专家", { exact: true });
    const refused = [
      ["孙海峰", "已分配"],
      ["王建国", "须回避"],
    ] as const;
    for (const [name, why] of refused) {
      await expertField.fill(name);
      await page.locator(".ant-select-item-option-disabled", { hasText: name }).getByText(why).waitFor();
    }
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "评议进度" }).click();
    await page.locator(".ant-table-row", { hasText: "孙海峰" }).first().waitFor();

    // The new expert: first login with the initial password, a new password, then scoring.
    const expertSession = await platform.newPage();
    const expertPage = expertSession.page;
    await loginAs(expertPage, platform, "sun-haifeng", initial);
    await expertPage.getByLabel("当前密码").fill(initial);
    await expertPage.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await expertPage.getByLabel("确认新密码").fill(NEW_PASSWORD);
    await expertPage.getByRole("button", { name: "确认修改" }).click();
    await expertPage.getByText("密码已修改").waitFor();
    await expertPage.goto(`${platform.baseUrl}/workbench/expert-review`);
    await expertPage.getByRole("heading", { name: "我的评议任务" }).waitFor();
    await expertPage.locator("tr", { hasText: FIRST }).getByRole("link", { name: FIRST }).click();
    await acceptPledgeOnPage(expertPage);
    await expertPage.getByRole("heading", { name: FIRST }).waitFor();
    await expertPage.getByText("数字技术工程师培育项目培训机构申报表").waitFor();
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
    await expertPage.getByText(/草稿已自动保存/).waitFor({ timeout: 20_000 });
    await expertPage.screenshot({ path: screenshotPath("review-expert-scoring"), fullPage: false });
    await submitScoresOnPage(expertPage);
    await expertPage.getByText(/评分已提交（.*），总分 90\.00 分/).waitFor();
    await expertSession.context.close();

    // The other experts score through the API: the first applicant higher than the second.
    const scoreFor = (institution: string) => (institution === FIRST ? 8 : 6);
    await scoreAll(await apiLogin(platform, "sun-haifeng", NEW_PASSWORD), scoreFor);
    await page.getByRole("tab", { name: "排名与审定" }).click();
    await page.getByText("专家评分公开前不显示汇总评分和排名").waitFor();
    await page.getByText("还有 2 份申报有专家未提交评分").waitFor();
    await page.screenshot({ path: screenshotPath("review-ranking-before-open"), fullPage: false });
    for (const username of ["expert07", "expert11"])
      await scoreAll(await apiLogin(platform, username), scoreFor);

    // The office opens the scores, sees the ranking, completes the review and approves the first.
    await page.reload();
    await page.getByRole("tab", { name: "排名与审定" }).click();
    await page.getByRole("button", { name: "公开评分" }).click();
    await confirmDialog(page, "公开评分");
    await page.getByText(/已于.*公开评分/).waitFor();
    await page.getByText(/培训机构·人工智能工程技术人员·上海市（名额 \d+ 家）/).waitFor();
    const firstRow = page.locator(".ant-table-row", { hasText: FIRST });
    const secondRow = page.locator(".ant-table-row", { hasText: SECOND });
    await firstRow.getByText("83.33").first().waitFor();
    expect((await firstRow.locator("td").first().innerText()).trim()).toBe("1");
    expect((await secondRow.locator("td").first().innerText()).trim()).toBe("2");
    await page.getByRole("button", { name: "完成评议" }).click();
    await confirmDialog(page, "完成评议");
    await page.getByText("已完成评议 2 份申报。").waitFor();
    await firstRow.getByText("评议完成").waitFor();
    await firstRow.getByRole("button", { name: /^通\s*过$/ }).click();
    const deciding = modal(page, `审定：${FIRST}`);
    await deciding.getByLabel("审定依据").fill("专家评议排名第一，在本职业名额之内，予以通过。");
    await deciding.getByRole("button", { name: "确认审定" }).click();
    await page.getByText("已审定通过").waitFor();
    await deciding.waitFor({ state: "hidden" });
    await firstRow.getByText("审定通过").waitFor();
    await firstRow.locator(".ant-tag", { hasText: /^通过$/ }).waitFor();
    await page.screenshot({ path: screenshotPath("review-ranking-decided"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "下载评议结果意见（PDF）" }).click(),
    ]);
    const file = path.join(platform.downloadsDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    await context.close();
  });

  it("imports experts from the Excel template: preview first, then the one-time passwords", async () => {
    const officeApi = await apiLogin(platform, "sh-office");
    const workbook = await expertWorkbook(officeApi, platform.downloadsDir);
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-office");
    await page.goto(`${platform.baseUrl}/workbench/experts`);
    await page.getByRole("button", { name: /导\s*入/ }).click();
    const importing = modal(page, "从 Excel 导入专家");
    await importing.locator('input[type="file"]').setInputFiles(workbook);
    await importing
      .getByText(/将导入 2 名专家|有 \d+ 处错误|服务器|失败|无法/)
      .first()
      .waitFor();
    const refusal = importing.getByRole("alert");
    if ((await refusal.count()) > 0) throw new Error(`导入被拒绝：${await refusal.first().innerText()}`);
    await importing.getByText("华东师范大学计算机科学与技术学院").waitFor();
    // The accounts are created by a background job; its passwords show once it is done.
    const [started] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().endsWith("/api/experts/import") && response.request().method() === "POST",
      ),
      importing.getByRole("button", { name: "确认导入 2 名专家" }).click(),
    ]);
    expect(started.status()).toBe(202);
    const jobId = ((await started.json()) as { jobId: string }).jobId;
    const passwords = modal(page, "专家账号初始密码");
    await passwords.getByText("初始密码只向发起导入的您显示").waitFor();
    const job = expectStatus(await officeApi.get(`/api/jobs/${jobId}`), 200, "import job");
    expect(job.status).toBe("done");
    const initial = (
      await passwords.locator("tr", { hasText: "zhou-minghua" }).locator("td code").last().innerText()
    ).trim();
    expect(initial).toMatch(/^\S{8,}$/);
    const fromJob = (job.result.imported as { username: string; initialPassword: string }[]).find(
      (account) => account.username === "zhou-minghua",
    );
    expect(fromJob?.initialPassword).toBe(initial);
    await importing.waitFor({ state: "hidden" });
    await page.screenshot({ path: screenshotPath("review-experts-imported"), fullPage: false });
    await passwords.getByRole("button", { name: "我已妥善记录" }).click();
    await page.locator("tr", { hasText: "钱立新" }).getByText("浙江省").waitFor();
    // The imported account works with its initial password.
    await apiLogin(platform, "zhou-minghua", initial);
    await context.close();
  });
});
