import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { shanghaiDate } from "@linxuan/domain";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answer,
  cellOf,
  choose,
  field,
  institutionLogin,
  login,
  pickDate,
  samplePdf,
  saveStatus,
  startApplication,
  waitSaved,
} from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";

const UNIVERSITY = "上海数智工程大学";
const SHANGHAI_BATCH = /【演示】上海市人力资源和社会保障局/;
const ADDRESS = "上海市杨浦区军工路516号";
const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));

/** Fills the whole Shanghai 申报表 except the teacher list (imported from Excel) and the 承诺. */
async function fillShanghaiForm(page: Page) {
  await field(page, "法定代表人姓名").fill("王海峰");
  await field(page, "法定代表人身份证号").fill("310104197805123012");
  await field(page, "单位地址").fill(ADDRESS);
  await choose(page, "单位类型", "事业单位");
  await choose(page, "所属行业", "83 教育", "教育");
  await field(page, "注册资金（万元）").fill("12000");
  await field(page, "正式员工数").fill("2300");
  await pickDate(page, "单位成立时间", "1998-09-01");
  for (let i = 0; i < 3; i++) {
    await field(page, `近三年纳税情况第${i + 1}行·年份`).fill(String(thisYear - 3 + i));
    await field(page, `近三年纳税情况第${i + 1}行·税额（万元）`).fill(String(110.5 + i * 10));
    await answer(page, `近三年纳税情况第${i + 1}行·是否有失信行为（从信用中国平台查询后填）`, false);
  }
  for (const [prefix, name, phone, position, email] of [
    ["申报负责人", "周明", "021-65981234", "继续教育学院院长", "zhouming@sdu-demo.edu.cn"],
    ["申报联系人", "李娜", "13916005678", "培训科科长", "lina@sdu-demo.edu.cn"],
  ]) {
    await field(page, `${prefix}姓名`).fill(name ?? "");
    await field(page, `${prefix}电话`).fill(phone ?? "");
    await field(page, `${prefix}职务`).fill(position ?? "");
    await field(page, `${prefix}邮箱`).fill(email ?? "");
  }
  await field(page, "单位基本情况").fill(
    "上海数智工程大学是上海市属全日制普通高等学校，设有计算机科学与技术、人工智能等学科，是上海市专业技术人员继续教育基地。<script>alert(1)</script>",
  );
  for (let i = 0; i < 5; i++) {
    await field(page, `近5年培训规模（人次）第${i + 1}行·年度`).fill(String(thisYear - 5 + i));
    await field(page, `近5年培训规模（人次）第${i + 1}行·独立培训人数`).fill(String(1500 + i * 100));
    await field(page, `近5年培训规模（人次）第${i + 1}行·合作培训人数`).fill("300");
  }
  await page
    .locator('[id="field-facilities"]')
    .getByRole("button", { name: /添加一行/ })
    .first()
    .click();
  await field(page, "自有场地及设施设备情况第1行·场地地址").fill("上海市杨浦区军工路516号实训楼");
  await field(page, "自有场地及设施设备情况第1行·场地面积").fill("3200");
  await field(page, "自有场地及设施设备情况第1行·容纳人数").fill("600");
  await field(page, "自有场地及设施设备情况第1行·设施设备台套").fill("450");
  await field(page, "自有场地及设施设备情况第1行·设施设备总值").fill("1280.5");
  await field(page, "信息化平台建设情况").fill(
    "学校建有在线学习平台，支持直播、录播与在线考试，网址 https://learn.sdu-demo.edu.cn。",
  );
  await field(page, "专职师资队伍人数").fill("2");
  await field(page, "兼职师资队伍人数").fill("1");
  await field(page, "已有培训情况简述").fill(
    "近五年面向本市企事业单位开展人工智能工程技术人员培训，累计培训8500人次，建有考勤与质量评估制度。",
  );
  await field(page, "师资团队建设机制简述").fill(
    "专兼职结合，聘请行业企业专家担任兼职教师，建立教学质量激励机制。",
  );
  // Only the levels applied for (初级, 中级) are asked: the 高级 figures are not on the form.
  for (const [level, people, fee] of [
    ["初级", "800", "80"],
    ["中级", "500", "120"],
  ]) {
    await field(page, `年度计划培训人数（人次）·${level}`).fill(people ?? "");
    await field(page, `培训费用（元/学时）·${level}`).fill(fee ?? "");
  }
  expect(await field(page, "年度计划培训人数（人次）·高级").count()).toBe(0);
  await field(page, "下一步培训工作规划").fill(
    "围绕本市数字化转型需求，分级开展培训，完善质量管控制度，建设课程资源库。",
  );
}

