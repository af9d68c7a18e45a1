/*
 * An autosave surge: 2,000 institutions saving full drafts at once, on SQLite and PostgreSQL.
 * Prints requests/s and latency percentiles of `PUT /api/applications/:id/draft`, beside a bare
 * Fastify route doing only the database work of a save, and the p99 at an open-loop 300 saves/s;
 * asserts nothing.
 *
 *   node --import tsx bench/autosave-surge.ts      (npm run autosave --workspace @linxuan/bench)
 *
 * PostgreSQL is measured when LINXUAN_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * answers; the run uses a fresh schema and drops it afterwards.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
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
import SQLite from "better-sqlite3";
import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../packages/server/src/app";
import { hashEvent, storedFields } from "../packages/server/src/audit-log/chain";
import { openRuntime } from "../packages/server/src/bootstrap";
import { demoFormValues } from "../packages/server/src/documents/demo-values";
import { insertBatch } from "../packages/server/src/features/batches/queries";
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  csrfTokenOfSession,
  SESSION_COOKIE,
} from "../packages/server/src/http/auth";
import { hashPassword, randomToken, sha256Hex } from "../packages/server/src/http/crypto";
import type { Deps } from "../packages/server/src/http/deps";
import { benchConfig } from "./bench-config";
import { createPostgresSchema } from "./postgres";

const INSTITUTIONS = Number(process.env.LINXUAN_BENCH_INSTITUTIONS ?? 2000);
const CONNECTIONS = Math.min(50, INSTITUTIONS);
const SAVES_PER_INSTITUTION = Number(process.env.LINXUAN_BENCH_SAVES ?? 2);
/** The open-loop run: saves offered per second whatever the answers, for this long. */
const OPEN_LOOP_RATE = 300;
const OPEN_LOOP_SECONDS = Number(process.env.LINXUAN_BENCH_OPEN_SECONDS ?? 10);
/** `sqlite`, `postgres` or both (the default), e.g. to profile one database with --cpu-prof. */
const DATABASES = (process.env.LINXUAN_BENCH_DATABASES ?? "sqlite,postgres").split(",");
/** Saves before the measured run (not counted) so the JIT and the database caches are warm. */
const WARMUP_SAVES = Math.min(500, INSTITUTIONS);
const MAX_SECONDS = 30;
/** Whatever happens (a hung database), the process ends after this long. */
const WATCHDOG_MS = Number(process.env.LINXUAN_BENCH_WATCHDOG_SECONDS ?? 300) * 1000;

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
  /** The bare route, same connections and amount, same process (its first half). */
  bare: Result;
  /** Requests/s of the bare route over both halves, around the real run. */
  bareRps: number;
  /** Process CPU (server and load generator) per completed save, real and bare route. */
  cpuMsPerSave: { real: number; bare: number };
  openLoop: Awaited<ReturnType<typeof openLoop>>;
  /** os.loadavg()[0] before and after the measured runs: the machine is shared. */
  load: [number, number];
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
    const sessionToken = randomToken();
    return {
      institutionId: crypto.randomUUID(),
      name: `压测数字技术培训中心${runId}-${i}`,
      creditCode: `${body}${computeCreditCodeCheckChar(body)}`,
      sessionToken,
      // The CSRF token is derived from the session's secret (http/auth.ts).
      csrfToken: csrfTokenOfSession(sessionToken),
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

const draftPath = (account: Account) => `/api/applications/${account.applicationId}/draft`;
const barePath = (account: Account) => `/bare/${account.applicationId}`;
const bodyOf = (account: Account) => `{"values":${VALUES_JSON},"baseRevision":${account.revision}}`;

/**
 * The limit a save is compared with: a bare Fastify route, in this process, doing only the
 * database work of a save on the same draft — the UPDATE with its revision check and one chained
 * audit event (head bumped, event inserted, head hash set) in one transaction — with the raw
 * driver and prepared statements, on its own connection(s) to the same database. No session,
 * validation, sealing or eligibility. It keeps the applications' revisions and the audit chain
 * valid, so the real route can run after it.
 */
async function startBareRoute(
  database: "SQLite" | "PostgreSQL",
  dataDir: string,
  databaseUrl: string | null,
): Promise<{ app: FastifyInstance; baseUrl: string; close: () => Promise<void> }> {
  const updateSql = (p: (n: number) => string) =>
    `UPDATE applications SET draft_values = ${p(1)}, draft_revision = draft_revision + 1, draft_saved_at = ${p(2)}, updated_at = ${p(3)} WHERE id = ${p(4)} AND draft_revision = ${p(5)}`;
  const headSql = "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash";
  const insertSql = (p: (n: number) => string) =>
    `INSERT INTO audit_events (seq, at, actor_user_id, actor_username, actor_role, command, target_type, target_id, ip, summary, detail, request_id, prev_hash, hash) VALUES (${Array.from({ length: 14 }, (_, i) => p(i + 1)).join(", ")})`;
  const hashSql = (p: (n: number) => string) => `UPDATE audit_head SET hash = ${p(1)} WHERE id = 1`;
  const event = (id: string, seq: number, at: string) =>
    storedFields({
      seq,
      at,
      actorUserId: null,
      actorUsername: "bench",
      actorRole: "institution",
      command: "application.saveDraft",
      targetType: "application",
      targetId: id,
      ip: "127.0.0.1",
      summary: "保存草稿",
      detail: null,
      requestId: null,
    });
  const row = (fields: ReturnType<typeof event>, prevHash: string, hash: string) => [
    fields.seq,
    fields.at,
    fields.actorUserId,
    fields.actorUsername,
    fields.actorRole,
    fields.command,
    fields.targetType,
    fields.targetId,
    fields.ip,
    fields.summary,
    fields.detail,
    fields.requestId,
    prevHash,
    hash,
  ];
  type Save = (id: string, baseRevision: number, draft: string) => Promise<boolean>;
  /** On a conflict, the current revision (as the real route answers it), so the client catches up. */
  let currentRevision: (id: string) => Promise<number | null>;
  const revisionSql = (p: (n: number) => string) =>
    `SELECT draft_revision FROM applications WHERE id = ${p(1)}`;
  let save: Save;
  let closeDb: () => Promise<void>;
  if (database === "SQLite") {
    const sqlite = new SQLite(path.join(dataDir, "linxuan.db"));
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    const q = () => "?";
    const update = sqlite.prepare(updateSql(q));
    const revision = sqlite.prepare(revisionSql(q));
    currentRevision = async (id) =>
      (revision.get(id) as { draft_revision: number } | undefined)?.draft_revision ?? null;
    const head = sqlite.prepare(headSql);
    const insert = sqlite.prepare(insertSql(q));
    const setHash = sqlite.prepare(hashSql(q));
    const run = sqlite.transaction((id: string, baseRevision: number, draft: string) => {
      const at = new Date().toISOString();
      if (update.run(draft, at, at, id, baseRevision).changes !== 1) return false;
      const current = head.get() as { seq: number; hash: string };
      const fields = event(id, Number(current.seq), at);
      const hash = hashEvent(current.hash, fields);
      insert.run(...row(fields, current.hash, hash));
      setHash.run(hash);
      return true;
    });
    save = async (id, baseRevision, draft) => run(id, baseRevision, draft);
    closeDb = async () => {
      sqlite.close();
    };
  } else {
    const pool = new pg.Pool({ connectionString: databaseUrl as string, max: 10 });
    const d = (n: number) => `$${n}`;
    save = async (id, baseRevision, draft) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const at = new Date().toISOString();
        const updated = await client.query({
          name: "bare-update",
          text: updateSql(d),
          values: [draft, at, at, id, baseRevision],
        });
        if (updated.rowCount !== 1) {
          await client.query("ROLLBACK");
          return false;
        }
        const current = (await client.query({ name: "bare-head", text: headSql })).rows[0] as {
          seq: string;
          hash: string;
        };
        const fields = event(id, Number(current.seq), at);
        const hash = hashEvent(current.hash, fields);
        await client.query({
          name: "bare-insert",
          text: insertSql(d),
          values: row(fields, current.hash, hash),
        });
        await client.query({ name: "bare-hash", text: hashSql(d), values: [hash] });
        await client.query("COMMIT");
        return true;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    };
    currentRevision = async (id) => {
      const result = await pool.query(revisionSql(d), [id]);
      return result.rows[0] ? Number(result.rows[0].draft_revision) : null;
    };
    closeDb = () => pool.end();
  }
  const app = Fastify({ logger: false, bodyLimit: 5 * 1024 * 1024 });
  app.put<{ Params: { id: string }; Body: { values: unknown; baseRevision: number } }>(
    "/bare/:id",
    async (request, reply) => {
      const { values, baseRevision } = request.body;
      const saved = await save(request.params.id, baseRevision, JSON.stringify(values));
      if (!saved)
        return reply
          .status(409)
          .send({ error: "VERSION_CONFLICT", draftRevision: await currentRevision(request.params.id) });
      return { draftRevision: baseRevision + 1 };
    },
  );
  await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    app,
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await closeDb();
    },
  };
}

