import crypto from "node:crypto";
import {
  AUDIT_HEAD_FORMAT,
  type AuditHeadCheck,
  type AuditHeadFile,
  shanghaiDateTime,
} from "@linxuan/domain";
import { GENESIS_HASH } from "../../audit-log/chain";
import type { Db } from "../../db/connection";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { findAuditEvent, readAuditHead } from "./queries";
import { eventText } from "./verify";

/** The purpose the head signature's key is derived for (see `Cipher.sign`). */
const HEAD_SIGNING_PURPOSE = "linxuan/audit-head/v1";

type Signer = Pick<Deps["cipher"], "sign">;

/** Which data key signed a head file, without revealing anything about the key. */
export function headKeyId(cipher: Signer): string {
  return cipher.sign(HEAD_SIGNING_PURPOSE, "key-id").slice(0, 16);
}

/** Every field but the signature, in a fixed order. */
function signedText(head: Omit<AuditHeadFile, "signature">): string {
  return JSON.stringify([
    head.format,
    head.platform,
    head.keyId,
    head.seq,
    head.hash,
    head.eventAt,
    head.exportedAt,
    head.exportedBy,
  ]);
}

export function signHead(cipher: Signer, head: Omit<AuditHeadFile, "signature">): AuditHeadFile {
  return { ...head, signature: cipher.sign(HEAD_SIGNING_PURPOSE, signedText(head)) };
}

/** The head as it stands: the head row, checked against the last event it points to. */
async function currentHead(db: Db): Promise<{ seq: number; hash: string; at: string | null }> {
  const head = await readAuditHead(db);
  if (head.seq === 0) {
    if (head.hash !== GENESIS_HASH) throw headUnsound();
    return { ...head, at: null };
  }
  const last = await findAuditEvent(db, head.seq);
  if (!last || last.hash !== head.hash) throw headUnsound();
  return { ...head, at: last.at };
}

const headUnsound = () =>
  new AppError("CONFLICT", "审计链头与最后一条事件不符，不能导出；请先校验审计链并保全数据库备份");

/**
 * Exports the chain head, signed, for the administrator to keep outside the platform. The export
 * is an audit event itself, recording the head it handed out; the file holds the head as it was
 * just before that event.
 */
export async function exportAuditHead(deps: Deps, caller: Caller): Promise<AuditHeadFile> {
  return runCommand(
    deps,
    caller,
    "audit.exportHead",
    async (trx) => {
      const head = await currentHead(trx);
      return signHead(deps.cipher, {
        format: AUDIT_HEAD_FORMAT,
        platform: deps.config.publicBaseUrl,
        keyId: headKeyId(deps.cipher),
        seq: head.seq,
        hash: head.hash,
        eventAt: head.at,
        exportedAt: deps.clock().toISOString(),
        exportedBy: caller.username,
      });
    },
    (file) => ({
      targetType: "audit",
      targetId: String(file.seq),
      summary: `导出审计链头：第 ${file.seq} 条，哈希 ${file.hash.slice(0, 16)}…`,
      detail: { seq: file.seq, hash: file.hash, keyId: file.keyId, signature: file.signature },
    }),
  );
}

function signatureHolds(cipher: Signer, file: AuditHeadFile): boolean {
  const expected = Buffer.from(signHead(cipher, file).signature, "hex");
  const given = Buffer.from(file.signature, "hex");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/**
 * Checks a head file against the chain as it is now: signed by this platform's data key, and the
 * event it names still stored with the same hash and time. A chain rewritten wholesale after the
 * export verifies on its own, but no longer holds the exported head.
 */
export async function checkAuditHead(
  deps: Pick<Deps, "db" | "cipher">,
  file: AuditHeadFile,
): Promise<AuditHeadCheck> {
  const exported = shanghaiDateTime(file.exportedAt);
  const result = (ok: boolean, message: string): AuditHeadCheck => ({
    ok,
    seq: file.seq,
    exportedAt: file.exportedAt,
    message: `${ok ? "链头文件核对通过" : "链头文件核对未通过"}：${message}`,
  });
  if (file.keyId !== headKeyId(deps.cipher)) {
    return result(
      false,
      "文件由另一数据密钥签发（其他平台导出的文件，或本平台的数据密钥已更换），无法确认其真实性",
    );
  }
  if (!signatureHolds(deps.cipher, file)) {
    return result(false, "签名无效，文件内容在导出后被改动");
  }
  if (file.seq === 0) {
    return file.hash === GENESIS_HASH
      ? result(true, `文件记录的是 ${exported} 导出时的空链`)
      : result(false, "文件记录的空链哈希不正确");
  }
  const event = await findAuditEvent(deps.db, file.seq);
  if (!event) {
    return result(false, `${exported} 导出时的链头第 ${file.seq} 条已不存在：审计链在导出之后被删除或改写`);
  }
  if (event.hash !== file.hash || event.at !== file.eventAt) {
    return result(
      false,
      `${eventText(event)}与 ${exported} 导出时的链头不同（导出时哈希 ${file.hash.slice(0, 16)}…，现为 ${event.hash.slice(0, 16)}…）：审计链在导出之后被改写`,
    );
  }
  return result(true, `${eventText(event)}与 ${exported} 导出时的链头一致，签名有效`);
}
