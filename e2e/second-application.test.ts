import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { field } from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import {
  demoBatchId,
  expectStatus,
  loginAs,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const NATIONAL_BATCH = /【演示】关于开展数字技术工程师培育项目第二批/;
const ADDRESS = "北京市海淀区中关村大街27号中关村大厦12层";

describe.skipIf(!hasChromium)("an institution applies for a second occupation", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("starts the second from its submitted first application, and deletes a draft it does not need", async () => {
    const batchId = await demoBatchId(platform, "national");
    const institution = await registerInstitution(platform, "110000", "北京数联技术培训中心");
    const first = await submitApplication(institution, { batchId, kind: "training", occupation: "ai" });
    expect(first.status).toBe("submitted");
    // A draft started for the wrong occupation.
    expectStatus(
      await institution.client.post("/api/applications", {
        batchId,
        kind: "training",
        occupation: "iot",
        levels: ["junior"],
      }),
      201,
      "start a draft",
    );

    const { page } = await platform.newPage();
    await loginAs(page, platform, institution.creditCode);
    await page.goto(`${platform.baseUrl}/workbench/applications/new`);
    await page.getByRole("radio", { name: NATIONAL_BATCH }).check();
    await page.getByRole("radio", { name: "培训机构", exact: true }).check();
    await page.getByRole("radio", { name: "云计算工程技术人员", exact: true }).check();
    await page.getByRole("checkbox", { name: "高级", exact: true }).check();

    const copyChoice = page.locator(".ant-form-item", { hasText: "从已有申报复制" });
    const source = copyChoice.getByRole("radio", { name: /人工智能工程技术人员.*已提交/ });
    await source.check();
    const plan = copyChoice.getByRole("alert");
    await plan.getByText(/将从“.*人工智能工程技术人员”复制本单位的信息/).waitFor();
    const planText = await plan.innerText();
    expect(planText).toContain("复制：单位名称（盖章）、统一社会信用代码");
    expect(planText).toContain("近三年纳税情况");
    expect(planText).toContain("培训教师");
    expect(planText).toMatch(/留空，请按本次申报的职业填写：.*下一步培训工作规划/);
    expect(planText).toContain("承诺须在本次申报中重新确认");
    await page.screenshot({ path: screenshotPath("second-application-copy-choice"), fullPage: true });

    await page.getByRole("button", { name: "创建申报并开始填写" }).click();
    await page.waitForURL(/\/workbench\/applications\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: /云计算工程技术人员/ }).waitFor();
    await page.getByText(/已从“.*人工智能工程技术人员”复制\d+项，与职业有关的\d+项留空待填写/).waitFor();
    expect(await field(page, "单位地址").inputValue()).toBe(ADDRESS);
    expect(await field(page, "法定代表人姓名").inputValue()).toBe("王建国");
    expect(await field(page, "培训教师第1行·姓名").inputValue()).not.toBe("");
    expect(await field(page, "下一步培训工作规划").inputValue()).toBe("");
    expect(await field(page, "已有培训情况简述").inputValue()).toBe("");
    expect(await field(page, "年度计划培训人数（人次）·高级").inputValue()).toBe("");
    await page.screenshot({ path: screenshotPath("second-application-copied-form"), fullPage: true });

    await page.goto(`${platform.baseUrl}/workbench/applications`);
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    const draft = rows.filter({ hasText: "物联网工程技术人员" });
    await draft.waitFor();
    expect(await rows.count()).toBe(3);
    // Only drafts can be deleted: the submitted application offers no such button.
    expect(
      await rows
        .filter({ hasText: "人工智能工程技术人员" })
        .getByRole("button", { name: "删除草稿" })
        .count(),
    ).toBe(0);
    await draft.getByRole("button", { name: "删除草稿" }).click();
    const confirm = page.locator(".ant-popconfirm:visible");
    await confirm.getByText(/物联网工程技术人员的草稿及其附件将被删除，不能恢复/).waitFor();
    await page.screenshot({ path: screenshotPath("second-application-delete-confirm"), fullPage: true });
    await confirm.getByRole("button", { name: "删除" }).click();
    await page.getByText("已删除草稿：物联网工程技术人员").waitFor();
    await draft.waitFor({ state: "detached" });
    expect(await rows.count()).toBe(2);
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringContaining("云计算工程技术人员"),
      expect.stringContaining("人工智能工程技术人员"),
    ]);
  });
});
