import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { shanghaiChineseDateTime } from "@linxuan/domain";
import type { Config } from "../config";
import { openDatabase } from "../db/connection";
import { recordEvent } from "../http/command";
import type { Caller } from "../http/deps";
import { systemClock } from "../http/time";
import { type FileStore, FileStoreError, openFileStore } from "../storage/files";
import type { Say } from "./backup";
import {
  KEY_FILE,
  keyFileOf,
  keyFingerprint,
  parseKey,
  readSuppliedKey,
  syncDirectory,
  writeKeyFile,
} from "./data-key";
import { OpsError } from "./errors";
import {
  checkSchemaVersion,
  databaseArtefact,
  type Manifest,
  readManifest,
  verifyArtefacts,
} from "./manifest";
import {
  countSchemaObjects,
  quoteIdent,
  requireTool,
  restoreSchema,
  targetSchema,
  withClient,
} from "./postgres-tools";
import { appliedMigrations, attachmentHashes, countRows, readKeyFingerprint } from "./queries";

const dialectName = { sqlite: "SQLite", postgres: "PostgreSQL" } as const;

/**
 * The data folder must hold nothing yet — except the key, put there ahead by the operator, and
 * then it must be the backup's key. Returns whether that key is there.
 */
function checkDataFolder(dataDir: string, manifest: Manifest): { keyPresent: boolean; existed: boolean } {
  if (!fs.existsSync(dataDir)) return { keyPresent: false, existed: false };
  const entries = fs.readdirSync(dataDir).filter((entry) => entry !== KEY_FILE);
  if (entries.length > 0)
    throw new OpsError(
      "RESTORE_TARGET_NOT_EMPTY",
      `目标数据目录 ${dataDir} 不是空的（已有 ${entries.slice(0, 3).join("、")}${entries.length > 3 ? " 等" : ""}）：恢复只写入空的数据目录，不会覆盖现有数据。请把 LINXUAN_DATA_DIR 指向一个新的空目录`,
    );
  const file = keyFileOf(dataDir);
  if (!fs.existsSync(file)) return { keyPresent: false, existed: true };
  const fingerprint = keyFingerprint(parseKey(fs.readFileSync(file, "utf8"), file));
  if (fingerprint !== manifest.dataKey.fingerprint)
    throw new OpsError(
      "RESTORE_KEY_MISMATCH",
      `目标数据目录中的 ${KEY_FILE}（指纹 ${fingerprint}）不是这份备份的数据密钥（指纹 ${manifest.dataKey.fingerprint}），未恢复`,
    );
  return { keyPresent: true, existed: true };
}

/** PostgreSQL: the URL must select the backup's schema name, and it must be absent or empty. */
async function checkPostgresTarget(databaseUrl: string, manifest: Manifest) {
  const wanted = manifest.postgresSchema ?? "public";
  return withClient(databaseUrl, async (client) => {
    const schema = await targetSchema(client);
    if (schema.name !== wanted)
      throw new OpsError(
        "RESTORE_TARGET_INVALID",
        `备份来自 PostgreSQL 模式 ${wanted}，而 DATABASE_URL 选择的是模式 ${schema.name}：pg_restore 只恢复到同名模式。` +
          `请使用一个新的空数据库，或在 DATABASE_URL 中加上 ?options=-c%20search_path%3D${wanted}`,
      );
    if (schema.exists && (await countSchemaObjects(client, schema.name)) > 0)
      throw new OpsError(
        "RESTORE_TARGET_NOT_EMPTY",
        `目标数据库的模式 ${schema.name} 不是空的（已有数据表）：恢复只写入空的数据库或模式，不会覆盖现有数据。请新建一个空数据库后重试`,
      );
    return schema;
  });
}