/**
 * An open-loop run: saves are offered at a fixed rate whatever the answers (as thousands of
 * institutions typing produce them), each to an application with no save in flight. A latency runs
 * from the moment the save was due, so a stalled server is not hidden by sending less.
 */
async function openLoop(baseUrl: string, accounts: Account[], rate: number, seconds: number) {
  const url = new URL(baseUrl);
  // Saves beyond 256 at once wait in the agent (their latency still runs from when they were
  // due): more new connections at once overflow the server's listen backlog (resets).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = rate * seconds;
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let dropped = 0;
  let cursor = 0;
  const busy = new Set<Account>();
  const pick = (): Account | null => {
    for (let tries = 0; tries < accounts.length; tries++) {
      const account = accounts[cursor++ % accounts.length] as Account;
      if (!busy.has(account)) return account;
    }
    return null;
  };
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const account = pick();
      if (!account) {
        // Every application has a save in flight: the server is far behind the offered rate.
        dropped++;
        resolve();
        return;
      }
      busy.add(account);
      const body = bodyOf(account);
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: draftPath(account),
          method: "PUT",
          agent,
          headers: { ...headersOf(account), "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            latencies.push(performance.now() - due);
            const status = response.statusCode ?? 0;
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            const revision = /"draftRevision":(\d+)/.exec(Buffer.concat(chunks).toString())?.[1];
            if (revision) account.revision = Number(revision);
            busy.delete(account);
            resolve();
          });
        },
      );
      request.on("error", (error) => {
        if (errors++ === 0) console.log(`  open loop: first error ${error.message}`);
        busy.delete(account);
        resolve();
      });
      request.end(body);
    });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const pending: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = () => {
      const elapsed = performance.now() - started;
      const due = Math.min(total, Math.floor((elapsed / 1000) * rate));
      while (pending.length < due) pending.push(send(started + (pending.length * 1000) / rate));
      if (pending.length >= total) done();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(pending);
  loopDelay.disable();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const rank = (p: number) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  return {
    offered: total,
    answered: latencies.length,
    seconds: (performance.now() - started) / 1000,
    p50: rank(50),
    p90: rank(90),
    p99: rank(99),
    max: rank(100),
    statusCounts,
    errors,
    dropped,
    loopDelayMaxMs: loopDelay.max / 1e6,
  };
}

