import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "./support/applications";
import { hasChromium, type Platform, screenshotPath, startPlatform } from "./support/platform";
import { databaseFile, withDatabase } from "./support/public-notice-flow";
import {
  demoBatchId,
  expectStatus,
  type Institution,
  loginAs,
  modal,
  registerInstitution,
  submitApplication,
} from "./support/workflow";

const NAME = "上海浦江数字技能培训学校";

/** The check code the submitted version's QR code carries (a prefix of its content hash). */
function qrCheckCode(platform: Platform, applicationId: string, version: number): string {
  return withDatabase(databaseFile(platform), (db) => {
    const row = db
      .prepare("select content_hash from application_versions where application_id = ? and number = ?")
      .get(applicationId, version) as { content_hash: string };
    return row.content_hash.slice(0, 16);
  });
}

/*
 * 沪人社专〔2026〕55号: paper copies (一式2份) and the stamped PDF, both by the paper deadline. The
 * institution submits, downloads the submitted version (申报编号 and QR code, no 草稿), uploads
 * its stamped scan; the centre scans the number when the paper arrives; anyone holding the copy
 * checks it on the verification page.
 */
describe.skipIf(!hasChromium)("the stamped copy carries its 申报编号", () => {
  let platform: Platform;
  let institution: Institution;
  let applicationId: string;
  let number: string;
  beforeAll(async () => {
    platform = await startPlatform();
    const batchId = await demoBatchId(platform, "shanghai");
    institution = await registerInstitution(platform, "310000", NAME);
    const submitted = await submitApplication(institution, {
      batchId,
      kind: "training",
      occupation: "ai",
      applicantCategory: "university",
      leaveOut: ["stampedForm"],
    });
    applicationId = submitted.id;
    number = expectStatus(await institution.client.get(`/api/applications/${applicationId}`), 200, "read")
      .application.number;
  });
  afterAll(async () => {
    await platform?.close();
  });

  it("shows the institution its number and takes the stamped scan after submission", async () => {
    expect(number).toMatch(/^\d{4}T\d{6}[0-9X]$/);
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, institution.creditCode);
    await page.goto(`${platform.baseUrl}/workbench/applications`);
    await page.locator("tr", { hasText: "人工智能工程技术人员" }).getByText(number).waitFor();
    await page.goto(`${platform.baseUrl}/workbench/applications/${applicationId}`);
    await page.getByText(`申报编号 ${number}`).waitFor();

    // The submitted version prints with the number and without the watermark.
    const pdf = await institution.client.get(`/api/applications/${applicationId}/form.pdf?version=1`);
    expect(pdf.status).toBe(200);

    await page.getByRole("tab", { name: /附件材料/ }).click();
    const form = page.getByRole("region", { name: /申报表电子版/ });
    await form.getByText(/^请于\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}前上传$/).waitFor();
    await form.getByText(`带申报编号${number}`, { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath("stamped-copy-upload"), fullPage: true });
    await form.locator("input[type=file]").setInputFiles({
      name: "盖章申报表.pdf",
      mimeType: "application/pdf",
      buffer: samplePdf("盖章申报表"),
    });
    await form.getByRole("link", { name: "盖章申报表.pdf" }).waitFor();
    // Other slots stay closed once submitted.
    const support = page.getByRole("region", { name: /支撑材料/ });
    expect(await support.getByRole("button", { name: /上传文件/ }).count()).toBe(0);
    await context.close();
  });

  it("lets the centre scan the number, record the paper and pass the check", async () => {
    // The stamped scan as the institution sends it (the journey above does it through the page).
    expectStatus(
      await institution.client.upload(
        `/api/applications/${applicationId}/attachments`,
        { code: "stampedForm", replace: "true" },
        { name: "盖章扫描件.pdf", content: samplePdf("盖章扫描件") },
      ),
      201,
      "upload the stamped copy",
    );
    const { context, page } = await platform.newPage();
    await loginAs(page, platform, "sh-centre");
    await page.goto(`${platform.baseUrl}/workbench/recommendation-queue`);
    const lookup = page.getByRole("searchbox", { name: "申报编号" });
    // A swapped pair of digits is caught before anything is asked of the server.
    const swapped = `${number.slice(0, 9)}${number[10]}${number[9]}${number.slice(11)}`;
    if (swapped !== number) {
      await lookup.fill(swapped);
      await lookup.press("Enter");
      await page.getByText(/申报编号校验不符|申报编号应为12位/).waitFor();
    }
    // A scanner types the number and presses Enter.
    await lookup.fill(number.toLowerCase());
    await lookup.press("Enter");
    await page.getByRole("heading", { name: NAME }).waitFor();
    const receipt = modal(page, "登记纸质材料");
    await receipt.getByLabel("收到份数（应为一式2份）").fill("2");
    await page.screenshot({ path: screenshotPath("stamped-copy-scan-receipt") });
    await receipt.getByRole("button", { name: /登\s*记/ }).click();
    await page.getByText("已登记纸质材料 2 份").waitFor();
    await page.getByText(`申报编号 ${number}`).waitFor();
    const pass = page.getByRole("button", { name: "形式审查通过" });
    await expect.poll(() => pass.isDisabled()).toBe(false);
    await context.close();
  });

  it("verifies the copy from its QR code, and names nothing without it", async () => {
    const code = qrCheckCode(platform, applicationId, 1);
    const { context, page } = await platform.newPage();
    await page.goto(`${platform.baseUrl}/verify/${number}?v=1&c=${code}`);
    await page.getByText("核验一致：这是申报单位提交的最新版本").waitFor();
    await page.getByText(NAME).waitFor();
    await page.getByText("人工智能工程技术人员").waitFor();
    await page.screenshot({ path: screenshotPath("stamped-copy-verify"), fullPage: true });

    await page.goto(`${platform.baseUrl}/verify/${number}`);
    await page.getByText(`申报编号${number}存在`).waitFor();
    expect(await page.getByText(NAME).count()).toBe(0);
    await page.goto(`${platform.baseUrl}/verify/${number}?v=1&c=0000000000000000`);
    await page.getByText("核验不一致").waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${platform.baseUrl}/verify/${number}?v=1&c=${code}`);
    await page.getByText("核验一致：这是申报单位提交的最新版本").waitFor();
    await page.screenshot({ path: screenshotPath("stamped-copy-verify-phone"), fullPage: true });
    await context.close();
  });
});
