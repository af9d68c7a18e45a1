import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { Runtime } from "../bootstrap";
import { type Db, openSqliteFile } from "../db/connection";
import type { Dialect } from "../db/types";
import { recordEvent } from "../http/command";
import type { Caller } from "../http/deps";
import { syncDirectory } from "./data-key";
import { OpsError } from "./errors";
import {
  type Artefact,
  databaseArtefact,
  FORMAT,
  fileArtefactPath,
  hashFile,
  MANIFEST,
  type Manifest,
} from "./manifest";
import { dumpSchema, requireTool } from "./postgres-tools";
import { appliedMigrations, attachmentHashes, countRows, listTables, readKeyFingerprint } from "./queries";

export type Say = (line: string) => void;

/** What the database snapshot holds, read from the snapshot itself. */
type SnapshotFacts = {
  tables: Record<string, number>;
  schemaVersion: string[];
  fingerprint: string | null;
  attachments: string[];
};

async function readFacts(db: Db, dialect: Dialect): Promise<SnapshotFacts> {
  const tables: Record<string, number> = {};
  for (const table of await listTables(db, dialect)) tables[table] = await countRows(db, table);
  return {
    tables,
    schemaVersion: await appliedMigrations(db),
    fingerprint: await readKeyFingerprint(db),
    attachments: await attachmentHashes(db),
  };
}

/** The backup directory must be new or empty: a backup never mixes with another. */
function prepareDirectory(dir: string): { created: boolean } {
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { created: true };
  }
  if (!fs.statSync(dir).isDirectory())
    throw new OpsError("BACKUP_TARGET_NOT_EMPTY", `${dir} 已存在且不是目录`);
  const entries = fs.readdirSync(dir);
  if (entries.length > 0)
    throw new OpsError(
      "BACKUP_TARGET_NOT_EMPTY",
      `备份目录 ${dir} 不是空的（已有 ${entries.slice(0, 3).join("、")}${entries.length > 3 ? " 等" : ""}）：请指定一个不存在的或空的目录，备份不会覆盖已有内容`,
    );
  return { created: false };
}

/**
 * SQLite: the online backup API copies the database page by page while the platform keeps
 * writing. All remaining pages are copied in one step, which reads one consistent state (a
 * write by another process between steps makes SQLite start the copy over).
 */
async function snapshotSqlite(source: string, target: string): Promise<SnapshotFacts> {
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(target, { progress: () => 0x7fffffff });
  } finally {
    live.close();
  }
  const copy = openSqliteFile(target, "delete");
  try {
    return await readFacts(copy.db, "sqlite");
  } finally {
    await copy.close();
  }
}

/**
 * PostgreSQL: one REPEATABLE READ transaction exports its snapshot; pg_dump dumps exactly that
 * snapshot while the counts, the schema version and the fingerprint are read from it too.
 */
async function snapshotPostgres(
  runtime: Runtime,
  target: string,
): Promise<SnapshotFacts & { schema: string }> {
  const databaseUrl = runtime.deps.config.databaseUrl ?? "";
  return runtime.handle.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const exported = await sql<{ snapshot: string; schema: string }>`
        select pg_export_snapshot() as snapshot, current_schema() as schema`.execute(trx);
      const { snapshot, schema } = exported.rows[0] ?? { snapshot: "", schema: "" };
      const facts = await readFacts(trx, "postgres");
      await dumpSchema({ databaseUrl, schema, snapshot, file: target });
      return { ...facts, schema };
    });
}

/**
 * `linxuan backup <dir>`: a consistent snapshot of the database, then the stored files (written
 * before the rows that point at them, so every file the snapshot needs is already there), the
 * key only when asked, and manifest.json — counts, checksums, schema version, key fingerprint —
 * written last, so a directory without it is not a backup.
 */
