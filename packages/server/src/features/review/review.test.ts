import { defaultRubric, shanghaiBatch3 } from "@linxuan/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasPdftotext, pdfPages, squeeze } from "../../documents/document-test-utils";
import { cleanUpJobs } from "../../jobs/housekeeping";
import { makeStaff, publishOpenBatch, signedInStaff, TEST_PASSWORD } from "../../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../../test/harness";
import {
  acceptPledges,
  assignedReview,
  type ExpertProfile,
  expertPool,
  formallyCheckedApplications,
  type PoolExpert,
} from "../../test/review-factories";

const rubric = defaultRubric("training");
const fullSheet = (score: number) => ({
  scores: Object.fromEntries(rubric.criteria.map((c) => [c.key, score])),
  rationales: Object.fromEntries(rubric.criteria.map((c) => [c.key, `${c.title}：材料翔实，符合要求。`])),
  overall: "综合评议：该机构基础扎实，建议纳入目录。",
});

type App = { id: string; creditCode: string; name: string };

/** Four experts for the 人工智能 applications; the fourth works for the first applicant. */
const profilesFor = (apps: App[]): ExpertProfile[] => [
  { name: "周明华", employer: "同济大学电子与信息工程学院", regionCode: "310000" },
  { name: "钱立新", employer: "浙江大学计算机科学与技术学院", regionCode: "330000" },
  { name: "吴海燕", employer: "南京大学软件学院", regionCode: "320000" },
  // Works for the first applicant: must never review it.
  {
    name: "郑国强",
    employer: apps[0]?.name ?? "",
    regionCode: "310000",
    employerCreditCode: apps[0]?.creditCode,
  },
];

/*
 * The expert pool belongs to the whole platform and the assignment draws on all of it, so each
 * test runs on a platform of its own: a batch with one training place per occupation (so the
 * quota line is exercised), three formally checked applications and the office running it.
 */
