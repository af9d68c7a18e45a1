import { nationalBatch2, nationalTrainingV1, shanghaiBatch3, shanghaiTrainingV1 } from "@linxuan/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfPages, squeeze, zipEntry } from "../../documents/document-test-utils";
import {
  completeValues,
  makeStaff,
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
  TEST_PASSWORD,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import { verifyAuditChain } from "../audit/verify";

const ID_NUMBER = "310104197805123012";

async function attachAll(client: TestClient, applicationId: string, codes: string[]) {
  for (const code of codes) {
    const response = await client.upload(
      `/api/applications/${applicationId}/attachments`,
      multipartBody(
        { code, replace: "true" },
        { name: `${code}.pdf`, content: SAMPLE_PDF, type: "application/pdf" },
      ),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
}

describe.each(testDatabases)("applications on %s", (kind) => {
  let ctx: TestContext;
  let shanghaiId: string;
  let nationalId: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    shanghaiId = await publishOpenBatch(ctx, shanghaiBatch3);
    nationalId = await publishOpenBatch(ctx, nationalBatch2);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function startShanghai(occupation = "ai") {
    const institution = await registerInstitution(ctx);
    const response = await institution.client.post("/api/applications", {
      batchId: shanghaiId,
      kind: "training",
      occupation,
      levels: ["junior", "intermediate"],
      applicantCategory: "university",
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { ...institution, application: response.body.application };
  }

  async function fillCompletely(
    client: TestClient,
    application: { id: string; draftRevision: number },
    creditCode: string,
  ) {
    const saved = await client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(shanghaiTrainingV1, { creditCode }),
      baseRevision: application.draftRevision,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body;
  }

  it("offers each occupation with the reason it is closed, and refuses closed or duplicate ones", async () => {
    const { client, application } = await startShanghai("cloud");
    expect(application).toMatchObject({
      status: "draft",
      statusName: "草稿",
      templateId: "shanghai-training-v1",
      levels: ["junior", "intermediate"],
    });
    expect(application.values).toMatchObject({ occupation: "cloud", institutionName: expect.any(String) });
    const options = await client.get(`/api/batches/${shanghaiId}/application-options`);
    const cloud = options.body.occupations.find((o: { occupation: string }) => o.occupation === "cloud");
    expect(cloud).toMatchObject({ open: false, existingApplicationId: application.id });
    const again = await client.post("/api/applications", {
      batchId: shanghaiId,
      kind: "training",
      occupation: "cloud",
      levels: ["senior"],
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("APPLICATION_EXISTS");

    const nationalOptions = await client.get(`/api/batches/${nationalId}/application-options`);
    const closed = nationalOptions.body.occupations.find(
      (o: { kind: string; occupation: string }) => o.kind === "evaluation" && o.occupation === "big_data",
    );
    expect(closed).toMatchObject({ open: false, reason: expect.stringContaining("第一批") });
    const refused = await client.post("/api/applications", {
      batchId: nationalId,
      kind: "evaluation",
      occupation: "big_data",
      levels: ["junior"],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe("OCCUPATION_CLOSED");
    const shanghaiEvaluation = await client.post("/api/applications", {
      batchId: shanghaiId,
      kind: "evaluation",
      occupation: "ai",
      levels: ["junior"],
    });
    expect(shanghaiEvaluation.body.code).toBe("OCCUPATION_CLOSED");
  });

  it("autosaves with revisions: the later save from a second tab gets a conflict with the current content", async () => {
    const { client, application, creditCode } = await startShanghai();
    const first = await fillCompletely(client, application, creditCode);
    expect(first.draftRevision).toBe(2);
    const stale = await client.put(`/api/applications/${application.id}/draft`, {
      values: { ...completeValues(shanghaiTrainingV1), address: "另一个窗口里的地址" },
      baseRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("VERSION_CONFLICT");
    expect(stale.body.current.draftRevision).toBe(2);
    expect(stale.body.current.values.address).toBe("上海市徐汇区漕宝路1500号");
    const reread = await client.get(`/api/applications/${application.id}`);
    expect(reread.body.application.values.address).toBe("上海市徐汇区漕宝路1500号");
    // Both outcomes are audited (on PostgreSQL the save, the event and its hash are one statement).
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["summary"])
      .where("command", "=", "application.saveDraft")
      .where("targetId", "=", application.id)
      .orderBy("seq")
      .execute();
    expect(events.map((event) => event.summary)).toEqual(["保存草稿", "保存草稿被拒绝：版本冲突"]);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it("lets one of twenty simultaneous saves on the same revision win, and audits every one", async () => {
    // On PostgreSQL each save, its audit head bump and its event are one statement: under
    // contention exactly one UPDATE matches the revision, the others are refused and audited.
    const { client, application, creditCode } = await startShanghai("iot");
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.put(`/api/applications/${application.id}/draft`, {
          values: completeValues(shanghaiTrainingV1, { creditCode, address: `上海市第${i}号` }),
          baseRevision: application.draftRevision,
        }),
      ),
    );
    const statuses = saves.map((save) => save.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const winner = saves.find((save) => save.status === 200);
    const stored = await client.get(`/api/applications/${application.id}`);
    expect(stored.body.application.draftRevision).toBe(application.draftRevision + 1);
    expect(stored.body.application.values.address).toBe(winner?.body.values.address);
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select("summary")
      .where("command", "=", "application.saveDraft")
      .where("targetId", "=", application.id)
      .execute();
    expect(events.filter((event) => event.summary === "保存草稿")).toHaveLength(1);
    expect(events.filter((event) => event.summary === "保存草稿被拒绝：版本冲突")).toHaveLength(19);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it("computes totals on the server, never trusting typed ones", async () => {
    const { client, application } = await startShanghai();
    const values = completeValues(shanghaiTrainingV1);
    const scale = (
      (values as Record<string, unknown>).trainingScale as {
        year: number;
        independent: number;
        cooperative: number;
        trainees?: number;
      }[]
    ).map((row) => ({
      ...row,
      trainees: 1,
    }));
    const saved = await client.put(`/api/applications/${application.id}/draft`, {
      values: {
        ...values,
        trainingScale: scale,
        fullTimeTeacherCount: 3,
        partTimeTeacherCount: 4,
        teacherCount: 999,
      },
      baseRevision: 1,
    });
    expect(saved.status).toBe(200);
    const row = saved.body.values.trainingScale[0];
    expect(row.trainees).toBe(row.independent + row.cooperative);
    expect(saved.body.values.teacherCount).toBe(7);
  });

  it("reports bad fields by name in the draft and refuses to submit them, losing nothing", async () => {
    const { client, application, creditCode } = await startShanghai();
    const values = completeValues(shanghaiTrainingV1, {
      creditCode,
      legalRepresentativeIdNumber: "310104197805123013",
      institutionProfile: "数".repeat(801),
      employeeCount: -3,
    });
    const saved = await client.put(`/api/applications/${application.id}/draft`, { values, baseRevision: 1 });
    expect(saved.status).toBe(200);
    const paths = saved.body.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(["legalRepresentativeIdNumber", "institutionProfile", "employeeCount"]),
    );
    const profileIssue = saved.body.issues.find(
      (issue: { path: string }) => issue.path === "institutionProfile",
    );
    expect(profileIssue.message).toContain("801");
    await attachAll(client, application.id, ["stampedForm"]);
    const submit = await client.post(`/api/applications/${application.id}/submit`, {});
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe("APPLICATION_INCOMPLETE");
    expect(submit.body.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["legalRepresentativeIdNumber", "institutionProfile", "employeeCount"]),
    );
    const reread = await client.get(`/api/applications/${application.id}`);
    expect(reread.body.application.status).toBe("draft");
    expect(reread.body.application.values.institutionProfile).toHaveLength(801);
    expect(reread.body.application.values.legalRepresentativeIdNumber).toBe("310104197805123013");
  });

  it("refuses a renamed .exe and a file over 20 MB, by content and size", async () => {
    const { client, application } = await startShanghai();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(2048, 1)]);
    const fake = await client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "stampedForm" }, { name: "申报表.pdf", content: exe, type: "application/pdf" }),
    );
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(fake.body.message).toContain("按文件内容识别");
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(21 * 1_048_576, 0x20)]);
    const tooBig = await client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "stampedForm" }, { name: "scan.pdf", content: big, type: "application/pdf" }),
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe("FILE_TOO_LARGE");
    expect(tooBig.body.message).toContain("20MB");
    const rows = await ctx.deps.db
      .selectFrom("attachments")
      .select("id")
      .where("applicationId", "=", application.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("stores attachments by SHA-256 and serves them only as downloads; replace and delete in draft", async () => {
    const { client, application } = await startShanghai();
    // 支撑材料 takes images too (the stamped form is PDF only).
    await attachAll(client, application.id, ["supportingMaterials"]);
    const first = (await client.get(`/api/applications/${application.id}`)).body.application.attachments[0];
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const second = await client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "supportingMaterials", replace: "true" }, { name: "扫描件.png", content: png }),
    );
    expect(second.body.attachment).toMatchObject({ contentType: "image/png", fileName: "扫描件.png" });
    const detail = await client.get(`/api/applications/${application.id}`);
    expect(detail.body.application.attachments).toHaveLength(1);
    const download = await client.get(
      `/api/applications/${application.id}/attachments/${second.body.attachment.id}`,
    );
    expect(download.status).toBe(200);
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment;/);
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.raw.equals(png)).toBe(true);
    // The length comes from the store, the file is streamed.
    expect(download.headers["content-length"]).toBe(String(png.length));
    const removed = await client.delete(
      `/api/applications/${application.id}/attachments/${second.body.attachment.id}`,
    );
    expect(removed.body.remaining).toBe(0);
    // Replaced or deleted in a draft never submitted: gone for good.
    for (const gone of [first.id, second.body.attachment.id]) {
      const old = await client.get(`/api/applications/${application.id}/attachments/${gone}`);
      expect(old.status).toBe(404);
      expect(old.body.message).toContain("附件");
    }
  });

  it("submits before the deadline to the second, and refuses one second after", async () => {
    const { client, application, creditCode } = await startShanghai();
    await fillCompletely(client, application, creditCode);
    await attachAll(client, application.id, ["stampedForm"]);
    const deadline = Date.parse(application.batch.onlineDeadline);
    // Sign in again a minute before the deadline so the jump in time does not end the session.
    ctx.setNow(new Date(deadline - 60_000));
    await client.login(creditCode, TEST_PASSWORD);
    ctx.setNow(new Date(deadline + 1000));
    try {
      const late = await client.post(`/api/applications/${application.id}/submit`, {});
      expect(late.status).toBe(409);
      expect(late.body.code).toBe("DEADLINE_PASSED");
      expect(late.body.message).toContain("截止");
      ctx.setNow(new Date(deadline - 1000));
      const onTime = await client.post(`/api/applications/${application.id}/submit`, {});
      expect(onTime.status, JSON.stringify(onTime.body)).toBe(200);
      expect(onTime.body.application).toMatchObject({
        status: "submitted",
        versions: [{ number: 1, note: "首次提交" }],
      });
    } finally {
      ctx.setNow(null);
    }
  });

  it("refuses submission with a required attachment missing, naming it", async () => {
    const { client, creditCode } = await registerInstitution(ctx);
    const started = await client.post("/api/applications", {
      batchId: nationalId,
      kind: "training",
      occupation: "ai",
      levels: ["junior", "intermediate"],
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const application = started.body.application;
    const saved = await client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(nationalTrainingV1, { creditCode }),
      baseRevision: application.draftRevision,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await attachAll(client, application.id, ["stampedForm", "creditReport"]);
    const response = await client.post(`/api/applications/${application.id}/submit`, {});
    expect(response.status).toBe(422);
    expect(response.body.fields).toEqual([
      {
        path: "attachments.legalRegistrationCertificate",
        message: expect.stringContaining("法人登记证书复印件（加盖单位印章）"),
      },
    ]);
  });

  it("takes only what 沪人社专〔2026〕55号 asks: the stamped form, as PDF only", async () => {
    const { client, application } = await startShanghai();
    expect(application.batch.requiredAttachments.map((item: { code: string }) => item.code)).toEqual([
      "stampedForm",
      "supportingMaterials",
    ]);
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const image = await client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "stampedForm" }, { name: "盖章申报表.png", content: png, type: "image/png" }),
    );
    expect(image.status).toBe(415);
    expect(image.body.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(image.body.message).toContain("“申报表电子版（加盖公章的PDF格式）”只接受PDF文件");
    expect(image.body.fields).toEqual([{ path: "attachments.stampedForm", message: "只接受PDF文件" }]);
    const credit = await client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "creditReport" }, { name: "信用报告.pdf", content: SAMPLE_PDF }),
    );
    expect(credit.status).toBe(400);
    expect(credit.body.message).toBe("附件类别不正确");
    await attachAll(client, application.id, ["stampedForm"]);
    const detail = await client.get(`/api/applications/${application.id}`);
    expect(detail.body.application.attachments.map((item: { code: string }) => item.code)).toEqual([
      "stampedForm",
    ]);
  });

  it("keeps each submitted version immutable: return, revise, resubmit, diff", async () => {
    const { client, application, creditCode } = await startShanghai();
    await fillCompletely(client, application, creditCode);
    await attachAll(client, application.id, ["stampedForm"]);
    expect((await client.post(`/api/applications/${application.id}/submit`, {})).status).toBe(200);
    const locked = await client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(shanghaiTrainingV1),
      baseRevision: 2,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe("APPLICATION_NOT_EDITABLE");

    const centre = ctx.client();
    await centre.login(await makeStaff(ctx, "receivingCentre", { regionCode: "310000" }), TEST_PASSWORD);
    const staffView = await centre.get(`/api/applications/${application.id}`);
    expect(staffView.body.application.values.legalRepresentativeIdNumber).toBe("310***********3012");
    const returned = await centre.post(`/api/applications/${application.id}/return`, {
      reason: "单位地址请填写到门牌号",
      fieldComments: [{ path: "address", message: "缺门牌号" }],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.application.status).toBe("returned");

    const mine = await client.get(`/api/applications/${application.id}`);
    expect(mine.body.application.returnReason).toBe("单位地址请填写到门牌号");
    expect(mine.body.application.returnComments).toEqual([
      { path: "address", label: "单位地址", message: "缺门牌号" },
    ]);
    const revised = await client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(shanghaiTrainingV1, { creditCode, address: "上海市徐汇区漕宝路1500号2号楼" }),
      baseRevision: mine.body.application.draftRevision,
    });
    expect(revised.status).toBe(200);
    // A file replaced after the return stays readable as part of version 1.
    const submittedForm = mine.body.application.attachments.find(
      (item: { code: string }) => item.code === "stampedForm",
    );
    const rescan = Buffer.concat([SAMPLE_PDF, Buffer.from("%rescanned\n")]);
    const replaced = await client.upload(
      `/api/applications/${application.id}/attachments`,
      multipartBody({ code: "stampedForm", replace: "true" }, { name: "重新盖章.pdf", content: rescan }),
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    for (const reader of [client, centre]) {
      const old = await reader.get(`/api/applications/${application.id}/attachments/${submittedForm.id}`);
      expect(old.status).toBe(200);
      expect(old.raw.equals(SAMPLE_PDF)).toBe(true);
    }
    const resubmitted = await client.post(`/api/applications/${application.id}/submit`, {});
    expect(resubmitted.body.application.status).toBe("resubmitted");
    expect(resubmitted.body.application.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    const v1 = await client.get(`/api/applications/${application.id}/versions/1`);
    expect(v1.body.version.values.address).toBe("上海市徐汇区漕宝路1500号");
    const diff = await client.get(`/api/applications/${application.id}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([
      expect.objectContaining({
        path: "address",
        before: "上海市徐汇区漕宝路1500号",
        after: "上海市徐汇区漕宝路1500号2号楼",
      }),
    ]);
  });

  it("encrypts ID and phone numbers at rest; staff reveal is audited", async () => {
    const { client, application, creditCode } = await startShanghai();
    await fillCompletely(client, application, creditCode);
    const row = await ctx.deps.db
      .selectFrom("applications")
      .select("draftValues")
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    expect(row.draftValues).not.toContain(ID_NUMBER);
    expect(row.draftValues).not.toContain("13801234567");
    expect(row.draftValues).toContain("sealed:");
    const office = ctx.client();
    await office.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
    const revealed = await office.post(`/api/applications/${application.id}/reveal`, {
      path: "legalRepresentativeIdNumber",
    });
    expect(revealed.body.value).toBe(ID_NUMBER);
    const teacherPhone = await office.post(`/api/applications/${application.id}/reveal`, {
      path: "teachers.1.phone",
    });
    expect(teacherPhone.body.value).toMatch(/^1\d{10}$/);
    const notPersonal = await office.post(`/api/applications/${application.id}/reveal`, { path: "address" });
    expect(notPersonal.status).toBe(404);
    const events = await ctx.deps.db
      .selectFrom("auditEvents")
      .select(["command", "targetId"])
      .where("command", "=", "application.reveal")
      .execute();
    expect(events).toContainEqual({ command: "application.reveal", targetId: application.id });
  });

  it("never lets another institution or a recommender see the application (404)", async () => {
    const { application } = await startShanghai();
    const other = await registerInstitution(ctx);
    expect((await other.client.get(`/api/applications/${application.id}`)).status).toBe(404);
    const expert = ctx.client();
    await expert.login(await makeStaff(ctx, "expert"), TEST_PASSWORD);
    expect((await expert.get(`/api/applications/${application.id}`)).status).toBe(403);
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "provincialOffice", { regionCode: "440000" }), TEST_PASSWORD);
    expect((await guangdong.get(`/api/applications/${application.id}`)).status).toBe(404);
  });

  async function draftWithScript() {
    const { client, application, creditCode } = await startShanghai();
    const saved = await client.put(`/api/applications/${application.id}/draft`, {
      values: completeValues(shanghaiTrainingV1, {
        creditCode,
        trainingHistory: "<script>alert(1)</script>培训情况",
      }),
      baseRevision: 1,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return { client, application };
  }

  it("prints <script> as text in the DOCX", async () => {
    const { client, application } = await draftWithScript();
    const docx = await client.get(`/api/applications/${application.id}/form.docx`);
    expect(docx.raw.subarray(0, 2).toString()).toBe("PK");
    const xml = (await zipEntry(docx.raw, "word/document.xml"))?.toString("utf8") ?? "";
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it.skipIf(!hasPdftotext)(
    "prints <script> as text in the PDF, with a 草稿 watermark on the draft [reads the text with pdftotext]",
    async () => {
      const { client, application } = await draftWithScript();
      const pdf = await client.get(`/api/applications/${application.id}/form.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.raw.subarray(0, 5).toString()).toBe("%PDF-");
      const text = squeeze(pdfPages(pdf.raw).join(""));
      expect(text).toContain("<script>alert(1)</script>");
      expect(text).toContain("草稿");
      expect(text).toContain(ID_NUMBER);
    },
  );

  it("withdraws a submitted application with a reason", async () => {
    const { client, application, creditCode } = await startShanghai();
    await fillCompletely(client, application, creditCode);
    await attachAll(client, application.id, ["stampedForm"]);
    await client.post(`/api/applications/${application.id}/submit`, {});
    const noReason = await client.post(`/api/applications/${application.id}/withdraw`, { reason: "" });
    expect(noReason.status).toBe(400);
    const withdrawn = await client.post(`/api/applications/${application.id}/withdraw`, {
      reason: "本年度暂不申报",
    });
    expect(withdrawn.body.application.status).toBe("withdrawn");
    const list = await client.get("/api/applications");
    expect(list.body.items.find((item: { id: string }) => item.id === application.id).statusName).toBe(
      "已撤回",
    );
  });

  it("provides the teacher import template and reads it back with per-row errors", async () => {
    const { client } = await startShanghai();
    const template = await client.get(
      "/api/form-templates/shanghai-training-v1/tables/teachers/template.xlsx",
    );
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "姓名",
      "工作单位",
      "专业技术职务/职称",
      "专业",
      "人员性质",
      "联系电话",
    ]);
    // As a person fills it in Excel: typed into the rows under the header.
    if (sheet) {
      sheet.getRow(2).values = [
        "陈建华",
        "上海数智工程大学计算机学院",
        "教授",
        "计算机科学与技术",
        "专职师资",
        "13912345678",
      ];
      sheet.getRow(3).values = [
        "刘芳",
        "上海某科技有限公司研发部",
        "高级工程师",
        "软件工程",
        "兼职师资",
        "12345",
      ];
    }
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await client.upload(
      "/api/form-templates/shanghai-training-v1/tables/teachers/import",
      multipartBody({}, { name: "teachers.xlsx", content: filled }),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.rows[0]).toMatchObject({
      name: "陈建华",
      teacherType: "fullTime",
      phone: "13912345678",
    });
    expect(imported.body.errors).toEqual([expect.objectContaining({ row: 3, column: "联系电话" })]);
  });
});
