import crypto from "node:crypto";
import { computeCreditCodeCheckChar, getFormTemplate } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoFormValues } from "../packages/server/src/documents/demo-values";
import { choose, samplePdf, startApplication } from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  ApiClient,
  apiLogin,
  captchaFields,
  demoBatchId,
  expectStatus,
  loginAs,
  modal,
  solveCaptcha,
} from "./support/workflow";

const NATIONAL_BATCH = /【演示】关于开展数字技术工程师培育项目第二批/;
const NAME = "国家工业信息安全发展研究中心数字技术培训部";
const PASSWORD = "Gongxin-2026!";
const BEIJING = "北京市人力资源和社会保障局";

/** A 事业单位 registered by the central 机构编制 authority: 1 2 + division 100000. */
function centralCreditCode(): string {
  const body = `12100000${crypto
    .randomInt(0, 10 ** 9)
    .toString()
    .padStart(9, "0")}`;
  return `${body}${computeCreditCodeCheckChar(body)}`;
}

describe.skipIf(!hasChromium)("a central unit applies through Beijing", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("registers, sees 申报去向 北京市人力资源和社会保障局 on its draft, submits, and rec-beijing sees it", async () => {
    const creditCode = centralCreditCode();
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/register`);
    await page.getByLabel("统一社会信用代码").fill(creditCode);
    await page.getByLabel("单位名称").fill(NAME);
    await page.getByRole("radio", { name: "在京中央单位（含所属单位）" }).check();
    await page.getByLabel("联系人姓名").fill("周建华");
    await page.getByLabel("联系电话").fill("13911112222");
    await page.getByLabel("电子邮箱").fill("zhoujh@cics-demo.org.cn");
    await page.getByLabel("登录密码").fill(PASSWORD);
    await page.getByLabel("确认密码").fill(PASSWORD);
    await solveCaptcha(page, platform);
    await page.getByRole("button", { name: /注\s*册/ }).click();
    await page.getByRole("heading", { name: "申报单位工作台" }).waitFor();

    const id = await startApplication(page, platform, {
      batchTitle: NATIONAL_BATCH,
      kind: "培训机构",
      occupation: "云计算工程技术人员",
      levels: ["初级", "中级"],
    });
    // Where it goes is named on the draft from the start, with the notice's reason.
    const routing = page.getByRole("region", { name: /申报去向/ });
    await routing.getByText(BEIJING, { exact: true }).waitFor();
    expect(await routing.innerText()).toContain(
      "贵单位注册时声明为在京中央单位（含所属单位）。按照属地管理原则，北京市人力资源和社会保障局负责遴选在京中央单位、行业组织所属培训机构。",
    );
    const draftShot = screenshotPath("central-unit-draft");
    await page.screenshot({ path: draftShot, fullPage: false });

    // The rest of the form as the document samples fill it, through the API as the editor would.
    const api = await apiLogin(platform, creditCode, PASSWORD);
    const { application } = expectStatus(await api.get(`/api/applications/${id}`), 200, "read draft");
    expect(application.recommender).toEqual({ type: "region", value: "110000" });
    const template = getFormTemplate(application.templateId);
    if (!template) throw new Error(`no template ${application.templateId}`);
    expectStatus(
      await api.put(`/api/applications/${id}/draft`, {
        values: {
          ...demoFormValues(template),
          institutionName: NAME,
          creditCode,
          occupation: "cloud",
          commitmentAccepted: true,
        },
        baseRevision: application.draftRevision,
      }),
      200,
      "save draft",
    );
    for (const item of application.batch.requiredAttachments as { code: string; required: boolean }[]) {
      if (!item.required) continue;
      expectStatus(
        await api.upload(
          `/api/applications/${id}/attachments`,
          { code: item.code, replace: "true" },
          { name: `${item.code}.pdf`, content: samplePdf(item.code) },
        ),
        201,
        `upload ${item.code}`,
      );
    }

    await page.reload();
    await page.getByRole("tab", { name: /提交前检查/ }).click();
    const precheck = page.getByRole("tabpanel", { name: /提交前检查/ });
    await precheck.getByText("检查通过").waitFor();
    await precheck.getByText("提交后由属地省级人力资源社会保障部门（北京市）审核推荐。").waitFor();
    await precheck.getByRole("button", { name: /提交$/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认提交" }).click();
    await page.getByText(/已提交第1版/).waitFor();
    await page
      .getByRole("region", { name: /申报去向/ })
      .getByText(BEIJING, { exact: true })
      .waitFor();
    await context.close();

    const staff = await platform.newPage();
    await loginAs(staff.page, platform, "rec-beijing");
    await staff.page.goto(`${platform.baseUrl}/workbench/recommendation-queue`);
    const row = staff.page.locator("tr", { hasText: NAME });
    await row.getByRole("link", { name: NAME }).waitFor();
    await staff.page.screenshot({ path: screenshotPath("central-unit-beijing-queue"), fullPage: false });
    await row.getByRole("link", { name: NAME }).click();
    await staff.page.getByRole("heading", { name: NAME }).waitFor();
    await staff.context.close();
  });

  it("the office corrects an institution's region with a reason, and its draft follows", async () => {
    const creditCode = centralCreditCode();
    const name = "中国软件评测中心数字技术培训部";
    const client = new ApiClient(platform.baseUrl);
    expectStatus(
      await client.post("/api/auth/register", {
        ...(await captchaFields(platform, client)),
        creditCode,
        institutionName: name,
        contactName: "吴敏",
        phone: "13822223333",
        email: "wumin@cstc-demo.org.cn",
        password: PASSWORD,
      }),
      201,
      "register",
    );
    const batchId = await demoBatchId(platform, "national");
    const { application } = expectStatus(
      await client.post("/api/applications", {
        batchId,
        kind: "training",
        occupation: "big_data",
        levels: ["junior"],
        applicantCategory: null,
      }),
      201,
      "start",
    );
    expect(application.routing.name).toBe(BEIJING);

    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "office");
    await page.getByRole("link", { name: "申报单位", exact: true }).click();
    await page.getByRole("heading", { name: "申报单位", exact: true }).waitFor();
    await page.getByLabel("搜索申报单位").fill(creditCode);
    await page.getByRole("button", { name: "查询" }).click();
    const row = page.locator("tr", { hasText: name });
    await row.getByText("中央登记单位，由北京市负责遴选").waitFor();
    await row.getByRole("button", { name: "更正所在地区" }).click();
    const dialog = modal(page, "更正所在地区");
    // Both fields are required, and the form says so in Chinese before anything is sent.
    await dialog.getByRole("button", { name: "确认更正" }).click();
    await dialog.getByText("请选择所在地区", { exact: true }).waitFor();
    await dialog.getByText("请填写更正原因").waitFor();
    await choose(page, "所在地区", "天津市", "天津");
    await dialog.getByLabel("更正原因").fill("该单位为驻津中央单位，经核实由天津市负责遴选");
    await dialog.getByText("请填写更正原因").waitFor({ state: "detached" });
    await dialog.getByText("请选择所在地区", { exact: true }).waitFor({ state: "detached" });
    await page.screenshot({ path: screenshotPath("central-unit-correct-region"), fullPage: false });
    await dialog.getByRole("button", { name: "确认更正" }).click();
    await page.getByText(`已将“${name}”的所在地区更正为天津市`).waitFor();
    await row.getByText("工作人员已更正").waitFor();
    expect(await row.innerText()).toContain("天津市");
    await context.close();

    const after = expectStatus(await client.get(`/api/applications/${application.id}`), 200, "draft");
    expect(after.application.recommender).toEqual({ type: "region", value: "120000" });
    expect(after.application.routing.name).toBe("天津市人力资源社会保障部门");
  });
});