/** Downloads the teacher template, fills it as a person would in Excel, and imports it. */
async function importTeachers(page: Page, dir: string) {
  const teachers = page.locator('[id="field-teachers"]');
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    teachers.getByRole("link", { name: /下载导入模板/ }).click(),
  ]);
  const templateFile = path.join(dir, "teachers-template.xlsx");
  await download.saveAs(templateFile);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templateFile);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the import template has no sheet");
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    "姓名",
    "工作单位",
    "专业技术职务/职称",
    "专业",
    "人员性质",
    "联系电话",
  ]);
  sheet.getRow(2).values = [
    "陈建华",
    "上海数智工程大学计算机学院",
    "教授",
    "计算机科学与技术",
    "专职师资",
    "13912345678",
  ];
  sheet.getRow(3).values = [
    "赵敏",
    "上海数智工程大学人工智能研究院",
    "副教授",
    "人工智能",
    "专职师资",
    "13812345678",
  ];
  sheet.getRow(4).values = [
    "刘芳",
    "上海某科技有限公司研发部",
    "高级工程师",
    "软件工程",
    "兼职师资",
    "021-62345678",
  ];
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());

  await teachers.getByRole("button", { name: /从Excel导入/ }).click();
  const dialog = page.getByRole("dialog", { name: /从Excel导入/ });
  await dialog.locator("input[type=file]").setInputFiles({
    name: "培训教师.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: filled,
  });
  await dialog.getByText("读取到 3 行，未发现问题").waitFor();
  await dialog.getByRole("button", { name: "导入 3 行" }).click();
  await expect.poll(() => field(page, "培训教师第3行·姓名").inputValue()).toBe("刘芳");
}

