import type { AuditEventRef, AuditProblem, AuditProblemKind, AuditVerification } from "@linxuan/domain";
import { shanghaiDateTime } from "@linxuan/domain";
import { GENESIS_HASH, hashEvent } from "../../audit-log/chain";
import type { Db } from "../../db/connection";
import type { Row } from "../../db/types";
import { readAuditHead, readAuditPage } from "./queries";

/** Problems listed in full; beyond this only their number is reported. */
export const MAX_LISTED_PROBLEMS = 200;
const PAGE_SIZE = 1000;

type Found = {
  kind: AuditProblemKind;
  fromSeq: number;
  toSeq: number;
  first: AuditEventRef | null;
  last: AuditEventRef | null;
  /** For missing events: the stored neighbours on either side. */
  before?: AuditEventRef | null;
  after?: AuditEventRef | null;
  /** An edited event holding U+FFFD: possibly hashed by an old version over the original text. */
  replacement?: boolean;
};

/**
 * Walks the whole chain in order and reports every broken link, not only the first: events edited
 * (the hash no longer matches the stored fields), events deleted (a gap in seq), links broken (an
 * event's `prevHash` is not the stored hash of the event before: that one's hash was changed, or
 * events were inserted or renumbered), a deleted tail (the head points past the last event), events
 * after the head, and a head that does not match the last event. Each event is checked against its
 * own stored `prevHash`, and the next against this one's stored hash, so one edit is reported once
 * and edits further on are still found. Consecutive problems of one kind come as one range.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  // Problems beyond the listed ones are only counted (still merged into ranges), so a table
  // tampered with throughout costs no more memory than one tampered with once.
  const found: Found[] = [];
  let omitted = 0;
  let latest: Found | null = null;
  const add = (problem: Found) => {
    if (latest && latest.kind === problem.kind && latest.toSeq + 1 === problem.fromSeq) {
      latest.toSeq = problem.toSeq;
      latest.last = problem.last;
      latest.replacement ||= problem.replacement;
      return;
    }
    if (found.length < MAX_LISTED_PROBLEMS) found.push(problem);
    else omitted++;
    latest = problem;
  };
  const walked: { last: Row<"auditEvents"> | null; checked: number } = { last: null, checked: 0 };
  const walk = async () => {
    for (;;) {
      const rows = await readAuditPage(db, walked.last?.seq ?? 0, PAGE_SIZE);
      if (rows.length === 0) return;
      for (const row of rows) {
        checkEvent(row, walked.last, add);
        walked.last = row;
        walked.checked++;
      }
    }
  };
  await walk();
  // Events committed after the last page was read move the head on; read them too before judging
  // the tail, so that a busy platform is not reported as having lost its last events.
  let head = await readAuditHead(db);
  while (head.seq > (walked.last?.seq ?? 0)) {
    const before = walked.checked;
    await walk();
    if (walked.checked === before) break;
    head = await readAuditHead(db);
  }
  const lastSeq = walked.last?.seq ?? 0;
  const afterHead = head.seq < lastSeq ? await readAuditPage(db, head.seq, 1) : [];
  checkHead(head, walked.last, afterHead[0] ?? null, add);
  const checked = walked.checked;

  const problems = found.map(describe);
  return {
    ok: found.length === 0,
    checked,
    headSeq: head.seq,
    firstBadSeq: found.length > 0 ? Math.min(...found.map((problem) => problem.fromSeq)) : null,
    problems,
    omitted,
    headCheck: null,
  };
}

function checkEvent(
  row: Row<"auditEvents">,
  previous: Row<"auditEvents"> | null,
  add: (problem: Found) => void,
) {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  const here = ref(row);
  if (row.seq !== expectedSeq) {
    add({
      kind: "missing",
      fromSeq: expectedSeq,
      toSeq: row.seq - 1,
      first: null,
      last: null,
      before: previous ? ref(previous) : null,
      after: here,
    });
  } else if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    // Without a gap the link must hold; with one it cannot, and the gap already says why.
    add({ kind: "relinked", fromSeq: row.seq, toSeq: row.seq, first: here, last: here });
  }
  if (hashEvent(row.prevHash, row) !== row.hash) {
    const replacement = [row.summary, row.detail, row.actorUsername, row.targetId].some((text) =>
      text?.includes("\uFFFD"),
    );
    add({ kind: "edited", fromSeq: row.seq, toSeq: row.seq, first: here, last: here, replacement });
  }
}

function checkHead(
  head: { seq: number; hash: string },
  last: Row<"auditEvents"> | null,
  firstAfterHead: Row<"auditEvents"> | null,
  add: (problem: Found) => void,
) {
  const lastSeq = last?.seq ?? 0;
  const lastRef = last ? ref(last) : null;
  if (head.seq > lastSeq) {
    add({
      kind: "missingTail",
      fromSeq: lastSeq + 1,
      toSeq: head.seq,
      first: null,
      last: null,
      before: lastRef,
    });
  } else if (head.seq < lastSeq) {
    // Every stored event moved the head past itself in its own transaction.
    add({
      kind: "beyondHead",
      fromSeq: firstAfterHead?.seq ?? head.seq + 1,
      toSeq: lastSeq,
      first: firstAfterHead ? ref(firstAfterHead) : null,
      last: lastRef,
    });
  } else if (head.hash !== (last?.hash ?? GENESIS_HASH)) {
    add({ kind: "headMismatch", fromSeq: lastSeq, toSeq: lastSeq, first: lastRef, last: lastRef });
  }
}

const ref = (row: Row<"auditEvents">): AuditEventRef => ({ seq: row.seq, at: row.at, command: row.command });

/** `第 12 条（2026-12-07 10:30:00，auth.login）` */
export function eventText(event: AuditEventRef): string {
  return `第 ${event.seq} 条（${shanghaiDateTime(event.at)}，${event.command}）`;
}

