import { isIsoDate } from "../calendar/iso-date";
import { fieldApplies } from "./applicability";
import { computeTotals, isComputed, toNumber } from "./fields";
import { optionLabel } from "./options";
import { listFormSlots } from "./slots";
import type { FormTemplate, FormValues, TableItem, TableRowValues } from "./types";
import { checkField } from "./validate-field";
import { checkTable } from "./validate-table";
import {
  type Context,
  type FormIssue,
  isMissing,
  isRow,
  push,
  type ValidateFormOptions,
} from "./validation-context";

export {
  FIRST_FORM_YEAR,
  type FormIssue,
  type FormIssueSeverity,
  type ValidateFormOptions,
} from "./validation-context";

/*
 * One validator for the browser (live, as the applicant types) and the server (on save and on
 * submit), so both tell the applicant the same thing in the same words. Messages name the field by
 * its printed label because the applicant compares them with the paper form.
 */

const slotMapsOf = new WeakMap<FormTemplate, Pick<Context, "scalarLabels" | "tables">>();

/** The labels of the scalar slots and the tables by key, built once per template. */
function slotMaps(template: FormTemplate): Pick<Context, "scalarLabels" | "tables"> {
  let maps = slotMapsOf.get(template);
  if (!maps) {
    const slots = listFormSlots(template);
    maps = {
      scalarLabels: new Map(
        slots.flatMap((slot) => (slot.type === "scalar" ? [[slot.key, slot.label]] : [])),
      ),
      tables: new Map(slots.flatMap((slot) => (slot.type === "table" ? [[slot.key, slot.table]] : []))),
    };
    slotMapsOf.set(template, maps);
  }
  return maps;
}

/**
 * Validates the values of a filled form against its template.
 *
 * - In `draft` mode a value may be missing but what is there must be well-formed; in `submit` mode
 *   required fields, fixed table rows (3 tax years, 5 scale years) and minimum table rows must be
 *   filled, and the 承诺 given. Figures of a level not applied for are skipped, and values released
 *   by `optionalWhen` (证书类别 when 是否颁发证书 = 否) are not required.
 * - The teachers named in 培训教师 must not exceed 专职 / 兼职 counts; fewer is a warning unless a 另附页
 *   is attached (`extraPagesAttached`). A typed 考评团队总人数 is at least 考评员 + 督导员.
 * - Year columns (年份, 年度) accept 1949 to the current year: every year field of the official
 *   forms reports a past year (纳税, 培训规模, 考核评价规模); the plan section has counts per level, not
 *   years, so no year field needs the year ahead.
 * - 单位成立时间 (and any date field: all report past events) must be a real date, not after `today`.
 * - Computed totals must equal `computeTotals`; callers recompute first (`sanitizeFormValues` does),
 *   so on the server a mismatch means the values were tampered with.
 * - Markup such as `<script>` is not rejected (it is always shown as text), but control characters
 *   other than line feed and tab are.
 *
 * A wrong 统一社会信用代码 check character is a warning (`credit_code_checksum`): a few codes issued
 * early in the reform fail the check yet are valid, so the UI asks the applicant to confirm.
 */
export function validateFormValues(
  template: FormTemplate,
  values: FormValues,
  opts: ValidateFormOptions,
): { issues: FormIssue[] } {
  if (!isIsoDate(opts.today)) throw new RangeError(`today must be YYYY-MM-DD, got "${opts.today}"`);
  const slots = listFormSlots(template);
  const computed = computeTotals(template, values);
  const ctx: Context = {
    ...opts,
    currentYear: Number(opts.today.slice(0, 4)),
    issues: [],
    computed,
    values: computed,
    ...slotMaps(template),
  };
  for (const slot of slots) {
    if (slot.type === "scalar") {
      // A figure of a level not applied for is not asked: hidden on screen, printed empty.
      if (!fieldApplies(slot.field, computed)) continue;
      checkField(ctx, slot.field, values[slot.key], slot.key, slot.label, ctx.computed[slot.key]);
    } else {
      checkTable(ctx, slot, values[slot.key]);
    }
  }
  checkRosters(ctx, values);
  checkTypedTotals(ctx, template, values);
  checkCertificatesIssued(ctx, values);
  checkEvaluationConducted(ctx, values);
  return { issues: ctx.issues };
}

/**
 * 专职 / 兼职师资队伍人数 are counts; the 培训教师 table names the teachers the institution chooses to
 * name, and 注6 (本表可另附页) lets the list go on on an extra page. So the named teachers of a kind
 * must not exceed its count (an error, always: the figures contradict each other), and fewer named
 * than counted is fine when a 另附页 is attached, a warning otherwise. The template language has no
 * formula for "agrees with a list", so the pairs are named here; a template without these keys
 * (the evaluation form: 考评员 / 督导员 are not listed by name) is not checked.
 */
