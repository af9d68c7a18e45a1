import type { Db } from "../../db/connection";
import { GENESIS_HASH, hashEvent } from "./chain";
import { readAuditHead, readAuditPage } from "./queries";

export type AuditVerification = {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: string | null;
};

/**
 * Walks the whole chain in order and reports the first event that was edited (its hash no
 * longer matches its fields), inserted or deleted (a gap in seq or a broken link), or a
 * deleted tail (the head points past the last event).
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await readAuditPage(db, prevSeq, 1000);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== prevSeq + 1) {
        return fail(checked, prevSeq + 1, `第 ${prevSeq + 1} 条至第 ${row.seq - 1} 条审计事件缺失（被删除）`);
      }
      if (row.prevHash !== prevHash) {
        return fail(
          checked,
          row.seq,
          `第 ${row.seq} 条审计事件与前一条的链接不符（前序事件被删除、插入或改动）`,
        );
      }
      if (hashEvent(prevHash, row) !== row.hash) {
        return fail(checked, row.seq, `第 ${row.seq} 条审计事件的内容被改动（哈希不符）`);
      }
      prevHash = row.hash;
      prevSeq = row.seq;
      checked++;
    }
  }
  const head = await readAuditHead(db);
  if (head.seq !== prevSeq || head.hash !== prevHash) {
    return fail(
      checked,
      prevSeq + 1,
      `审计链末尾的事件缺失：链头记录到第 ${head.seq} 条，实际只有 ${prevSeq} 条`,
    );
  }
  return { ok: true, checked, firstBadSeq: null, problem: null };
}

function fail(checked: number, seq: number, problem: string): AuditVerification {
  return { ok: false, checked, firstBadSeq: seq, problem };
}
