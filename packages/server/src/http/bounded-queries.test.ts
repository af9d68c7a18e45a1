import { defaultRubric, getFormTemplate, nationalBatch2, shanghaiBatch3 } from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeValues,
  publishOpenBatch,
  registerInstitution,
  signedInStaff,
  submitCompleteApplication,
} from "../test/factories";
import { createTestContext, type TestClient, type TestContext, testDatabases } from "../test/harness";
import { type QueryCounter, queryCounter } from "../test/query-counter";
import {
  acceptPledges,
  assignedReview,
  expertPool,
  formallyCheckedApplications,
  type PoolExpert,
} from "../test/review-factories";

/*
 * Issue 17: the office's pages cost a bounded number of queries whatever the number of rows. Each
 * page is asked on a small world (2 applications) and on one five times larger (10); the count of
 * SQL statements must be the same.
 */

const SMALL = 2;
const LARGE = 10;

const rubric = defaultRubric("training");
const fullSheet = (score: number) => ({
  scores: Object.fromEntries(rubric.criteria.map((c) => [c.key, score])),
  rationales: Object.fromEntries(rubric.criteria.map((c) => [c.key, `${c.title}：材料翔实，符合要求。`])),
  overall: "综合评议：该机构基础扎实，建议纳入目录。",
});

describe.each(testDatabases)("bounded queries per page on %s", (kind) => {
  let ctx: TestContext;
  let counter: QueryCounter;
  let office: TestClient;
  let centre: TestClient;
  let recommender: TestClient;
  let experts: PoolExpert[];

  beforeAll(async () => {
    ctx = await createTestContext(kind);
    counter = await queryCounter(ctx);
    office = (await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" })).client;
    centre = (await signedInStaff(ctx, "receivingCentre", { regionCode: "310000" })).client;
    recommender = (await signedInStaff(ctx, "provincialRecommender", { regionCode: "330000" })).client;
    experts = await expertPool(ctx, office, [
      { name: "钱立新", employer: "浙江大学计算机科学与技术学院", regionCode: "330000" },
      { name: "吴海燕", employer: "南京大学软件学院", regionCode: "320000" },
    ]);
  }, 120_000);
  afterAll(async () => {
    await counter?.close();
    await ctx?.close();
  });

  /** A Shanghai batch with `count` applications reviewed by one expert each, scores opened. */
  async function reviewedBatch(count: number): Promise<string> {
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    await formallyCheckedApplications(ctx, { batchId, occupation: "ai", count });
    await assignedReview(office, batchId, { perApplication: 1, maxLoad: count });
    for (const [index, expert] of experts.entries()) {
      await acceptPledges(expert.client);
      const list = await expert.client.get("/api/expert/assignments");
      // Those of an earlier batch are already submitted and skipped.
      for (const item of list.body.items) {
        const opened = await expert.client.get(`/api/expert/assignments/${item.id}`);
        if (opened.body.sheet?.status === "submitted") continue;
        const submitted = await expert.client.post(`/api/expert/assignments/${item.id}/submit`, {
          ...fullSheet(6 + index),
          revision: opened.body.sheet?.revision ?? 0,
        });
        if (submitted.status !== 200) throw new Error(`sheet failed: ${JSON.stringify(submitted.body)}`);
      }
    }
    const opened = await office.post(`/api/review/${batchId}/open-scores`);
    if (opened.status !== 200) throw new Error(`open scores failed: ${JSON.stringify(opened.body)}`);
    return batchId;
  }

  /** A national batch with `count` Zhejiang training applications, in the province's queue. */
  async function provincialBatch(count: number): Promise<string> {
    const batchId = await publishOpenBatch(ctx, nationalBatch2);
    for (let i = 0; i < count; i++) {
      await submitCompleteApplication(ctx, {
        batchId,
        kind: "training",
        occupation: "cloud",
        regionCode: "330000",
      });
    }
    return batchId;
  }

  it("saves a full draft with a fixed handful of statements", async () => {
    // Issue 17, point 1: the autosave path. Session, the application with its batch, institution
    // and whether any bar applies (one query), then the revision-checked UPDATE with its audit
    // event: on PostgreSQL one statement (no BEGIN/COMMIT either), on SQLite four in a transaction.
    const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
    const institution = await registerInstitution(ctx, "310000");
    const created = await institution.client.post("/api/applications", {
      batchId,
      kind: "training",
      occupation: "ai",
      levels: ["junior"],
      applicantCategory: "university",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const application = created.body.application;
    const template = getFormTemplate(application.templateId);
    if (!template) throw new Error("no template");
    const values = completeValues(template, { creditCode: institution.creditCode, occupation: "ai" });
    const url = `/api/applications/${application.id}/draft`;
    let revision = application.draftRevision;
    const costs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const saved = await counter.cost(institution.client, url, {
        method: "PUT",
        body: { values, baseRevision: revision },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      revision = saved.body.draftRevision;
      costs.push(saved.queries);
    }
    console.log(`queries per autosave on ${kind}`, JSON.stringify(costs));
    // The first save may also read the batch definition into the instance's cache, or touch the session.
    for (const cost of costs.slice(1)) expect(cost).toBeLessThanOrEqual(kind === "postgres" ? 3 : 6);
  });

  it("ranks, counts and queues 10 applications with as many queries as 2", async () => {
    const small = await reviewedBatch(SMALL);
    const large = await reviewedBatch(LARGE);
    const smallNational = await provincialBatch(SMALL);
    const largeNational = await provincialBatch(LARGE);

    const pages: {
      name: string;
      client: TestClient;
      url: (batchId: string) => string;
      rows: (body: any) => number;
    }[] = [
      {
        name: "ranking",
        client: office,
        url: (batchId) => `/api/review/${batchId}/ranking`,
        rows: (body) =>
          body.groups.reduce((sum: number, group: { items: unknown[] }) => sum + group.items.length, 0),
      },
      {
        name: "dashboard",
        client: office,
        url: (batchId) => `/api/stats/dashboard?batchId=${batchId}`,
        rows: (body) => body.totals.submitted,
      },
      {
        name: "centre queue",
        client: centre,
        url: (batchId) => `/api/recommendation-queue?batchId=${batchId}`,
        rows: (body) => body.items.length,
      },
    ];
    const counts: Record<string, [number, number]> = {};
    for (const page of pages) {
      const a = await counter.cost(page.client, page.url(small));
      const b = await counter.cost(page.client, page.url(large));
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(b.status, JSON.stringify(b.body)).toBe(200);
      expect(page.rows(a.body)).toBe(SMALL);
      expect(page.rows(b.body)).toBe(LARGE);
      counts[page.name] = [a.queries, b.queries];
    }
    const a = await counter.cost(recommender, `/api/recommendation-queue?batchId=${smallNational}`);
    const b = await counter.cost(recommender, `/api/recommendation-queue?batchId=${largeNational}`);
    expect(a.body.items).toHaveLength(SMALL);
    expect(b.body.items).toHaveLength(LARGE);
    counts["recommender queue"] = [a.queries, b.queries];

    console.log(`queries per page on ${kind} (${SMALL} vs ${LARGE} applications)`, JSON.stringify(counts));
    for (const [name, [smallCount, largeCount]] of Object.entries(counts)) {
      expect(largeCount, name).toBe(smallCount);
      expect(smallCount, name).toBeGreaterThan(0);
      expect(smallCount, name).toBeLessThanOrEqual(20);
    }
  }, 180_000);
});
