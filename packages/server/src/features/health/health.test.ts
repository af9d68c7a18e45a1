import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { createLocalFileStore } from "../../storage/files";
import { createTestContext, type TestContext, testDatabases } from "../../test/harness";

const UUID = /^[0-9a-f-]{36}$/;

describe.each(testDatabases)("health and readiness on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("is ready when the database answers and the files folder takes writes", async () => {
    const response = await ctx.client().get("/api/ready");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ready", database: "ok", files: "ok" });
    // The write probe leaves nothing behind.
    const left = fs
      .readdirSync(path.join(ctx.config.dataDir, "files"))
      .filter((name) => name.startsWith("."));
    expect(left).toEqual([]);
  });

  it("answers 503 naming the file store when it cannot take writes", async () => {
    const failing = await buildApp({
      ...ctx.deps,
      files: {
        ...ctx.deps.files,
        ready: async () => {
          throw new Error("EROFS: read-only file system");
        },
      },
    });
    try {
      const response = await failing.inject({ method: "GET", url: "/api/ready" });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        code: "NOT_READY",
        message: "服务未就绪：文件存储不可用",
        status: "unavailable",
        database: "ok",
        files: "failed",
      });
      expect(response.body).not.toContain("EROFS");
      expect(response.headers["x-request-id"]).toMatch(UUID);
      // Liveness does not depend on it.
      expect((await failing.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    } finally {
      await failing.close();
    }
  });

  it("says unchecked for a file store that cannot tell", async () => {
    const { ready: _ready, ...withoutReady } = ctx.deps.files;
    const app = await buildApp({ ...ctx.deps, files: withoutReady });
    try {
      const response = await app.inject({ method: "GET", url: "/api/ready" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: "ready", database: "ok", files: "unchecked" });
    } finally {
      await app.close();
    }
  });
});

describe.each(testDatabases)("with the database closed on %s", (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
    await ctx.deps.db.destroy();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("is alive but not ready, and says which part failed", async () => {
    const health = await ctx.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok", database: kind });

    const ready = await ctx.app.inject({ method: "GET", url: "/api/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      code: "NOT_READY",
      message: "服务未就绪：数据库不可用",
      status: "unavailable",
      database: "failed",
      files: "ok",
    });
    expect(ready.headers["x-request-id"]).toMatch(UUID);
  });

  it("still serves the metrics, with the database reported down", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("\nlinxuan_database_up 0\n");
    expect(response.body).toContain("linxuan_http_requests_total");
  });
});

describe("the local file store's readiness", () => {
  it("fails when the files folder cannot be written", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-ready-"));
    try {
      // A plain file where the folder should be: no permission bits involved, so it fails as root too.
      fs.writeFileSync(path.join(dataDir, "files"), "");
      await expect(createLocalFileStore(dataDir).ready?.()).rejects.toThrow();
      fs.rmSync(path.join(dataDir, "files"));
      await expect(createLocalFileStore(dataDir).ready?.()).resolves.toBeUndefined();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
