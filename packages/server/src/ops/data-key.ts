import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import type { Db } from "../db/connection";
import { runCommand } from "../http/command";
import { createCipher } from "../http/crypto";
import { systemCaller } from "../http/deps";
import type { Clock } from "../http/time";
import { OpsError } from "./errors";
import { insertKeyFingerprint, readKeyFingerprint } from "./queries";
import { findSealedSample } from "./sealed-values";

/** The data key sealing ID and phone numbers, where it came from, and its fingerprint. */
export type DataKey = { key: Buffer; fingerprint: string; source: "env" | "file"; file: string };

export const KEY_FILE = "secret.key";
export const keyFileOf = (dataDir: string) => path.join(dataDir, KEY_FILE);
/** Where a rotation writes the new key before it commits (see key-rotate.ts). */
export const newKeyFileOf = (dataDir: string) => path.join(dataDir, `${KEY_FILE}.new`);

/**
 * What identifies a key without revealing it: HMAC-SHA256 of a fixed label under the key, the
 * first 128 bits in hex. Stored in the database, printed in messages and backup manifests.
 */
export function keyFingerprint(key: Buffer): string {
  return crypto
    .createHmac("sha256", key)
    .update("linxuan data key fingerprint v1")
    .digest("hex")
    .slice(0, 32);
}

/** A key as `LINXUAN_SECRET_KEY` or secret.key holds it: 64 hex characters, or base64 of 32 bytes. */
export function parseKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32)
    throw new OpsError("DATA_KEY_INVALID", `${origin} 应为64位十六进制或32字节的 base64`);
  return key;
}

/** Writes a key file (0600) so that it is whole or absent, even after a crash. */
export function writeKeyFile(file: string, key: Buffer, options: { replace: boolean }): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  const handle = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeSync(handle, key.toString("hex"));
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  try {
    if (options.replace) fs.renameSync(temp, file);
    else linkOrCopy(temp, file); // fails with EEXIST instead of replacing another process's key
  } finally {
    if (!options.replace) fs.rmSync(temp, { force: true });
  }
  syncDirectory(path.dirname(file));
}

/** A second name for a file that must not replace an existing one (a copy where links are not supported). */
export function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}

export function syncDirectory(dir: string): void {
  const handle = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(handle);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    fs.closeSync(handle);
  }
}

/** The key the operator supplied (variable first, then the key file), or null when neither exists. */
export function readSuppliedKey(config: Pick<Config, "secretKey" | "dataDir">): DataKey | null {
  const file = keyFileOf(config.dataDir);
  if (config.secretKey) {
    const key = parseKey(config.secretKey, "LINXUAN_SECRET_KEY");
    return { key, fingerprint: keyFingerprint(key), source: "env", file };
  }
  if (!fs.existsSync(file)) return null;
  const key = parseKey(fs.readFileSync(file, "utf8"), file);
  return { key, fingerprint: keyFingerprint(key), source: "file", file };
}

const describeSource = (key: DataKey) =>
  key.source === "env" ? "LINXUAN_SECRET_KEY" : `密钥文件 ${key.file}`;

function restoreHint(dataDir: string, fingerprint: string | null): string {
  const which = fingerprint ? `指纹为 ${fingerprint} 的` : "原来的";
  return `请恢复${which}数据密钥：把备份的 secret.key 文件放到 ${keyFileOf(dataDir)}，或把 LINXUAN_SECRET_KEY 设为该密钥`;
}

/** A crashed rotation leaves the committed key in secret.key.new: say so rather than guess. */
function pendingRotationHint(dataDir: string, stored: string): string {
  const file = newKeyFileOf(dataDir);
  try {
    if (keyFingerprint(parseKey(fs.readFileSync(file, "utf8"), file)) !== stored) return "";
  } catch {
    return "";
  }
  return `。${file} 中的密钥与数据库相符（上次密钥轮换已提交但未完成）：把它改名为 ${KEY_FILE}（使用 LINXUAN_SECRET_KEY 时改为其中的值）即可启动`;
}

/**
 * The data key for this database, checked against the fingerprint stored in it; never a silent
 * new key over data sealed with another. A new key is created only for an empty platform (no
 * fingerprint, nothing sealed). A database from before fingerprints gets the current key's, if
 * that key opens what is already sealed. Anything else stops the process with what to restore.
 */
export async function openDataKey(
  deps: { db: Db; clock: Clock },
  config: Pick<Config, "secretKey" | "dataDir">,
): Promise<DataKey> {
  const stored = await readKeyFingerprint(deps.db);
  let supplied = readSuppliedKey(config);
  if (!supplied) {
    const sample = stored ? null : await findSealedSample(deps.db);
    if (stored || sample) {
      throw new OpsError(
        "DATA_KEY_MISSING",
        `找不到数据密钥：未设置 LINXUAN_SECRET_KEY，${keyFileOf(config.dataDir)} 也不存在，但${stored ? `数据库已登记了数据密钥（指纹 ${stored}）` : "数据库中已有加密的身份证号或电话"}。` +
          `平台没有启动，也没有生成新密钥（新密钥打不开已有数据）。${restoreHint(config.dataDir, stored)}${stored ? pendingRotationHint(config.dataDir, stored) : ""}`,
      );
    }
    try {
      writeKeyFile(keyFileOf(config.dataDir), crypto.randomBytes(32), { replace: false });
    } catch (error) {
      // Another instance created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    supplied = readSuppliedKey(config) as DataKey;
  }
  if (stored) {
    if (stored !== supplied.fingerprint) {
      throw new OpsError(
        "DATA_KEY_MISMATCH",
        `数据密钥与数据库不符：数据库记录的密钥指纹为 ${stored}，${describeSource(supplied)} 的指纹为 ${supplied.fingerprint}。` +
          `平台没有启动，以免用错误的密钥读写加密数据。${restoreHint(config.dataDir, stored)}${pendingRotationHint(config.dataDir, stored)}`,
      );
    }
    return supplied;
  }
  const sample = await findSealedSample(deps.db);
  if (sample) {
    try {
      createCipher(supplied.key).decrypt(sample.stored);
    } catch {
      throw new OpsError(
        "DATA_KEY_MISMATCH",
        `${describeSource(supplied)}（指纹 ${supplied.fingerprint}）打不开数据库中已加密的数据（${sample.place}）。平台没有启动。${restoreHint(config.dataDir, null)}`,
      );
    }
  }
  await recordFingerprint(deps, supplied);
  return supplied;
}

class AlreadyRecorded extends Error {}

async function recordFingerprint(deps: { db: Db; clock: Clock }, key: DataKey): Promise<void> {
  try {
    await runCommand(
      deps,
      systemCaller,
      "dataKey.record",
      async (trx) => {
        if (!(await insertKeyFingerprint(trx, key.fingerprint, deps.clock().toISOString())))
          throw new AlreadyRecorded();
      },
      () => ({
        targetType: "dataKey",
        targetId: null,
        summary: `登记数据密钥指纹 ${key.fingerprint}（来自${key.source === "env" ? " LINXUAN_SECRET_KEY" : "密钥文件"}）`,
      }),
    );
  } catch (error) {
    if (!(error instanceof AlreadyRecorded)) throw error;
    // Another instance recorded one at the same moment: it must be the same key.
    const stored = await readKeyFingerprint(deps.db);
    if (stored !== key.fingerprint)
      throw new OpsError(
        "DATA_KEY_MISMATCH",
        `另一个实例刚登记了不同的数据密钥（指纹 ${stored}），本实例的密钥指纹为 ${key.fingerprint}：所有实例须使用同一个 LINXUAN_SECRET_KEY。`,
      );
  }
}
