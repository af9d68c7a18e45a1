import { computeIdNumberCheckChar, shanghaiDate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answer,
  choose,
  field,
  institutionLogin,
  login,
  pickDate,
  startApplication,
  waitSaved,
} from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";

const NATIONAL_BATCH = /【演示】关于开展数字技术工程师培育项目第二批/;
const BATCH1_REASON = "该职业评价机构已在第一批遴选，本批次不再遴选";
const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));

describe.skipIf(!hasChromium)("application journeys: the national batch", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("a Beijing training company fills the national 推荐表, saves, and reads its pre-submit list", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institutionLogin(platform, "北京智云数字技术培训有限公司"));
    await startApplication(page, platform, {
      batchTitle: NATIONAL_BATCH,
      kind: "培训机构",
      occupation: "云计算工程技术人员",
      levels: ["中级", "高级"],
    });
    // The national form has the four 继续教育基地 / 标准开发单位 questions the Shanghai form has not.
    await answer(page, "国家级专业技术人员继续教育基地", false);
    await answer(page, "行业专业技术人员继续教育基地", false);
    await answer(page, "省级专业技术人员继续教育基地", true);
    await answer(page, "申报职业的国家职业标准开发单位", false);
    await field(page, "法定代表人姓名").fill("孙磊");
    await field(page, "法定代表人身份证号").fill(
      `11010819800101123${computeIdNumberCheckChar("11010819800101123")}`,
    );
    await field(page, "单位地址").fill("北京市海淀区中关村大街1号");
    await choose(page, "单位类型", "民营企业");
    await choose(page, "所属行业", "65 软件和信息技术服务业", "65");
    await pickDate(page, "单位成立时间", "2015-03-01");
    for (let i = 0; i < 5; i++) {
      await field(page, `近5年培训规模（人次）第${i + 1}行·年度`).fill(String(thisYear - 5 + i));
      await field(page, `近5年培训规模（人次）第${i + 1}行·独立培训人数`).fill("1800");
      await field(page, `近5年培训规模（人次）第${i + 1}行·合作培训人数`).fill("400");
    }
    expect(await field(page, "培训总规模").inputValue()).toBe("11000");
    await field(page, "申报联系人电话").fill("12345");
    await field(page, "申报联系人电话").press("Tab");
    const phoneError = page
      .locator(".lx-cell", { has: field(page, "申报联系人电话") })
      .locator(".lx-field-error");
    await phoneError.waitFor();
    expect(await phoneError.innerText()).toContain("格式不正确");
    await waitSaved(page);

    await page.reload();
    expect(await field(page, "单位地址").inputValue()).toBe("北京市海淀区中关村大街1号");
    expect(
      await field(page, "省级专业技术人员继续教育基地").getByRole("radio", { name: "是" }).isChecked(),
    ).toBe(true);

    await page.getByRole("tab", { name: /资格条件/ }).click();
    const eligibility = page.getByRole("tabpanel", { name: /资格条件/ });
    await eligibility.getByText("2018年12月31日以前注册登记成立").waitFor();
    expect(
      await eligibility.getByRole("row", { name: /2018年12月31日以前注册登记成立/ }).innerText(),
    ).toContain("符合");

    await page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("tabpanel", { name: /提交前检查/ });
    await precheck.getByText(/项问题需要处理后才能提交/).waitFor();
    const text = await precheck.innerText();
    expect(text).toContain("申报联系人电话：格式不正确");
    expect(text).toContain("请阅读并勾选承诺");
    expect(text).toContain("请上传附件：推荐表（加盖单位印章的PDF）");
    expect(text).toContain("属地省级人力资源社会保障部门（北京市）");
    expect(await precheck.getByRole("button", { name: /提交$/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath("application-national-precheck"), fullPage: true });

    await precheck
      .getByRole("listitem")
      .filter({ hasText: "申报联系人电话：格式不正确" })
      .getByRole("button", { name: "去修改" })
      .click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("aria-label")))
      .toBe("申报联系人电话");
    await context.close();
  });

  it("a Guangdong organisation sees 大数据, 区块链 and 智能制造 closed for evaluation, and starts another", async () => {
    const { context, page } = await platform.newPage();
    await login(page, platform, institutionLogin(platform, "广东省数字技术人才评价协会"));
    await page.goto(`${platform.baseUrl}/workbench/applications/new`);
    await page.getByRole("radio", { name: NATIONAL_BATCH }).check();
    await page.getByRole("radio", { name: "评价机构", exact: true }).check();
    for (const occupation of ["大数据工程技术人员", "区块链工程技术人员", "智能制造工程技术人员"]) {
      const radio = page.getByRole("radio", { name: occupation, exact: true });
      expect(await radio.isDisabled()).toBe(true);
      const option = page.locator(".lx-occupation", { has: radio });
      expect(await option.innerText()).toContain(BATCH1_REASON);
    }
    expect(await page.getByRole("radio", { name: "人工智能工程技术人员", exact: true }).isDisabled()).toBe(
      false,
    );
    await page.screenshot({
      path: screenshotPath("application-national-evaluation-options"),
      fullPage: true,
    });

    await page.getByRole("radio", { name: "人工智能工程技术人员", exact: true }).check();
    await page.getByRole("checkbox", { name: "高级", exact: true }).check();
    await page.getByRole("button", { name: "创建申报并开始填写" }).click();
    await page.getByRole("heading", { name: /人工智能工程技术人员 · 评价机构申报/ }).waitFor();
    await answer(page, "是否开展评价", true);
    await answer(page, "是否颁发证书", true);
    await field(page, `近5年开展考核评价规模（人次）第1行·年度`).fill(String(thisYear - 1));
    await field(page, `近5年开展考核评价规模（人次）第1行·证书名称`).fill("人工智能工程技术人员（高级）证书");
    await choose(page, "近5年开展考核评价规模（人次）第1行·证书性质（自有证书或其它机构证书）", "自有证书");
    await field(page, `近5年开展考核评价规模（人次）第1行·颁证数量`).fill("2600");
    await choose(page, "证书类别", "行业证书");
    expect(await field(page, "其中自有证书规模").inputValue()).toBe("2600");
    await waitSaved(page);

    await page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("tabpanel", { name: /提交前检查/ });
    await precheck.getByRole("radio", { name: /行业主管（业务指导）部门/ }).check();
    await precheck.getByLabel("行业主管部门名称").waitFor();
    await page.screenshot({
      path: screenshotPath("application-national-evaluation-precheck"),
      fullPage: true,
    });
    await context.close();
  });
});
