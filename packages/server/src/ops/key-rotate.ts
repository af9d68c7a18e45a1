import crypto from "node:crypto";
import fs from "node:fs";
import type { Runtime } from "../bootstrap";
import { runCommand } from "../http/command";
import { createCipher } from "../http/crypto";
import type { Caller } from "../http/deps";
import type { Say } from "./backup";
import { keyFingerprint, linkOrCopy, newKeyFileOf, syncDirectory, writeKeyFile } from "./data-key";
import { OpsError } from "./errors";
import { replaceKeyFingerprint } from "./queries";
import { resealAll } from "./sealed-values";

export type Rotation = { fingerprint: string; previous: string; counts: Record<string, number> };

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

/**
 * `linxuan key rotate`: every sealed value re-sealed with a new key and the stored fingerprint
 * moved, in one transaction with its audit event. The new key is on disk (secret.key.new) before
 * the commit, so no crash can leave data sealed with a key that exists nowhere; after the commit
 * the old key file is kept as secret.key.old-<time> and the new one takes its name.
 */
export async function rotateDataKey(runtime: Runtime, caller: Caller, say: Say): Promise<Rotation> {
  const { deps, dataKey } = runtime;
  const dataDir = deps.config.dataDir;
  const key = crypto.randomBytes(32);
  const fingerprint = keyFingerprint(key);
  const pending = newKeyFileOf(dataDir);
  writeKeyFile(pending, key, { replace: true });
  let counts: Record<string, number>;
  try {
    counts = await runCommand(
      deps,
      caller,
      "dataKey.rotate",
      async (trx) => {
        const at = deps.clock().toISOString();
        if (!(await replaceKeyFingerprint(trx, dataKey.fingerprint, fingerprint, at)))
          throw new OpsError("DATA_KEY_CHANGED", "数据库记录的密钥指纹已被另一个进程改变，轮换已取消");
        return resealAll(trx, deps.cipher, createCipher(key));
      },
      (result) => ({
        targetType: "dataKey",
        targetId: null,
        summary: `轮换数据密钥：指纹 ${dataKey.fingerprint} → ${fingerprint}，重新加密 ${total(result)} 项`,
        detail: { from: dataKey.fingerprint, to: fingerprint, resealed: result },
      }),
    );
  } catch (error) {
    fs.rmSync(pending, { force: true });
    throw error;
  }
  say(`已用新密钥重新加密 ${total(counts)} 项加密数据，数据库记录的密钥指纹已改为 ${fingerprint}`);
  if (dataKey.source === "file") {
    const old = `${dataKey.file}.old-${stamp(deps.clock())}`;
    // A hard link keeps secret.key in place until the rename replaces it: never a moment without one.
    linkOrCopy(dataKey.file, old);
    fs.renameSync(pending, dataKey.file);
    syncDirectory(dataDir);
    say(`新密钥已写入 ${dataKey.file}。旧密钥保存为 ${old}：`);
    say("  以前的备份只能用旧密钥恢复。请立即做一次新的备份（新密钥另行保管），确认无误后再销毁旧密钥文件。");
  } else {
    say("密钥来自 LINXUAN_SECRET_KEY。新密钥（只显示这一次）：");
    say(`  ${key.toString("hex")}`);
    say(
      `请立即把每个实例的 LINXUAN_SECRET_KEY 改为上面的值后再启动（旧值已不能启动平台）。新密钥也暂存在 ${pending}，改好变量后请删除该文件。` +
        "以前的备份只能用旧密钥恢复：做一次新的备份后再销毁旧密钥。",
    );
  }
  return { fingerprint, previous: dataKey.fingerprint, counts };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
