/*
 * Background jobs: draining 1,000 notification e-mails to a local SMTP server with 1 and with 2
 * runners, and the batch export of 100 submitted applications (PDFs zipped with a summary sheet),
 * on SQLite and PostgreSQL. Prints e-mails/s, export seconds, ZIP size and peak RSS; asserts nothing.
 *
 *   node --import tsx bench/jobs.ts      (npm run jobs --workspace @linxuan/bench)
 *
 * PostgreSQL is measured when LINXUAN_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test)
 * answers; the run uses a fresh schema and drops it afterwards.
 */
import { type ChildProcess, fork } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { computeCreditCodeCheckChar, shanghaiBatch3, shanghaiTrainingV1 } from "@linxuan/domain";
import { SMTPServer } from "smtp-server";
import { SMTPConnection } from "smtp-server/lib/smtp-connection.js";
import { buildApp } from "../packages/server/src/app";
import { openRuntime } from "../packages/server/src/bootstrap";
import { demoFormValues } from "../packages/server/src/documents/demo-values";
import { documentPool } from "../packages/server/src/documents/pool";
import {
  BATCH_EXPORT_JOB,
  runBatchExport,
  startBatchExport,
} from "../packages/server/src/features/applications/batch-export";
import {
  EMAIL_JOB,
  notify,
  sendNotificationEmail,
} from "../packages/server/src/features/notifications/service";
import { createStaffUser } from "../packages/server/src/features/users/service";
import { hashPassword, randomToken } from "../packages/server/src/http/crypto";
import { type Deps, systemCaller } from "../packages/server/src/http/deps";
import { jobCaller } from "../packages/server/src/jobs/caller";
import type { JobFile } from "../packages/server/src/jobs/queue";
import { createJobRunner, type JobHandler, type JobRunner } from "../packages/server/src/jobs/runner";
import { createCaptchaRecorder } from "../packages/server/src/test/captcha";
import {
  publishOpenBatch,
  submitCompleteApplication,
  TEST_PASSWORD,
} from "../packages/server/src/test/factories";
import { TestClient, type TestContext } from "../packages/server/src/test/harness";
import { benchConfig } from "./bench-config";
import { createPostgresSchema } from "./postgres";

const EMAILS = Number(process.env.LINXUAN_BENCH_EMAILS ?? 1000);
/** E-mails drained once before the measured runs (not counted): JIT, connections, caches. */
const WARMUP_EMAILS = 50;
const APPLICATIONS = Number(process.env.LINXUAN_BENCH_APPLICATIONS ?? 100);
/** Submissions through HTTP in flight at once while building the batch. */
const SUBMIT_CONCURRENCY = 4;
/** Whatever happens (a hung database), the process ends after this long. */
const WATCHDOG_MS = (Number(process.env.LINXUAN_BENCH_WATCHDOG_SECONDS) || 180) * 1000;
const SMTP_CHILD_FLAG = "--smtp-server";

type DrainRun = {
  runners: number;
  queueSeconds: number;
  drainSeconds: number;
  /** E-mails queued (one per recipient) and how many of them reached the SMTP server, how many distinct. */
  expected: number;
  received: number;
  distinct: number;
  /** Every Message-ID that arrived is one of the queued notifications', each once, none missing. */
  ok: boolean;
  jobs: Record<string, number>;
  retried: number;
  perRunner: number[];
};

