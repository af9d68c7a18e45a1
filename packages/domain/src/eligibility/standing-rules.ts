import { isOccupationOpen } from "../batches/validate";
import { isIsoDate } from "../calendar/iso-date";
import { kindName } from "../reference/kinds";
import { levelName } from "../reference/levels";
import { occupationName } from "../reference/occupations";
import { readYear, rowsOf } from "./read-values";
import type { ApplicationBar, EligibilityInput, RuleVerdict } from "./types";

/**
 * 无失信行为: the 近三年纳税情况 table's 是否有失信行为 column (the applicant's own 信用中国 query).
 * Any 是 fails; all three answered 否 passes; otherwise the answer is still missing.
 */
export function checkNoDishonestyRecord(input: EligibilityInput): RuleVerdict {
  const title = "无失信行为";
  const rows = rowsOf(input.values, "taxRecords");
  const yearOf = (index: number) => {
    const year = readYear(rows[index]?.year);
    return year === null ? `第${index + 1}行` : `${year}年`;
  };
  const dishonest = rows.flatMap((row, index) => (row.dishonest === true ? [yearOf(index)] : []));
  if (dishonest.length > 0) {
    return { outcome: "fail", title, reason: `近三年纳税情况中${dishonest.join("、")}填报有失信行为` };
  }
  if (rows.length === 0 || rows.some((row) => row.dishonest !== false)) {
    return { outcome: "review", title, reason: "尚未填写近三年纳税情况中的“是否有失信行为”" };
  }
  return { outcome: "pass", title, reason: "近三年纳税情况均填报无失信行为" };
}

/** The Asia/Shanghai date of a bar's end, for messages. */
function untilDate(until: string): string {
  if (isIsoDate(until)) return until;
  const time = Date.parse(until);
  return Number.isNaN(time) ? until : new Date(time + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Whether a bar is still running on `today`. A date-only `until` is the first day the institution
 * may apply again; an instant bars until that moment, so on its own day the bar still holds.
 * An unreadable `until` is treated as running: a bar must never be lost to a typo.
 */
function isActive(bar: ApplicationBar, today: string): boolean {
  if (isIsoDate(bar.until)) return bar.until > today;
  const time = Date.parse(bar.until);
  return Number.isNaN(time) || time > Date.parse(`${today}T00:00:00+08:00`);
}

/** 考核评估不通过…3年内不得再次申报: any running bar fails. */
export function checkNotBarred(input: EligibilityInput): RuleVerdict {
  const title = "未被限制申报";
  const active = input.bars.filter((bar) => isActive(bar, input.today));
  if (active.length === 0) return { outcome: "pass", title, reason: "无生效中的申报限制" };
  const reasons = active
    .map((bar) => ({ ...bar, until: untilDate(bar.until) }))
    .sort((a, b) => (a.until < b.until ? 1 : -1))
    .map((bar) => `${bar.until}前不得再次申报（${bar.reason}）`);
  return { outcome: "fail", title, reason: reasons.join("；") };
}

/** The occupation is open for this kind in the batch and every chosen level is offered. */
export function checkOccupationOpen(input: EligibilityInput): RuleVerdict {
  const title = "申报职业和等级";
  const { batch, kind, occupation, levels } = input;
  if (occupation === null) return { outcome: "review", title, reason: "尚未选择申报职业" };
  const name = occupationName(occupation);
  const open = isOccupationOpen(batch, kind, occupation);
  if (!open.open) return { outcome: "fail", title, reason: `${name}：${open.reason}` };
  if (levels.length === 0) return { outcome: "review", title, reason: "尚未选择申报等级" };
  const closed = levels.filter((level) => !batch.levels.includes(level));
  if (closed.length > 0) {
    return { outcome: "fail", title, reason: `本批次未开放${closed.map(levelName).join("、")}` };
  }
  return {
    outcome: "pass",
    title,
    reason: `${name}（${levels.map(levelName).join("、")}）在本批次开放${kindName(kind)}申报`,
  };
}
