import { fullYearsBetween, readAnnualFigures, readFoundedOn, scaleWording } from "./read-values";
import type { EligibilityInput, RuleVerdict } from "./types";

/** The scale tables cover 近5年: the most years of activity a form can show. */
export const SCALE_TABLE_YEARS = 5;

/**
 * 达到年培训（考核）…人次以上的规模, read from the 5-year table (培训人数 for training, 颁证数量 for
 * evaluation):
 * - pass: the most recent reported year reaches the threshold — the notices ask for the scale the
 *   institution has now;
 * - review: only an earlier year reaches it — the institution had the scale, reviewers judge the dip;
 * - fail: no reported year reaches it;
 * - review: no year reported yet.
 */
export function checkMinAnnualScale(input: EligibilityInput, threshold: number): RuleVerdict {
  const { table, measure, activity } = scaleWording(input.kind);
  const title = `年${activity}规模${threshold}人次以上`;
  const figures = readAnnualFigures(input.kind, input.values);
  const latest = figures[0];
  if (!latest) return { outcome: "review", title, reason: `尚未填写${table}` };
  if (latest.count >= threshold) {
    return {
      outcome: "pass",
      title,
      reason: `${latest.year}年${measure}${latest.count}人次，达到${threshold}人次`,
    };
  }
  const best = figures.reduce((a, b) => (b.count > a.count ? b : a));
  if (best.count >= threshold) {
    return {
      outcome: "review",
      title,
      reason: `最近年度（${latest.year}年）${measure}${latest.count}人次，低于${threshold}人次；${best.year}年曾达到${best.count}人次`,
    };
  }
  return {
    outcome: "fail",
    title,
    reason: `已填报年度的${measure}均低于${threshold}人次（最高为${best.year}年${best.count}人次）`,
  };
}

/**
 * 一般应具有N年以上…培训（考核）经验. Experience needs both an age and an activity record:
 * - fail: 单位成立时间 is less than N full years before today — no institution has more experience
 *   than its own age;
 * - pass: founded at least N full years ago AND the 5-year table shows activity (a count > 0) in
 *   at least min(N, 5) of its years — the table cannot show more than 5;
 * - review: old enough but the table shows fewer active years (reviewers judge the gap, e.g. a
 *   year without courses), or 单位成立时间 / the table is not filled yet.
 */
export function checkMinExperienceYears(input: EligibilityInput, years: number): RuleVerdict {
  const { table, measure, activity } = scaleWording(input.kind);
  const title = `${years}年以上${activity}经验`;
  const foundedOn = readFoundedOn(input.values);
  if (foundedOn === "missing") return { outcome: "review", title, reason: "尚未填写单位成立时间" };
  if (foundedOn === "invalid")
    return { outcome: "review", title, reason: "单位成立时间不是有效日期，请核对" };
  const age = fullYearsBetween(foundedOn, input.today);
  if (age < years) {
    return {
      outcome: "fail",
      title,
      reason: `单位成立于${foundedOn}，至今不满${years}年（${Math.max(age, 0)}年）`,
    };
  }
  const figures = readAnnualFigures(input.kind, input.values);
  if (figures.length === 0) {
    return {
      outcome: "review",
      title,
      reason: `单位成立于${foundedOn}，已满${years}年，但尚未填写${table}，无法核实${activity}经验`,
    };
  }
  const needed = Math.min(years, SCALE_TABLE_YEARS);
  const active = figures.filter((figure) => figure.count > 0).length;
  return active >= needed
    ? {
        outcome: "pass",
        title,
        reason: `单位成立于${foundedOn}（已满${age}年），近5年中有${active}个年度开展${activity}`,
      }
    : {
        outcome: "review",
        title,
        reason: `单位成立于${foundedOn}，已满${years}年，但${table}中仅有${active}个年度${measure}大于0，不足${needed}个年度`,
      };
}
