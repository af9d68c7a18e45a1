import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  approvedShanghaiInstitutions,
  publishShanghaiPublicNotice,
  textDecoration,
} from "./support/public-notice-flow";
import { apiLogin, loginAs, modal, solveCaptcha } from "./support/workflow";

const FIRST = "上海浦江人工智能继续教育学院";
const SECOND = "上海数字工匠培训学院";
const PHONE = "13912345678";
const HANDLING = "经调查核实，该机构近三年培训规模存在虚报，异议成立。";

describe.skipIf(!hasChromium)("a public notice takes an objection that the office upholds", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("a visitor objects with evidence, follows it by number and phone; the upheld institution leaves the list", async () => {
    const { batchId } = await approvedShanghaiInstitutions(platform, [FIRST, SECOND], "ai");
    const publicNotice = await publishShanghaiPublicNotice(await apiLogin(platform, "sh-office"), batchId);

    // The visitor finds the notice from the public navigation.
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/`);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "公示公告" }).click();
    await page.getByRole("link", { name: publicNotice.title }).click();
    await page.getByRole("heading", { name: publicNotice.title }).waitFor();
    const timer = page.getByRole("timer");
    await timer.getByText(/距公示结束还有/).waitFor();
    const before = await timer.innerText();
    await expect.poll(() => timer.innerText(), { timeout: 5000 }).not.toBe(before);
    const list = page.getByRole("table", { name: "公示名单" });
    await list.getByRole("cell", { name: FIRST }).waitFor();
    await list.getByRole("cell", { name: SECOND }).waitFor();
    await expect(page.getByRole("link", { name: "下载公示名单（PDF）" }).getAttribute("href")).resolves.toBe(
      `/api/public/public-notices/${publicNotice.id}/list.pdf`,
    );

    // 异议: the form (drawn with antd, not part of the page's first load) opens on request; then
    // the institution, name and contacts, the facts, a small PDF.
    const form = page.locator("#objection");
    await form.getByRole("button", { name: "提出异议" }).click();
    await form.getByLabel("异议对象").click();
    await page.locator(".ant-select-item-option", { hasText: FIRST }).click();
    await form.getByLabel("姓名", { exact: true }).fill("王五");
    await form.getByLabel("工作单位或身份证号").fill("上海某科技有限公司");
    await form.getByLabel("联系电话").fill(PHONE);
    await form.getByLabel("电子邮箱").fill("wangwu@example.cn");
    await form
      .getByLabel("异议内容")
      .fill("<b>该机构</b>近三年培训规模与实际不符，申报的年培训人次明显虚高，请予核查。");
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: "培训规模证明.pdf", mimeType: "application/pdf", buffer: samplePdf("证明") });
    await form.getByText("培训规模证明.pdf").waitFor();
    // The form shows the server's captcha picture, drawn as paths, with 看不清，换一张.
    const picture = form.getByRole("img", { name: "图形验证码" });
    await picture.waitFor();
    const shown = (await picture.getAttribute("data-captcha-id")) ?? "";
    expect(await picture.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent((await picture.getAttribute("src")) ?? "")).not.toContain(
      platform.captchaAnswer(shown),
    );
    await form.getByRole("button", { name: "看不清，换一张" }).click();
    await expect.poll(() => picture.getAttribute("data-captcha-id")).not.toBe(shown);
    // A wrong answer is refused under the field and a new picture comes; nothing is filed.
    const countObjections = async () =>
      (await platform.deps.db.selectFrom("objections").select("id").execute()).length;
    const objectionsBefore = await countObjections();
    const wrongFor = (await picture.getAttribute("data-captcha-id")) ?? "";
    await form
      .getByLabel("验证码", { exact: true })
      .fill(platform.captchaAnswer(wrongFor) === "AAAA" ? "CCCC" : "AAAA");
    await form.getByRole("button", { name: "提交异议" }).click();
    await form.getByText("验证码错误或已过期，请重新输入").waitFor();
    await expect.poll(() => picture.getAttribute("data-captcha-id")).not.toBe(wrongFor);
    expect(await countObjections()).toBe(objectionsBefore);
    await solveCaptcha(form, platform);
    await form.getByRole("button", { name: "提交异议" }).click();
    await form.getByText("您的异议已受理").waitFor();
    const ackNumber = (await form.getByTestId("ack-number").innerText()).trim();
    expect(ackNumber).toMatch(/^YY\d{8}[A-Z2-9]{6}$/);
    await form.getByText("受理编号只显示这一次").waitFor();
    await page.screenshot({ path: screenshotPath("public-notice-objection-acknowledged"), fullPage: true });

    // The visitor checks the status with the number and the phone.
    await form.getByRole("link", { name: "查询办理进度" }).click();
    await page.getByRole("heading", { name: "异议办理查询" }).waitFor();
    await expect(page.getByLabel("受理编号").inputValue()).resolves.toBe(ackNumber);
    await page.getByLabel("联系电话").fill(PHONE);
    await page.getByRole("button", { name: /查\s*询/ }).click();
    const status = page.locator(".ant-card", { hasText: "办理情况" });
    await status.getByText("已受理登记").waitFor();
    await status.getByText(FIRST).waitFor();

    // The coordinating office upholds it in the back office.
    const office = await platform.newPage();
    await loginAs(office.page, platform, "office");
    await office.page.getByRole("link", { name: "公示管理" }).click();
    await office.page.getByRole("link", { name: publicNotice.title }).click();
    const objection = office.page.getByRole("listitem", { name: `异议 ${ackNumber}` });
    await objection.getByText("<b>该机构</b>近三年培训规模", { exact: false }).waitFor();
    await objection.getByText("培训规模证明.pdf").waitFor();
    await objection.getByRole("button", { name: /^成\s*立$/ }).click();
    const upholding = modal(office.page, `异议成立：${ackNumber}`);
    await upholding.getByText(`“${FIRST}”将移出公示名单`).waitFor();
    await upholding.getByLabel("处理意见").fill(HANDLING);
    await upholding.getByRole("button", { name: "确认成立" }).click();
    await office.page.getByText("已认定异议成立，该机构已移出公示名单").waitFor();
    await objection.locator(".ant-tag", { hasText: "异议成立" }).waitFor();
    await office.page.screenshot({ path: screenshotPath("public-notice-objection-upheld"), fullPage: true });
    await office.context.close();

    // The public notice now shows the institution struck through as removed.
    await page.goto(`${platform.baseUrl}/public-notices/${publicNotice.id}`);
    const removedRow = page.locator("article tbody tr", { hasText: FIRST });
    await removedRow.getByText("异议成立已移出").waitFor();
    await expect(textDecoration(removedRow.getByText(FIRST))).resolves.toBe("line-through");
    const keptRow = page.locator("article tbody tr", { hasText: SECOND });
    await keptRow.getByText("拟纳入目录").waitFor();
    await page.getByText("1家机构经核实异议成立，已移出公示名单").waitFor();
    await page.screenshot({ path: screenshotPath("public-notice-objection-public-after"), fullPage: true });

    // And the objector sees the outcome with the office's note.
    await page.goto(`${platform.baseUrl}/objection-status?ack=${ackNumber}`);
    await page.getByLabel("联系电话").fill(PHONE);
    await page.getByRole("button", { name: /查\s*询/ }).click();
    await status.getByText("异议成立", { exact: true }).waitFor();
    await status.getByText(HANDLING).waitFor();
    await context.close();
  });
});