function rangeText(problem: Found): string {
  const one = (seq: number, event: AuditEventRef | null) => (event ? eventText(event) : `第 ${seq} 条`);
  if (problem.fromSeq === problem.toSeq) return one(problem.fromSeq, problem.first);
  return `${one(problem.fromSeq, problem.first)}至${one(problem.toSeq, problem.last)}`;
}

function describe(problem: Found): AuditProblem {
  const range = rangeText(problem);
  const count = problem.toSeq - problem.fromSeq + 1;
  let message: string;
  switch (problem.kind) {
    case "edited":
      message = `${range}的内容被改动（哈希与记录的内容不符）${
        problem.replacement
          ? "；其中含替换字符 U+FFFD，也可能是旧版本按未能存储的原文计算了哈希，请对照备份核实"
          : ""
      }`;
      break;
    case "relinked":
      message = `${range}与前一条的链接不符（前一条的哈希被改动，或其间有事件被插入、删除）`;
      break;
    case "missing":
      message = `${range}缺失，共 ${count} 条（被删除）：位于${
        problem.before ? eventText(problem.before) : "链的开头"
      }与${problem.after ? eventText(problem.after) : "链的末尾"}之间`;
      break;
    case "missingTail":
      message = `链末尾的${range}缺失，共 ${count} 条（被删除）：链头记录到第 ${problem.toSeq} 条，最后一条是${
        problem.before ? eventText(problem.before) : "（无）"
      }`;
      break;
    case "beyondHead":
      message = `${range}在链头（第 ${problem.fromSeq - 1} 条）之后：事件被插入，或链头被改动`;
      break;
    case "headMismatch":
      message = `链头记录的哈希与${range}不符（链头或最后一条事件的哈希被改动）`;
      break;
  }
  return {
    kind: problem.kind,
    fromSeq: problem.fromSeq,
    toSeq: problem.toSeq,
    first: problem.first,
    last: problem.last,
    message,
  };
}

/** The verification as lines of Chinese text (CLI, job result, audit summary). */
export function verificationLines(result: AuditVerification): string[] {
  const lines = result.problems.map((problem) => problem.message);
  if (result.omitted > 0) lines.push(`另有 ${result.omitted} 处问题未列出`);
  if (result.headCheck) lines.push(result.headCheck.message);
  return lines;
}
