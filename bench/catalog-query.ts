/*
 * The public catalog query over 10,000 entries at 50 connections, side by side with a bare Fastify
 * route doing the same work on the same file: the same filtered page and its count through
 * prepared better-sqlite3 statements. Prints requests/s, latency percentiles and their ratio, and
 * the time of the uncached catalog query at 1,000 and at 10,000 entries; asserts nothing.
 *
 *   node --import tsx bench/catalog-query.ts      (npm run catalog --workspace @linxuan/bench)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import {
  computeCreditCodeCheckChar,
  type KindCode,
  kindCodes,
  levelCodes,
  makeDemoBatch,
  nationalBatch2,
  nationalEvaluationV1,
  nationalTrainingV1,
  type OccupationCode,
  occupationCodes,
  regionCodes,
  regionShortName,
  shanghaiBatch3,
  shanghaiTrainingV1,
} from "@linxuan/domain";
import autocannon, { type Result } from "autocannon";
import SQLite from "better-sqlite3";
import Fastify, { type FastifyInstance } from "fastify";
import { buildApp } from "../packages/server/src/app";
import { openRuntime } from "../packages/server/src/bootstrap";
import type { Db } from "../packages/server/src/db/connection";
import { findBatchRowByCode, insertBatch } from "../packages/server/src/features/batches/queries";
import { bumpCatalogState } from "../packages/server/src/features/catalog/queries";
import { queryCatalog } from "../packages/server/src/features/catalog/service";
import type { Deps } from "../packages/server/src/http/deps";
import { benchConfig } from "./bench-config";

const ENTRIES = Number(process.env.LINXUAN_BENCH_CATALOG_ENTRIES ?? 10_000);
const CONNECTIONS = 50;
const WARMUP_SECONDS = 3;
/** Measured rounds per route, alternating between the two, so a burst of load elsewhere on the machine falls on both. */
const ROUNDS = 3;
const MEASURE_SECONDS = 5;
const PAGE_SIZE = 20;
const CHUNK = 500;
/** Whatever happens, the process ends after this long. */
const WATCHDOG_MS = 240_000;

/** A small seeded generator, so every run stores the same catalog. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SHANGHAI = shanghaiBatch3.scope.level === "region" ? shanghaiBatch3.scope.regionCode : "310000";
const NAME_STEMS = [
  "数字技术",
  "智能科技",
  "信息技术",
  "数智人才",
  "云创",
  "工业互联",
  "芯片设计",
  "数据科学",
];
const NAME_KINDS = ["培训中心", "职业技能培训学校", "研究院", "继续教育学院", "评价中心", "科技有限公司"];

/**
 * 10,000 institutions, each with one application (status listed) and its catalog entry with the
 * first version of its public history, written straight to the database in chunks. Each
 * occupation × region pair gets 31 or 32 entries; kinds, levels and validity come from a seeded
 * generator, validUntil spread over the next 3 years. Training entries of Shanghai institutions in
 * the Shanghai batch's occupations belong to the published Shanghai batch, all others to the
 * built-in national second batch (both kinds, all occupations), as a real catalog mixes batches.
 */
const random = mulberry32(20261127);
const runId = crypto.randomBytes(3).toString("hex");

