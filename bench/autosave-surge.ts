/*
 * An autosave surge: 2,000 institutions saving full drafts at once, on SQLite and PostgreSQL.
 * Prints requests/s and latency percentiles of `PUT /api/applications/:id/draft`; asserts nothing.
 *
 *   node --import tsx bench/autosave-surge.ts      (npm run autosave --workspace @linxuan/bench)
 *
 * PostgreSQL is measured when LINXUAN_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * answers; the run uses a fresh schema and drops it afterwards.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import {
  computeCreditCodeCheckChar,
  makeDemoBatch,
  shanghaiBatch3,
  shanghaiTrainingV1,
} from "@linxuan/domain";
import autocannon, { type Client, type Result } from "autocannon";
import { buildApp } from "../packages/server/src/app";
import { openRuntime } from "../packages/server/src/bootstrap";
import { loadConfig } from "../packages/server/src/config";
import { demoFormValues } from "../packages/server/src/documents/demo-values";
import { insertBatch } from "../packages/server/src/features/batches/queries";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../packages/server/src/http/auth";
import { hashPassword, randomToken, sha256Hex } from "../packages/server/src/http/crypto";
import type { Deps } from "../packages/server/src/http/deps";
import { createPostgresSchema } from "./postgres";

const INSTITUTIONS = Number(process.env.LINXUAN_BENCH_INSTITUTIONS ?? 2000);
const CONNECTIONS = Math.min(50, INSTITUTIONS);
const SAVES_PER_INSTITUTION = 2;
/** Saves before the measured run (not counted) so the JIT and the database caches are warm. */
const WARMUP_SAVES = Math.min(500, INSTITUTIONS);
const MAX_SECONDS = 30;
/** Whatever happens (a hung database), the process ends after this long. */
const WATCHDOG_MS = 240_000;

/** A full form as a careful applicant fills it, serialized once: the body of every save. */
const VALUES_JSON = JSON.stringify({ ...demoFormValues(shanghaiTrainingV1), commitmentAccepted: true });

type Account = {
  institutionId: string;
  name: string;
  creditCode: string;
  sessionToken: string;
  csrfToken: string;
  applicationId: string;
  /** The draft revision the next save is based on, as the server last reported it. */
  revision: number;
};

type Measured = {
  database: string;
  setupSeconds: number;
  result: Result;
  statusCounts: Record<string, number>;
  firstFailure: string | null;
  loopDelayMs: { p99: number; max: number };
  /** Latencies without each connection's first request. */
  steadyMs: { p50: number; p90: number; p99: number; max: number };
  savedInDatabase: number;
  expectedInDatabase: number;
};

const headersOf = (account: Account): Record<string, string> => ({
  cookie: `${SESSION_COOKIE}=${account.sessionToken}; ${CSRF_COOKIE}=${account.csrfToken}`,
  [CSRF_HEADER]: account.csrfToken,
  "content-type": "application/json",
});

/** Institutions, their users and signed-in sessions, written straight to the database in chunks. */
async function seedInstitutions(deps: Deps): Promise<Account[]> {
  const now = deps.clock();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3_600_000).toISOString();
  const passwordHash = await hashPassword(randomToken(), deps.config.passwordHashCost);
  const phoneEnc = deps.cipher.encrypt("13800138000");
  const runId = crypto.randomBytes(3).toString("hex");
  const accounts: Account[] = Array.from({ length: INSTITUTIONS }, (_, i) => {
    const body = `91310101MA${String(i).padStart(7, "0")}`;
    return {
      institutionId: crypto.randomUUID(),
      name: `压测数字技术培训中心${runId}-${i}`,
      creditCode: `${body}${computeCreditCodeCheckChar(body)}`,
      sessionToken: randomToken(),
      csrfToken: randomToken(24),
      applicationId: "",
      revision: 0,
    };
  });
  for (let start = 0; start < accounts.length; start += 200) {
    const chunk = accounts.slice(start, start + 200);
    const users = chunk.map((account) => ({ account, userId: crypto.randomUUID() }));
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("institutions")
        .values(
          chunk.map((account, i) => ({
            id: account.institutionId,
            creditCode: account.creditCode,
            name: account.name,
            contactName: "张老师",
            phoneEnc,
            email: `bench-${start + i}@example.cn`,
            regionCode: "310000",
            creditCodeWarningConfirmed: 0,
            createdAt: at,
            updatedAt: at,
          })),
        )
        .execute();
      await trx
        .insertInto("users")
        .values(
          users.map(({ account, userId }) => ({
            id: userId,
            username: account.creditCode,
            displayName: `压测机构${account.creditCode}`,
            role: "institution",
            regionCode: null,
            industryScope: null,
            institutionId: account.institutionId,
            passwordHash,
            status: "active",
            mustChangePassword: 0,
            phoneEnc,
            email: null,
            createdAt: at,
            updatedAt: at,
            lastLoginAt: at,
          })),
        )
        .execute();
      await trx
        .insertInto("sessions")
        .values(
          users.map(({ account, userId }) => ({
            id: sha256Hex(account.sessionToken),
            userId,
            createdAt: at,
            lastSeenAt: at,
            expiresAt,
            ip: "127.0.0.1",
            userAgent: "linxuan-bench",
          })),
        )
        .execute();
    });
  }
  return accounts;
}

