import { isOccupationOpen } from "../batches/occupation-open";
import { kindName } from "../reference/kinds";
import { levelName } from "../reference/levels";
import { occupationName } from "../reference/occupations";
import { readYear, rowsOf } from "./read-values";
import { activeBarsReason } from "./reapplication-bar";
import type { EligibilityInput, RuleVerdict } from "./types";

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

/** 考核评估不通过…3年内不得再次申报: any bar that holds today fails (see reapplication-bar.ts). */
export function checkNotBarred(input: EligibilityInput): RuleVerdict {
  const title = "未被限制申报";
  const reason = activeBarsReason(input.bars, input.today);
  if (reason === null) return { outcome: "pass", title, reason: "无生效中的申报限制" };
  return { outcome: "fail", title, reason };
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