async function seedCatalog(
  db: Db,
  now: Date,
  shanghaiBatchId: string,
  nationalBatchId: string,
  from: number,
  to: number,
) {
  const at = now.toISOString();
  const ids: string[] = [];
  for (let start = from; start < to; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, to - start) }, (_, offset) => {
      const i = start + offset;
      const occupation = occupationCodes[i % occupationCodes.length] as OccupationCode;
      const region = regionCodes[Math.floor(i / occupationCodes.length) % regionCodes.length] as string;
      const kind = kindCodes[Math.floor(random() * kindCodes.length)] as KindCode;
      const firstLevel = Math.floor(random() * levelCodes.length);
      const levels = levelCodes.slice(firstLevel, firstLevel + 1 + Math.floor(random() * 2));
      const validUntil = new Date(now.getTime() + Math.floor(random() * 3 * 365 * 86_400_000));
      const approvedAt = new Date(validUntil.getTime() - 3 * 365 * 86_400_000).toISOString();
      const inShanghaiBatch =
        kind === "training" &&
        region === SHANGHAI &&
        (shanghaiBatch3.occupations as readonly string[]).includes(occupation);
      const template =
        kind === "evaluation"
          ? nationalEvaluationV1
          : inShanghaiBatch
            ? shanghaiTrainingV1
            : nationalTrainingV1;
      const body = `91${region.slice(0, 2)}0101MA${String(i).padStart(7, "0")}`;
      const name = `${regionShortName(region)}${NAME_STEMS[i % NAME_STEMS.length]}${NAME_KINDS[Math.floor(random() * NAME_KINDS.length)]}${runId}-${i}`;
      const institutionId = crypto.randomUUID();
      const applicationId = crypto.randomUUID();
      const entry = {
        id: crypto.randomUUID(),
        institutionId,
        applicationId,
        batchId: inShanghaiBatch ? shanghaiBatchId : nationalBatchId,
        institutionName: name,
        creditCode: `${body}${computeCreditCodeCheckChar(body)}`,
        kind,
        occupation,
        levels: JSON.stringify(levels),
        regionCode: region,
        approvedAt,
        validUntil: validUntil.toISOString(),
        // A few suspended ones, so the derived status varies.
        suspended: random() < 0.02 ? 1 : 0,
        removed: 0,
        contactName: null,
        contactPhoneEnc: null,
        contactEmail: null,
        version: 1,
        updatedAt: at,
      };
      return { entry, template };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("institutions")
        .values(
          rows.map(({ entry }, n) => ({
            id: entry.institutionId,
            creditCode: entry.creditCode,
            name: entry.institutionName,
            contactName: "张老师",
            phoneEnc: null,
            email: `catalog-${start + n}@example.cn`,
            regionCode: entry.regionCode,
            creditCodeWarningConfirmed: 0,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .execute();
      await trx
        .insertInto("applications")
        .values(
          rows.map(({ entry, template }) => ({
            id: entry.applicationId,
            batchId: entry.batchId,
            institutionId: entry.institutionId,
            kind: entry.kind,
            occupation: entry.occupation,
            levels: entry.levels,
            templateId: template.id,
            templateVersion: template.version,
            applicantCategory: "university",
            status: "listed",
            draftValues: "{}",
            draftRevision: 1,
            draftSavedAt: entry.approvedAt,
            draftSavedBy: null,
            commitmentAccepted: 1,
            eligibility: null,
            recommenderType: null,
            recommenderValue: null,
            versionCount: 1,
            returnReason: null,
            returnReplyBy: null,
            returnComments: null,
            firstSubmittedAt: entry.approvedAt,
            lastSubmittedAt: entry.approvedAt,
            createdAt: entry.approvedAt,
            updatedAt: at,
          })),
        )
        .execute();
      await trx
        .insertInto("catalogEntries")
        .values(rows.map(({ entry }) => entry))
        .execute();
      await trx
        .insertInto("catalogEntryVersions")
        .values(
          rows.map(({ entry }) => ({
            id: crypto.randomUUID(),
            entryId: entry.id,
            version: 1,
            change: "listed",
            reason: "公示期满无异议，纳入目录（压测数据）",
            snapshot: JSON.stringify(entry),
            changedAt: at,
            changedBy: "bench",
          })),
        )
        .execute();
      await bumpCatalogState(trx, at);
    });
    for (const { entry } of rows) ids.push(entry.id);
  }
  return ids;
}

/** Every occupation × region pair, pages 1 and 2 (31–32 entries each: a full page and a partial one). */
const CATALOG_PATHS = regionCodes.flatMap((region) =>
  occupationCodes.flatMap((occupation) =>
    [1, 2].map(
      (page) =>
        `/api/public/catalog?occupation=${occupation}&region=${region}&page=${page}&pageSize=${PAGE_SIZE}`,
    ),
  ),
);

type Run = {
  label: string;
  result: Result;
  statusCounts: Record<string, number>;
  firstFailure: string | null;
  /** Every request's time in ms, sorted. */
  times: number[];
  /** Percentiles of the per-request times autocannon reports, unrounded (its histogram keeps whole ms). */
  ms: { p50: number; p90: number; p99: number; max: number; mean: number };
  loopDelayMs: { p99: number; max: number };
};

/** autocannon against one base URL, each request taking the next path of the shared cycle. */
async function load(label: string, baseUrl: string, nextPath: () => string, seconds: number): Promise<Run> {
  const statusCounts: Record<string, number> = {};
  let firstFailure: string | null = null;
  const instance = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => ({ ...request, method: "GET", path: nextPath() }),
        onResponse: (status, body) => {
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          if (status >= 300 && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  const times: number[] = [];
  instance.on("response", (_client: object, _status: number, _bytes: number, ms: number) => {
    times.push(ms);
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  // autocannon stops itself after `duration`; this is only a safety net.
  const timer = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  const result = await instance;
  clearTimeout(timer);
  loopDelay.disable();
  times.sort((a, b) => a - b);
  const rank = (p: number) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  return {
    label,
    result,
    statusCounts,
    firstFailure,
    times,
    ms: {
      p50: rank(50),
      p90: rank(90),
      p99: rank(99),
      max: rank(100),
      mean: times.reduce((sum, ms) => sum + ms, 0) / Math.max(1, times.length),
    },
    loopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  };
}

async function warmUp(label: string, baseUrl: string, nextPath: () => string): Promise<void> {
  const warmup = await load(label, baseUrl, nextPath, WARMUP_SECONDS);
  console.log(
    `  ${label}: warm-up ${warmup.result.requests.total} requests in ${WARMUP_SECONDS} s (not counted)`,
  );
}

/** The rounds of one route as one run: requests and durations summed, percentiles over all requests. */
function merged(runs: Run[]): Run {
  const first = runs[0] as Run;
  const times = runs.flatMap((run) => run.times).sort((a, b) => a - b);
  const rank = (p: number) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
  const sum = (value: (run: Run) => number) => runs.reduce((total, run) => total + value(run), 0);
  const statusCounts: Record<string, number> = {};
  for (const run of runs)
    for (const [status, n] of Object.entries(run.statusCounts))
      statusCounts[status] = (statusCounts[status] ?? 0) + n;
  return {
    label: first.label,
    result: {
      ...first.result,
      requests: {
        ...first.result.requests,
        total: sum((run) => run.result.requests.total),
        sent: sum((run) => run.result.requests.sent),
      },
      duration: sum((run) => run.result.duration),
      non2xx: sum((run) => run.result.non2xx),
      errors: sum((run) => run.result.errors),
      timeouts: sum((run) => run.result.timeouts),
      latency: { ...first.result.latency, p50: rank(50), p90: rank(90), p99: rank(99), max: rank(100) },
    },
    statusCounts,
    firstFailure: runs.find((run) => run.firstFailure)?.firstFailure ?? null,
    times,
    ms: {
      p50: rank(50),
      p90: rank(90),
      p99: rank(99),
      max: rank(100),
      mean: sum((run) => run.ms.mean * run.times.length) / Math.max(1, times.length),
    },
    loopDelayMs: {
      p99: Math.max(...runs.map((run) => run.loopDelayMs.p99)),
      max: Math.max(...runs.map((run) => run.loopDelayMs.max)),
    },
  };
}

const rps = (run: Run) => run.result.requests.total / run.result.duration;

function report(run: Run): void {
  const r = run.result;
  const line = (label: string, text: string) => console.log(`    ${label.padEnd(20)}${text}`);
  line("requests", `${r.requests.total} in ${r.duration.toFixed(2)} s (sent ${r.requests.sent})`);
  line("requests/s", rps(run).toFixed(1));
  line(
    "latency ms",
    `p50 ${run.ms.p50.toFixed(2)}  p90 ${run.ms.p90.toFixed(2)}  p99 ${run.ms.p99.toFixed(2)}  max ${run.ms.max.toFixed(2)}  (mean ${run.ms.mean.toFixed(2)})`,
  );
  line(
    "  autocannon (ms)",
    `p50 ${r.latency.p50}  p90 ${r.latency.p90}  p99 ${r.latency.p99}  max ${r.latency.max}`,
  );
  line("non-2xx", `${r.non2xx}  ${JSON.stringify(run.statusCounts)}`);
  line("errors", `${r.errors} (timeouts ${r.timeouts})`);
  line("event-loop delay ms", `p99 ${run.loopDelayMs.p99.toFixed(0)}  max ${run.loopDelayMs.max.toFixed(0)}`);
  if (run.firstFailure) line("first failure", run.firstFailure);
}

function table(real: Run, bare: Run): void {
  const fixed = (digits: number) => (value: number) => value.toFixed(digits);
  const rows: [string, (run: Run) => number, (value: number) => string, boolean][] = [
    ["requests", (run) => run.result.requests.total, fixed(0), false],
    ["requests/s", rps, fixed(1), true],
    ["latency p50 (ms)", (run) => run.ms.p50, fixed(2), true],
    ["latency p90 (ms)", (run) => run.ms.p90, fixed(2), true],
    ["latency p99 (ms)", (run) => run.ms.p99, fixed(2), true],
    ["latency max (ms)", (run) => run.ms.max, fixed(2), true],
    ["non-2xx", (run) => run.result.non2xx, fixed(0), false],
    ["errors", (run) => run.result.errors, fixed(0), false],
  ];
  const width = 16;
  const header = ["real catalog", "bare page", "real / bare"];
  console.log(`\n${"".padEnd(20)}${header.map((h) => h.padStart(width)).join("")}`);
  for (const [label, value, format, ratio] of rows) {
    const a = value(real);
    const b = value(bare);
    const cells = [format(a), format(b), ratio && b > 0 ? `${(a / b).toFixed(3)}×` : ""];
    console.log(`${label.padEnd(20)}${cells.map((cell) => cell.padStart(width)).join("")}`);
  }
}

/**
 * The comparison point: one route, no plugins, doing the real route's database work on the same
 * file with prepared statements: the page of the same filters (occupation and region), in the
 * same order, and its count.
 */
async function startBare(file: string): Promise<{ app: FastifyInstance; close: () => void }> {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  const page = sqlite.prepare(
    "select * from catalog_entries where occupation = ? and region_code = ? order by institution_name, id limit ? offset ?",
  );
  const count = sqlite.prepare(
    "select count(*) as n from catalog_entries where occupation = ? and region_code = ?",
  );
  const app = Fastify({ logger: false });
  app.get<{ Querystring: { occupation: string; region: string; page: string; pageSize: string } }>(
    "/api/public/catalog",
    async (request) => {
      const { occupation, region } = request.query;
      const pageSize = Number(request.query.pageSize);
      const items = page.all(occupation, region, pageSize, (Number(request.query.page) - 1) * pageSize);
      const { n } = count.get(occupation, region) as { n: number };
      return { items, total: n };
    },
  );
  await app.listen({ host: "127.0.0.1", port: 0 });
  return { app, close: () => sqlite.close() };
}

/**
 * The catalog query's own cost, uncached: every path of the cycle once through the service
 * (page, count and batch titles, mapped to the public shape), in milliseconds.
 */
async function uncachedQueryMs(deps: Deps): Promise<number> {
  const now = deps.clock();
  const queries = CATALOG_PATHS.map((path) => {
    const params = new URL(path, "http://x").searchParams;
    return {
      occupation: (params.get("occupation") ?? undefined) as OccupationCode | undefined,
      region: params.get("region") ?? undefined,
      page: Number(params.get("page")),
      pageSize: Number(params.get("pageSize")),
    };
  });
  // Once to warm the statement paths, then measured.
  for (const query of queries.slice(0, 20)) await queryCatalog(deps, query, now);
  const started = performance.now();
  for (const query of queries) await queryCatalog(deps, query, now);
  return performance.now() - started;
}

/** Makes sure a route answers as expected before it is measured. */
async function check(url: string, accept: (body: unknown) => string | null): Promise<void> {
  const response = await fetch(url);
  const body = (await response.json()) as unknown;
  const problem = response.status !== 200 ? `status ${response.status}` : accept(body);
  if (problem) throw new Error(`${url}: ${problem} — ${JSON.stringify(body).slice(0, 300)}`);
}

async function main(): Promise<void> {
  const { config, dataDir } = benchConfig(null);
  const { deps, handle } = await openRuntime(config);
  const app = await buildApp(deps, { logger: false });
  let bare: { app: FastifyInstance; close: () => void } | null = null;
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const realUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const setupStarted = performance.now();
    const batches = await seedBatches(deps);
    const tenth = Math.floor(ENTRIES / 10);
    let ids = await seedCatalog(deps.db, deps.clock(), batches.shanghai, batches.national, 0, tenth);
    const smallMs = await uncachedQueryMs(deps);
    ids = ids.concat(
      await seedCatalog(deps.db, deps.clock(), batches.shanghai, batches.national, tenth, ENTRIES),
    );
    console.log(
      `  ${ids.length} catalog entries (with institutions, applications and versions) ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );
    const largeMs = await uncachedQueryMs(deps);
    console.log(
      `\nUncached catalog query (service: page + count + batch titles), all ${CATALOG_PATHS.length} paths once:`,
    );
    console.log(
      `  at ${tenth} entries: ${smallMs.toFixed(1)} ms (${(smallMs / CATALOG_PATHS.length).toFixed(3)} ms per query)`,
    );
    console.log(
      `  at ${ENTRIES} entries: ${largeMs.toFixed(1)} ms (${(largeMs / CATALOG_PATHS.length).toFixed(3)} ms per query)`,
    );
    console.log(`catalog: time at 10x data = ${(largeMs / smallMs).toFixed(2)}x`);

    bare = await startBare(handle.location);
    const bareUrl = `http://127.0.0.1:${(bare.app.server.address() as AddressInfo).port}`;

    await check(`${realUrl}${CATALOG_PATHS[0]}`, (body) => {
      const { items, total } = body as { items?: unknown[]; total?: number };
      return Array.isArray(items) && items.length > 0 && typeof total === "number" && total > 0
        ? null
        : "expected items and total > 0";
    });
    await check(`${bareUrl}${CATALOG_PATHS[0]}`, (body) => {
      const { items, total } = body as { items?: unknown[]; total?: number };
      return Array.isArray(items) && items.length > 0 && typeof total === "number" && total > 0
        ? null
        : "expected items and total > 0";
    });

    let realCursor = 0;
    let bareCursor = 0;
    const realPath = () => CATALOG_PATHS[realCursor++ % CATALOG_PATHS.length] as string;
    const barePath = () => CATALOG_PATHS[bareCursor++ % CATALOG_PATHS.length] as string;
    console.log(
      `\nGET /api/public/catalog: real app and bare Fastify (the same page and count, prepared statements), ${CATALOG_PATHS.length} filter/page combinations, ${ROUNDS} alternating rounds of ${MEASURE_SECONDS} s`,
    );
    await warmUp("real", realUrl, realPath);
    await warmUp("bare", bareUrl, barePath);
    const realRuns: Run[] = [];
    const bareRuns: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (["real", "bare"] as const) : (["bare", "real"] as const);
      for (const which of order) {
        const run =
          which === "real"
            ? await load("real", realUrl, realPath, MEASURE_SECONDS)
            : await load("bare", bareUrl, barePath, MEASURE_SECONDS);
        (which === "real" ? realRuns : bareRuns).push(run);
        console.log(`  round ${round + 1} ${which}: ${rps(run).toFixed(1)} requests/s`);
      }
    }
    const real = merged(realRuns);
    const bareRun = merged(bareRuns);
    console.log("\nreal (all rounds)");
    report(real);
    console.log("\nbare (all rounds)");
    report(bareRun);
    table(real, bareRun);
    console.log(
      `\nload average: ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")} (${os.cpus().length} cores)`,
    );
    console.log(`catalog: real/bare requests/s = ${(rps(real) / rps(bareRun)).toFixed(2)}`);
  } finally {
    if (bare) {
      await bare.app.close();
      bare.close();
    }
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The published Shanghai demo batch (as the tests' publishOpenBatch does) and the national one. */
async function seedBatches(deps: Deps): Promise<{ shanghai: string; national: string }> {
  const now = deps.clock();
  const shanghaiBatchId = crypto.randomUUID();
  await insertBatch(deps.db, {
    id: shanghaiBatchId,
    status: "published",
    builtIn: false,
    isDemo: true,
    definition: { ...makeDemoBatch(shanghaiBatch3, now), code: `bench-${shanghaiBatchId.slice(0, 8)}` },
    now: now.toISOString(),
    createdBy: null,
  });
  const national = await findBatchRowByCode(deps.db, nationalBatch2.code);
  if (!national) throw new Error(`built-in batch ${nationalBatch2.code} missing`);
  return { shanghai: shanghaiBatchId, national: national.id };
}

const watchdog = setTimeout(() => {
  console.error(`catalog-query: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

console.log(
  `Catalog query: ${ENTRIES} entries, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${ROUNDS} × ${MEASURE_SECONDS} s per route; load generator in the same process (SQLite)`,
);
await main();
