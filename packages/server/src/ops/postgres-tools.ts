import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { OpsError } from "./errors";

/*
 * PostgreSQL's own tools do the dump and the restore (pg_dump's custom format, pg_restore in one
 * transaction): they know every type, index and sequence, which a copy by hand would not.
 */

/** libpq's connection variables for a DATABASE_URL, so no password appears on a command line. */
function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGOPTIONS", "PGSSLMODE"])
    delete env[name];
  const host = url.searchParams.get("host") ?? url.hostname.replace(/^\[|\]$/g, "");
  if (host) env.PGHOST = host;
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (database) env.PGDATABASE = database;
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export function hasTool(name: string): boolean {
  const probe = spawnSync(name, ["--version"], { encoding: "utf8" });
  return !probe.error && probe.status === 0;
}

export function requireTool(name: "pg_dump" | "pg_restore", task: string): void {
  if (hasTool(name)) return;
  throw new OpsError(
    "POSTGRES_TOOLS_MISSING",
    `未找到 ${name}：PostgreSQL 数据库的${task}须用 PostgreSQL 自带的工具完成。请安装与数据库服务器同一大版本的 PostgreSQL 客户端（如 postgresql-client-15），使 ${name} 在 PATH 中后重试；` +
      "或由数据库管理员用 PostgreSQL 的 pg_dump / pg_restore（或 pg_basebackup 等物理备份）处理数据库，再另行复制数据目录中的 files/ 与数据密钥。",
  );
}

function run(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(name, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new OpsError("POSTGRES_TOOL_FAILED", `${name} 失败（退出码 ${code}）：${stderr.trim()}`));
    });
  });
}

/** A double-quoted identifier: exact as an SQL name and as a pg_dump pattern (no wildcards). */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Dumps one schema as it is in `snapshot` (exported by the caller's open transaction). */
export async function dumpSchema(options: {
  databaseUrl: string;
  schema: string;
  snapshot: string;
  file: string;
}): Promise<void> {
  await run(
    "pg_dump",
    [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--snapshot=${options.snapshot}`,
      `--schema=${quoteIdent(options.schema)}`,
      `--file=${options.file}`,
    ],
    libpqEnv(options.databaseUrl),
  );
}

/**
 * Restores a dump into the schema of the same name, which the caller made sure exists and is
 * empty: the dump's own CREATE SCHEMA is left out, and everything else commits at once or not at all.
 */
export async function restoreSchema(options: { databaseUrl: string; file: string; listFile: string }) {
  const env = libpqEnv(options.databaseUrl);
  const list = await run("pg_restore", ["--list", options.file], env);
  fs.writeFileSync(
    options.listFile,
    list
      .split("\n")
      .filter((line) => !/^\d+; \d+ \d+ (SCHEMA - \S+|COMMENT - SCHEMA \S+) /.test(line))
      .join("\n"),
  );
  await run(
    "pg_restore",
    [
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      `--use-list=${options.listFile}`,
      `--dbname=${env.PGDATABASE ?? ""}`,
      options.file,
    ],
    env,
  );
}

/**
 * The schema a DATABASE_URL writes into: the first schema of its search_path that exists, or
 * the first named one (other than "$user") when none does yet.
 */
export async function targetSchema(client: pg.Client): Promise<{ name: string; exists: boolean }> {
  const setting = await client.query<{ path: string; user: string }>(
    "select current_setting('search_path') as path, current_user as user",
  );
  const row = setting.rows[0];
  const entries = (row?.path ?? "public")
    .split(",")
    .map((entry) => entry.trim().replace(/^"(.*)"$/, "$1"))
    .filter(Boolean);
  let firstNamed: string | null = null;
  for (const entry of entries) {
    const name = entry === "$user" ? (row?.user ?? "") : entry;
    const found = await client.query("select 1 from pg_namespace where nspname = $1", [name]);
    if (found.rowCount) return { name, exists: true };
    if (entry !== "$user" && firstNamed === null) firstNamed = name;
  }
  if (!firstNamed)
    throw new OpsError("RESTORE_TARGET_INVALID", "DATABASE_URL 的 search_path 没有指定可用的模式");
  return { name: firstNamed, exists: false };
}

/** How many tables, views and sequences a schema holds (0: an empty target). */
export async function countSchemaObjects(client: pg.Client, schema: string): Promise<number> {
  const result = await client.query<{ n: string }>(
    `select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
    [schema],
  );
  return Number(result.rows[0]?.n ?? 0);
}

export async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
