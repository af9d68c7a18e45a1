import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../app";
import { openRuntime } from "../bootstrap";
import { type Config, loadConfig } from "../config";
import type { Deps } from "../http/deps";
import { jobHandlers } from "../jobs/handlers";
import { createJobRunner } from "../jobs/runner";
import { createCaptchaRecorder } from "./captcha";

export type DatabaseKind = "sqlite" | "postgres";

/** SQLite always; PostgreSQL too when LINXUAN_TEST_DATABASE_URL is set (CI sets it). */
export const testDatabases: DatabaseKind[] = process.env.LINXUAN_TEST_DATABASE_URL
  ? ["sqlite", "postgres"]
  : ["sqlite"];

export type TestContext = {
  app: FastifyInstance;
  deps: Deps;
  config: Config;
  /** Moves the server clock; deadlines and session timeouts read it. `null` lets it run live again. */
  setNow: (date: Date | null) => void;
  /** Where `setNow` holds the clock, or null while it runs live (so a factory can put it back). */
  heldAt: () => Date | null;
  /** A browser-like client; `ip` is the address the server sees it come from. */
  client: (options?: ClientOptions) => TestClient;
  /** The text of a captcha this platform drew (what a person reads in the picture). */
  captchaAnswer: (challengeId: string) => string;
  /** Another app instance on the same database (its own connection), as when scaled out. */
  startInstance: () => Promise<{
    app: FastifyInstance;
    client: (options?: ClientOptions) => TestClient;
    close: () => Promise<void>;
  }>;
  /** Runs queued background jobs in this process until none is due; returns how many ran. */
  runJobs: () => Promise<number>;
  close: () => Promise<void>;
};

/**
 * A fresh, isolated platform per call: a new SQLite file, or a new PostgreSQL schema selected via
 * search_path, migrated and with the built-in batches. Nothing is shared between tests.
 */
export async function createTestContext(
  kind: DatabaseKind,
  overrides: Partial<Config> = {},
): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-test-"));
  let databaseUrl: string | null = null;
  let dropSchema: (() => Promise<void>) | null = null;
  if (kind === "postgres") {
    const baseUrl = process.env.LINXUAN_TEST_DATABASE_URL;
    if (!baseUrl) throw new Error("LINXUAN_TEST_DATABASE_URL is not set");
    const schema = `lx_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.searchParams.set("options", `-c search_path=${schema}`);
    databaseUrl = url.toString();
    dropSchema = async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  let now: Date | null = null;
  const config = loadConfig(
    {},
    {
      dataDir,
      databaseUrl,
      demo: false,
      webDist: null,
      passwordHashCost: 1024,
      secretKey: crypto.randomBytes(32).toString("hex"),
      rateLimitLoginPerMinute: 1000,
      rateLimitPublicFormsPerMinute: 1000,
      ...overrides,
    },
  );
  const clock = () => now ?? new Date();
  const captcha = createCaptchaRecorder();
  const { deps, handle } = await openRuntime(config, clock, { captchaText: captcha.text });
  const app = await buildApp(deps);
  await app.ready();
  const others: (() => Promise<void>)[] = [];
  return {
    app,
    deps,
    config,
    setNow: (date) => {
      now = date;
    },
    heldAt: () => now,
    client: (options) => new TestClient(app, captcha.answerOf, options),
    captchaAnswer: captcha.answerOf,
    startInstance: async () => {
      const runtime = await openRuntime(config, clock, { captchaText: captcha.text });
      const other = await buildApp(runtime.deps);
      await other.ready();
      const close = async () => {
        await other.close();
        await runtime.handle.close();
      };
      others.push(close);
      return { app: other, client: (options) => new TestClient(other, captcha.answerOf, options), close };
    },
    runJobs: async () => {
      const runner = createJobRunner(deps, jobHandlers, { worker: "test-runner" });
      let ran = 0;
      while (await runner.runOnce()) ran += 1;
      return ran;
    },
    close: async () => {
      for (const closeOther of others.splice(0)) await closeOther();
      await app.close();
      await handle.close();
      await dropSchema?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ClientOptions = { ip?: string };

export type TestResponse = { status: number; body: any; headers: Record<string, unknown>; raw: Buffer };

/** A browser-like client over `app.inject`: keeps cookies and sends the CSRF header. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly answerOf: (challengeId: string) => string,
    private readonly options: ClientOptions = {},
  ) {}

  async request(
    method: string,
    url: string,
    body?: unknown,
    options: { csrf?: boolean; contentType?: string } = {},
  ): Promise<TestResponse> {
    const mutating = method !== "GET" && method !== "HEAD";
    if (mutating && options.csrf !== false && !this.cookies.has("lx_csrf")) {
      await this.request("GET", "/api/auth/csrf");
    }
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (mutating && options.csrf !== false) headers["x-csrf-token"] = this.cookies.get("lx_csrf") ?? "";
    if (options.contentType) headers["content-type"] = options.contentType;
    const response = await this.app.inject({
      method: method as "GET",
      url,
      headers,
      ...(this.options.ip ? { remoteAddress: this.options.ip } : {}),
      ...(body === undefined ? {} : { payload: body as string }),
    });
    for (const cookie of response.cookies) {
      if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let parsed: unknown = null;
    if (String(response.headers["content-type"] ?? "").includes("json")) parsed = response.json();
    return { status: response.statusCode, body: parsed, headers: response.headers, raw: response.rawPayload };
  }

  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, body?: unknown, options?: { csrf?: boolean }) {
    return this.request("POST", url, body ?? {}, options);
  }
  put(url: string, body?: unknown) {
    return this.request("PUT", url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request("PATCH", url, body ?? {});
  }
  delete(url: string) {
    return this.request("DELETE", url);
  }
  /** Posts a multipart form (file uploads). */
  upload(url: string, multipart: { body: Buffer; contentType: string }) {
    return this.request("POST", url, multipart.body, { contentType: multipart.contentType });
  }
  cookie(name: string) {
    return this.cookies.get(name);
  }

  /** Fetches a captcha and reads it like a person: the fields a form sends with it. */
  async captcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
    const response = await this.get("/api/captcha");
    if (response.status !== 200) throw new Error(`captcha failed: ${JSON.stringify(response.body)}`);
    return { captchaId: response.body.id, captchaAnswer: this.answerOf(response.body.id) };
  }

  async login(username: string, password: string) {
    const response = await this.post("/api/auth/login", { username, password });
    if (response.status !== 200)
      throw new Error(`login ${username} failed: ${JSON.stringify(response.body)}`);
    return response.body.user;
  }
}
