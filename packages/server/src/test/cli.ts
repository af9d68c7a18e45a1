import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { cliFromSource } from "./cli-process";
import type { DatabaseKind } from "./harness";

/** Where a spawned `linxuan` finds its platform: the same three settings an operator gives. */
export type CliTarget = { dataDir: string; databaseUrl: string | null; secretKey: string | null };

/**
 * Runs the real CLI as a child process (asynchronously, so the test's own server keeps serving
 * meanwhile) and resolves with its exit code and everything it printed.
 */
export function runLinxuan(
  args: string[],
  target: CliTarget,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LINXUAN_DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? "",
    LINXUAN_SECRET_KEY: target.secretKey ?? "",
    LINXUAN_SCRYPT_COST: "1024",
    LINXUAN_DEMO: "false",
    LINXUAN_WEB_DIST: "",
    NODE_ENV: "",
    ...extraEnv,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliFromSource, ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    // A command that should have stopped but serves instead is a failure, not a hang.
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** A new, empty place to restore into (or to start an empty platform in): a folder, and on PostgreSQL a database. */
export type EmptyTarget = CliTarget & { drop: () => Promise<void> };

/**
 * An empty target. On PostgreSQL a new database (pg_restore restores a schema under its own
 * name, so the copy of a test schema goes to another database) whose search_path selects `schema`.
 */
export async function emptyTarget(kind: DatabaseKind, schema = "public"): Promise<EmptyTarget> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-target-")), "data");
  const removeFolder = () => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  if (kind === "sqlite")
    return { dataDir, databaseUrl: null, secretKey: null, drop: async () => removeFolder() };
  const baseUrl = process.env.LINXUAN_TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("LINXUAN_TEST_DATABASE_URL is not set");
  const database = `lx_restore_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(baseUrl, `create database ${database}`);
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    dataDir,
    databaseUrl: url.toString(),
    secretKey: null,
    drop: async () => {
      await adminQuery(baseUrl, `drop database if exists ${database} with (force)`);
      removeFolder();
    },
  };
}

/** The PostgreSQL schema a test context's URL selects. */
export function schemaOf(databaseUrl: string | null): string {
  const options = databaseUrl ? new URL(databaseUrl).searchParams.get("options") : null;
  return options?.match(/search_path=(\S+)/)?.[1] ?? "public";
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
