import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseJsonText } from "../db/json";
import { migrationNames } from "../db/migrate";
import { OpsError } from "./errors";

export const MANIFEST = "manifest.json";
export const FORMAT = "linxuan-backup/1";
/** The database artefact of each dialect, inside the backup directory. */
export const databaseArtefact = { sqlite: "database.sqlite", postgres: "database.pgdump" } as const;

const artefactSchema = z.object({
  path: z.string().regex(/^[a-z0-9][a-z0-9./_-]*$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  dialect: z.enum(["sqlite", "postgres"]),
  /** The PostgreSQL schema the dump holds (restored under the same name). */
  postgresSchema: z.string().nullable(),
  /** Names of the applied migrations: the schema version. */
  schemaVersion: z.array(z.string()),
  dataKey: z.object({ fingerprint: z.string(), included: z.boolean() }),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  files: z.number().int().nonnegative(),
  /** Attachment files the platform had already lost when the backup was made. */
  missingFiles: z.array(z.string()).optional(),
  artefacts: z.array(artefactSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Artefact = z.infer<typeof artefactSchema>;

/** SHA-256 and size of a file, streamed (a database dump can be large). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash("sha256");
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

/** Where a stored file goes in a backup: the file store's own layout. */
export const fileArtefactPath = (sha256: string) =>
  `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file))
    throw new OpsError(
      "BACKUP_INVALID",
      `${dir} 不是遴选平台的备份：缺少 ${MANIFEST}（备份未完成或目录不对）`,
    );
  const parsed = parseJsonText(manifestSchema, fs.readFileSync(file, "utf8"));
  if (parsed.ok) return parsed.value;
  throw new OpsError(
    "BACKUP_INVALID",
    parsed.problem.kind === "syntax"
      ? `${file} 不是有效的 JSON，备份已损坏`
      : `${file} 的内容不符合备份格式 ${FORMAT}（${parsed.problem.detail}）`,
  );
}

/** Refuses a backup made by a different set of migrations than this program has. */
export function checkSchemaVersion(manifest: Manifest): void {
  const missing = migrationNames.filter((name) => !manifest.schemaVersion.includes(name));
  const unknown = manifest.schemaVersion.filter((name) => !migrationNames.includes(name));
  if (missing.length === 0 && unknown.length === 0) return;
  throw new OpsError(
    "SCHEMA_VERSION_MISMATCH",
    `备份的数据库结构版本与本程序不同，未恢复：${
      unknown.length ? `备份含本程序没有的迁移 ${unknown.join("、")}（备份来自更新的版本）` : ""
    }${unknown.length && missing.length ? "；" : ""}${
      missing.length ? `备份缺少本程序的迁移 ${missing.join("、")}（备份来自更早的版本）` : ""
    }。请用制作该备份的同一版本程序恢复，再升级到新版本。`,
  );
}

/** Checks every artefact's size and SHA-256 before anything is written. */
export async function verifyArtefacts(dir: string, manifest: Manifest): Promise<void> {
  const database = databaseArtefact[manifest.dialect];
  if (!manifest.artefacts.some((artefact) => artefact.path === database))
    throw new OpsError("BACKUP_CORRUPT", `备份清单中没有数据库文件 ${database}，备份不完整`);
  for (const artefact of manifest.artefacts) {
    const file = path.join(dir, artefact.path);
    if (artefact.path.split("/").includes("..") || !fs.existsSync(file))
      throw new OpsError("BACKUP_CORRUPT", `备份不完整：缺少 ${artefact.path}`);
    const actual = await hashFile(file);
    if (actual.sha256 !== artefact.sha256 || actual.size !== artefact.size)
      throw new OpsError(
        "BACKUP_CORRUPT",
        `备份已损坏：${artefact.path} 的校验和与清单不符（清单 ${artefact.sha256.slice(0, 16)}…，实际 ${actual.sha256.slice(0, 16)}…），未恢复任何内容`,
      );
    if (artefact.path.startsWith("files/") && path.basename(artefact.path) !== artefact.sha256)
      throw new OpsError("BACKUP_CORRUPT", `备份已损坏：${artefact.path} 的内容与其文件名（SHA-256）不符`);
  }
}