/**
 * Drives the draft route with autocannon. Each connection owns a disjoint slice of the
 * institutions and cycles through it, one request in flight, so no two concurrent saves touch
 * one application; each save is based on the revision the previous answer reported.
 */
async function surge(
  baseUrl: string,
  accounts: Account[],
  amount: number,
  pathOf: (account: Account) => string = draftPath,
) {
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
              path: pathOf(account),
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
  const { config, dataDir } = benchConfig(databaseUrl);
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

    const loadBefore = os.loadavg()[0] as number;
    const amount = accounts.length * SAVES_PER_INSTITUTION;
    const bare = await startBareRoute(database, dataDir, databaseUrl);
    let run: Awaited<ReturnType<typeof surge>>;
    const bareRuns: Result[] = [];
    const bareCpu: number[] = [];
    let realCpu = 0;
    try {
      // Real and bare are warmed up, then the bare route runs half its saves just before the real
      // run and half just after, so a change in the machine's load weighs on both alike.
      const warmup = await surge(baseUrl, accounts, WARMUP_SAVES);
      console.log(`  warm-up: ${warmup.result.requests.total} saves (not counted)`);
      await surge(bare.baseUrl, accounts, WARMUP_SAVES, barePath);
      const bareHalf = async () => {
        const cpuStart = process.cpuUsage();
        const measured = await surge(bare.baseUrl, accounts, Math.ceil(amount / 2), barePath);
        bareCpu.push(cpuMs(cpuStart));
        if (measured.result.non2xx > 0)
          console.log(
            `  bare route: ${JSON.stringify(measured.statusCounts)}, first failure ${measured.firstFailure}`,
          );
        bareRuns.push(measured.result);
      };
      await bareHalf();
      const cpuStart = process.cpuUsage();
      run = await surge(baseUrl, accounts, amount);
      realCpu = cpuMs(cpuStart);
      await bareHalf();
    } finally {
      await bare.close();
    }
    const bareRun = bareRuns[0] as Result;
    const bareRps =
      bareRuns.reduce((sum, r) => sum + r.requests.total, 0) /
      bareRuns.reduce((sum, r) => sum + r.duration, 0);
    const open = await openLoop(baseUrl, accounts, OPEN_LOOP_RATE, OPEN_LOOP_SECONDS);
    const loadAfter = os.loadavg()[0] as number;

    // The saves really landed: every application's stored revision is the one the client tracked.
    const stored = await deps.db.selectFrom("applications").select("draftRevision").execute();
    return {
      database,
      setupSeconds,
      ...run,
      bare: bareRun,
      bareRps,
      cpuMsPerSave: {
        real: realCpu / run.result.requests.total,
        bare: bareCpu.reduce((a, b) => a + b, 0) / bareRuns.reduce((sum, r) => sum + r.requests.total, 0),
      },
      openLoop: open,
      load: [loadBefore, loadAfter],
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
  const b = m.bare;
  line(
    "bare route",
    `${m.bareRps.toFixed(1)} requests/s (before and after the real run), p99 ${b.latency.p99} ms (first half)`,
  );
  line(
    "CPU ms per save",
    `real ${m.cpuMsPerSave.real.toFixed(2)}  bare ${m.cpuMsPerSave.bare.toFixed(2)} (this process: server and load generator)`,
  );
  const o = m.openLoop;
  line(
    `open loop ${OPEN_LOOP_RATE}/s`,
    `${o.answered}/${o.offered} answered in ${o.seconds.toFixed(1)} s; p50 ${o.p50.toFixed(0)}  p90 ${o.p90.toFixed(0)}  p99 ${o.p99.toFixed(0)}  max ${o.max.toFixed(0)}  ${JSON.stringify(o.statusCounts)}  errors ${o.errors}  not sent (all busy) ${o.dropped}  loop max ${o.loopDelayMaxMs.toFixed(0)}`,
  );
  line("load average", `${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)} (${os.cpus().length} cores)`);
}

const rps = (r: Result) => r.requests.total / r.duration;

/** User + system CPU of this process since `start`, in ms. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
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
    ["bare requests/s", (m) => m.bareRps.toFixed(1)],
    ["real/bare", (m) => (rps(m.result) / m.bareRps).toFixed(2)],
    [`open ${OPEN_LOOP_RATE}/s p99 (ms)`, (m) => m.openLoop.p99.toFixed(0)],
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
if (DATABASES.includes("sqlite")) {
  console.log("\nSQLite");
  const measured = await measure("SQLite", null);
  results.push(measured);
  report(measured);
}
const pgSchema = DATABASES.includes("postgres") ? await createPostgresSchema() : null;
if (pgSchema) {
  console.log("\nPostgreSQL");
  try {
    const measured = await measure("PostgreSQL", pgSchema.url);
    results.push(measured);
    report(measured);
  } finally {
    await pgSchema.drop();
  }
}
table(results);
console.log("");
for (const m of results) {
  const name = m.database === "SQLite" ? "sqlite" : "postgres";
  console.log(`autosave ${name}: real/bare requests/s = ${(rps(m.result) / m.bareRps).toFixed(2)}`);
}
for (const m of results) {
  const name = m.database === "SQLite" ? "sqlite" : "postgres";
  console.log(`autosave ${name}: open-loop ${OPEN_LOOP_RATE}/s p99 ms = ${m.openLoop.p99.toFixed(0)}`);
}
