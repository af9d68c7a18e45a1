import fs from "node:fs";
import os from "node:os";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { buildApp } from "../packages/server/src/app";
import { openRuntime } from "../packages/server/src/bootstrap";
import { SESSION_COOKIE } from "../packages/server/src/http/auth";
import type { Deps } from "../packages/server/src/http/deps";
import { createCaptchaRecorder } from "../packages/server/src/test/captcha";
import { TestClient, type TestContext } from "../packages/server/src/test/harness";
import { queryCounter } from "../packages/server/src/test/query-counter";
import { benchConfig } from "./bench-config";
import { buildWorld, TEMPLATES, type World } from "./linear-world";
import { createPostgresSchema } from "./postgres";

const N = Number(process.env.LINXUAN_BENCH_LINEAR_N) || 100;
const WARMUPS = 3;
const REQUESTS = 20;
const WATCHDOG_MS = (Number(process.env.LINXUAN_BENCH_WATCHDOG_SECONDS) || 600) * 1000;

/** The parts of the four answers the bench reads. */
type Body = {
  groups: { items: unknown[] }[];
  totals: { submitted: number };
  items: unknown[];
};

type Page = {
  name: string;
  client: (world: World) => TestClient;
  url: (world: World) => string;
  /** How many of the world's applications the answer shows. */
  rows: (body: Body) => number;
};

const PAGES: Page[] = [
  {
    name: "ranking",
    client: (world) => world.office,
    url: (world) => `/api/review/${world.reviewBatchId}/ranking`,
    rows: (body) => body.groups.reduce((sum, group) => sum + group.items.length, 0),
  },
  {
    name: "dashboard",
    client: (world) => world.office,
    url: (world) => `/api/stats/dashboard?batchId=${world.reviewBatchId}`,
    rows: (body) => body.totals.submitted,
  },
  {
    name: "centre queue",
    client: (world) => world.centre,
    url: (world) => `/api/recommendation-queue?batchId=${world.reviewBatchId}`,
    rows: (body) => body.items.length,
  },
  {
    name: "recommender queue",
    client: (world) => world.recommender,
    url: (world) => `/api/recommendation-queue?batchId=${world.nationalBatchId}`,
    rows: (body) => body.items.length,
  },
];

type Figures = { queries: number; medianMs: number; rows: number };
type Measured = { database: string; setupSeconds: number; pages: Map<string, [Figures, Figures]> };

/** A TestContext over the bench's runtime, so the tests' factories and query counter work on it. */
function contextOf(app: FastifyInstance, deps: Deps, answerOf: (id: string) => string): TestContext {
  return {
    app,
    deps,
    config: deps.config,
    setNow: () => undefined,
    heldAt: () => null,
    client: (options) => new TestClient(app, answerOf, options),
    captchaAnswer: answerOf,
    startInstance: async () => {
      throw new Error("the benchmark runs one instance");
    },
    runJobs: async () => 0,
    close: async () => undefined,
  };
}