/**
 * One Shanghai training application per institution. The first is started through the real route
 * (`POST /api/applications`); the others are copies of its row for their own institutions, as
 * that route would write them: starting 2,000 through HTTP would take most of the time budget, and
 * the first save replaces the values anyway.
 */
async function startApplications(deps: Deps, baseUrl: string, batchId: string, accounts: Account[]) {
  const [first, ...others] = accounts as [Account, ...Account[]];
  const response = await fetch(`${baseUrl}/api/applications`, {
    method: "POST",
    headers: headersOf(first),
    body: JSON.stringify({
      batchId,
      kind: "training",
      occupation: "ai",
      levels: ["junior"],
      applicantCategory: "university",
    }),
  });
  const body = (await response.json()) as { application?: { id: string; draftRevision: number } };
  if (response.status !== 201 || !body.application)
    throw new Error(`POST /api/applications → ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  first.applicationId = body.application.id;
  first.revision = body.application.draftRevision;

  const row = await deps.db
    .selectFrom("applications")
    .selectAll()
    .where("id", "=", first.applicationId)
    .executeTakeFirstOrThrow();
  const values = JSON.parse(row.draftValues) as Record<string, unknown>;
  // What the route prefills from the institution's registration.
  const prefilled = (account: Account) => ({
    ...values,
    ...("institutionName" in values ? { institutionName: account.name } : {}),
    ...("creditCode" in values ? { creditCode: account.creditCode } : {}),
  });
  for (let start = 0; start < others.length; start += 200) {
    const chunk = others.slice(start, start + 200);
    for (const account of chunk) {
      account.applicationId = crypto.randomUUID();
      account.revision = Number(row.draftRevision);
    }
    await deps.db
      .insertInto("applications")
      .values(
        chunk.map((account) => ({
          ...row,
          id: account.applicationId,
          institutionId: account.institutionId,
          draftValues: JSON.stringify(prefilled(account)),
        })),
      )
      .execute();
  }
}

/**
 * Drives the draft route with autocannon. Each connection owns a disjoint slice of the
 * institutions and cycles through it, one request in flight, so no two concurrent saves touch
 * one application; each save is based on the revision the previous answer reported.
 */
async function surge(baseUrl: string, accounts: Account[], amount: number) {
  const slices = Array.from({ length: CONNECTIONS }, (_, c) => ({
    accounts: accounts.filter((_, i) => i % CONNECTIONS === c),
    cursor: 0,
  }));
  const statusCounts: Record<string, number> = {};
  let firstFailure: string | null = null;
  let nextSlice = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    amount,
    timeout: 10,
    setupClient: (client: Client) => {
      const slice = slices[nextSlice++ % slices.length] as (typeof slices)[number];
      let inFlight: Account | null = null;
      client.setRequests([
        {
          setupRequest: (request) => {
            const account = slice.accounts[slice.cursor++ % slice.accounts.length] as Account;
            inFlight = account;
            return {
              ...request,
              method: "PUT",
              path: `/api/applications/${account.applicationId}/draft`,
              headers: headersOf(account),
              body: `{"values":${VALUES_JSON},"baseRevision":${account.revision}}`,
            };
          },
          onResponse: (status, body) => {
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            if (status >= 300 && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
            // 200: the new revision; 409: the current one, so the next save of it succeeds again.
            const revision = /"draftRevision":(\d+)/.exec(body)?.[1];
            if (inFlight && revision) inFlight.revision = Number(revision);
          },
        },
      ]);
    },
  });
  // autocannon's latencies include each connection's first request, which waits behind the
  // requests of connections already being served; these leave it out (the steady state).
  const seen = new WeakSet<object>();
  const steady: number[] = [];
  instance.on("response", (client: object, _status: number, _bytes: number, ms: number) => {
    if (seen.has(client)) steady.push(ms);
    else seen.add(client);
  });
  // Server and load generator share this event loop: how long it was blocked explains the tail.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const timer = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
  const result = await instance;
  clearTimeout(timer);
  loopDelay.disable();
  const loopDelayMs = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  steady.sort((a, b) => a - b);
  const rank = (p: number) => Math.round(steady[Math.max(0, Math.ceil((p / 100) * steady.length) - 1)] ?? 0);
  const steadyMs = { p50: rank(50), p90: rank(90), p99: rank(99), max: rank(100) };
  return { result, statusCounts, firstFailure, loopDelayMs, steadyMs };
}

async function measure(database: "SQLite" | "PostgreSQL", databaseUrl: string | null): Promise<Measured> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-bench-"));
  const config = loadConfig(
    {},
    {
      host: "127.0.0.1",
      port: 0,
      dataDir,
      databaseUrl,
      demo: false,
      webDist: null,
      passwordHashCost: 1024,
      secretKey: crypto.randomBytes(32).toString("hex"),
    },
  );
  const { deps, handle } = await openRuntime(config);
  const app = await buildApp(deps, { logger: false });
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const setupStarted = performance.now();
    const batchId = crypto.randomUUID();
    await insertBatch(deps.db, {
      id: batchId,
      status: "published",
      builtIn: false,
      isDemo: true,
      definition: { ...makeDemoBatch(shanghaiBatch3, deps.clock()), code: `bench-${batchId.slice(0, 8)}` },
      now: deps.clock().toISOString(),
      createdBy: null,
    });
    const accounts = await seedInstitutions(deps);
    await startApplications(deps, baseUrl, batchId, accounts);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    console.log(
      `  ${accounts.length} institutions, sessions and applications ready in ${setupSeconds.toFixed(1)} s`,
    );

    const warmup = await surge(baseUrl, accounts, WARMUP_SAVES);
    console.log(`  warm-up: ${warmup.result.requests.total} saves (not counted)`);
    const run = await surge(baseUrl, accounts, accounts.length * SAVES_PER_INSTITUTION);

    // The saves really landed: every application's stored revision is the one the client tracked.
    const stored = await deps.db.selectFrom("applications").select("draftRevision").execute();
    return {
      database,
      setupSeconds,
      ...run,
      savedInDatabase: stored.reduce((sum, row) => sum + Number(row.draftRevision) - 1, 0),
      expectedInDatabase: accounts.reduce((sum, account) => sum + account.revision - 1, 0),
    };
  } finally {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(m: Measured): void {
  const r = m.result;
  const line = (label: string, text: string) => console.log(`  ${label.padEnd(21)}${text}`);
  const { p50, p90, p99, max } = m.steadyMs;
  // Requests cut off by the 30 s stop may still be saved after their connection is gone.
  const unanswered = m.savedInDatabase - m.expectedInDatabase;
  line("requests", `${r.requests.total} in ${r.duration.toFixed(2)} s (sent ${r.requests.sent})`);
  line("requests/s", (r.requests.total / r.duration).toFixed(1));
  line(
    "latency ms",
    `p50 ${r.latency.p50}  p90 ${r.latency.p90}  p99 ${r.latency.p99}  max ${r.latency.max}  (mean ${r.latency.mean.toFixed(1)})`,
  );
  line("  without 1st/conn", `p50 ${p50}  p90 ${p90}  p99 ${p99}  max ${max}`);
  line("non-2xx", `${r.non2xx}  ${JSON.stringify(m.statusCounts)}`);
  line("errors", `${r.errors} (timeouts ${r.timeouts})`);
  line("event-loop delay ms", `p99 ${m.loopDelayMs.p99.toFixed(0)}  max ${m.loopDelayMs.max.toFixed(0)}`);
  line(
    "saves stored",
    `${m.savedInDatabase} incl. warm-up (${m.expectedInDatabase} answered${unanswered > 0 ? `, ${unanswered} in flight at the stop` : ""})`,
  );
  if (m.firstFailure) line("first failure", m.firstFailure);
}

function table(results: Measured[]): void {
  const rows: [string, (m: Measured) => string][] = [
    ["requests", (m) => String(m.result.requests.total)],
    ["duration (s)", (m) => m.result.duration.toFixed(2)],
    ["requests/s", (m) => (m.result.requests.total / m.result.duration).toFixed(1)],
    ["latency p50 (ms)", (m) => String(m.result.latency.p50)],
    ["latency p90 (ms)", (m) => String(m.result.latency.p90)],
    ["latency p99 (ms)", (m) => String(m.result.latency.p99)],
    ["latency max (ms)", (m) => String(m.result.latency.max)],
    ["p99 w/o 1st/conn (ms)", (m) => String(m.steadyMs.p99)],
    ["max w/o 1st/conn (ms)", (m) => String(m.steadyMs.max)],
    ["non-2xx", (m) => String(m.result.non2xx)],
    ["errors", (m) => String(m.result.errors)],
    ["loop delay max (ms)", (m) => m.loopDelayMs.max.toFixed(0)],
    ["setup (s)", (m) => m.setupSeconds.toFixed(1)],
  ];
  const width = 14;
  console.log(`\n${"".padEnd(22)}${results.map((m) => m.database.padStart(width)).join("")}`);
  for (const [label, cell] of rows)
    console.log(`${label.padEnd(22)}${results.map((m) => cell(m).padStart(width)).join("")}`);
}

const watchdog = setTimeout(() => {
  console.error(`autosave-surge: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

console.log(
  `Autosave surge: ${INSTITUTIONS} institutions, ${CONNECTIONS} connections, ${SAVES_PER_INSTITUTION} full-form saves each (≤ ${MAX_SECONDS} s); load generator in the same process`,
);
const results: Measured[] = [];
console.log("\nSQLite");
results.push(await measure("SQLite", null));
report(results[0] as Measured);
const pg = await createPostgresSchema();
if (pg) {
  console.log("\nPostgreSQL");
  try {
    const measured = await measure("PostgreSQL", pg.url);
    results.push(measured);
    report(measured);
  } finally {
    await pg.drop();
  }
}
table(results);