/** After the restore: the database holds what the manifest counted, and every attachment is there. */
async function verifyRestored(
  config: Config,
  files: FileStore,
  manifest: Manifest,
  caller: Caller,
): Promise<void> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    for (const [table, expected] of Object.entries(manifest.tables)) {
      const actual = await countRows(handle.db, table);
      if (actual !== expected)
        throw new OpsError(
          "RESTORE_INCOMPLETE",
          `恢复后的表 ${table} 有 ${actual} 行，备份清单记录的是 ${expected} 行`,
        );
    }
    if ((await appliedMigrations(handle.db)).join() !== manifest.schemaVersion.join())
      throw new OpsError("RESTORE_INCOMPLETE", "恢复后的数据库结构版本与备份清单不符");
    if ((await readKeyFingerprint(handle.db)) !== manifest.dataKey.fingerprint)
      throw new OpsError("RESTORE_INCOMPLETE", "恢复后的数据库记录的密钥指纹与备份清单不符");
    const known = new Set(manifest.missingFiles ?? []);
    for (const sha256 of await attachmentHashes(handle.db)) {
      if (known.has(sha256)) continue;
      if (!(await files.stat(sha256)))
        throw new OpsError("RESTORE_INCOMPLETE", `恢复后缺少附件文件 ${sha256}（${files.description}）`);
    }
    await recordEvent({ db: handle.db, clock: systemClock }, caller, "platform.restore", {
      targetType: "platform",
      targetId: null,
      summary: `从备份恢复（备份制作于 ${shanghaiChineseDateTime(manifest.createdAt)}，密钥指纹 ${manifest.dataKey.fingerprint}）`,
      detail: { createdAt: manifest.createdAt, dialect: manifest.dialect, files: manifest.files },
    });
  } finally {
    await handle.close();
  }
}

/** What the operator must do about the key before the restored platform can start. */
function keyAdvice(config: Config, manifest: Manifest, restoredKey: boolean): string {
  const fingerprint = manifest.dataKey.fingerprint;
  const supplied = readSuppliedKey(config);
  if (supplied?.source === "env" && supplied.fingerprint !== fingerprint)
    return `警告：已设置的 LINXUAN_SECRET_KEY（指纹 ${supplied.fingerprint}）不是这份备份的数据密钥（指纹 ${fingerprint}），平台会拒绝启动。${restoredKey ? "请删除该变量（改用恢复的 secret.key），" : "请把它改为"}指纹为 ${fingerprint} 的密钥。`;
  if (supplied)
    return `数据密钥已就绪（${supplied.source === "env" ? "LINXUAN_SECRET_KEY" : keyFileOf(config.dataDir)}，指纹 ${fingerprint}），可以启动平台。`;
  return (
    `备份中不含数据密钥（密钥应与备份分开保管）。启动前须提供指纹为 ${fingerprint} 的数据密钥：` +
    `把保管的 secret.key 放到 ${keyFileOf(config.dataDir)}，或设置 LINXUAN_SECRET_KEY。没有它平台会拒绝启动，加密的身份证号和电话号码也无法读取。`
  );
}

/**
 * `linxuan restore <dir>`: checks the manifest and every artefact first, then restores into an
 * empty data folder (and, on PostgreSQL, an empty database or schema) — files, the key if the
 * backup has it, the database last — and checks the result against the manifest. A failure
 * removes what it wrote, so the target is empty again. The files go to the configured store: with
 * an object store, into its bucket, which need not be empty (content addressing makes a file
 * already there the same file); objects a failed restore wrote stay, harmless, as nothing names them.
 */
