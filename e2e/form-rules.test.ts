import { shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answer,
  cellOf,
  choose,
  field,
  institutionLogin,
  login,
  startApplication,
  waitSaved,
} from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";

/*
 * Issue 16 points 4–6 as the institution meets them: a second certificate in one year on the
 * evaluation form, the 高级 figures hidden until 高级 is applied for, and a teacher count below
 * the named teachers refused with a message naming the field.
 */

const NATIONAL_BATCH = /【演示】关于开展数字技术工程师培育项目第二批/;
const SCALE = "近5年开展考核评价规模（人次）";
const lastYear = Number(shanghaiDate(new Date()).slice(0, 4)) - 1;

describe.skipIf(!hasChromium)("the forms' own rules in the browser", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("an evaluation institution lists two certificates of one year and sees 高级 only once applied for", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institutionLogin(platform, "广东省数字技术人才评价协会"));
    await startApplication(page, platform, {
      batchTitle: NATIONAL_BATCH,
      kind: "评价机构",
      occupation: "人工智能工程技术人员",
      levels: ["初级", "中级"],
    });
    await answer(page, "是否开展评价", true);
    await answer(page, "是否颁发证书", true);
    await field(page, `${SCALE}第1行·年度`).fill(String(lastYear));
    await field(page, `${SCALE}第1行·证书名称`).fill("人工智能训练师证书");
    await choose(page, `${SCALE}第1行·证书性质（自有证书或其它机构证书）`, "自有证书");
    await field(page, `${SCALE}第1行·颁证数量`).fill("1500");

    // A second certificate of the same year: one more row, same 年度.
    const table = page.locator('[data-path="evaluationScale"]');
    await table.getByRole("button", { name: "添加一行" }).first().click();
    await field(page, `${SCALE}第6行·年度`).fill(String(lastYear));
    await field(page, `${SCALE}第6行·证书名称`).fill("数据标注员证书");
    await choose(page, `${SCALE}第6行·证书性质（自有证书或其它机构证书）`, "其它机构证书");
    await field(page, `${SCALE}第6行·颁证数量`).fill("700");
    await field(page, `${SCALE}第6行·颁证数量`).press("Tab");
    await expect.poll(() => field(page, "总规模").inputValue()).toBe("2200");
    expect(await field(page, "其中自有证书规模").inputValue()).toBe("1500");
    expect(await table.locator(".lx-field-error").count()).toBe(0);
    expect(await table.innerText()).toContain("同一年度颁发多种证书的，每种证书填写一行");

    // 考评团队总人数 is the institution's own figure: typed, not computed.
    await field(page, "考评员队伍人数").fill("40");
    await field(page, "督导员队伍人数").fill("8");
    await field(page, "考评团队总人数").fill("60");
    await waitSaved(page);

    // Only 初级 and 中级 are applied for: no 高级 figures to fill.
    expect(await field(page, "年度计划考核人数（人次）·初级").count()).toBe(1);
    expect(await field(page, "年度计划考核人数（人次）·高级").count()).toBe(0);
    expect(await field(page, "考核费用（元/次）·高级").count()).toBe(0);
    await table.screenshot({ path: screenshotPath("form-rules-certificates") });
    await page
      .locator("tr", { has: field(page, "年度计划考核人数（人次）·初级") })
      .screenshot({ path: screenshotPath("form-rules-levels") });

    await page.reload();
    expect(await field(page, `${SCALE}第6行·证书名称`).inputValue()).toBe("数据标注员证书");
    expect(await field(page, `${SCALE}第6行·年度`).inputValue()).toBe(String(lastYear));
    expect(await field(page, "考评团队总人数").inputValue()).toBe("60");

    // Applying for 高级 as well brings its figures.
    await field(page, "拟申报开展评价的专业技术等级").getByRole("checkbox", { name: "高级" }).check();
    await field(page, "年度计划考核人数（人次）·高级").waitFor();
    expect(await field(page, "考核费用（元/次）·高级").count()).toBe(1);
    await context.close();
  });

  it("a training institution naming more full-time teachers than it counts is told which figure is wrong", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institutionLogin(platform, "北京智云数字技术培训有限公司"));
    await startApplication(page, platform, {
      batchTitle: NATIONAL_BATCH,
      kind: "培训机构",
      occupation: "人工智能工程技术人员",
      levels: ["初级"],
    });
    await field(page, "专职师资队伍人数").fill("0");
    await field(page, "兼职师资队伍人数").fill("0");
    await page.locator('[data-path="teachers"]').getByRole("button", { name: "添加一行" }).first().click();
    await field(page, "培训教师第1行·姓名").fill("刘芳");
    await choose(page, "培训教师第1行·人员性质", "专职师资");
    await field(page, "培训教师第1行·姓名").click();

    const error = cellOf(page, "专职师资队伍人数").locator(".lx-field-error");
    await error.waitFor();
    expect(await error.innerText()).toContain("名单人数不能超过专职师资队伍人数");
    await page
      .locator("tr", { has: field(page, "专职师资队伍人数") })
      .screenshot({ path: screenshotPath("form-rules-teacher-count") });

    await page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("tabpanel", { name: /提交前检查/ });
    await precheck.getByText(/项问题需要处理后才能提交/).waitFor();
    expect(await precheck.innerText()).toContain(
      "专职师资队伍人数：填写为0人，但培训教师名单中已列出专职师资1人，名单人数不能超过专职师资队伍人数",
    );
    // Only 初级 is applied for: no 中级 / 高级 figure is asked.
    expect(await precheck.innerText()).not.toContain("年度计划培训人数（人次）·高级");

    // The count raised above the list: no error, the rest may go on a 另附页.
    await page.getByRole("tab", { name: /填写申报表/ }).click();
    await field(page, "专职师资队伍人数").fill("12");
    await field(page, "培训教师第1行·姓名").click();
    await expect.poll(() => cellOf(page, "专职师资队伍人数").locator(".lx-field-error").count()).toBe(0);
    await page.getByRole("tab", { name: /附件材料/ }).click();
    await page.getByRole("region", { name: "推荐表另附页" }).waitFor();
    expect(await page.getByRole("region", { name: "推荐表另附页" }).innerText()).toContain("本表可另附页");
    await context.close();
  });
});