export async function createBackup(
  runtime: Runtime,
  caller: Caller,
  dir: string,
  options: { includeKey: boolean },
  say: Say,
): Promise<Manifest> {
  const { deps, handle } = runtime;
  if (deps.dialect === "postgres") requireTool("pg_dump", "备份");
  const target = path.resolve(dir);
  const { created } = prepareDirectory(target);
  try {
    const artefacts: Artefact[] = [];
    const addArtefact = async (relative: string) => {
      artefacts.push({ path: relative, ...(await hashFile(path.join(target, relative))) });
    };

    const databaseFile = databaseArtefact[deps.dialect];
    say(`正在制作数据库快照（${deps.dialect === "sqlite" ? "SQLite 在线备份" : "pg_dump"}）…`);
    const facts =
      deps.dialect === "sqlite"
        ? { ...(await snapshotSqlite(handle.location, path.join(target, databaseFile))), schema: null }
        : await snapshotPostgres(runtime, path.join(target, databaseFile));
    fs.chmodSync(path.join(target, databaseFile), 0o600);
    await addArtefact(databaseFile);
    const rows = Object.values(facts.tables).reduce((sum, n) => sum + n, 0);
    say(`数据库快照完成：${Object.keys(facts.tables).length} 张表，共 ${rows} 行`);

    // Through the file store, whichever it is (data folder or object store), one file at a time
    // and streamed, so a bucket larger than memory is copied too.
    say(`正在复制上传文件（${deps.files.description}）…`);
    let files = 0;
    const copied = new Set<string>();
    for await (const sha256 of deps.files.list()) {
      const relative = fileArtefactPath(sha256);
      const file = path.join(target, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const { stream } = await deps.files.getStream(sha256);
      await pipeline(stream, fs.createWriteStream(file, { flags: "wx", mode: 0o600 }));
      await addArtefact(relative);
      const written = artefacts[artefacts.length - 1];
      if (written?.sha256 !== sha256)
        throw new OpsError(
          "FILE_STORE_CORRUPT",
          `文件库中的 ${sha256} 内容与其 SHA-256 不符（文件已损坏），备份中止`,
        );
      copied.add(sha256);
      files += 1;
    }
    const missing = facts.attachments.filter((sha256) => !copied.has(sha256));
    if (missing.length > 0)
      say(
        `警告：文件库中缺少 ${missing.length} 个附件文件（${missing.slice(0, 3).join("、")}${missing.length > 3 ? " 等" : ""}），这些附件在现有平台上也已无法下载；已记入清单`,
      );
    say(`已复制 ${files} 个上传文件`);

    if (options.includeKey) {
      fs.writeFileSync(path.join(target, "secret.key"), runtime.dataKey.key.toString("hex"), {
        flag: "wx",
        mode: 0o600,
      });
      await addArtefact("secret.key");
      say(
        "警告：按 --include-key 的要求，备份中含数据密钥 secret.key。拿到这份备份的任何人都能读出全部身份证号和电话号码：" +
          "请把它与其他备份分开、加密保管，不需要时删除其中的 secret.key。",
      );
    }

    const manifest: Manifest = {
      format: FORMAT,
      createdAt: deps.clock().toISOString(),
      dialect: deps.dialect,
      postgresSchema: facts.schema,
      schemaVersion: facts.schemaVersion,
      dataKey: {
        fingerprint: facts.fingerprint ?? runtime.dataKey.fingerprint,
        included: options.includeKey,
      },
      tables: facts.tables,
      files,
      ...(missing.length > 0 ? { missingFiles: missing } : {}),
      artefacts,
    };
    const manifestFile = path.join(target, MANIFEST);
    fs.writeFileSync(`${manifestFile}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(`${manifestFile}.tmp`, manifestFile);
    syncDirectory(target);

    await recordEvent(deps, caller, "platform.backup", {
      targetType: "platform",
      targetId: null,
      summary: `制作备份：${target}（${rows} 行，${files} 个文件${options.includeKey ? "，含数据密钥" : ""}）`,
      detail: {
        dialect: deps.dialect,
        rows,
        files,
        includeKey: options.includeKey,
        fingerprint: manifest.dataKey.fingerprint,
      },
    });
    return manifest;
  } catch (error) {
    // Nothing half-written: a failed backup leaves no directory that looks like one.
    if (created) fs.rmSync(target, { recursive: true, force: true });
    else
      for (const entry of fs.readdirSync(target))
        fs.rmSync(path.join(target, entry), { recursive: true, force: true });
    throw error;
  }
}