/** Median ms of REQUESTS GETs of `url` as `client` through the app, after WARMUPS not counted. */
async function medianMs(app: FastifyInstance, client: TestClient, url: string): Promise<number> {
  const cookie = `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`;
  const times: number[] = [];
  for (let i = 0; i < WARMUPS + REQUESTS; i++) {
    const started = performance.now();
    const response = await app.inject({ method: "GET", url, headers: { cookie } });
    const ms = performance.now() - started;
    if (response.statusCode !== 200)
      throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    if (i >= WARMUPS) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return ((times[(REQUESTS - 1) >> 1] as number) + (times[REQUESTS >> 1] as number)) / 2;
}

async function measure(database: string, databaseUrl: string | null): Promise<Measured> {
  const { config, dataDir } = benchConfig(databaseUrl, {
    rateLimitLoginPerMinute: 100_000,
    rateLimitPublicFormsPerMinute: 100_000,
  });
  const captcha = createCaptchaRecorder();
  const { deps, handle } = await openRuntime(config, undefined, { captchaText: captcha.text });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const ctx = contextOf(app, deps, captcha.answerOf);
  const counter = await queryCounter(ctx);
  try {
    const started = performance.now();
    const world = await buildWorld(ctx);
    const madeSeconds = (performance.now() - started) / 1000;
    console.log(`  ${TEMPLATES} applications per batch made through the API in ${madeSeconds.toFixed(1)} s`);
    const pages = new Map<string, [Figures, Figures]>();
    let setupSeconds = madeSeconds;
    for (const size of [N, 10 * N]) {
      const growing = performance.now();
      await world.grow(size);
      // Tables written in bulk a moment ago have no statistics yet; autovacuum would analyze them
      // within its minute. Without, a plan the connection cached at N (generic, from empty-table
      // guesses) serves 10N: the dashboard's applications query took ~125 ms instead of ~2.
      if (databaseUrl) await sql`analyze`.execute(deps.db);
      const grownSeconds = (performance.now() - growing) / 1000;
      setupSeconds += grownSeconds;
      console.log(`  ${size} applications per batch (copies written in ${grownSeconds.toFixed(1)} s)`);
      for (const page of PAGES) {
        const client = page.client(world);
        const url = page.url(world);
        const counted = await counter.cost(client, url);
        if (counted.status !== 200)
          throw new Error(`${url}: ${counted.status} ${JSON.stringify(counted.body)}`);
        const rows = page.rows(counted.body);
        if (rows !== size) console.log(`  ${page.name}: MISMATCH, ${rows} rows shown, ${size} expected`);
        const figures = { queries: counted.queries, medianMs: await medianMs(app, client, url), rows };
        console.log(
          `    ${page.name.padEnd(18)} ${String(figures.queries).padStart(3)} queries  ${figures.medianMs.toFixed(2).padStart(8)} ms median  (${rows} rows)`,
        );
        const sizes = pages.get(page.name);
        pages.set(page.name, sizes ? [sizes[0], figures] : [figures, figures]);
      }
    }
    return { database, setupSeconds, pages };
  } finally {
    await counter.close();
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const ratio = ([small, large]: [Figures, Figures]) => large.medianMs / small.medianMs;

function table(results: Measured[]): void {
  const head = ["queries N", "queries 10N", "ms N", "ms 10N", "ratio"];
  console.log(`\n${"page".padEnd(30)}${head.map((h) => h.padStart(12)).join("")}`);
  for (const m of results) {
    for (const page of PAGES) {
      const sizes = m.pages.get(page.name);
      if (!sizes) continue;
      const [small, large] = sizes;
      const cells = [
        String(small.queries),
        String(large.queries),
        small.medianMs.toFixed(2),
        large.medianMs.toFixed(2),
        `${ratio(sizes).toFixed(2)}×`,
      ];
      console.log(`${`${page.name} (${m.database})`.padEnd(30)}${cells.map((c) => c.padStart(12)).join("")}`);
    }
    console.log(`${`setup (${m.database})`.padEnd(30)}${`${m.setupSeconds.toFixed(1)} s`.padStart(12)}`);
  }
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`linear-cost: still running after ${WATCHDOG_MS / 1000} s, giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  console.log(
    `Linear cost: ranking, dashboard and recommendation queues at ${N} and ${10 * N} applications per batch; median of ${REQUESTS} requests after ${WARMUPS} warm-ups (app.inject)`,
  );
  const results: Measured[] = [];
  console.log("\nSQLite");
  results.push(await measure("SQLite", null));
  const pg = await createPostgresSchema();
  if (pg) {
    console.log("\nPostgreSQL");
    try {
      results.push(await measure("PostgreSQL", pg.url));
    } finally {
      await pg.drop();
    }
  }
  table(results);
  console.log(
    `\nload average: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")} (${os.cpus().length} cores)`,
  );
  const growing = results.flatMap((m) =>
    PAGES.filter((page) => {
      const sizes = m.pages.get(page.name);
      return sizes && sizes[1].queries !== sizes[0].queries;
    }).map((page) => `${page.name} (${m.database})`),
  );
  if (growing.length) console.log(`queries grow with the data: ${growing.join(", ")}`);
  for (const page of PAGES) {
    const worst = Math.max(...results.map((m) => ratio(m.pages.get(page.name) as [Figures, Figures])));
    console.log(`linear: ${page.name} time at 10x data = ${worst.toFixed(2)}×`);
  }
}

await main();
