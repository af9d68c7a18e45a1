import crypto from "node:crypto";
import {
  EXPIRING_WITHIN_DAYS,
  nationalBatch2,
  nationalTrainingV1,
  type OccupationCode,
} from "@linxuan/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { listedCatalogEntries, makeCreditCode, unique } from "../../test/factories";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";
import { queryCounter } from "../../test/query-counter";
import { bumpCatalogState } from "./queries";

/**
 * `count` catalog entries of one occupation written straight into the database (with their
 * institutions and applications), as another process's write would land: the stamp is bumped in
 * the same transaction but this process is not told.
 */
async function seedEntries(db: Db, count: number, occupation: OccupationCode, now: Date): Promise<void> {
  const batch = await db
    .selectFrom("batches")
    .select("id")
    .where("code", "=", nationalBatch2.code)
    .executeTakeFirstOrThrow();
  const at = now.toISOString();
  const rows = Array.from({ length: count }, (_, i) => {
    const creditCode = makeCreditCode();
    return {
      institutionId: crypto.randomUUID(),
      applicationId: crypto.randomUUID(),
      creditCode,
      name: `${unique()}数字技术培训中心${i}`,
      // Spread over three years, so pages mix statuses and their boundaries.
      validUntil: new Date(now.getTime() + (i + 1) * 5 * 86_400_000).toISOString(),
    };
  });
  // In chunks: one statement's parameters stay under SQLite's and PostgreSQL's limits.
  for (let start = 0; start < rows.length; start += 500) {
    await writeEntries(db, rows.slice(start, start + 500), batch.id, occupation, at);
  }
}

