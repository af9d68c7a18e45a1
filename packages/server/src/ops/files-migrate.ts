import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { createLocalFileStore, FileStoreError, openFileStore, storedFileKey } from "../storage/files";
import type { Say } from "./backup";
import { OpsError } from "./errors";
import { hashFile } from "./manifest";

export type MigrateCounts = {
  /** Copied into the object store now. */
  copied: number;
  /** Already in the object store with the same length (a key is only ever written after its hash checked out). */
  present: number;
  /** Local files whose content does not hash to their name: not copied. */
  corrupt: number;
  /** Objects already in the store under a name whose length differs from the local file's. */
  conflicting: number;
};

/**
 * `linxuan files migrate [--from <数据目录>]`: copies every file of a data folder's store
 * (`<dir>/files`, by default LINXUAN_DATA_DIR's) into the configured object store, the step from
 * one instance to several. Each local file is hashed first and refused when its content does not
 * match its name; each is hashed again on its way up, and an object appears only complete. Run
 * again, it copies only what is missing, so it can be repeated until the switch-over (e.g. once
 * ahead, once with the platform stopped). Never deletes or changes anything.
 */
export async function migrateFiles(
  config: Config,
  options: { from?: string },
  say: Say,
): Promise<MigrateCounts> {
  if (!config.objectStore)
    throw new OpsError(
      "MIGRATE_NO_TARGET",
      "未配置对象存储：请先设置 LINXUAN_S3_BUCKET（及 LINXUAN_S3_ENDPOINT、LINXUAN_S3_ACCESS_KEY_ID、LINXUAN_S3_SECRET_ACCESS_KEY），再迁移本地文件",
    );
  const dataDir = path.resolve(options.from ?? config.dataDir);
  if (!fs.existsSync(path.join(dataDir, "files")))
    throw new OpsError(
      "MIGRATE_NO_SOURCE",
      `数据目录 ${dataDir} 中没有上传文件（未找到 ${path.join(dataDir, "files")}）：请用 --from 指定原来的数据目录`,
    );
  const local = createLocalFileStore(dataDir);
  const target = await openFileStore(config);
  await target.ready?.().catch((error: Error) => {
    throw new OpsError("MIGRATE_NO_TARGET", `无法访问${target.description}：${error.message}`);
  });
  say(`正在把 ${local.description} 中的文件复制到${target.description}…`);
  const counts: MigrateCounts = { copied: 0, present: 0, corrupt: 0, conflicting: 0 };
  for await (const sha256 of local.list()) {
    const file = path.join(dataDir, storedFileKey(sha256));
    const actual = await hashFile(file);
    if (actual.sha256 !== sha256) {
      counts.corrupt += 1;
      say(`错误：${file} 的内容与其文件名（SHA-256）不符（实际 ${actual.sha256}），文件已损坏，未复制`);
      continue;
    }
    const existing = await target.stat(sha256);
    if (existing && existing.size === actual.size) {
      counts.present += 1;
      continue;
    }
    if (existing) {
      counts.conflicting += 1;
      say(
        `错误：对象存储中已有 ${storedFileKey(sha256)}，但大小为 ${existing.size} 字节，本地文件为 ${actual.size} 字节：请核查并删除该对象后重新迁移`,
      );
      continue;
    }
    try {
      await target.putFile(file, sha256);
      counts.copied += 1;
    } catch (error) {
      // Changed on disk since it was hashed above: counted like any other damaged file.
      if (!(error instanceof FileStoreError && error.code === "HASH_MISMATCH")) throw error;
      counts.corrupt += 1;
      say(`错误：${file} 在复制时内容与其文件名不符：${error.message}`);
    }
  }
  const total = counts.copied + counts.present + counts.corrupt + counts.conflicting;
  say(
    `共 ${total} 个文件：新复制 ${counts.copied} 个，对象存储中已有 ${counts.present} 个，内容损坏未复制 ${counts.corrupt} 个，与已有对象冲突 ${counts.conflicting} 个`,
  );
  return counts;
}