describe.skipIf(!hasChromium)("application journey: a Shanghai university", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("fills the whole Shanghai form, imports teachers, uploads attachments, prints and submits", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institutionLogin(platform, UNIVERSITY));
    await page.getByText("还没有申报").waitFor();
    await page
      .getByRole("link", { name: /在此批次申报/ })
      .first()
      .click();
    await page.getByText("人工智能工程技术人员").first().waitFor();
    await startApplication(page, platform, {
      batchTitle: SHANGHAI_BATCH,
      occupation: "人工智能工程技术人员",
      levels: ["初级", "中级"],
      category: "高等院校",
    });
    expect(await field(page, "单位名称（盖章）").inputValue()).toBe(UNIVERSITY);

    await fillShanghaiForm(page);
    // Totals are computed as the applicant types: 培训人数 = 独立 + 合作, 师资团队总人数 = 专职 + 兼职.
    expect(await field(page, "近5年培训规模（人次）第1行·培训人数").inputValue()).toBe("1800");
    expect(await field(page, "师资团队总人数").inputValue()).toBe("3");
    await importTeachers(page, platform.downloadsDir);
    await page.getByRole("checkbox", { name: "本单位已阅读并作出上述承诺" }).check();
    await waitSaved(page);
    await page.screenshot({ path: screenshotPath("application-shanghai-form"), fullPage: true });

    await page.getByRole("tab", { name: /资格条件/ }).click();
    const eligibility = page.getByRole("tabpanel", { name: /资格条件/ });
    await eligibility.getByText("资格条件自查结果").waitFor();
    expect(await eligibility.innerText()).toContain("符合");
    expect(await eligibility.innerText()).toContain("5年以上培训经验");
    expect(await eligibility.innerText()).toContain("硬性");

    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /下载PDF申报表/ }).click(),
    ]);
    const pdfFile = path.join(platform.downloadsDir, "draft.pdf");
    await pdf.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"]).toString().replace(/\s+/g, "");
    expect(text).toContain(ADDRESS);

    await page.getByRole("tab", { name: /附件材料/ }).click();
    // 沪人社专〔2026〕55号 asks for the stamped form's PDF only: no 法人登记证书 or 信用报告 slot.
    const attachmentsPanel = page.getByRole("tabpanel", { name: /附件材料/ });
    await attachmentsPanel.getByRole("region", { name: /申报表电子版/ }).waitFor();
    expect(await attachmentsPanel.innerText()).not.toMatch(/法人登记证书|信用报告/);
    const form = page.getByRole("region", { name: /申报表电子版/ });
    await form.getByText("仅接受PDF文件").waitFor();
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await form
      .locator("input[type=file]")
      .setInputFiles({ name: "盖章申报表.png", mimeType: "image/png", buffer: png });
    await form
      .getByRole("alert")
      .getByText(/只接受PDF文件/)
      .waitFor();
    await form.locator("input[type=file]").setInputFiles({
      name: "申报表电子版.pdf",
      mimeType: "application/pdf",
      buffer: samplePdf("申报表电子版"),
    });
    await form.getByText("已上传").waitFor();
    await form.getByRole("link", { name: "申报表电子版.pdf" }).waitFor();
    // A renamed executable is refused by content, with the server's message.
    const support = page.getByRole("region", { name: /支撑材料/ });
    await support.locator("input[type=file]").setInputFiles({
      name: "培训制度.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(2048, 1)]),
    });
    await support
      .getByRole("alert")
      .getByText(/按文件内容识别/)
      .waitFor();
    await page.screenshot({ path: screenshotPath("application-shanghai-attachments"), fullPage: true });

    await page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("tabpanel", { name: /提交前检查/ });
    await precheck.getByText("检查通过").waitFor();
    await precheck.getByRole("button", { name: /提交$/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认提交" }).click();
    await page.getByText(/已提交第1版/).waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.screenshot({ path: screenshotPath("application-shanghai-submitted"), fullPage: true });
    // Submitted: the same form, read-only, with <script> shown as text.
    expect(await page.getByText("<script>alert(1)</script>").count()).toBeGreaterThan(0);
    expect(await saveStatus(page).count()).toBe(0);

    await page.getByRole("link", { name: "工作台首页" }).click();
    const row = page.getByRole("row", { name: /人工智能工程技术人员/ });
    await row.getByText("已提交").waitFor();
    await page.screenshot({ path: screenshotPath("application-shanghai-home"), fullPage: true });
    await context.close();
  });

  it("counts 字数 live, names an over-long narrative before submit, and checks the ID check digit", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institutionLogin(platform, UNIVERSITY));
    await startApplication(page, platform, {
      batchTitle: SHANGHAI_BATCH,
      occupation: "物联网工程技术人员",
      levels: ["高级"],
      category: "高等院校",
    });
    await field(page, "单位基本情况").fill("数".repeat(801));
    const counter = cellOf(page, "单位基本情况").locator(".lx-word-count");
    expect(await counter.innerText()).toContain("已输入 801 / 800 字");
    expect(await counter.evaluate((el) => (globalThis as any).getComputedStyle(el).color)).toBe(
      "rgb(196, 38, 46)",
    );

    await field(page, "法定代表人身份证号").fill("310104197805123013");
    await field(page, "法定代表人身份证号").press("Tab");
    const idError = cellOf(page, "法定代表人身份证号").locator(".lx-field-error");
    await idError.waitFor();
    expect(await idError.innerText()).toContain("校验位错误");
    await waitSaved(page);
    await page.screenshot({ path: screenshotPath("application-shanghai-errors"), fullPage: false });

    await page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("tabpanel", { name: /提交前检查/ });
    const basicInfo = precheck.getByRole("region", { name: "申报单位基本情况" });
    expect(await basicInfo.innerText()).toContain("单位基本情况：字数为801字，超过800字的限制");
    expect(await precheck.getByRole("button", { name: /提交$/ }).isDisabled()).toBe(true);
    // 去修改 jumps back to the field and focuses it.
    await basicInfo
      .getByRole("listitem")
      .filter({ hasText: "单位基本情况：字数为801字" })
      .getByRole("button", { name: "去修改" })
      .click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("aria-label")))
      .toBe("单位基本情况");
    await context.close();
  });
});
