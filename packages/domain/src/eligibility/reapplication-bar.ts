import { addDays, type IsoDate, isIsoDate } from "../calendar/iso-date";
import { shanghaiDate, shanghaiMidnight } from "../calendar/shanghai-time";
import { formatChineseDate } from "./read-values";
import type { ApplicationBar } from "./types";

const ASSESSMENT_FAILED = "考核评估不通过";

/**
 * When a bar imposed at `decidedAt` for `years` years ends (考核评估不通过…3年内不得再次申报): at
 * 00:00 Asia/Shanghai of the first day the institution may apply again. The period is counted as
 * the Civil Code counts one in years (民法典第二百零一条、第二百零三条): the day of the decision is
 * not counted, the last day is the same date `years` later (28 February for a 29 February
 * decision in a non-leap year), and that day ends at 24:00. A decision at any time on 2026-01-01
 * thus bars through 2029-01-01 and 2029-01-02 is the first open day — the bar and its message
 * (see {@link describeBar}) name that one instant.
 */
export function reapplicationBarUntil(decidedAt: string, years: number): string {
  if (!Number.isInteger(years) || years < 1) throw new RangeError("限制申报年限应为正整数");
  const decided = Date.parse(decidedAt);
  if (Number.isNaN(decided)) throw new RangeError(`无效的考核评估结论时间：${decidedAt}`);
  const day = shanghaiDate(new Date(decided));
  const year = Number(day.slice(0, 4)) + years;
  const month = Number(day.slice(5, 7));
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastDay = `${year}-${day.slice(5, 7)}-${String(Math.min(Number(day.slice(8, 10)), lastOfMonth)).padStart(2, "0")}`;
  return shanghaiMidnight(addDays(lastDay, 1));
}

/**
 * The first Asia/Shanghai day on which the institution may apply again, or null if `until` is
 * unreadable. A date-only `until` is that day itself; an instant opens the bar on the first day
 * that begins at or after it — a bar stored as an instant in the middle of a day (as bars were
 * before {@link reapplicationBarUntil}) holds for the rest of that day, so that the date a
 * message names is always a whole day on which the institution may apply.
 */
export function barOpensOn(until: string): IsoDate | null {
  if (isIsoDate(until)) return until;
  const end = Date.parse(until);
  if (Number.isNaN(end)) return null;
  const day = shanghaiDate(new Date(end));
  return Date.parse(shanghaiMidnight(day)) === end ? day : addDays(day, 1);
}

/**
 * Whether a bar still holds at `now`: until 00:00 Asia/Shanghai of {@link barOpensOn}. An
 * unreadable end holds: a bar must never be lost to a typo.
 */
export function isBarActive(bar: Pick<ApplicationBar, "until">, now: Date): boolean {
  const opensOn = barOpensOn(bar.until);
  return opensOn === null || now.getTime() < Date.parse(shanghaiMidnight(opensOn));
}

/** Same as {@link isBarActive} for a whole Asia/Shanghai day: a bar holds on `today` or not at all. */
export function isBarActiveOn(bar: Pick<ApplicationBar, "until">, today: IsoDate): boolean {
  const opensOn = barOpensOn(bar.until);
  return opensOn === null || today < opensOn;
}

/**
 * The reason of a bar with "考核评估不通过" said once: a note the office began with the same
 * words, stored behind the prefix the assessment adds, is not repeated.
 */
export function barReasonText(reason: string): string {
  const prefix = new RegExp(`^\\s*${ASSESSMENT_FAILED}\\s*[：:，,。；;]?\\s*`);
  let rest = reason.trim();
  let failed = false;
  while (prefix.test(rest)) {
    failed = true;
    rest = rest.replace(prefix, "");
  }
  if (!failed) return rest;
  return rest === "" ? ASSESSMENT_FAILED : `${ASSESSMENT_FAILED}：${rest}`;
}

/**
 * A bar as the applicant reads it, its end in Chinese: "2029年1月2日前不得再次申报（考核评估不通过：
 * 培训质量不达标）". "前" is exact: on the day named the institution may apply again.
 */
export function describeBar(bar: ApplicationBar): string {
  const opensOn = barOpensOn(bar.until);
  const reason = barReasonText(bar.reason);
  if (opensOn === null) return `不得再次申报，限制期限“${bar.until}”无法识别，请联系主管部门（${reason}）`;
  return `${formatChineseDate(opensOn)}前不得再次申报（${reason}）`;
}

/**
 * Every bar that holds on `today`, described, the one ending last first; null when none does.
 * The same text refuses an application's start, marks its options closed and fails 未被限制申报.
 */
export function activeBarsReason(bars: readonly ApplicationBar[], today: IsoDate): string | null {
  const active = bars
    .filter((bar) => isBarActiveOn(bar, today))
    .map((bar) => ({ bar, opensOn: barOpensOn(bar.until) ?? "9999-12-31" }))
    .sort((a, b) => (a.opensOn < b.opensOn ? 1 : a.opensOn > b.opensOn ? -1 : 0));
  if (active.length === 0) return null;
  return [...new Set(active.map(({ bar }) => describeBar(bar)))].join("；");
}
