import { type IsoDate, toEpochDay } from "../calendar/iso-date";
import { shanghaiChineseDate, shanghaiDate } from "../calendar/shanghai-time";

/** What the receiving centre does with paper copies that arrived after the batch's paper deadline. */
export const LATE_PAPER_DECISIONS = ["accepted", "refused"] as const;
export type LatePaperDecision = (typeof LATE_PAPER_DECISIONS)[number];

export const latePaperDecisionLabels: Record<LatePaperDecision, string> = {
  accepted: "逾期接收",
  refused: "不予接收",
};

export type PaperTiming =
  | { late: false }
  | { late: true; deadlineDate: IsoDate; daysLate: number; deadlineText: string };

/**
 * Whether paper copies received on `receivedOn` (a Beijing date) missed the batch's paper
 * deadline ("2026年4月3日前报送" ends with that day, as `paperDeadline` 23:59:59 says). A batch
 * without a paper deadline has no late copies.
 */
export function paperTiming(receivedOn: IsoDate, paperDeadline: string | null): PaperTiming {
  if (!paperDeadline) return { late: false };
  const deadlineDate = shanghaiDate(paperDeadline);
  const daysLate = toEpochDay(receivedOn) - toEpochDay(deadlineDate);
  if (daysLate <= 0) return { late: false };
  return { late: true, deadlineDate, daysLate, deadlineText: shanghaiChineseDate(paperDeadline) };
}

export type PaperReceiptInput = {
  receivedOn: IsoDate;
  lateDecision?: LatePaperDecision | null | undefined;
  lateReason?: string | null | undefined;
};

export type PaperReceiptProblem = {
  path: "receivedOn" | "lateDecision" | "lateReason";
  code: "received_in_future" | "late_decision_required" | "late_reason_required" | "not_late";
  message: string;
};

/**
 * The checks on a 纸质材料接收 record: not dated after today; copies that came after the paper
 * deadline need the centre's choice (逾期接收 or 不予接收) with its reason; copies in time take
 * neither (so no stale choice stays on a corrected record).
 */
export function checkPaperReceipt(
  input: PaperReceiptInput,
  context: { today: IsoDate; paperDeadline: string | null },
): { timing: PaperTiming; problems: PaperReceiptProblem[] } {
  const problems: PaperReceiptProblem[] = [];
  if (input.receivedOn > context.today) {
    problems.push({ path: "receivedOn", code: "received_in_future", message: "接收日期不能晚于今天" });
  }
  const timing = paperTiming(input.receivedOn, context.paperDeadline);
  const reason = input.lateReason?.trim() ?? "";
  if (timing.late) {
    const when = `接收日期晚于纸质材料报送截止时间（${timing.deadlineText}）${timing.daysLate}天`;
    if (!input.lateDecision) {
      problems.push({
        path: "lateDecision",
        code: "late_decision_required",
        message: `${when}，请选择逾期接收或不予接收`,
      });
    }
    if (reason.length < 2) {
      problems.push({
        path: "lateReason",
        code: "late_reason_required",
        message: `${when}，请填写逾期处理理由`,
      });
    }
  } else if (input.lateDecision) {
    problems.push({
      path: "lateDecision",
      code: "not_late",
      message: "接收日期未晚于报送截止时间，无需作逾期处理",
    });
  }
  return { timing, problems };
}