type ExportRun = {
  setupSeconds: number;
  startSeconds: number;
  count: number;
  status: string;
  exportSeconds: number;
  zipBytes: number;
  rssBaselineMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
  /** Longest gap between two 10 ms ticks of a timer during the export: the event loop was blocked that long. */
  loopStallMaxMs: number;
  /** `GET /api/health` answered during the export (one after another, 50 ms apart): count and latencies. */
  health: { answered: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** The longest event-loop delay `monitorEventLoopDelay` saw during the export. */
  loopDelayMaxMs: number;
  leaseSeconds: number;
  lastError: string | null;
};

type Measured = { database: string; drains: DrainRun[]; export: ExportRun };

const mb = (bytes: number) => bytes / 1024 / 1024;

/* ------------------------------------------------------------------------------------------------
 * The SMTP server: a real `smtp-server` in a child process (this file started with a flag), so its
 * work does not share the event loop of the runners being measured. It records each message's
 * Message-ID and hands them over when asked.
 *
 * smtp-server waits 100 ms after accepting a connection before it sends its greeting (to catch
 * clients that talk too soon), and the platform's mailer opens a connection per e-mail: stock, that
 * pause alone caps one runner at about 9 e-mails/s whatever the database does, and 1,000 e-mails
 * take 110 s. The child greets at once instead (LINXUAN_BENCH_SMTP_GREETING_MS=100 restores the pause).
 */

const GREETING_PAUSE_MS = Number(process.env.LINXUAN_BENCH_SMTP_GREETING_MS ?? 0);

async function smtpChild(): Promise<void> {
  if (GREETING_PAUSE_MS !== 100) {
    // Same as SMTPConnection#init in smtp-server 3.21 (no maxClients is set here), with its pause.
    SMTPConnection.prototype.init = function (this: SMTPConnection) {
      this._setListeners(() => {
        setTimeout(() => this.connectionReady(), GREETING_PAUSE_MS).unref();
      });
    };
  }
  let messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = raw.slice(0, raw.indexOf("\r\n\r\n") >>> 0);
        messageIds.push(headers.match(/^Message-ID: (.*)$/im)?.[1]?.trim() ?? "");
        callback();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.on("message", () => {
    const taken = messageIds;
    messageIds = [];
    process.send?.({ messageIds: taken });
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
  process.send?.({ port: (server.server.address() as AddressInfo).port });
}

type Smtp = { url: string; take: () => Promise<string[]>; close: () => void };

async function startSmtp(): Promise<Smtp> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [SMTP_CHILD_FLAG], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once("message", (message) => resolve(message as Record<string, unknown>));
      child.once("exit", (code) => reject(new Error(`SMTP server exited (${code})`)));
    });
  const { port } = (await next()) as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    take: async () => {
      const answer = next();
      child.send("take");
      return ((await answer) as { messageIds: string[] }).messageIds;
    },
    close: () => child.disconnect(),
  };
}

/* ------------------------------------------------------------------------------------------------
 * E-mail queue drain.
 */