describe.each(testDatabases)("expert review and decision on %s", (kind) => {
  let ctx: TestContext;
  let batchId: string;
  let office: TestClient;
  let apps: App[];

  beforeEach(async () => {
    ctx = await createTestContext(kind);
    batchId = await publishOpenBatch(ctx, {
      ...shanghaiBatch3,
      quotas: { ...shanghaiBatch3.quotas, training: { perOccupationPerRegion: 1, regionOverrides: [] } },
    });
    apps = await formallyCheckedApplications(ctx, { batchId, occupation: "ai", count: 3 });
    office = (await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" })).client;
  });
  afterEach(async () => {
    await ctx?.close();
  });

  /** The four experts in the pool, assigned two to each application as the preview proposes. */
  async function assignedExperts(): Promise<PoolExpert[]> {
    const experts = await expertPool(ctx, office, profilesFor(apps));
    await assignedReview(office, batchId, { perApplication: 2, maxLoad: 2 });
    return experts;
  }

  /** Every expert submits every sheet assigned to it, scoring the second application highest. */
  async function submitEverySheet(experts: PoolExpert[]) {
    for (const expert of experts) {
      await acceptPledges(expert.client);
      const list = await expert.client.get("/api/expert/assignments");
      for (const item of list.body.items) {
        const opened = await expert.client.get(`/api/expert/assignments/${item.id}`);
        if (opened.body.sheet?.status === "submitted") continue;
        const score = apps.findIndex((app) => app.id === opened.body.application.id) === 1 ? 9.5 : 7;
        const response = await expert.client.post(`/api/expert/assignments/${item.id}/submit`, {
          ...fullSheet(score),
          revision: opened.body.sheet?.revision ?? 0,
        });
        expect(response.status, JSON.stringify(response.body)).toBe(200);
      }
    }
  }

  it("builds the expert pool; an expert employed by an applicant is in conflict", async () => {
    for (const [index, profile] of profilesFor(apps).entries()) {
      const response = await office.post("/api/experts", {
        username: `rx-${kind}-${index}`,
        profile: {
          title: "教授",
          occupations: ["ai", "big_data"],
          phone: `1391111000${index}`,
          email: `rx${index}@example.edu.cn`,
          active: true,
          ...profile,
        },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const client = ctx.client();
      await client.login(response.body.username, response.body.initialPassword);
      // The initial password must be changed first (PASSWORD_CHANGE_REQUIRED otherwise).
      expect(
        (
          await client.post("/api/auth/password", {
            currentPassword: response.body.initialPassword,
            newPassword: "Expert-Pass-2027",
          })
        ).status,
      ).toBe(200);
    }
    const bad = await office.post("/api/experts", {
      username: "rx-bad",
      profile: {
        name: "某",
        employer: "",
        title: "",
        occupations: [],
        regionCode: "999999",
        phone: "123",
        email: "x",
        active: true,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.length).toBeGreaterThan(3);
    const pool = await office.get("/api/experts?occupation=ai");
    expect(pool.body.items).toHaveLength(4);
    expect(pool.body.items[0].phone).toMatch(/\*\*\*\*/);
  });

  it("previews a balanced assignment without conflicts and applies it atomically", async () => {
    const experts = await expertPool(ctx, office, profilesFor(apps));
    const settings = await office.get(`/api/review/${batchId}/settings`);
    const saved = await office.put(`/api/review/${batchId}/settings`, {
      ...settings.body.round,
      perApplication: 2,
      maxLoad: 2,
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const preview = await office.post(`/api/review/${batchId}/assignments/preview`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.assignments).toHaveLength(6);
    expect(preview.body.unstaffed).toEqual([]);
    const conflicted = experts[3]?.id;
    expect(
      preview.body.assignments.some(
        (a: { applicationId: string; expertId: string }) =>
          a.applicationId === apps[0]?.id && a.expertId === conflicted,
      ),
    ).toBe(false);
    expect(preview.body.stats.max).toBeLessThanOrEqual(2);
    // Nothing stored by the preview.
    expect((await office.get(`/api/review/${batchId}/progress`)).body.assignments).toHaveLength(0);

    const candidates = await office.get(`/api/review/${batchId}/candidates`);
    const first = candidates.body.items.find(
      (item: { applicationId: string }) => item.applicationId === apps[0]?.id,
    );
    expect(first.conflicts).toEqual([expect.objectContaining({ expertId: conflicted, name: "郑国强" })]);
    expect(first.conflicts[0].conflicts[0].type).toBe("employerIsApplicant");
    const forced = await office.post(`/api/review/${batchId}/assignments`, {
      assignments: [{ applicationId: apps[0]?.id, expertId: conflicted }],
    });
    expect(forced.status).toBe(422);
    expect(forced.body.fields[0].message).toContain("利益冲突");

    // The same computation as a background job: the proposal is the job's result, nothing stored.
    const pairs = (body: { assignments: { applicationId: string; expertId: string }[] }) =>
      body.assignments.map(({ applicationId, expertId }) => `${applicationId}/${expertId}`).sort();
    const started = await office.post(`/api/review/${batchId}/assignments/auto`, { apply: false });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect((await office.get(`/api/jobs/${started.body.jobId}`)).body).toMatchObject({
      status: "queued",
      label: "自动分配评议专家",
      progress: 0,
    });
    expect(await ctx.runJobs()).toBe(1);
    const proposal = await office.get(`/api/jobs/${started.body.jobId}`);
    expect(proposal.body).toMatchObject({ status: "done", progress: 1, result: { applied: null } });
    expect(pairs(proposal.body.result)).toEqual(pairs(preview.body));
    expect((await office.get(`/api/review/${batchId}/progress`)).body.assignments).toHaveLength(0);

    // A job whose requester was disabled meanwhile fails at once, acting on nothing.
    const leaverName = await makeStaff(ctx, "provincialOffice", { regionCode: "310000" });
    const leaver = ctx.client();
    await leaver.login(leaverName, TEST_PASSWORD);
    const orphan = await leaver.post(`/api/review/${batchId}/assignments/auto`, { apply: true });
    expect(orphan.status).toBe(202);
    await ctx.deps.db
      .updateTable("users")
      .set({ status: "disabled" })
      .where("username", "=", leaverName)
      .execute();
    await ctx.runJobs();
    const failed = await ctx.deps.db
      .selectFrom("jobs")
      .selectAll()
      .where("id", "=", orphan.body.jobId)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", lastError: "发起该任务的账号已停用，任务未执行" });
    expect(Number(failed.attempts)).toBe(1);
    expect((await office.get(`/api/review/${batchId}/progress`)).body.assignments).toHaveLength(0);
    // Only the office that runs the batch may start it.
    const guangdong = ctx.client();
    await guangdong.login(await makeStaff(ctx, "provincialOffice", { regionCode: "440000" }), TEST_PASSWORD);
    expect((await guangdong.post(`/api/review/${batchId}/assignments/auto`, { apply: true })).status).toBe(
      404,
    );

    // apply: true computes and saves in the job, checked again like a confirmed preview.
    const applying = await office.post(`/api/review/${batchId}/assignments/auto`, { apply: true });
    expect(applying.status).toBe(202);
    await ctx.runJobs();
    const applied = await office.get(`/api/jobs/${applying.body.jobId}`);
    expect(applied.body).toMatchObject({ status: "done", result: { applied: 6 } });
    expect(pairs(applied.body.result)).toEqual(pairs(preview.body));
    const audit = await ctx.deps.db
      .selectFrom("auditEvents")
      .selectAll()
      .where("targetId", "=", batchId)
      .where("summary", "like", "%自动分配评议专家6人次%")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorRole).toBe("provincialOffice");
    const progress = await office.get(`/api/review/${batchId}/progress`);
    expect(progress.body.assignments).toHaveLength(6);
    const app = await office.get(`/api/applications/${apps[0]?.id}`);
    expect(app.body.application.status).toBe("underReview");
  });

  it("lets an expert open only its own assignments, refuses out-of-range scores, keeps rescore history", async () => {
    const experts = await assignedExperts();
    const expert = experts.find((item) => item.id !== experts[3]?.id);
    if (!expert) throw new Error("no expert");
    const list = await expert.client.get("/api/expert/assignments");
    expect(list.body.items.length).toBeGreaterThan(0);
    const mine = list.body.items[0];
    // Nothing opens before the 评审承诺 is accepted.
    const refused = await expert.client.get(`/api/expert/assignments/${mine.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("PLEDGE_REQUIRED");
    await acceptPledges(expert.client);
    const opened = await expert.client.get(`/api/expert/assignments/${mine.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.rubric.criteria.length).toBeGreaterThan(3);
    expect(opened.body.application.values.legalRepresentativeIdNumber).toMatch(/\*/);
    expect(opened.body.peers).toBeNull();
    const other = (await office.get(`/api/review/${batchId}/progress`)).body.assignments.find(
      (a: { id: string }) => !list.body.items.some((m: { id: string }) => m.id === a.id),
    );
    expect((await expert.client.get(`/api/expert/assignments/${other.id}`)).status).toBe(404);

    const outOfRange = await expert.client.put(`/api/expert/assignments/${mine.id}/sheet`, {
      ...fullSheet(11),
      revision: 0,
    });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.code).toBe("SCORE_INVALID");
    const draft = await expert.client.put(`/api/expert/assignments/${mine.id}/sheet`, {
      ...fullSheet(8),
      revision: 0,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const submitted = await expert.client.post(`/api/expert/assignments/${mine.id}/submit`, {
      ...fullSheet(8),
      revision: 1,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.total).toBe(80);
    await office.post(`/api/review/assignments/${mine.id}/reopen`, {
      reason: "与其他专家评分差距较大，请复核",
    });
    const again = await expert.client.post(`/api/expert/assignments/${mine.id}/submit`, {
      ...fullSheet(9),
      revision: 2,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const reopened = await expert.client.get(`/api/expert/assignments/${mine.id}`);
    expect(reopened.body.history.map((h: { total: number }) => h.total)).toEqual([80, 90]);
  });

  it("ranks after the scores are opened and approves within quota only", async () => {
    await submitEverySheet(await assignedExperts());
    const hidden = await office.get(`/api/review/${batchId}/ranking`);
    expect(hidden.body).toMatchObject({ scoresOpened: false, groups: [] });
    expect((await office.post(`/api/review/${batchId}/open-scores`)).status).toBe(200);
    const ranking = await office.get(`/api/review/${batchId}/ranking`);
    const group = ranking.body.groups[0];
    expect(group).toMatchObject({ kind: "training", occupation: "ai", quota: 1 });
    expect(group.items[0].applicationId).toBe(apps[1]?.id);
    expect(group.items[0].withinQuota).toBe(true);
    expect(group.items[1].withinQuota).toBe(false);
    const completed = await office.post(`/api/review/${batchId}/complete`);
    expect(completed.body.completed).toBe(3);
    const approved = await office.post(`/api/applications/${apps[1]?.id}/decide`, {
      decision: "approved",
      basis: "专家评议排名第一，名额内",
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const overQuota = await office.post(`/api/applications/${apps[0]?.id}/decide`, {
      decision: "approved",
      basis: "排名第二",
    });
    expect(overQuota.status).toBe(409);
    expect(overQuota.body.code).toBe("QUOTA_EXCEEDED");
    expect(overQuota.body.message).toContain("审定名额已满");
    expect(
      (
        await office.post(`/api/applications/${apps[0]?.id}/decide`, {
          decision: "rejected",
          basis: "排名在名额之外",
        })
      ).status,
    ).toBe(200);
    const opinion = await office.get(`/api/review/${batchId}/opinion.pdf`);
    expect(opinion.status).toBe(200);
    expect(opinion.raw.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("completes and counts as pending only by each application's own sheets", async () => {
    // The ranking and 完成评议 group the sheets by application in one pass (issue 17: no work per
    // row over all rows); one sheet held back must keep exactly its own application pending.
    const [first, ...others] = await assignedExperts();
    if (!first) throw new Error("no expert");
    await submitEverySheet(others);
    await acceptPledges(first.client);
    // The first of its assignments stays unsubmitted for now.
    const [, ...rest] = (await first.client.get("/api/expert/assignments")).body.items;
    for (const item of rest) {
      const opened = await first.client.get(`/api/expert/assignments/${item.id}`);
      const submitted = await first.client.post(`/api/expert/assignments/${item.id}/submit`, {
        ...fullSheet(8),
        revision: opened.body.sheet?.revision ?? 0,
      });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    }
    expect((await office.get(`/api/review/${batchId}/ranking`)).body.pending).toBe(1);
    expect((await office.post(`/api/review/${batchId}/complete`)).body.completed).toBe(apps.length - 1);
    await submitEverySheet([first]);
    expect((await office.get(`/api/review/${batchId}/ranking`)).body.pending).toBe(0);
    expect((await office.post(`/api/review/${batchId}/complete`)).body.completed).toBe(1);
  });

  it.skipIf(!hasPdftotext)(
    "names the approved institution in the 评议结果意见 [reads the text with pdftotext]",
    async () => {
      await submitEverySheet(await assignedExperts());
      expect((await office.post(`/api/review/${batchId}/open-scores`)).status).toBe(200);
      expect((await office.post(`/api/review/${batchId}/complete`)).body.completed).toBe(3);
      const approved = await office.post(`/api/applications/${apps[1]?.id}/decide`, {
        decision: "approved",
        basis: "专家评议排名第一，名额内",
      });
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const opinion = await office.get(`/api/review/${batchId}/opinion.pdf`);
      expect(opinion.status).toBe(200);
      const text = squeeze(pdfPages(opinion.raw).join(""));
      expect(text).toContain("评议结果意见");
      expect(text).toContain(squeeze(apps[1]?.name ?? ""));
      expect(text).toContain("审定通过");
    },
  );

  it("lets an expert declare a conflict, which withdraws the assignment", async () => {
    const [expert] = await assignedExperts();
    if (!expert) throw new Error("no expert");
    const list = await expert.client.get("/api/expert/assignments");
    expect(list.body.items.length).toBeGreaterThan(0);
    const declared = await expert.client.post(`/api/expert/assignments/${list.body.items[0].id}/conflict`, {
      reason: "本人曾在该单位兼职授课",
    });
    expect(declared.status).toBe(200);
    expect((await expert.client.get(`/api/expert/assignments/${list.body.items[0].id}`)).status).toBe(404);
  });
});

describe("expert import from Excel", () => {
  it("creates accounts for every valid row and refuses a file with a bad row", async () => {
    const ctx = await createTestContext("sqlite");
    try {
      const office = ctx.client();
      const officeName = await makeStaff(ctx, "nationalOffice");
      await office.login(officeName, TEST_PASSWORD);
      const template = await office.get("/api/experts/template.xlsx");
      const ExcelJS = (await import("exceljs")).default;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template.raw as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error("no sheet");
      sheet.getRow(2).values = [
        "冯志远",
        "复旦大学计算机科学技术学院",
        "",
        "教授",
        "人工智能工程技术人员、大数据工程技术人员",
        "上海市",
        "13911112222",
        "fzy@example.edu.cn",
        "",
      ];
      sheet.getRow(3).values = [
        "蒋文",
        "华为技术有限公司",
        "",
        "高级工程师",
        "云计算工程技术人员",
        "广东省",
        "13911113333",
        "jw@example.com",
        "jiangwen",
      ];
      const good = Buffer.from(await workbook.xlsx.writeBuffer());
      const { multipartBody } = await import("../../test/factories");
      const preview = await office.upload(
        "/api/experts/import?dryRun=true",
        multipartBody({}, { name: "experts.xlsx", content: good }),
      );
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect(preview.body.preview.map((row: { name: string }) => row.name)).toEqual(["冯志远", "蒋文"]);
      const imported = await office.upload(
        "/api/experts/import",
        multipartBody({}, { name: "experts.xlsx", content: good }),
      );
      // Accounts are created by a background job; its result carries the initial passwords.
      expect(imported.status, JSON.stringify(imported.body)).toBe(202);
      expect(imported.body.preview.map((row: { username: string }) => row.username)).toEqual([
        "expert001",
        "jiangwen",
      ]);
      const jobId = imported.body.jobId as string;
      const queued = await office.get(`/api/jobs/${jobId}`);
      expect(queued.body).toMatchObject({ status: "queued", label: "批量导入专家" });
      expect(await ctx.deps.db.selectFrom("experts").select("id").execute()).toHaveLength(0);
      expect(await ctx.runJobs()).toBe(1);
      const done = await office.get(`/api/jobs/${jobId}`);
      expect(done.body).toMatchObject({ status: "done", progress: 1 });
      expect(done.body.result.imported.map((row: { username: string }) => row.username)).toEqual([
        "expert001",
        "jiangwen",
      ]);
      const password = done.body.result.imported[0].initialPassword as string;
      expect(password).toMatch(/.{10,}/);
      // Stored encrypted: the plain password is nowhere in the jobs table.
      const stored = await ctx.deps.db
        .selectFrom("jobs")
        .select("result")
        .where("id", "=", jobId)
        .executeTakeFirst();
      expect(stored?.result).not.toContain(password);
      expect((await ctx.client().login("expert001", password)).username).toBe("expert001");
      // Only the requester follows the job, not even a colleague of the same office.
      const colleague = ctx.client();
      await colleague.login(await makeStaff(ctx, "nationalOffice"), TEST_PASSWORD);
      expect((await colleague.get(`/api/jobs/${jobId}`)).status).toBe(404);
      expect((await office.get("/api/jobs")).body.items.map((job: { id: string }) => job.id)).toContain(
        jobId,
      );
      expect((await colleague.get("/api/jobs")).body.items).toEqual([]);
      // A week later the hourly housekeeping erases the passwords; the list of accounts stays.
      ctx.setNow(new Date(Date.now() + 8 * 86_400_000));
      try {
        expect(await cleanUpJobs(ctx.deps)).toMatchObject({ erased: 1 });
        const later = ctx.client();
        await later.login(officeName, TEST_PASSWORD);
        const erased = await later.get(`/api/jobs/${jobId}`);
        expect(erased.body.result).toMatchObject({ passwordsErased: true });
        expect(
          erased.body.result.imported.map((row: { initialPassword: string | null }) => row.initialPassword),
        ).toEqual([null, null]);
      } finally {
        ctx.setNow(null);
      }
      sheet.getRow(4).values = ["某", "", "", "", "不存在的职业", "火星", "123", "x", ""];
      const bad = Buffer.from(await workbook.xlsx.writeBuffer());
      const refused = await office.upload(
        "/api/experts/import",
        multipartBody({}, { name: "experts.xlsx", content: bad }),
      );
      expect(refused.body.imported).toEqual([]);
      expect(refused.body.errors.filter((error: { row: number }) => error.row === 4).length).toBeGreaterThan(
        2,
      );
    } finally {
      await ctx.close();
    }
  });
});
