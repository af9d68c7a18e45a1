import type { AuditHeadFile, AuditVerification } from "@linxuan/domain";
import { recordEvent } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { checkAuditHead } from "./head";
import { verificationLines, verifyAuditChain } from "./verify";

/** The whole chain, and the head file when one is given: ok only when both hold. */
export async function verifyWithHead(
  deps: Pick<Deps, "db" | "cipher">,
  head: AuditHeadFile | null,
): Promise<AuditVerification> {
  const chain = await verifyAuditChain(deps.db);
  if (!head) return chain;
  const headCheck = await checkAuditHead(deps, head);
  return { ...chain, ok: chain.ok && headCheck.ok, headCheck };
}

/** One line for the audit log and notifications: the outcome and the first problems. */
export function verificationSummary(result: AuditVerification): string {
  if (result.ok) {
    return `审计链校验通过，共 ${result.checked} 条${result.headCheck ? `；${result.headCheck.message}` : ""}`;
  }
  const count = result.problems.length + result.omitted;
  const outcome =
    count > 0
      ? `审计链校验未通过（${count} 处问题）`
      : `审计链校验未通过（链本身完整，共 ${result.checked} 条，但与链头文件不符）`;
  const text = `${outcome}：${verificationLines(result).join("；")}`;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** Verification an administrator asked for, recorded in the audit log. */
export async function verifyAndRecord(
  deps: Deps,
  caller: Caller,
  head: AuditHeadFile | null,
): Promise<AuditVerification> {
  const result = await verifyWithHead(deps, head);
  await recordEvent(deps, caller, "audit.verify", {
    targetType: "audit",
    targetId: null,
    summary: verificationSummary(result),
    detail: {
      checked: result.checked,
      headSeq: result.headSeq,
      problems: result.problems.length + result.omitted,
      firstBadSeq: result.firstBadSeq,
      ...(result.headCheck ? { head: { seq: result.headCheck.seq, ok: result.headCheck.ok } } : {}),
    },
  });
  return result;
}