/** Institutions with one account each (an e-mail address, e-mail not turned off), written in chunks. */
async function seedRecipients(deps: Deps, count: number): Promise<string[]> {
  const at = deps.clock().toISOString();
  const passwordHash = await hashPassword(randomToken(), deps.config.passwordHashCost);
  const runId = crypto.randomBytes(3).toString("hex");
  const userIds: string[] = [];
  for (let start = 0; start < count; start += 200) {
    const chunk = Array.from({ length: Math.min(200, count - start) }, (_, offset) => {
      const i = start + offset;
      const body = `91310101MB${String(i).padStart(7, "0")}`;
      return {
        institutionId: crypto.randomUUID(),
        userId: crypto.randomUUID(),
        creditCode: `${body}${computeCreditCodeCheckChar(body)}`,
        name: `压测邮件接收机构${runId}-${i}`,
        email: `bench-${runId}-${i}@example.cn`,
      };
    });
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("institutions")
        .values(
          chunk.map((row) => ({
            id: row.institutionId,
            creditCode: row.creditCode,
            name: row.name,
            contactName: "张老师",
            phoneEnc: null,
            email: row.email,
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
          chunk.map((row) => ({
            id: row.userId,
            username: row.creditCode,
            displayName: row.name,
            role: "institution",
            regionCode: null,
            industryScope: null,
            institutionId: row.institutionId,
            passwordHash,
            status: "active",
            mustChangePassword: 0,
            phoneEnc: null,
            email: row.email,
            createdAt: at,
            updatedAt: at,
            lastLoginAt: null,
          })),
        )
        .execute();
    });
    userIds.push(...chunk.map((row) => row.userId));
  }
  return userIds;
}

/**
 * Queues one e-mail per user with `notify()` in one transaction (as a published notice does),
 * then drains the queue with `runnerCount` runners in this process, each looping `runOnce` until
 * no due e-mail job is left, and checks what arrived at the SMTP server.
 */
async function drainEmails(
  deps: Deps,
  smtp: Smtp,
  userIds: string[],
  runnerCount: number,
): Promise<DrainRun> {
  const queueStarted = performance.now();
  await deps.db.transaction().execute((trx) =>
    notify(trx, deps, {
      userIds,
      event: "publicNoticePublished",
      detail: `压测公示（${runnerCount}个任务执行器）已发布。`,
      link: "/public-notices",
    }),
  );
  const queueSeconds = (performance.now() - queueStarted) / 1000;
  const expected = new Set(
    (
      await deps.db.selectFrom("notifications").select("id").where("emailStatus", "=", "pending").execute()
    ).map((row) => `<${row.id}@linxuan>`),
  );

  const sentBy = new Map<string, number>();
  const counting: JobHandler = (context) => {
    sentBy.set(context.worker, (sentBy.get(context.worker) ?? 0) + 1);
    return sendNotificationEmail(context);
  };
  const runners: JobRunner[] = Array.from({ length: runnerCount }, (_, i) =>
    createJobRunner(deps, { [EMAIL_JOB]: counting }, { worker: `bench-mail-${runnerCount}-${i}` }),
  );
  const dueLeft = async () =>
    Number(
      (
        await deps.db
          .selectFrom("jobs")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("type", "=", EMAIL_JOB)
          .where("status", "=", "queued")
          .where("runAfter", "<=", deps.clock().toISOString())
          .executeTakeFirstOrThrow()
      ).n,
    );
  const drainStarted = performance.now();
  await Promise.all(
    runners.map(async (runner) => {
      // A runner that lost every candidate to the other one gets false while jobs remain.
      while ((await runner.runOnce()) || (await dueLeft()) > 0);
    }),
  );
  const drainSeconds = (performance.now() - drainStarted) / 1000;

  const arrived = await smtp.take();
  const distinct = new Set(arrived);
  const jobs: Record<string, number> = {};
  const rows = await deps.db
    .selectFrom("jobs")
    .select(["status", "attempts"])
    .where("type", "=", EMAIL_JOB)
    .execute();
  for (const row of rows) jobs[row.status] = (jobs[row.status] ?? 0) + 1;
  // Leaves the next run an empty queue, as the server's housekeeping eventually does.
  await deps.db.deleteFrom("jobs").where("type", "=", EMAIL_JOB).where("status", "=", "done").execute();
  return {
    runners: runnerCount,
    queueSeconds,
    drainSeconds,
    expected: expected.size,
    received: arrived.length,
    distinct: distinct.size,
    ok:
      expected.size === userIds.length &&
      arrived.length === expected.size &&
      distinct.size === expected.size &&
      [...distinct].every((id) => expected.has(id)),
    jobs,
    retried: rows.filter((row) => Number(row.attempts) > 1).length,
    perRunner: runners.map((runner) => sentBy.get(runner.worker) ?? 0),
  };
}

/* ------------------------------------------------------------------------------------------------
 * Batch export.
 */

/** The harness's view of a runtime, so the test factories submit through the real routes (`app.inject`). */
function contextOf(runtime: {
  app: TestContext["app"];
  deps: Deps;
  captchaAnswer: (challengeId: string) => string;
}): TestContext {
  return {
    app: runtime.app,
    deps: runtime.deps,
    config: runtime.deps.config,
    setNow: () => undefined,
    heldAt: () => null,
    client: (options) => new TestClient(runtime.app, runtime.captchaAnswer, options),
    captchaAnswer: runtime.captchaAnswer,
    startInstance: async () => {
      throw new Error("the benchmark runs one instance");
    },
    runJobs: async () => 0,
    close: async () => undefined,
  };
}

async function exportBatch(ctx: TestContext, baseUrl: string): Promise<ExportRun> {
  const { deps } = ctx;
  const setupStarted = performance.now();
  const batchId = await publishOpenBatch(ctx, shanghaiBatch3);
  const occupations = shanghaiBatch3.occupations;
  let next = 0;
  await Promise.all(
    Array.from({ length: SUBMIT_CONCURRENCY }, async () => {
      while (next < APPLICATIONS) {
        const i = next++;
        await submitCompleteApplication(ctx, {
          batchId,
          kind: "training",
          occupation: occupations[i % occupations.length] as string,
        });
      }
    }),
  );
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`  ${APPLICATIONS} applications submitted through HTTP in ${setupSeconds.toFixed(1)} s`);

  const username = `bench-centre-${crypto.randomBytes(3).toString("hex")}`;
  const { id: userId } = await createStaffUser(deps, systemCaller, {
    username,
    displayName: "压测受理中心",
    role: "receivingCentre",
    password: TEST_PASSWORD,
    regionCode: "310000",
    industryScope: null,
  } as Parameters<typeof createStaffUser>[2]);
  const caller = await jobCaller(deps, { userId, ip: "127.0.0.1" }, "application.exportBatch", "bench-start");
  const startStarted = performance.now();
  const { jobId, count } = await startBatchExport(deps, caller, batchId);
  const startSeconds = (performance.now() - startStarted) / 1000;

  // The document workers start before the measurement, with their fonts loaded: one form each.
  const pool = documentPool(deps.config.documentWorkers);
  await Promise.all(
    Array.from({ length: pool.size }, () =>
      pool.render({
        format: "pdf",
        template: shanghaiTrainingV1,
        values: demoFormValues(shanghaiTrainingV1),
        options: { watermark: null, institutionName: "预热", filledOn: "2026-01-01" },
      }),
    ),
  );

  // Peak memory: sampled every 10 ms, at every progress report (between two PDFs) and before
  // storing the ZIP, since a timer does not fire while the loop is blocked. The same timer measures
  // how long the loop was blocked (monitorEventLoopDelay missed the long stalls on SQLite).
  (globalThis as { gc?: () => void }).gc?.();
  const rssBaseline = process.memoryUsage.rss();
  let rssPeak = rssBaseline;
  let heapPeak = process.memoryUsage().heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  let lastTick = performance.now();
  let loopStallMax = 0;
  const sampler = setInterval(() => {
    const now = performance.now();
    loopStallMax = Math.max(loopStallMax, now - lastTick);
    lastTick = now;
    sample();
  }, 10);
  // What a browser or a load balancer's health check sees of this instance meanwhile.
  let probing = true;
  const healthMs: number[] = [];
  const prober = (async () => {
    while (probing) {
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/api/health`);
      await response.arrayBuffer();
      if (probing) healthMs.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const sampled: Deps = {
    ...deps,
    files: {
      ...deps.files,
      putFile: async (file, sha256) => {
        sample();
        return deps.files.putFile(file, sha256);
      },
    },
  };
  const handler: JobHandler = (context) =>
    runBatchExport({
      ...context,
      progress: (fraction, note) => {
        sample();
        return context.progress(fraction, note);
      },
    });
  const runner = createJobRunner(
    sampled,
    { [BATCH_EXPORT_JOB]: handler },
    { worker: "bench-export", leaseMs: deps.config.jobLeaseSeconds * 1000 },
  );
  const exportStarted = performance.now();
  await runner.runOnce();
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  clearInterval(sampler);
  loopDelay.disable();
  loopStallMax = Math.max(loopStallMax, performance.now() - lastTick);
  sample();
  probing = false;
  await prober;
  healthMs.sort((a, b) => a - b);

  const job = await deps.db.selectFrom("jobs").selectAll().where("id", "=", jobId).executeTakeFirstOrThrow();
  const result = job.result ? (JSON.parse(job.result) as { file?: JobFile; count?: number }) : {};
  return {
    setupSeconds,
    startSeconds,
    count: result.count ?? count,
    status: job.status,
    exportSeconds,
    zipBytes: result.file?.size ?? 0,
    rssBaselineMb: mb(rssBaseline),
    rssPeakMb: mb(rssPeak),
    heapPeakMb: mb(heapPeak),
    loopStallMaxMs: loopStallMax,
    health: {
      answered: healthMs.length,
      p50Ms: healthMs[Math.floor(healthMs.length / 2)] ?? 0,
      p99Ms: healthMs[Math.max(0, Math.ceil(healthMs.length * 0.99) - 1)] ?? 0,
      maxMs: healthMs[healthMs.length - 1] ?? 0,
    },
    loopDelayMaxMs: loopDelay.max / 1e6,
    leaseSeconds: deps.config.jobLeaseSeconds,
    lastError: job.lastError,
  };
}

/* ------------------------------------------------------------------------------------------------
 * One database.
 */

async function measure(
  database: "SQLite" | "PostgreSQL",
  databaseUrl: string | null,
  smtp: Smtp,
): Promise<Measured> {
  const { config, dataDir } = benchConfig(databaseUrl, {
    smtpUrl: smtp.url,
    rateLimitLoginPerMinute: 100_000,
    rateLimitPublicFormsPerMinute: 100_000,
    // Default: one per core, as an instance; LINXUAN_DOCUMENT_WORKERS=1 leaves a core to the loop.
    documentWorkers: Number(process.env.LINXUAN_DOCUMENT_WORKERS) || os.availableParallelism(),
  });
  // Registrations answer the captcha as the tests do: the recorder knows each picture's text.
  const captcha = createCaptchaRecorder();
  const { deps, handle } = await openRuntime(config, undefined, { captchaText: captcha.text });
  const app = await buildApp(deps, { logger: false });
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const userIds = await seedRecipients(deps, EMAILS);
    const warmup = await drainEmails(deps, smtp, userIds.slice(0, WARMUP_EMAILS), 1);
    console.log(
      `  warm-up: ${warmup.received} e-mails (not counted); ${EMAILS} recipients ready${warmup.ok ? "" : " — warm-up MISMATCH"}`,
    );
    const drains: DrainRun[] = [];
    for (const runnerCount of [1, 2]) {
      const run = await drainEmails(deps, smtp, userIds, runnerCount);
      drains.push(run);
      reportDrain(run);
    }
    const exported = await exportBatch(contextOf({ app, deps, captchaAnswer: captcha.answerOf }), baseUrl);
    reportExport(exported);
    return { database, drains, export: exported };
  } finally {
    await app.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/* ------------------------------------------------------------------------------------------------
 * Output.
 */

const line = (label: string, text: string) => console.log(`  ${label.padEnd(22)}${text}`);
const perSecond = (run: DrainRun) => run.received / run.drainSeconds;
const check = (run: DrainRun) => (run.ok ? "OK" : "MISMATCH");

function reportDrain(run: DrainRun): void {
  console.log(`  e-mails, ${run.runners} runner${run.runners > 1 ? "s" : ""}`);
  line("  queued (notify)", `${EMAILS} in one transaction, ${run.queueSeconds.toFixed(2)} s`);
  line("  drained", `${run.drainSeconds.toFixed(2)} s, ${perSecond(run).toFixed(1)} e-mails/s`);
  line(
    "  Message-IDs",
    `${run.received} arrived, ${run.distinct} distinct, ${run.expected} queued: ${check(run)}`,
  );
  line(
    "  jobs",
    `${JSON.stringify(run.jobs)}, retried ${run.retried}, per runner ${run.perRunner.join(" / ")}`,
  );
}

function reportExport(run: ExportRun): void {
  console.log("  batch export");
  line("  start (enqueue)", `${run.count} applications visible, ${(run.startSeconds * 1000).toFixed(0)} ms`);
  line(
    "  job",
    `${run.status} in ${run.exportSeconds.toFixed(2)} s, ${((run.exportSeconds * 1000) / run.count).toFixed(0)} ms per application`,
  );
  line("  ZIP", `${mb(run.zipBytes).toFixed(2)} MB`);
  line(
    "  event loop",
    `blocked up to ${run.loopStallMaxMs.toFixed(0)} ms at a time (10 ms timer; monitorEventLoopDelay max ${run.loopDelayMaxMs.toFixed(0)} ms); GET /api/health meanwhile: ${run.health.answered} answers, p50 ${run.health.p50Ms.toFixed(0)} ms, p99 ${run.health.p99Ms.toFixed(0)} ms, max ${run.health.maxMs.toFixed(0)} ms`,
  );
  line(
    "  job lease",
    `${run.leaseSeconds} s, renewed while the job runs (an export of about ${Math.floor((run.leaseSeconds * run.count) / run.exportSeconds)} applications lasts one lease at this pace)`,
  );
  line(
    "  peak memory",
    `RSS ${run.rssPeakMb.toFixed(0)} MB (Δ ${(run.rssPeakMb - run.rssBaselineMb).toFixed(0)} over ${run.rssBaselineMb.toFixed(0)} before), heap used ${run.heapPeakMb.toFixed(0)} MB`,
  );
  if (run.lastError) line("  last error", run.lastError);
}

function table(results: Measured[]): void {
  const drain = (m: Measured, runners: number) => m.drains.find((run) => run.runners === runners) as DrainRun;
  const rows: [string, (m: Measured) => string][] = [
    [`queue ${EMAILS} (s)`, (m) => drain(m, 1).queueSeconds.toFixed(2)],
    ["1 runner: e-mails/s", (m) => perSecond(drain(m, 1)).toFixed(1)],
    ["1 runner: seconds", (m) => drain(m, 1).drainSeconds.toFixed(2)],
    ["1 runner: Message-IDs", (m) => check(drain(m, 1))],
    ["2 runners: e-mails/s", (m) => perSecond(drain(m, 2)).toFixed(1)],
    ["2 runners: seconds", (m) => drain(m, 2).drainSeconds.toFixed(2)],
    ["2 runners: Message-IDs", (m) => check(drain(m, 2))],
    ["export: applications", (m) => String(m.export.count)],
    ["export: seconds", (m) => m.export.exportSeconds.toFixed(2)],
    ["export: ms/application", (m) => ((m.export.exportSeconds * 1000) / m.export.count).toFixed(0)],
    ["export: ZIP (MB)", (m) => mb(m.export.zipBytes).toFixed(2)],
    ["export: peak RSS (MB)", (m) => m.export.rssPeakMb.toFixed(0)],
    ["export: RSS Δ (MB)", (m) => (m.export.rssPeakMb - m.export.rssBaselineMb).toFixed(0)],
    ["export: loop stall (ms)", (m) => m.export.loopStallMaxMs.toFixed(0)],
    ["export: loop delay max", (m) => `${m.export.loopDelayMaxMs.toFixed(0)} ms`],
    ["export: /api/health p99", (m) => `${m.export.health.p99Ms.toFixed(0)} ms`],
    ["export: /api/health max", (m) => `${m.export.health.maxMs.toFixed(0)} ms`],
    ["setup: submit (s)", (m) => m.export.setupSeconds.toFixed(1)],
  ];
  const width = 14;
  console.log(`\n${"".padEnd(24)}${results.map((m) => m.database.padStart(width)).join("")}`);
  for (const [label, cell] of rows)
    console.log(`${label.padEnd(24)}${results.map((m) => cell(m).padStart(width)).join("")}`);
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`jobs: still running after ${WATCHDOG_MS / 1000} s, giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  console.log(
    `Background jobs: ${EMAILS} notification e-mails drained by 1 and 2 runners to smtp-server in another process (greeting after ${GREETING_PAUSE_MS} ms); batch export of ${APPLICATIONS} submitted applications`,
  );
  const smtp = await startSmtp();
  const results: Measured[] = [];
  try {
    console.log("\nSQLite");
    results.push(await measure("SQLite", null, smtp));
    const pg = await createPostgresSchema();
    if (pg) {
      console.log("\nPostgreSQL");
      try {
        results.push(await measure("PostgreSQL", pg.url, smtp));
      } finally {
        await pg.drop();
      }
    }
  } finally {
    smtp.close();
  }
  table(results);
  // The figures issue 17 compares with its limits: the worst of the databases measured.
  const stall = Math.max(
    // The timer's gap includes its own 10 ms period.
    ...results.map((m) => Math.max(m.export.loopStallMaxMs - 10, m.export.loopDelayMaxMs)),
  );
  const healthP99 = Math.max(...results.map((m) => m.export.health.p99Ms));
  console.log(`\nexport: longest event-loop stall = ${stall.toFixed(0)} ms`);
  console.log(`export: health p99 ms = ${healthP99.toFixed(0)}`);
}

if (process.argv.includes(SMTP_CHILD_FLAG)) await smtpChild();
else await main();
