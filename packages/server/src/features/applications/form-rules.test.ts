import { type FormTemplate, getFormTemplate, nationalBatch2 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasPdftotext, pdfPages, squeeze } from "../../documents/document-test-utils";
import {
  completeValues,
  multipartBody,
  publishOpenBatch,
  registerInstitution,
  SAMPLE_PDF,
} from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";

/*
 * Issue 16 points 4–6 through the API: several certificates a year, teacher lists that name fewer
 * teachers than counted with a 另附页, and levels not applied for — saved, submitted, reread and printed.
 */

type Issue = { path: string; code: string; message: string; severity: string };

describe.each(testDatabases)("the forms' own rules on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, nationalBatch2);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function start(applicationKind: "training" | "evaluation") {
    const institution = await registerInstitution(ctx);
    const created = await institution.client.post("/api/applications", {
      batchId,
      kind: applicationKind,
      occupation: "ai",
      levels: ["junior", "intermediate"],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const application = created.body.application as { id: string; draftRevision: number; templateId: string };
    const template = getFormTemplate(application.templateId) as FormTemplate;
    return { ...institution, application, template };
  }

  async function save(client: TestClient, id: string, values: Record<string, unknown>) {
    const current = await client.get(`/api/applications/${id}`);
    const saved = await client.put(`/api/applications/${id}/draft`, {
      values,
      baseRevision: current.body.application.draftRevision,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body as { issues: Issue[]; values: Record<string, unknown> };
  }

  async function attach(client: TestClient, id: string, codes: readonly string[]) {
    for (const code of codes) {
      const uploaded = await client.upload(
        `/api/applications/${id}/attachments`,
        multipartBody({ code, replace: "true" }, { name: `${code}.pdf`, content: SAMPLE_PDF }),
      );
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    }
  }

  const submit = (client: TestClient, id: string) =>
    client.post(`/api/applications/${id}/submit`, { recommender: { type: "region", value: "310000" } });

  const required = ["stampedForm", "legalRegistrationCertificate", "creditReport"] as const;

  it("submits two certificates in one year, adds them for the 2000 人次 rule and prints both", async () => {
    const { client, application, template, creditCode } = await start("evaluation");
    const base: Record<string, unknown> = completeValues(template, { creditCode, occupation: "ai" });
    const rows = base.evaluationScale as Record<string, unknown>[];
    const latest = rows.at(-1) as Record<string, unknown>;
    const saved = await save(client, application.id, {
      ...base,
      evaluationScale: [
        ...rows,
        {
          year: latest.year,
          certificateName: "数据标注员证书",
          certificateNature: "other",
          certificateCount: 380,
        },
      ],
      assessmentTeamCount: 90,
      // 高级 is not applied for: its figures are not asked
      plannedAssesseesSenior: null,
      assessmentFeeSenior: null,
    });
    expect(saved.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(saved.values.totalCertificates).toBe(12380);
    expect(saved.values.assessmentTeamCount).toBe(90);
    await attach(client, application.id, required);
    const submitted = await submit(client, application.id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const scale = submitted.body.application.eligibility.results.find(
      (result: { rule: string }) => result.rule === "minAnnualScale",
    );
    expect(scale).toMatchObject({
      outcome: "pass",
      reason: `${latest.year}年颁证数量3080人次，达到2000人次`,
    });
    const reread = await client.get(`/api/applications/${application.id}`);
    expect(reread.body.application.values.evaluationScale).toHaveLength(6);
    if (hasPdftotext) {
      const pdf = await client.get(`/api/applications/${application.id}/form.pdf`);
      expect(pdf.status).toBe(200);
      const text = squeeze(pdfPages(pdf.raw).join(""));
      expect(text).toContain("数据标注员证书");
      expect(text).toContain("总规模12380");
    }
  });

  it("does not ask the rows when 是否开展评价 = 否 nor 证书类别 when 是否颁发证书 = 否", async () => {
    const { client, application, template, creditCode } = await start("evaluation");
    const base: Record<string, unknown> = completeValues(template, { creditCode, occupation: "ai" });
    await save(client, application.id, {
      ...base,
      evaluationConducted: false,
      certificateIssued: false,
      evaluationScale: [],
      certificateCategories: [],
    });
    await attach(client, application.id, required);
    const reread = await client.get(`/api/applications/${application.id}`);
    const errors = (reread.body.application.issues as Issue[]).filter((issue) => issue.severity === "error");
    expect(errors).toEqual([]);
    // the empty table is kept as 5 blank year rows, as a new draft starts
    expect(reread.body.application.values.evaluationScale).toHaveLength(5);
    const submitted = await submit(client, application.id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  it("refuses 考评团队总人数 below 考评员 + 督导员, naming the field", async () => {
    const { client, application, template, creditCode } = await start("evaluation");
    const saved = await save(client, application.id, {
      ...completeValues(template, { creditCode, occupation: "ai" }),
      assessmentTeamCount: 10,
      assessorCount: 64,
      supervisorCount: 12,
    });
    expect(saved.issues.find((issue) => issue.path === "assessmentTeamCount")).toMatchObject({
      code: "team_count_below_parts",
      message: "考评团队总人数：填写为10人，少于考评员队伍人数与督导员队伍人数之和（76人），请核对",
    });
    await attach(client, application.id, required);
    const submitted = await submit(client, application.id);
    expect(submitted.status).toBe(422);
    expect(submitted.body.code).toBe("APPLICATION_INCOMPLETE");
    expect(submitted.body.fields).toEqual([
      { path: "assessmentTeamCount", message: expect.stringContaining("考评团队总人数") },
    ]);
  });

  it("refuses more named teachers than counted; accepts fewer with a 另附页", async () => {
    const { client, application, template, creditCode } = await start("training");
    const base: Record<string, unknown> = completeValues(template, { creditCode, occupation: "ai" });
    const teachers = base.teachers as { teacherType: string }[];
    const named = teachers.filter((teacher) => teacher.teacherType === "fullTime").length;
    const over = await save(client, application.id, { ...base, fullTimeTeacherCount: named - 1 });
    expect(over.issues.find((issue) => issue.path === "fullTimeTeacherCount")).toMatchObject({
      code: "teacher_count_exceeded",
      severity: "error",
      message: expect.stringMatching(/^专职师资队伍人数：填写为\d+人，但培训教师名单中已列出专职师资\d+人/),
    });
    await attach(client, application.id, required);
    const refused = await submit(client, application.id);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((field: { path: string }) => field.path)).toEqual([
      "fullTimeTeacherCount",
    ]);

    await save(client, application.id, { ...base, fullTimeTeacherCount: named + 25 });
    const warned = await client.get(`/api/applications/${application.id}`);
    expect(
      (warned.body.application.issues as Issue[]).filter((issue) => issue.path === "fullTimeTeacherCount"),
    ).toEqual([expect.objectContaining({ code: "teacher_list_partial", severity: "warning" })]);
    await attach(client, application.id, ["extraPages"]);
    const attached = await client.get(`/api/applications/${application.id}`);
    expect(attached.body.application.issues).toEqual([]);
    const submitted = await submit(client, application.id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  it("does not ask, check or print the 高级 figures when only 初级 / 中级 are applied for", async () => {
    const { client, application, template, creditCode } = await start("training");
    const saved = await save(client, application.id, {
      ...completeValues(template, { creditCode, occupation: "ai" }),
      plannedTraineesSenior: null,
      trainingFeeSenior: "看情况",
    });
    expect(saved.issues).toEqual([]);
    await attach(client, application.id, required);
    const submitted = await submit(client, application.id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    if (hasPdftotext) {
      const pdf = await client.get(`/api/applications/${application.id}/form.pdf`);
      expect(squeeze(pdfPages(pdf.raw).join(""))).not.toContain("看情况");
    }
  });

  it("loads and submits a draft stored with the old shapes (5 fixed rows, 考评团队总人数 computed)", async () => {
    const { client, application, template, creditCode } = await start("evaluation");
    await save(client, application.id, completeValues(template, { creditCode, occupation: "ai" }));
    const row = await ctx.deps.db
      .selectFrom("applications")
      .select("draftValues")
      .where("id", "=", application.id)
      .executeTakeFirstOrThrow();
    // What the earlier code stored: one certificate row per year, the team total as 考评员 + 督导员.
    const stored = JSON.parse(row.draftValues) as Record<string, unknown>;
    const old = {
      ...stored,
      evaluationScale: (stored.evaluationScale as unknown[]).slice(0, 5),
      assessmentTeamCount: 76,
    };
    await ctx.deps.db
      .updateTable("applications")
      .set({ draftValues: JSON.stringify(old) })
      .where("id", "=", application.id)
      .execute();
    const loaded = await client.get(`/api/applications/${application.id}`);
    expect(loaded.status).toBe(200);
    expect(loaded.body.application.values.evaluationScale).toHaveLength(5);
    expect(loaded.body.application.values.assessmentTeamCount).toBe(76);
    expect(loaded.body.application.issues).toEqual([]);
    await attach(client, application.id, required);
    const submitted = await submit(client, application.id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });
});
