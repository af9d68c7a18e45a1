import { z } from "zod";
import { multiline } from "../validators/text-tree";
import { countWords } from "../validators/word-count";
import { isOnStep, type Rubric, type RubricCriterion } from "./rubric";

/** Limits on what an expert writes, counted as the forms count 字数. */
export const RATIONALE_MAX_WORDS = 500;
export const OVERALL_MAX_WORDS = 1000;

/** An expert's score sheet (评分表) for one application: a score and a rationale per criterion. */
export const scoreSheetSchema = z.object({
  scores: z.record(z.string(), z.number({ error: "评分应为数字" }).nullable()),
  rationales: z.record(z.string(), multiline(z.string({ error: "评分理由应为文字" }))),
  /** 综合评议意见. */
  overall: multiline(z.string({ error: "综合评议意见应为文字" })),
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

/** A problem with a score sheet; `criterionKey` is null for the overall opinion and unknown keys. */
export type ScoreIssue = { path: string; criterionKey: string | null; message: string };

/**
 * Checks a score sheet against its rubric.
 * - Always, even in a draft: a score outside the criterion's range or off its step is refused, as
 *   is a score for a criterion the rubric has not — a draft must never hold a score that could
 *   not be submitted. Rationales and the overall opinion are held to their length limits.
 * - On submit only: every criterion needs a score; a rationale where the criterion requires one,
 *   and also wherever the score is the lowest or the highest possible (an extreme score has to be
 *   argued even where reasons are optional); the overall opinion must be written.
 */
export function validateScoreSheet(
  rubric: Rubric,
  sheet: ScoreSheet,
  mode: "draft" | "submit",
): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const known = new Set(rubric.criteria.map((criterion) => criterion.key));
  for (const key of Object.keys(sheet.scores)) {
    if (!known.has(key))
      issues.push({ path: `scores.${key}`, criterionKey: null, message: `评分细则中没有评分项“${key}”` });
  }
  for (const key of Object.keys(sheet.rationales)) {
    if (!known.has(key)) {
      issues.push({ path: `rationales.${key}`, criterionKey: null, message: `评分细则中没有评分项“${key}”` });
    }
  }

  for (const criterion of rubric.criteria) {
    const { key, title } = criterion;
    const score = Object.hasOwn(sheet.scores, key) ? sheet.scores[key] : null;
    const rationale = (Object.hasOwn(sheet.rationales, key) ? sheet.rationales[key] : "")?.trim() ?? "";
    const scoreIssue = (message: string) =>
      issues.push({ path: `scores.${key}`, criterionKey: key, message });
    const rationaleIssue = (message: string) =>
      issues.push({ path: `rationales.${key}`, criterionKey: key, message });

    if (score !== null && score !== undefined) {
      if (!Number.isFinite(score)) scoreIssue(`“${title}”的评分应为数字`);
      else if (score < criterion.min || score > criterion.max) {
        scoreIssue(`“${title}”的评分应在${criterion.min}–${criterion.max}分之间，当前为${score}分`);
      } else if (!isOnStep(score, criterion.min, criterion.step)) {
        scoreIssue(`“${title}”的评分应以${criterion.step}分为单位，当前为${score}分`);
      }
    } else if (mode === "submit") {
      scoreIssue(`请为“${title}”评分（${criterion.min}–${criterion.max}分）`);
    }

    const words = countWords(rationale);
    if (words > RATIONALE_MAX_WORDS) {
      rationaleIssue(`“${title}”的评分理由不超过${RATIONALE_MAX_WORDS}字，当前${words}字`);
    } else if (mode === "submit" && rationale === "") {
      if (criterion.rationaleRequired) rationaleIssue(`请填写“${title}”的评分理由`);
      else if (isExtreme(criterion, score)) {
        rationaleIssue(`“${title}”评为${score === criterion.max ? "满分" : "最低分"}时须填写评分理由`);
      }
    }
  }

  const overall = sheet.overall.trim();
  const overallWords = countWords(overall);
  if (overallWords > OVERALL_MAX_WORDS) {
    issues.push({
      path: "overall",
      criterionKey: null,
      message: `综合评议意见不超过${OVERALL_MAX_WORDS}字，当前${overallWords}字`,
    });
  } else if (mode === "submit" && overall === "") {
    issues.push({ path: "overall", criterionKey: null, message: "请填写综合评议意见" });
  }
  return issues;
}

function isExtreme(criterion: RubricCriterion, score: number | null | undefined): boolean {
  return score === criterion.min || score === criterion.max;
}

/**
 * The weighted total on a 0–100 scale: each criterion's score mapped onto its range (min → 0,
 * max → 1) times its weight. Rounded to 2 decimals, so that totals which are equal on paper
 * compare equal when ranked. A missing or invalid score counts as the criterion's minimum: the
 * running total shown while a draft is being scored never overstates; a submitted sheet, being
 * complete, gets its true total.
 */
export function weightedTotal(rubric: Rubric, scores: Readonly<Record<string, number | null>>): number {
  let total = 0;
  for (const criterion of rubric.criteria) {
    const score = Object.hasOwn(scores, criterion.key) ? scores[criterion.key] : null;
    if (score === null || score === undefined || !Number.isFinite(score)) continue;
    const clamped = Math.min(criterion.max, Math.max(criterion.min, score));
    total += (criterion.weight * (clamped - criterion.min)) / (criterion.max - criterion.min);
  }
  return Math.round(total * 100) / 100;
}
