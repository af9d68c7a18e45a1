import {
  formatApplicationNumber,
  getFormTemplate,
  parseApplicationNumber,
  shanghaiBatch3,
  shanghaiDate,
} from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfPages, squeeze, zipEntry } from "../../documents/document-test-utils";
import {
  completeValues,
  makeStaff,
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { findBatchDefinition } from "../batches/definition-cache";
import { versionCheckCode } from "./verification";

/*
 * 申报编号: given at first submission, printed with a QR code on the submitted version, scanned
 * or typed when the paper copies arrive, and checked by anyone holding the copy.
 */
describe.each(testDatabases)("application numbers on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let centre: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    centre = ctx.client();
    await centre.login(await makeStaff(ctx, "receivingCentre", { regionCode: "310000" }), TEST_PASSWORD);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function submitted() {
    return submitCompleteApplication(ctx, { batchId, kind: "training", occupation: "ai" });
  }

  async function checkCode(applicationId: string, version: number): Promise<string> {
    const row = await ctx.deps.db
      .selectFrom("applicationVersions")
      .select("contentHash")
      .where("applicationId", "=", applicationId)
      .where("number", "=", version)
      .executeTakeFirstOrThrow();
    return versionCheckCode(row.contentHash);
  }

  it("gives a draft no number and a submitted application a valid one of its year and kind", async () => {
    const institution = await registerInstitution(ctx);
    const draft = await institution.client.post("/api/applications", {
      batchId,
      kind: "training",
      occupation: "big_data",
      levels: ["junior"],
      applicantCategory: "university",
    });
    expect(draft.body.application.number).toBeNull();
    const { application, client } = await submitted();
    const parsed = parseApplicationNumber(application.number);
    expect(parsed).toMatchObject({
      ok: true,
      kind: "training",
      year: Number(shanghaiDate(new Date()).slice(0, 4)),
    });
    const mine = await client.get("/api/applications");
    expect(mine.body.items[0].number).toBe(application.number);
  });

  it("never gives two applications the same number, however many submit at once", async () => {
    const applications = await Promise.all(Array.from({ length: 6 }, () => submitted()));
    const numbers = applications.map((item) => item.application.number as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    const serials = numbers.map((number) => {
      const parsed = parseApplicationNumber(number);
      return parsed.ok ? parsed.serial : 0;
    });
    // Consecutive: the serials of one year and kind leave no gaps between concurrent submissions.
    const sorted = [...serials].sort((a, b) => a - b);
    expect((sorted.at(-1) ?? 0) - (sorted[0] ?? 0)).toBe(numbers.length - 1);
  });

  it("keeps the number when a returned application is submitted again", async () => {
    const { application, client } = await submitted();
    const returned = await centre.post(`/api/applications/${application.id}/return`, {
      reason: "请补充培训管理制度",
      replyBy: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const again = await client.post(`/api/applications/${application.id}/submit`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.application.number).toBe(application.number);
    expect(again.body.application.versions).toHaveLength(2);
  });

  it.skipIf(!hasPdftotext)(
    "prints the number on every page of the submitted version, none on the draft",
    async () => {
      const { application, client } = await submitted();
      const version = await client.get(`/api/applications/${application.id}/form.pdf?version=1`);
      expect(version.status).toBe(200);
      const pages = pdfPages(version.raw).map(squeeze);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page).toContain(`申报编号：${application.number}（第1版）`);
      expect(pages[0]).toContain("扫码核验");
      expect(pages.join("")).not.toContain("草稿");
      expect(String(version.headers["content-disposition"])).toContain(
        encodeURIComponent(application.number),
      );
      const draft = await client.get(`/api/applications/${application.id}/form.pdf`);
      expect(draft.status).toBe(200);
      expect(pdfPages(draft.raw).map(squeeze).join("")).not.toContain("申报编号：");
    },
  );

  it("heads the submitted DOCX with the number and the QR code image", async () => {
    const { application, client } = await submitted();
    const docx = await client.get(`/api/applications/${application.id}/form.docx?version=1`);
    expect(docx.status).toBe(200);
    const header = await zipEntry(docx.raw, "word/header1.xml");
    expect(header?.toString("utf8")).toContain(`申报编号：${application.number}（第1版）`);
    expect(header?.toString("utf8")).toContain("核验二维码");
  });

  it("verifies a copy by its QR code: the match, a stale version, a wrong code, nothing told without one", async () => {
    const { application, client, name } = await submitted();
    const code = await checkCode(application.id, 1);
    const anonymous = ctx.client();
    const match = await anonymous.get(`/api/public/verify/${application.number}?v=1&c=${code}`);
    expect(match.status).toBe(200);
    expect(match.body).toMatchObject({
      number: application.number,
      result: "matches",
      copy: {
        institutionName: name,
        kindName: "培训机构",
        occupationName: "人工智能工程技术人员",
        version: 1,
        latestVersion: 1,
      },
    });
    const bare = await anonymous.get(`/api/public/verify/${application.number}`);
    expect(bare.body).toEqual({ number: application.number, result: "unchecked", copy: null });
    const wrong = await anonymous.get(`/api/public/verify/${application.number}?v=1&c=0000000000000000`);
    expect(wrong.body).toEqual({ number: application.number, result: "mismatch", copy: null });

    // Returned and resubmitted: the first copy still matches its version and names the newer one.
    await centre.post(`/api/applications/${application.id}/return`, {
      reason: "请补充材料",
      replyBy: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    await client.post(`/api/applications/${application.id}/submit`, {});
    const stale = await anonymous.get(`/api/public/verify/${application.number}?v=1&c=${code}`);
    expect(stale.body.copy).toMatchObject({ version: 1, latestVersion: 2 });
  });

  it("refuses a malformed number by name and answers 404 to a well-formed unknown one", async () => {
    const anonymous = ctx.client();
    const typo = await anonymous.get("/api/public/verify/2026T0001231");
    const bad = await anonymous.get("/api/public/verify/ABC");
    for (const response of [typo, bad]) {
      expect(response.status).toBe(400);
      expect(response.body.code).toBe("APPLICATION_NUMBER_INVALID");
      expect(response.body.fields[0].path).toBe("number");
    }
    expect(bad.body.message).toContain("申报编号应为12位");
    const unknown = await anonymous.get(
      `/api/public/verify/${formatApplicationNumber(2099, "training", 999_999)}`,
    );
    expect(unknown.status).toBe(404);
  });

  it("finds an application by its typed or scanned number only within the staff's jurisdiction", async () => {
    const { application } = await submitted();
    const typed = application.number.replace(/^(\d{4})T/, "$1-t-");
    const found = await centre.get(`/api/applications/by-number/${encodeURIComponent(typed)}`);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body).toEqual({ id: application.id });
    const beijing = ctx.client();
    await beijing.login(await makeStaff(ctx, "receivingCentre", { regionCode: "110000" }), TEST_PASSWORD);
    expect((await beijing.get(`/api/applications/by-number/${application.number}`)).status).toBe(404);
    const stranger = await registerInstitution(ctx);
    expect((await stranger.client.get(`/api/applications/by-number/${application.number}`)).status).toBe(404);
  });

  it("takes the stamped copy of the submitted version after submission, until the paper deadline", async () => {
    const institution = await registerInstitution(ctx);
    const started = await institution.client.post("/api/applications", {
      batchId,
      kind: "training",
      occupation: "cloud",
      levels: ["junior"],
      applicantCategory: "university",
    });
    const application = started.body.application;
    const template = getFormTemplate(application.templateId);
    if (!template) throw new Error("no template");
    await institution.client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(template, { creditCode: institution.creditCode, occupation: "cloud" }),
      baseRevision: application.draftRevision,
    });
    // Submitted without it: the copy to stamp carries the number only once submitted.
    const submittedNow = await institution.client.post(`/api/applications/${application.id}/submit`, {});
    expect(submittedNow.status, JSON.stringify(submittedNow.body)).toBe(200);
    expect(submittedNow.body.application.missingAttachments).toContain("stampedForm");

    // The centre records both paper copies; the formal check waits for the electronic copy.
    const receipt = await centre.post(`/api/applications/${application.id}/paper-receipt`, {
      copies: 2,
      receivedOn: shanghaiDate(new Date()),
    });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
    const early = await centre.post(`/api/applications/${application.id}/formal-check`, {});
    expect(early.status).toBe(422);
    expect(early.body.code).toBe("APPLICATION_INCOMPLETE");
    expect(early.body.message).toContain("尚未上传“申报表电子版（加盖公章的PDF格式）”");

    const other = await institution.client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "supportingMaterials" }, { name: "制度.pdf", content: SAMPLE_PDF }),
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe("APPLICATION_NOT_EDITABLE");
    const stamped = await institution.client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody(
        { code: "stampedForm", replace: "true" },
        { name: "盖章申报表.pdf", content: SAMPLE_PDF },
      ),
    );
    expect(stamped.status, JSON.stringify(stamped.body)).toBe(201);
    const seen = await centre.get(`/api/applications/${application.id}`);
    const file = seen.body.application.attachments.find(
      (item: { code: string }) => item.code === "stampedForm",
    );
    expect(file?.fileName).toBe("盖章申报表.pdf");
    expect((await centre.get(`/api/applications/${application.id}/attachments/${file.id}`)).status).toBe(200);
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("targetId", "=", application.id)
      .where("command", "=", "application.attach")
      .execute();
    expect(audit.map((event) => event.summary)).toContainEqual(expect.stringContaining("盖章申报表.pdf"));

    const passed = await centre.post(`/api/applications/${application.id}/formal-check`, {});
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    // Once checked, the copy is what the centre passed.
    const after = await institution.client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "stampedForm", replace: "true" }, { name: "另一份.pdf", content: SAMPLE_PDF }),
    );
    expect(after.status).toBe(409);
    expect(after.body.message).toContain("申报已进入审核");
  });

  it("closes the stamped copy's upload at the paper deadline", async () => {
    const { application, creditCode } = await submitted();
    const definition = await findBatchDefinition(ctx.deps.db, batchId);
    const deadline = definition?.definition.paperDeadline;
    if (!deadline) throw new Error("the Shanghai batch has a paper deadline");
    ctx.setNow(new Date(Date.parse(deadline) + 1000));
    try {
      // A session from before the jump would have timed out: sign in on the day.
      const client = ctx.client();
      await client.login(creditCode, TEST_PASSWORD);
      const late = await client.upload(
        `/api/applications/${application.id}/attachments`,
        multipartBody({ code: "stampedForm", replace: "true" }, { name: "盖章.pdf", content: SAMPLE_PDF }),
      );
      expect(late.status).toBe(409);
      expect(late.body.code).toBe("DEADLINE_PASSED");
      expect(late.body.message).toContain("前上传，现已逾期");
    } finally {
      ctx.setNow(null);
    }
  });
});