export async function restoreBackup(config: Config, caller: Caller, dir: string, say: Say): Promise<void> {
  const source = path.resolve(dir);
  const manifest = readManifest(source);
  const dialect = config.databaseUrl ? "postgres" : "sqlite";
  if (manifest.dialect !== dialect)
    throw new OpsError(
      "RESTORE_TARGET_INVALID",
      `这份备份来自 ${dialectName[manifest.dialect]} 数据库，而当前配置的是 ${dialectName[dialect]}（${config.databaseUrl ? "已" : "未"}设置 DATABASE_URL），不能跨数据库恢复`,
    );
  checkSchemaVersion(manifest);
  say("正在校验备份中每个文件的校验和…");
  await verifyArtefacts(source, manifest);
  say(
    `校验通过：${manifest.artefacts.length} 个文件与清单一致（备份制作于 ${shanghaiChineseDateTime(manifest.createdAt)}）`,
  );
  if (dialect === "postgres") requireTool("pg_restore", "恢复");
  const folder = checkDataFolder(config.dataDir, manifest);
  const schema = config.databaseUrl ? await checkPostgresTarget(config.databaseUrl, manifest) : null;
  const files = await openFileStore(config);
  await files.ready?.().catch((error: Error) => {
    throw new OpsError("RESTORE_TARGET_INVALID", `无法访问${files.description}：${error.message}`);
  });

  let wroteKey = false;
  let restoredDatabase = false;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    // Into the configured store (the data folder, or the object store the instances share);
    // each file is hashed again on its way in, and one already there is left as it is.
    for (const artefact of manifest.artefacts.filter((item) => item.path.startsWith("files/"))) {
      await files.putFile(path.join(source, artefact.path), artefact.sha256).catch((error: unknown) => {
        if (error instanceof FileStoreError && error.code === "HASH_MISMATCH")
          throw new OpsError("BACKUP_CORRUPT", `${artefact.path} 在恢复时读出的内容不符：${error.message}`);
        throw error;
      });
    }
    say(`已恢复 ${manifest.files} 个上传文件到${files.description}`);
    if (manifest.dataKey.included && !folder.keyPresent) {
      const file = path.join(source, KEY_FILE);
      writeKeyFile(keyFileOf(config.dataDir), parseKey(fs.readFileSync(file, "utf8"), file), {
        replace: false,
      });
      wroteKey = true;
      say(`已恢复数据密钥 ${keyFileOf(config.dataDir)}（指纹 ${manifest.dataKey.fingerprint}）`);
    }
    const database = path.join(source, databaseArtefact[dialect]);
    if (schema && config.databaseUrl) {
      if (!schema.exists)
        await withClient(config.databaseUrl, (client) =>
          client.query(`create schema ${quoteIdent(schema.name)}`),
        );
      restoredDatabase = true;
      const work = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-restore-"));
      try {
        await restoreSchema({
          databaseUrl: config.databaseUrl,
          file: database,
          listFile: path.join(work, "list"),
        });
      } finally {
        fs.rmSync(work, { recursive: true, force: true });
      }
    } else {
      const target = path.join(config.dataDir, "linxuan.db");
      fs.copyFileSync(database, `${target}.restoring`, fs.constants.COPYFILE_EXCL);
      const handle = fs.openSync(`${target}.restoring`, "r+");
      fs.fsyncSync(handle);
      fs.closeSync(handle);
      restoredDatabase = true;
      fs.renameSync(`${target}.restoring`, target);
      syncDirectory(config.dataDir);
    }
    say("数据库已恢复，正在核对行数与附件…");
    await verifyRestored(config, files, manifest, caller);
  } catch (error) {
    await undo(config, { folderExisted: folder.existed, wroteKey, restoredDatabase, schema });
    throw error;
  }
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  say(`恢复完成：${Object.keys(manifest.tables).length} 张表共 ${rows} 行与清单一致，附件齐全`);
  say(keyAdvice(config, manifest, wroteKey));
}

/** Puts the target back to empty after a failed restore. */
async function undo(
  config: Config,
  done: {
    folderExisted: boolean;
    wroteKey: boolean;
    restoredDatabase: boolean;
    schema: { name: string; exists: boolean } | null;
  },
): Promise<void> {
  if (!done.folderExisted) fs.rmSync(config.dataDir, { recursive: true, force: true });
  else
    for (const entry of fs.readdirSync(config.dataDir))
      if (entry !== KEY_FILE || done.wroteKey)
        fs.rmSync(path.join(config.dataDir, entry), { recursive: true, force: true });
  if (done.schema && done.restoredDatabase && config.databaseUrl) {
    const { name, exists } = done.schema;
    await withClient(config.databaseUrl, async (client) => {
      if (!exists) await client.query(`drop schema if exists ${quoteIdent(name)} cascade`);
      else {
        const tables = await client.query<{ name: string }>(
          "select tablename as name from pg_tables where schemaname = $1",
          [name],
        );
        for (const table of tables.rows)
          await client.query(`drop table if exists ${quoteIdent(name)}.${quoteIdent(table.name)} cascade`);
      }
    });
  }
}