async function writeEntries(
  db: Db,
  rows: {
    institutionId: string;
    applicationId: string;
    creditCode: string;
    name: string;
    validUntil: string;
  }[],
  batchId: string,
  occupation: OccupationCode,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("institutions")
      .values(
        rows.map((row) => ({
          id: row.institutionId,
          creditCode: row.creditCode,
          name: row.name,
          contactName: "张老师",
          phoneEnc: null,
          email: `${row.institutionId}@example.cn`,
          regionCode: "310000",
          creditCodeWarningConfirmed: 0,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
    await trx
      .insertInto("applications")
      .values(
        rows.map((row) => ({
          id: row.applicationId,
          batchId,
          institutionId: row.institutionId,
          kind: "training",
          occupation,
          levels: JSON.stringify(["junior"]),
          templateId: nationalTrainingV1.id,
          templateVersion: nationalTrainingV1.version,
          applicantCategory: "university",
          status: "listed",
          draftValues: "{}",
          draftRevision: 1,
          draftSavedAt: at,
          draftSavedBy: null,
          commitmentAccepted: 1,
          eligibility: null,
          recommenderType: null,
          recommenderValue: null,
          versionCount: 1,
          returnReason: null,
          returnReplyBy: null,
          returnComments: null,
          firstSubmittedAt: at,
          lastSubmittedAt: at,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
    await trx
      .insertInto("catalogEntries")
      .values(
        rows.map((row) => ({
          id: crypto.randomUUID(),
          institutionId: row.institutionId,
          applicationId: row.applicationId,
          batchId,
          institutionName: row.name,
          creditCode: row.creditCode,
          kind: "training",
          occupation,
          levels: JSON.stringify(["junior"]),
          regionCode: "310000",
          approvedAt: at,
          validUntil: row.validUntil,
          suspended: 0,
          removed: 0,
          contactName: null,
          contactPhoneEnc: null,
          contactEmail: null,
          version: 1,
          updatedAt: at,
        })),
      )
      .execute();
    await bumpCatalogState(trx, at);
  });
}

describe.each(testDatabases)("public catalog cache on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("shows a write on one instance on another within a second, whichever process wrote", async () => {
    const listed = await listedCatalogEntries(ctx, { count: 1, occupation: "blockchain" });
    const other = await ctx.startInstance();
    const url = "/api/public/catalog?occupation=blockchain";
    // Held near the real time, so the office's session stays alive.
    const t0 = Date.now();
    ctx.setNow(new Date(t0));
    try {
      const before = await other.client().get(url);
      expect(before.body.items[0]).toMatchObject({ id: listed.entries[0]?.entryId, statusName: "有效" });

      // Through the API of the first instance.
      const suspended = await listed.office.post(`/api/catalog/${listed.entries[0]?.entryId}/adjust`, {
        action: "suspend",
        reason: "接到投诉，调查期间暂停",
      });
      expect(suspended.status).toBe(200);
      ctx.setNow(new Date(t0 + 1_000));
      expect((await other.client().get(url)).body.items[0].statusName).toBe("暂停");

      // Straight into the database, as an instance in another process writes: nothing in this
      // process hears of it but the stamp.
      await seedEntries(ctx.deps.db, 2, "blockchain", new Date(t0));
      ctx.setNow(new Date(t0 + 2_000));
      expect((await other.client().get(url)).body.total).toBe(3);
      expect((await ctx.client().get(url)).body.total).toBe(3);
    } finally {
      ctx.setNow(null);
      await other.close();
    }
  });

  it("answers 304 to a matching If-None-Match until the catalog changes", async () => {
    const listed = await listedCatalogEntries(ctx, { count: 1, occupation: "ai" });
    const entryId = listed.entries[0]?.entryId as string;
    const conditional = (url: string, etag?: string) =>
      ctx.app.inject({ method: "GET", url, headers: etag ? { "if-none-match": etag } : {} });

    for (const url of [
      "/api/public/catalog?occupation=ai",
      `/api/public/catalog/${entryId}`,
      "/api/public/catalog.csv?occupation=ai",
      "/api/public/catalog.xlsx?occupation=ai",
    ]) {
      const first = await conditional(url);
      expect(first.statusCode).toBe(200);
      expect(first.headers["cache-control"]).toBe("public, no-cache");
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"c[\w-]+"$/);
      const again = await conditional(url, etag);
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe("");
      expect((await conditional(url, `W/${etag}, "other"`)).statusCode).toBe(304);
      expect((await conditional(url, '"other"')).statusCode).toBe(200);
    }
    // The same filters in another order are the same answer.
    const a = await conditional("/api/public/catalog?occupation=ai&kind=training");
    const b = await conditional("/api/public/catalog?kind=training&occupation=ai");
    expect(b.headers.etag).toBe(a.headers.etag);

    const list = await conditional("/api/public/catalog?occupation=ai");
    const detail = await conditional(`/api/public/catalog/${entryId}`);
    const csv = await conditional("/api/public/catalog.csv?occupation=ai");
    const removed = await listed.office.post(`/api/catalog/${entryId}/adjust`, {
      action: "remove",
      reason: "评估不合格，移出目录",
    });
    expect(removed.status).toBe(200);

    const listAfter = await conditional("/api/public/catalog?occupation=ai", String(list.headers.etag));
    expect(listAfter.statusCode).toBe(200);
    expect(listAfter.headers.etag).not.toBe(list.headers.etag);
    expect(listAfter.json().items[0]).toMatchObject({ id: entryId, statusName: "已移出" });
    const detailAfter = await conditional(`/api/public/catalog/${entryId}`, String(detail.headers.etag));
    expect(detailAfter.statusCode).toBe(200);
    expect(detailAfter.json().history.map((item: { change: string }) => item.change)).toEqual([
      "listed",
      "removed",
    ]);
    const csvAfter = await conditional("/api/public/catalog.csv?occupation=ai", String(csv.headers.etag));
    expect(csvAfter.statusCode).toBe(200);
    expect(csvAfter.body).toContain("已移出");
  });

  it("moves an entry to 即将到期 when the clock crosses the boundary, without a write", async () => {
    const day = 86_400_000;
    const now = Date.parse("2027-06-01T00:00:00.000Z");
    ctx.setNow(new Date(now));
    try {
      // Its validity ends at `now` (five days after the seeding time given).
      await seedEntries(ctx.deps.db, 1, "industrial_internet", new Date(now - 5 * day));
      const url = "/api/public/catalog?occupation=industrial_internet&status=expiring";
      ctx.setNow(new Date(now - (EXPIRING_WITHIN_DAYS + 1) * day));
      expect((await ctx.client().get(url)).body.total).toBe(0);
      // A day later it is within the expiring window: no write since, yet the answer changes.
      ctx.setNow(new Date(now - (EXPIRING_WITHIN_DAYS - 0.5) * day));
      const expiring = await ctx.client().get(url);
      expect(expiring.body.total).toBe(1);
      expect(expiring.body.items[0].statusName).toBe("即将到期");
    } finally {
      ctx.setNow(null);
    }
  });

  it("streams an export longer than one read slice whole, each entry once", async () => {
    await seedEntries(ctx.deps.db, 1_050, "integrated_circuit", new Date());
    const csv = await ctx.client().get("/api/public/catalog.csv?occupation=integrated_circuit");
    expect(csv.status).toBe(200);
    const lines = csv.raw.toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(1_051);
    const names = lines.slice(1).map((line) => line.split(",")[0] ?? "");
    expect(new Set(names).size).toBe(1_050);
  });

  it("reads a catalog page and an export with the same number of queries for 10 rows as for 200", async () => {
    const counter = await queryCounter(ctx);
    const { app } = counter;
    const now = Date.parse("2027-06-01T00:00:00.000Z");
    try {
      ctx.setNow(new Date(now));
      await seedEntries(ctx.deps.db, 10, "big_data", new Date(now));
      await seedEntries(ctx.deps.db, 200, "virtual_reality", new Date(now));
      const costOf = async (url: string, step: number) => {
        // A new stamp and a second later: nothing cached, the whole work is counted.
        await bumpCatalogState(ctx.deps.db, new Date(now + step).toISOString());
        ctx.setNow(new Date(now + step * 1_000));
        let response: Awaited<ReturnType<typeof app.inject>> | undefined;
        const queries = await counter.count(async () => {
          response = await app.inject({ method: "GET", url });
        });
        if (!response) throw new Error("no response");
        expect(response.statusCode).toBe(200);
        return { queries, response };
      };
      const small = await costOf("/api/public/catalog?occupation=big_data&pageSize=200", 1);
      const large = await costOf("/api/public/catalog?occupation=virtual_reality&pageSize=200", 2);
      expect(small.response.json().items).toHaveLength(10);
      expect(large.response.json().items).toHaveLength(200);
      expect(large.queries).toBe(small.queries);
      expect(small.queries).toBeLessThanOrEqual(8);

      const smallCsv = await costOf("/api/public/catalog.csv?occupation=big_data", 3);
      const largeCsv = await costOf("/api/public/catalog.csv?occupation=virtual_reality", 4);
      expect(largeCsv.response.body.trim().split("\r\n")).toHaveLength(201);
      expect(largeCsv.queries).toBe(smallCsv.queries);

      // Asked twice at the same moment with no write: the second is answered from the instance's cache.
      await app.inject({ method: "GET", url: "/api/public/catalog?occupation=virtual_reality&pageSize=200" });
      let cached: Awaited<ReturnType<typeof app.inject>> | undefined;
      const queries = await counter.count(async () => {
        cached = await app.inject({
          method: "GET",
          url: "/api/public/catalog?occupation=virtual_reality&pageSize=200",
        });
      });
      expect(cached?.json().items).toHaveLength(200);
      expect(queries).toBe(0);
    } finally {
      ctx.setNow(null);
      await counter.close();
    }
  });
});
