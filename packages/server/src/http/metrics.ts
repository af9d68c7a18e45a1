import crypto from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { jobQueueStats } from "../jobs/queue";
import type { Deps } from "./deps";
import { AppError } from "./errors";

/** The addresses of a direct connection from this host. */
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
/** Headers a reverse proxy adds: a request carrying one came through a proxy, wherever it began. */
const PROXY_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"];
/** The label of requests no route matched (404s and the web app's client-side paths). */
export const UNMATCHED_ROUTE = "unmatched";

/**
 * Process metrics (CPU, memory, event loop, GC) describe the process, not an app: one registry
 * for the process, made on the first scrape, so a test process building many apps does not start
 * an event-loop monitor and a GC observer for each of them.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * `GET /metrics` in the Prometheus text format, from a registry of this app's own (several apps
 * in one process never share counters): requests and their durations by route pattern and status,
 * the job queue and the database pool read at scrape time, and the process metrics.
 *
 * Who may read it: with `LINXUAN_METRICS_TOKEN` set, whoever sends `Authorization: Bearer
 * <token>`; without it, only a direct connection from this host (the socket's address, not
 * `X-Forwarded-For`) that carries no proxy header — a reverse proxy on the same host connects from
 * loopback too, and would otherwise hand the metrics to anyone.
 */
export function registerMetrics(app: FastifyInstance, deps: Deps, jobTypes: readonly string[]): void {
  const registry = new Registry();
  const requestLabels = ["method", "route", "status_code"] as const;
  const requests = new Counter({
    name: "linxuan_http_requests_total",
    help: "HTTP 请求数（按路由模式和状态码）",
    labelNames: requestLabels,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "linxuan_http_request_duration_seconds",
    help: "HTTP 请求处理时长（秒，按路由模式和状态码）",
    labelNames: requestLabels,
    registers: [registry],
  });
  const jobs = new Gauge({
    name: "linxuan_jobs",
    help: "后台任务数（queued 已到执行时间待领取，scheduled 尚未到时间，running 执行中）",
    labelNames: ["type", "state"] as const,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: "linxuan_jobs_oldest_age_seconds",
    help: "最早一个到期任务已到期的秒数（按类型和状态；没有到期任务时为 0）",
    labelNames: ["type", "state"] as const,
    registers: [registry],
  });
  const databaseUp = new Gauge({
    name: "linxuan_database_up",
    help: "本次采集时数据库查询是否成功（1 成功，0 失败）",
    registers: [registry],
  });
  // SQLite has one synchronous connection and no pool: nothing is reported rather than zeros.
  const pool =
    (deps.poolStats?.() ?? null) !== null
      ? {
          total: poolGauge(registry, "total", "连接池中的连接数"),
          idle: poolGauge(registry, "idle", "连接池中空闲的连接数"),
          waiting: poolGauge(registry, "waiting", "等待空闲连接的查询数"),
          max: poolGauge(registry, "max", "连接池的最大连接数"),
        }
      : null;

  app.addHook("onResponse", async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });

  const refreshJobs = async () => {
    const now = deps.clock();
    const stats = await jobQueueStats(deps.db, now.toISOString());
    jobs.reset();
    oldest.reset();
    // Every known type (and any other in the table) reports every state, with zeros, so an alert
    // sees 0 rather than no series.
    for (const type of new Set([...jobTypes, ...stats.map((stat) => stat.type)])) {
      for (const state of ["queued", "scheduled", "running"]) {
        jobs.set({ type, state }, 0);
        if (state !== "scheduled") oldest.set({ type, state }, 0);
      }
    }
    for (const stat of stats) {
      const age = Math.max(0, (now.getTime() - Date.parse(stat.oldestRunAfter)) / 1000);
      if (stat.state === "running") {
        jobs.set({ type: stat.type, state: "running" }, stat.count);
        oldest.set({ type: stat.type, state: "running" }, age);
      } else {
        jobs.set({ type: stat.type, state: "queued" }, stat.due);
        jobs.set({ type: stat.type, state: "scheduled" }, stat.count - stat.due);
        // The earliest runAfter is due exactly when some job of the group is.
        oldest.set({ type: stat.type, state: "queued" }, stat.due > 0 ? age : 0);
      }
    }
  };

  app.get("/metrics", { logLevel: "warn", schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, deps.config.metricsToken)) {
      reply.header("www-authenticate", 'Bearer realm="linxuan-metrics"');
      throw new AppError(
        "UNAUTHENTICATED",
        deps.config.metricsToken
          ? "监控指标需要令牌：请在 Authorization 请求头中携带 Bearer 令牌（LINXUAN_METRICS_TOKEN）"
          : "监控指标仅允许本机直接访问；经代理或从其他地址访问时，请设置 LINXUAN_METRICS_TOKEN 并携带该令牌",
      );
    }
    // A database that is down must not take the HTTP and process metrics with it.
    try {
      await refreshJobs();
      databaseUp.set(1);
    } catch (error) {
      request.log.warn({ err: error }, "metrics: job queue query failed");
      jobs.reset();
      oldest.reset();
      databaseUp.set(0);
    }
    const stats = deps.poolStats?.() ?? null;
    if (pool && stats) {
      pool.total.set(stats.total);
      pool.idle.set(stats.idle);
      pool.waiting.set(stats.waiting);
      pool.max.set(stats.max);
    }
    const text = `${await registry.metrics()}\n${await processMetrics().metrics()}`;
    return reply.type(registry.contentType).send(text);
  });
}

function poolGauge(registry: Registry, name: string, help: string): Gauge {
  return new Gauge({ name: `linxuan_db_pool_${name}`, help: `${help}（PostgreSQL）`, registers: [registry] });
}

function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  if (token) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
    return match?.[1] !== undefined && sameSecret(match[1], token);
  }
  const remote = request.socket.remoteAddress ?? "";
  return LOOPBACK.has(remote) && PROXY_HEADERS.every((header) => request.headers[header] === undefined);
}

/** Constant-time comparison that does not reveal the length either: compares digests. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => crypto.createHash("sha256").update(text).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}