const ROSTER_CHECKS = [
  { countKey: "fullTimeTeacherCount", table: "teachers", column: "teacherType", equals: "fullTime" },
  { countKey: "partTimeTeacherCount", table: "teachers", column: "teacherType", equals: "partTime" },
] as const;

function checkRosters(ctx: Context, values: FormValues): void {
  for (const check of ROSTER_CHECKS) {
    const countLabel = ctx.scalarLabels.get(check.countKey);
    const table = ctx.tables.get(check.table);
    const stated = toNumber(values[check.countKey]);
    const rows = values[check.table];
    if (!countLabel || !table || stated === null || !Number.isInteger(stated) || stated < 0) continue;
    const named = namedRows(table, Array.isArray(rows) ? rows : []);
    // Until every named teacher has a 人员性质, the required-field errors say what to do.
    if (named.some((row) => isMissing(row[check.column]))) continue;
    const listed = named.filter((row) => row[check.column] === check.equals).length;
    const typeLabel = optionLabel("teacherType", check.equals) ?? check.equals;
    if (listed > stated) {
      push(
        ctx,
        check.countKey,
        countLabel,
        "teacher_count_exceeded",
        `${countLabel}：填写为${stated}人，但${table.label}名单中已列出${typeLabel}${listed}人，名单人数不能超过${countLabel}`,
      );
    } else if (listed < stated && ctx.mode === "submit" && !ctx.extraPagesAttached) {
      push(
        ctx,
        check.countKey,
        countLabel,
        "teacher_list_partial",
        `${countLabel}为${stated}人，${table.label}名单中列出${typeLabel}${listed}人；其余${stated - listed}人可在“另附页”附件中列明（注6：本表可另附页）`,
        "warning",
      );
    }
  }
}

/** Rows of `table` with anything typed in. */
function namedRows(table: TableItem, rows: readonly unknown[]): TableRowValues[] {
  const inputColumns = table.columns.filter((c) => !isComputed(c));
  return rows.filter(isRow).filter((row) => inputColumns.some((c) => !isMissing(row[c.key])));
}

/**
 * A typed total of a breakdown (考评团队总人数, the institution's own figure) counts the whole team,
 * so it is at least the sum of its parts (考评员 + 督导员) but need not equal it.
 */
function checkTypedTotals(ctx: Context, template: FormTemplate, values: FormValues): void {
  for (const section of template.sections) {
    for (const item of section.items) {
      if (item.item !== "breakdown" || isComputed(item.total)) continue;
      const total = toNumber(values[item.total.key]);
      const parts = item.parts.map((part) => toNumber(values[part.key]));
      if (total === null || !Number.isInteger(total) || parts.some((part) => part === null)) continue;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (total >= sum) continue;
      const label = ctx.scalarLabels.get(item.total.key) ?? item.total.label;
      const partLabels = item.parts.map((part) => ctx.scalarLabels.get(part.key) ?? part.label).join("与");
      push(
        ctx,
        item.total.key,
        label,
        "team_count_below_parts",
        `${label}：填写为${total}人，少于${partLabels}之和（${sum}人），请核对`,
      );
    }
  }
}

/** 是否颁发证书 = 否 while certificates are reported is a contradiction reviewers should not meet. */
function checkCertificatesIssued(ctx: Context, values: FormValues): void {
  const total = toNumber(ctx.computed.totalCertificates);
  if (values.certificateIssued !== false || total === null || total <= 0) return;
  const label = ctx.scalarLabels.get("certificateIssued") ?? "是否颁发证书";
  push(
    ctx,
    "certificateIssued",
    label,
    "certificate_issued_mismatch",
    `${label}：填写为“否”，但近5年颁证数量合计为${total}人次，请核对`,
    "warning",
  );
}

/** 是否开展评价 = 否 while the 考核评价规模 reports certificates: the rows are kept, the reviewer should ask. */
function checkEvaluationConducted(ctx: Context, values: FormValues): void {
  const total = toNumber(ctx.computed.totalCertificates);
  if (values.evaluationConducted !== false || total === null || total <= 0) return;
  const label = ctx.scalarLabels.get("evaluationConducted") ?? "是否开展评价";
  push(
    ctx,
    "evaluationConducted",
    label,
    "evaluation_conducted_mismatch",
    `${label}：填写为“否”，但近5年颁证数量合计为${total}人次，请核对`,
    "warning",
  );
}
