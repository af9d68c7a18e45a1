/*
 * The world bench/linear-cost.ts measures: a few applications made through the owning modules (the
 * API, as the tests' factories do), then as many copies of their rows as the size asks, written
 * straight into the tables in chunks. A copy is a template's application with its own institution
 * and every row the four pages read (version, paper receipt, formal check, expert assignments and
 * score sheets), under new ids, a new credit code and a new 申报编号.
 */
import crypto from "node:crypto";
import {
  computeCreditCodeCheckChar,
  defaultRubric,
  formatApplicationNumber,
  nationalBatch2,
  shanghaiBatch3,
} from "@linxuan/domain";
import type { Db } from "../packages/server/src/db/connection";
import {
  publishOpenBatch,
  signedInStaff,
  submitCompleteApplication,
} from "../packages/server/src/test/factories";
import type { TestClient, TestContext } from "../packages/server/src/test/harness";
import {
  acceptPledges,
  assignedReview,
  expertPool,
  formallyCheckedApplications,
} from "../packages/server/src/test/review-factories";

/** Applications made through the API per batch; the rest are copies of these. */
export const TEMPLATES = 3;
/** Copies per transaction: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 200;

export type World = {
  office: TestClient;
  centre: TestClient;
  recommender: TestClient;
  /** The Shanghai batch: applications reviewed by two experts each, scores opened. */
  reviewBatchId: string;
  /** The national batch: Zhejiang training applications submitted, in the province's queue. */
  nationalBatchId: string;
  /** Adds copies until each batch holds `size` applications. */
  grow: (size: number) => Promise<void>;
};

const rubric = defaultRubric("training");
const fullSheet = (score: number) => ({
  scores: Object.fromEntries(rubric.criteria.map((c) => [c.key, score])),
  rationales: Object.fromEntries(rubric.criteria.map((c) => [c.key, `${c.title}：材料翔实，符合要求。`])),
  overall: "综合评议：该机构基础扎实，建议纳入目录。",
});

export async function buildWorld(ctx: TestContext): Promise<World> {
  const office = (await signedInStaff(ctx, "provincialOffice", { regionCode: "310000" })).client;
  const centre = (await signedInStaff(ctx, "receivingCentre", { regionCode: "310000" })).client;
  const recommender = (await signedInStaff(ctx, "provincialRecommender", { regionCode: "330000" })).client;
  const experts = await expertPool(ctx, office, [
    { name: "钱立新", employer: "浙江大学计算机科学与技术学院", regionCode: "330000" },
    { name: "吴海燕", employer: "南京大学软件学院", regionCode: "320000" },
  ]);

  const reviewBatchId = await publishOpenBatch(ctx, shanghaiBatch3);
  const reviewed = await formallyCheckedApplications(ctx, {
    batchId: reviewBatchId,
    occupation: "ai",
    count: TEMPLATES,
  });
  await assignedReview(office, reviewBatchId, { perApplication: 2, maxLoad: TEMPLATES });
  for (const [index, expert] of experts.entries()) {
    await acceptPledges(expert.client);
    const list = await expert.client.get("/api/expert/assignments");
    for (const item of list.body.items) {
      const opened = await expert.client.get(`/api/expert/assignments/${item.id}`);
      const submitted = await expert.client.post(`/api/expert/assignments/${item.id}/submit`, {
        ...fullSheet(6 + index),
        revision: opened.body.sheet?.revision ?? 0,
      });
      if (submitted.status !== 200) throw new Error(`sheet failed: ${JSON.stringify(submitted.body)}`);
    }
  }
  const opened = await office.post(`/api/review/${reviewBatchId}/open-scores`);
  if (opened.status !== 200) throw new Error(`open scores failed: ${JSON.stringify(opened.body)}`);

  const nationalBatchId = await publishOpenBatch(ctx, nationalBatch2);
  const queued: string[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const submitted = await submitCompleteApplication(ctx, {
      batchId: nationalBatchId,
      kind: "training",
      occupation: "cloud",
      regionCode: "330000",
    });
    queued.push(submitted.application.id);
  }

  const copiers = [
    await copier(
      ctx.deps.db,
      reviewed.map((app) => app.id),
    ),
    await copier(ctx.deps.db, queued),
  ];
  let size = TEMPLATES;
  return {
    office,
    centre,
    recommender,
    reviewBatchId,
    nationalBatchId,
    grow: async (to) => {
      for (const copy of copiers) await copy(size - TEMPLATES, to - TEMPLATES);
      size = to;
    },
  };
}

/** Serials of the copies' 申报编号, in a year no real submission has: never one a template holds. */
let serial = 0;
/** The same for their credit codes (the templates' come from makeCreditCode, with other letters). */
let institutionSerial = 0;

/**
 * Reads the templates' rows once; the function it returns writes copies `from`..`to` (exclusive),
 * copy i of template i mod TEMPLATES.
 */
