import { z } from "zod";
import { labelled, multiline } from "../validators/text-tree";

/*
 * 考察 (site visit): notice 四(四) lets the office, 必要时, inspect an evaluation institution on site
 * before the decision. A visit is planned (plan, team, date), its findings recorded (with
 * attachments), then concluded; the conclusion is printed beside the scores and in the 评议结果意见.
 */

/** planned → recorded → concluded; a conclusion is final. */
export const SITE_VISIT_STATES = ["planned", "recorded", "concluded"] as const;
export type SiteVisitState = (typeof SITE_VISIT_STATES)[number];

export const SITE_VISIT_STATE_NAMES: Record<SiteVisitState, string> = {
  planned: "已制定考察方案",
  recorded: "已记录考察情况",
  concluded: "已作出考察结论",
};

/** What the office does to a visit. */
export type SiteVisitCommand = "plan" | "record" | "attach" | "conclude";

/** The office's conclusion: 符合 / 基本符合 / 不符合. */
export const SITE_VISIT_CONCLUSIONS = ["conforming", "partlyConforming", "nonConforming"] as const;
export type SiteVisitConclusion = (typeof SITE_VISIT_CONCLUSIONS)[number];

export const SITE_VISIT_CONCLUSION_NAMES: Record<SiteVisitConclusion, string> = {
  conforming: "符合",
  partlyConforming: "基本符合",
  nonConforming: "不符合",
};

// The states each command may start from (null: no visit yet). Planning again revises the plan
// until findings are recorded; findings may be revised and attachments added until the conclusion.
const allowed: Record<SiteVisitCommand, readonly (SiteVisitState | null)[]> = {
  plan: [null, "planned"],
  record: ["planned", "recorded"],
  attach: ["planned", "recorded"],
  conclude: ["recorded"],
};

const targets: Record<SiteVisitCommand, SiteVisitState | null> = {
  plan: "planned",
  record: "recorded",
  attach: null,
  conclude: "concluded",
};

/**
 * Whether `command` may run on a visit in `state` (null when none is planned), and the state it
 * leaves the visit in; otherwise the Chinese reason.
 */
export function siteVisitTransition(
  state: SiteVisitState | null,
  command: SiteVisitCommand,
): { ok: true; to: SiteVisitState } | { ok: false; reason: string } {
  if (!allowed[command].includes(state)) {
    const reasons: Record<SiteVisitCommand, string> = {
      plan: "考察情况已记录，考察方案不能再修改",
      record: state === null ? "请先制定考察方案，再记录考察情况" : "考察结论已作出，考察情况不能再修改",
      attach: state === null ? "请先制定考察方案，再上传考察材料" : "考察结论已作出，不能再上传考察材料",
      conclude: state === "concluded" ? "考察结论已作出，不能再修改" : "请先记录考察情况，再作出考察结论",
    };
    return { ok: false, reason: reasons[command] };
  }
  return { ok: true, to: targets[command] ?? (state as SiteVisitState) };
}

/** Whether an application's status lets the office visit: under or after expert review, before 审定. */
export function siteVisitOpen(status: string): boolean {
  return status === "underReview" || status === "reviewed";
}

const isoDate = z
  .string({ error: "请填写考察日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "考察日期格式应为 2026-12-07")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "考察日期不是有效日期");

const member = z.object({
  name: labelled(
    z
      .string({ error: "请填写考察组成员姓名" })
      .trim()
      .min(2, "考察组成员姓名至少2个字")
      .max(30, "考察组成员姓名不超过30个字"),
    "考察组成员姓名",
  ),
  unit: labelled(
    z
      .string({ error: "请填写考察组成员单位" })
      .trim()
      .min(2, "考察组成员单位至少2个字")
      .max(100, "考察组成员单位不超过100个字"),
    "考察组成员单位",
  ),
});

/** 考察方案: what to inspect, who goes, when. */
export const siteVisitPlanSchema = z.object({
  plan: multiline(
    labelled(
      z
        .string({ error: "请填写考察方案" })
        .trim()
        .min(10, "考察方案至少10个字")
        .max(2000, "考察方案不超过2000个字"),
      "考察方案",
    ),
  ),
  team: z
    .array(member, { error: "请填写考察组成员" })
    .min(2, "考察组至少2名成员")
    .max(10, "考察组不超过10名成员"),
  visitDate: labelled(isoDate, "考察日期"),
});
export type SiteVisitPlanInput = z.infer<typeof siteVisitPlanSchema>;

/** 考察情况: what the team found. */
export const siteVisitRecordSchema = z.object({
  findings: multiline(
    labelled(
      z
        .string({ error: "请填写考察情况" })
        .trim()
        .min(10, "考察情况至少10个字")
        .max(5000, "考察情况不超过5000个字"),
      "考察情况",
    ),
  ),
});

/** 考察结论: one of the three, with the office's text. */
export const siteVisitConcludeSchema = z.object({
  conclusion: z.enum(SITE_VISIT_CONCLUSIONS, { error: "请选择考察结论（符合、基本符合或不符合）" }),
  conclusionText: multiline(
    labelled(
      z
        .string({ error: "请填写考察结论意见" })
        .trim()
        .min(4, "考察结论意见至少4个字")
        .max(2000, "考察结论意见不超过2000个字"),
      "考察结论意见",
    ),
  ),
});

/** The sentence the 评议结果意见 and the decision page print for a concluded visit. */
export function siteVisitSentence(visit: {
  visitDate: string;
  conclusion: SiteVisitConclusion;
  conclusionText: string;
}): string {
  const [y, m, d] = visit.visitDate.split("-").map(Number);
  return `${y}年${m}月${d}日实地考察，结论：${SITE_VISIT_CONCLUSION_NAMES[visit.conclusion]}（${visit.conclusionText}）`;
}
