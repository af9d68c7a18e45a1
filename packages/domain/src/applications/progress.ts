import type { StageCode } from "../batches/schema";
import type { ApplicationStatus } from "./statuses";

/** One step of the institution's progress bar: 提交 → 推荐/形式审查 → 评议 → 审定 → 公示 → 目录. */
export type ProgressStep = {
  stage: StageCode;
  title: string;
  /** done: behind it; current: where it is now; waiting: ahead; failed: where it ended. */
  state: "done" | "current" | "waiting" | "failed";
  /** For the current or failed step, in a few words: 待修改后重新提交, 公示期内 … */
  note: string | null;
};

const titles: Readonly<Record<StageCode, string>> = {
  submission: "提交",
  recommendation: "推荐",
  formalCheck: "形式审查",
  expertReview: "专家评议",
  decision: "审定",
  publicNotice: "公示",
  catalog: "纳入目录",
};

/** The order of the steps, whatever order the batch lists its stages in. */
const ORDER: readonly StageCode[] = [
  "submission",
  "recommendation",
  "formalCheck",
  "expertReview",
  "decision",
  "publicNotice",
  "catalog",
];

/**
 * Where the application stands, step by step, for the batch's own stages (the national batch has
 * 推荐, Shanghai 形式审查; a batch without 专家评议 shows none). `at` is the step the status is
 * in (current or failed); the steps before it are done and those after it waiting — all done once
 * listed.
 */
type Position = { at: StageCode | "after"; state: "current" | "failed"; note: string | null };

function position(status: ApplicationStatus, stages: readonly StageCode[]): Position {
  // The step that follows `stage` in this batch: a submitted application waits at the next one.
  const after = (stage: StageCode): StageCode | "after" =>
    ORDER.slice(ORDER.indexOf(stage) + 1).find((code) => stages.includes(code)) ?? "after";
  switch (status) {
    case "draft":
      return { at: "submission", state: "current", note: "填写中，尚未提交" };
    case "returned":
      return { at: "submission", state: "current", note: "已退回，请修改后重新提交" };
    case "withdrawn":
      return { at: "submission", state: "failed", note: "已撤回" };
    case "submitted":
    case "resubmitted":
      return { at: after("submission"), state: "current", note: "等待办理" };
    case "recommended":
      return { at: after("recommendation"), state: "current", note: "等待办理" };
    case "notRecommended":
      return { at: "recommendation", state: "failed", note: "未获推荐" };
    case "formallyChecked":
      return { at: after("formalCheck"), state: "current", note: "等待办理" };
    case "underReview":
      return { at: "expertReview", state: "current", note: "专家评议中" };
    case "reviewed":
      return { at: after("expertReview"), state: "current", note: "等待审定" };
    case "approved":
      return { at: after("decision"), state: "current", note: "等待发布公示" };
    case "rejected":
      return { at: "decision", state: "failed", note: "审定未通过" };
    case "inPublicNotice":
      return { at: "publicNotice", state: "current", note: "公示期内" };
    case "removed":
      return { at: "publicNotice", state: "failed", note: "异议成立，已移出" };
    case "listed":
      return { at: "after", state: "current", note: null };
  }
}

export function applicationProgress(status: ApplicationStatus, stages: readonly StageCode[]): ProgressStep[] {
  const shown = ORDER.filter((code) => stages.includes(code) || code === "submission" || code === "catalog");
  const { at, state, note } = position(status, shown);
  const atIndex = at === "after" ? shown.length : shown.indexOf(at);
  return shown.map((stage, index) => {
    if (index < atIndex) return { stage, title: titles[stage], state: "done", note: null };
    if (index === atIndex) return { stage, title: titles[stage], state, note };
    return { stage, title: titles[stage], state: "waiting", note: null };
  });
}