async function copier(db: Db, applicationIds: string[]) {
  const applications = await db
    .selectFrom("applications")
    .selectAll()
    .where("id", "in", applicationIds)
    .execute();
  const institutions = await db
    .selectFrom("institutions")
    .selectAll()
    .where(
      "id",
      "in",
      applications.map((app) => app.institutionId),
    )
    .execute();
  const versions = await db
    .selectFrom("applicationVersions")
    .selectAll()
    .where("applicationId", "in", applicationIds)
    .execute();
  const receipts = await db
    .selectFrom("paperReceipts")
    .selectAll()
    .where("applicationId", "in", applicationIds)
    .execute();
  const checks = await db
    .selectFrom("formalChecks")
    .selectAll()
    .where("applicationId", "in", applicationIds)
    .execute();
  const assignments = await db
    .selectFrom("reviewAssignments")
    .selectAll()
    .where("applicationId", "in", applicationIds)
    .execute();
  const assignmentIds = assignments.map((row) => row.id);
  const sheets = assignmentIds.length
    ? await db.selectFrom("scoreSheets").selectAll().where("assignmentId", "in", assignmentIds).execute()
    : [];
  const history = assignmentIds.length
    ? await db.selectFrom("scoreHistory").selectAll().where("assignmentId", "in", assignmentIds).execute()
    : [];
  const templates = applications.map((application) => {
    const of = <T extends { applicationId: string }>(rows: T[]) =>
      rows.filter((row) => row.applicationId === application.id);
    const own = of(assignments);
    const byAssignment = <T extends { assignmentId: string }>(rows: T[]) =>
      rows.filter((row) => own.some((assignment) => assignment.id === row.assignmentId));
    const institution = institutions.find((row) => row.id === application.institutionId);
    if (!institution) throw new Error(`no institution for ${application.id}`);
    return {
      application,
      institution,
      versions: of(versions),
      receipts: of(receipts),
      checks: of(checks),
      assignments: own,
      sheets: byAssignment(sheets),
      history: byAssignment(history),
    };
  });

  return async (from: number, to: number) => {
    for (let start = from; start < to; start += CHUNK) {
      const copies = Array.from({ length: Math.min(CHUNK, to - start) }, (_, offset) => {
        const t = templates[(start + offset) % templates.length] as (typeof templates)[number];
        const institutionId = crypto.randomUUID();
        const applicationId = crypto.randomUUID();
        const n = ++institutionSerial;
        const body = `91${(t.institution.regionCode ?? "310000").slice(0, 2)}0101MB${String(n).padStart(7, "0")}`;
        const assignmentIds = new Map(t.assignments.map((row) => [row.id, crypto.randomUUID()]));
        const assignmentOf = (id: string) => assignmentIds.get(id) as string;
        return {
          institution: {
            ...t.institution,
            id: institutionId,
            creditCode: `${body}${computeCreditCodeCheckChar(body)}`,
            name: `${t.institution.name}${n}`,
          },
          application: {
            ...t.application,
            id: applicationId,
            institutionId,
            number: formatApplicationNumber(2099, t.application.kind, ++serial),
          },
          versions: t.versions.map((row) => ({ ...row, id: crypto.randomUUID(), applicationId })),
          receipts: t.receipts.map((row) => ({ ...row, applicationId })),
          checks: t.checks.map((row) => ({ ...row, applicationId })),
          assignments: t.assignments.map((row) => ({ ...row, id: assignmentOf(row.id), applicationId })),
          sheets: t.sheets.map((row) => ({ ...row, assignmentId: assignmentOf(row.assignmentId) })),
          history: t.history.map((row) => ({
            ...row,
            id: crypto.randomUUID(),
            assignmentId: assignmentOf(row.assignmentId),
          })),
        };
      });
      const versionRows = copies.flatMap((copy) => copy.versions);
      const receiptRows = copies.flatMap((copy) => copy.receipts);
      const checkRows = copies.flatMap((copy) => copy.checks);
      const assignmentRows = copies.flatMap((copy) => copy.assignments);
      const sheetRows = copies.flatMap((copy) => copy.sheets);
      const historyRows = copies.flatMap((copy) => copy.history);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("institutions")
          .values(copies.map((copy) => copy.institution))
          .execute();
        await trx
          .insertInto("applications")
          .values(copies.map((copy) => copy.application))
          .execute();
        if (versionRows.length) await trx.insertInto("applicationVersions").values(versionRows).execute();
        if (receiptRows.length) await trx.insertInto("paperReceipts").values(receiptRows).execute();
        if (checkRows.length) await trx.insertInto("formalChecks").values(checkRows).execute();
        if (assignmentRows.length) await trx.insertInto("reviewAssignments").values(assignmentRows).execute();
        if (sheetRows.length) await trx.insertInto("scoreSheets").values(sheetRows).execute();
        if (historyRows.length) await trx.insertInto("scoreHistory").values(historyRows).execute();
      });
    }
  };
}
