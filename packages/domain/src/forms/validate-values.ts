import { isIsoDate } from "../calendar/iso-date";
import { sectionOfDivision } from "../reference/industries";
import { isLevelCode, LEVELS, levelCodes } from "../reference/levels";
import { checkNonNegativeInteger } from "../validators/count";
import { checkCreditCode } from "../validators/credit-code";
import { checkEmail } from "../validators/email";
import { checkIdNumber } from "../validators/id-number";
import { checkMoney } from "../validators/money";
import { normalizeCode, toHalfWidth } from "../validators/normalize";
import { checkPhone } from "../validators/phone";
import { checkText, textProblemMessage } from "../validators/text";
import { countWords } from "../validators/word-count";
import { computeTotals, emptyValues, isComputed, toNumber } from "./fields";
import { optionLabel, optionsOf } from "./options";
import type {
  Field,
  FormTemplate,
  Formula,
  FormValues,
  ScalarValue,
  TableColumn,
  TableItem,
  TableRowValues,
} from "./types";

/*
 * One validator for the browser (live, as the applicant types) and the server (on save and on
 * submit), so both tell the applicant the same thing in the same words. Messages name the field by
 * its printed label because the applicant compares them with the paper form.
 */

// ─── Labels ──────────────────────────────────────────────────────────────────────────────────────

/** A scalar value of a form, with the label its messages use ("法定代表人身份证号"). */
export type ScalarSlot = { type: "scalar"; key: string; field: Field; label: string };
/** A table of a form; its cells are labelled with `cellLabel`. */
export type TableSlot = { type: "table"; key: string; table: TableItem; label: string };
export type FormSlot = ScalarSlot | TableSlot;

/** "（其中独立培训规模）" reads as "其中独立培训规模" in a message; other labels stay as printed. */
function bare(label: string): string {
  const match = /^[（(](.*)[）)]$/.exec(label);
  return match?.[1] ?? label;
}

/**
 * Every value slot of a template in print order, each with the label messages and diffs use:
 * the printed label, prefixed by its group where the group gives it meaning (法定代表人 + 身份证号 →
 * "法定代表人身份证号"; 年度计划培训人数（人次） + 初级 → "年度计划培训人数（人次）·初级").
 * A table's footers follow the table.
 */
export function listFormSlots(template: FormTemplate): FormSlot[] {
  const slots: FormSlot[] = [];
  const scalar = (field: Field, label = bare(field.label)) =>
    slots.push({ type: "scalar", key: field.key, field, label });
  for (const section of template.sections) {
    for (const item of section.items) {
      switch (item.item) {
        case "field":
          scalar(item.field);
          break;
        case "row":
          for (const field of item.fields) scalar(field);
          break;
        case "group":
          for (const field of item.fields) scalar(field, `${item.label}${field.label}`);
          break;
        case "groupRow":
          for (const group of item.groups)
            for (const field of group.fields) scalar(field, `${group.label}·${field.label}`);
          break;
        case "breakdown":
          scalar(item.total);
          for (const field of item.parts) scalar(field);
          break;
        case "table":
          slots.push({ type: "table", key: item.key, table: item, label: bare(item.label) });
          for (const field of item.footer) scalar(field);
          break;
      }
    }
  }
  return slots;
}

/** Label of one table row, 1-based as the applicant counts: "培训教师第4行". */
export function rowLabel(table: TableItem, index: number): string {
  return `${table.label}第${index + 1}行`;
}

/** Label of one table cell: "培训教师第4行·联系电话". */
export function cellLabel(table: TableItem, index: number, column: TableColumn): string {
  return `${rowLabel(table, index)}·${bare(column.label)}`;
}

// ─── Validation ──────────────────────────────────────────────────────────────────────────────────

export type FormIssueSeverity = "error" | "warning";

/**
 * One problem with a form's values. `path` addresses the value ("teachers.3.phone"), `label` the
 * printed field ("培训教师第4行·联系电话"), `code` is stable for tests and the UI.
 */
export type FormIssue = {
  path: string;
  label: string;
  message: string;
  severity: FormIssueSeverity;
  code: string;
};

export type ValidateFormOptions = {
  /** Today's date in Asia/Shanghai, YYYY-MM-DD: bounds years, 单位成立时间 and ID birth dates. */
  today: string;
  /** draft: only malformed values are errors; submit: missing required values are errors too. */
  mode: "draft" | "submit";
};

/** Earliest accepted calendar year in 年份 / 年度 columns: the founding of the People's Republic. */
export const FIRST_FORM_YEAR = 1949;
/** Earliest accepted 单位成立时间; universities founded in the 1890s apply, so only typos are caught. */
const FIRST_FOUNDING_DATE = "1800-01-01";

type Context = ValidateFormOptions & {
  currentYear: number;
  issues: FormIssue[];
  computed: FormValues;
  scalarLabels: ReadonlyMap<string, string>;
  tables: ReadonlyMap<string, TableItem>;
};

const CONTROL_CHARS = /(?![\n\t])\p{Cc}/u;

/**
 * Validates the values of a filled form against its template.
 *
 * - In `draft` mode a value may be missing but what is there must be well-formed; in `submit` mode
 *   required fields, fixed table rows (3 tax years, 5 scale years) and minimum table rows must be
 *   filled, the 承诺 given, and 专职 / 兼职 counts must agree with the teacher list.
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
  const ctx: Context = {
    ...opts,
    currentYear: Number(opts.today.slice(0, 4)),
    issues: [],
    computed: computeTotals(template, values),
    scalarLabels: new Map(slots.flatMap((slot) => (slot.type === "scalar" ? [[slot.key, slot.label]] : []))),
    tables: new Map(slots.flatMap((slot) => (slot.type === "table" ? [[slot.key, slot.table]] : []))),
  };
  for (const slot of slots) {
    if (slot.type === "scalar") {
      checkField(ctx, slot.field, values[slot.key], slot.key, slot.label, ctx.computed[slot.key]);
    } else {
      checkTable(ctx, slot, values[slot.key]);
    }
  }
  if (opts.mode === "submit") checkRosters(ctx, values);
  checkCertificatesIssued(ctx, values);
  return { issues: ctx.issues };
}

function push(
  ctx: Context,
  path: string,
  label: string,
  code: string,
  message: string,
  severity: FormIssueSeverity = "error",
) {
  ctx.issues.push({ path, label, code, message, severity });
}

function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

/** The validators' messages start with their own field name ("身份证号校验位错误"); keep the rest. */
function detailOf(message: string, name: string): string {
  const rest = message.startsWith(name) ? message.slice(name.length) : message;
  return rest.startsWith("中的") ? rest.slice(2) : rest;
}

/** `today` as a local-time Date: checkIdNumber reads the calendar date in the runtime's zone. */
function localDate(today: string): Date {
  return new Date(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
}

function checkField(
  ctx: Context,
  field: Field,
  value: unknown,
  path: string,
  label: string,
  /** What `computeTotals` makes of this value; only read for computed fields. */
  expectedValue: unknown,
  siblingLabel: (key: string) => string = (key) => ctx.scalarLabels.get(key) ?? key,
): void {
  const issue = (code: string, detail: string, severity: FormIssueSeverity = "error") =>
    push(ctx, path, label, code, `${label}：${detail}`, severity);

  if (isComputed(field)) {
    const expected = toNumber(expectedValue);
    const matches = value === null || value === undefined ? expected === null : toNumber(value) === expected;
    if (!matches) {
      const shown = value === null || value === undefined ? "空" : String(value);
      issue(
        "computed_mismatch",
        `${describeFormula(ctx, field.compute, siblingLabel)}（${expected ?? "空"}），当前为${shown}；该项由系统自动计算，请勿手工修改`,
      );
    }
    return;
  }
  if (field.type === "consent") {
    if (value !== null && value !== undefined && typeof value !== "boolean") issue("type", "格式不正确");
    else if (ctx.mode === "submit" && value !== true) push(ctx, path, label, "consent", "请阅读并勾选承诺");
    return;
  }
  if (isMissing(value)) {
    if (ctx.mode === "submit" && field.required) {
      const verb = ["select", "levels", "yesNo"].includes(field.type) ? "请选择" : "请填写";
      push(ctx, path, label, "required", `${verb}${label}`);
    }
    return;
  }

  switch (field.type) {
    case "text":
    case "textarea": {
      if (typeof value !== "string") {
        issue("type", "应为文字");
        return;
      }
      // The platform's text rule first (NUL, lone surrogates, bidi controls, line breaks in a
      // one-line field), then this form's stricter one: only line feed and tab in a narrative.
      const text = checkText(value, { multiline: field.type === "textarea" });
      if (!text.ok && text.problem !== "nul" && text.problem !== "control") {
        issue(text.problem === "lineBreak" ? "line_break" : "invalid_text", textProblemMessage("", text));
        return;
      }
      if (CONTROL_CHARS.test(value)) {
        issue("control_chars", "含有不可见的控制字符，请删除后重新输入（可重新输入或粘贴为纯文本）");
        return;
      }
      if (field.type === "text") {
        const length = [...value.trim()].length;
        if (length > field.maxLength)
          issue("max_length", `长度为${length}字，超过${field.maxLength}字的限制`);
      } else {
        const words = countWords(value);
        if (words > field.maxWords) issue("word_limit", `字数为${words}字，超过${field.maxWords}字的限制`);
      }
      return;
    }
    case "number": {
      if (typeof value !== "number" && typeof value !== "string") {
        issue("type", "应为数字");
        return;
      }
      const result = checkMoney(value, { unit: "元", maxDecimals: field.decimals });
      if (result.ok) return;
      const details: Record<string, [string, string]> = {
        negative: ["negative", "不能为负数"],
        too_many_decimals: [
          "decimals",
          field.decimals === 0 ? "应为整数" : `最多保留${field.decimals}位小数`,
        ],
        too_large: ["too_large", "数值过大"],
      };
      const [code, detail] = details[result.reason] ?? ["not_a_number", `应为数字（单位：${field.unit}）`];
      issue(code, detail);
      return;
    }
    case "integer": {
      if (typeof value !== "number" && typeof value !== "string") {
        issue("type", "应为整数");
        return;
      }
      const result = checkNonNegativeInteger(value);
      if (result.ok) return;
      const details: Record<string, [string, string]> = {
        negative: ["negative", "不能为负数"],
        not_integer: ["not_integer", "应为整数"],
        too_large: ["too_large", "数值过大"],
      };
      const [code, detail] = details[result.reason] ?? ["not_a_number", "应为不小于0的整数"];
      issue(code, detail);
      return;
    }
    case "year": {
      const year = readYear(value);
      if (year === null) {
        issue("year", "应为四位数年份，如 2023");
        return;
      }
      if (year < FIRST_FORM_YEAR || year > ctx.currentYear)
        issue("year_range", `应在${FIRST_FORM_YEAR}年至${ctx.currentYear}年之间，当前为${year}年`);
      return;
    }
    case "date": {
      if (typeof value !== "string" || !isIsoDate(value.trim())) {
        issue("date", "应为有效日期，格式如 2018-05-01");
        return;
      }
      const date = value.trim();
      if (date > ctx.today) {
        issue("date_future", `不能晚于今天（${ctx.today}），当前为${date}`);
        return;
      }
      if (date < FIRST_FOUNDING_DATE) issue("date", `日期${date}过早，请核对`);
      return;
    }
    case "select": {
      const codes = new Set(optionsOf(field.options).map((option) => option.value));
      if (field.multiple) {
        if (!Array.isArray(value)) {
          issue("type", "应为选项列表");
          return;
        }
        const bad = value.filter((item) => typeof item !== "string" || !codes.has(item));
        if (bad.length > 0) {
          issue("option", `“${bad.map(String).join("、")}”不是有效的选项`);
          return;
        }
        if (new Set(value).size !== value.length) issue("option", "选项重复");
        return;
      }
      if (typeof value !== "string" || !codes.has(value))
        issue("option", `“${String(value)}”不是有效的选项，请从列表中选择`);
      return;
    }
    case "levels": {
      if (!Array.isArray(value)) {
        issue("type", "应为等级列表");
        return;
      }
      const bad = value.filter((item) => typeof item !== "string" || !isLevelCode(item));
      if (bad.length > 0) {
        issue("option", `“${bad.map(String).join("、")}”不是有效的等级（初级、中级、高级）`);
        return;
      }
      if (new Set(value).size !== value.length) issue("option", "等级重复");
      return;
    }
    case "yesNo":
      if (typeof value !== "boolean") issue("yes_no", "应选择“是”或“否”");
      return;
    case "creditCode": {
      if (typeof value !== "string") {
        issue("type", "应为文字");
        return;
      }
      const result = checkCreditCode(value);
      if (result.status === "invalid") issue("credit_code", detailOf(result.message, "统一社会信用代码"));
      else if (result.status === "warning")
        issue("credit_code_checksum", detailOf(result.message, "统一社会信用代码"), "warning");
      return;
    }
    case "idNumber": {
      if (typeof value !== "string") {
        issue("type", "应为文字");
        return;
      }
      const result = checkIdNumber(value, { today: localDate(ctx.today) });
      if (!result.ok) issue("id_number", detailOf(result.message, "身份证号"));
      return;
    }
    case "phone": {
      if (typeof value !== "string") {
        issue("type", "应为文字");
        return;
      }
      const result = checkPhone(value);
      if (!result.ok)
        issue(
          "phone",
          result.reason === "area_code_required"
            ? "固定电话请填写区号，如 021-62345678"
            : "格式不正确，手机号如 13800138000，固定电话如 010-62345678",
        );
      return;
    }
    case "email": {
      if (typeof value !== "string") {
        issue("type", "应为文字");
        return;
      }
      const result = checkEmail(value);
      if (!result.ok) issue("email", detailOf(result.message, "电子邮箱"));
      return;
    }
  }
}

function readYear(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value).trim();
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

function describeFormula(ctx: Context, formula: Formula, labelOf: (key: string) => string): string {
  if ("sum" in formula) return `应等于${formula.sum.map(labelOf).join("与")}之和`;
  const { table: tableKey, column, where } = formula.sumColumn;
  const table = ctx.tables.get(tableKey);
  const columnOf = (key: string) => table?.columns.find((c) => c.key === key);
  const name = (key: string) => bare(columnOf(key)?.label ?? key);
  let condition = "";
  if (where) {
    // Filters are on option columns; the option's printed label reads better than its code.
    const filter = columnOf(where.column);
    const shown =
      filter?.type === "select" ? (optionLabel(filter.options, where.equals) ?? where.equals) : where.equals;
    condition = `${name(where.column)}为“${shown}”的`;
  }
  return `应等于${table ? bare(table.label) : tableKey}中${condition}各行“${name(column)}”之和`;
}

function isRow(value: unknown): value is TableRowValues {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkTable(ctx: Context, slot: TableSlot, value: unknown): void {
  const { table } = slot;
  if (value !== null && value !== undefined && !Array.isArray(value)) {
    push(ctx, table.key, slot.label, "type", `${slot.label}：格式不正确，应为表格行列表`);
    return;
  }
  const rows: readonly unknown[] = Array.isArray(value) ? value : [];
  const computedRows = (ctx.computed[table.key] ?? []) as readonly unknown[];
  const open = "any" in table.rows;
  const inputColumns = table.columns.filter((column) => !isComputed(column));
  const isEmptyRow = (row: TableRowValues) => inputColumns.every((column) => isMissing(row[column.key]));

  if ("fixed" in table.rows) {
    const { fixed } = table.rows;
    if (rows.length > fixed || (ctx.mode === "submit" && rows.length < fixed))
      push(ctx, table.key, slot.label, "table_rows", `${slot.label}：应为${fixed}行，当前为${rows.length}行`);
  } else if (ctx.mode === "submit") {
    const filled = rows.filter((row) => isRow(row) && !isEmptyRow(row)).length;
    if (filled < table.rows.any.min)
      push(ctx, table.key, slot.label, "table_rows", `${slot.label}：至少填写${table.rows.any.min}行`);
  }

  const columnLabel = (key: string) => {
    const column = table.columns.find((c) => c.key === key);
    return column ? bare(column.label) : key;
  };
  rows.forEach((row, index) => {
    if (!isRow(row)) {
      push(
        ctx,
        `${table.key}.${index}`,
        rowLabel(table, index),
        "type",
        `${rowLabel(table, index)}：格式不正确`,
      );
      return;
    }
    if (open && ctx.mode === "submit" && isEmptyRow(row)) {
      const label = rowLabel(table, index);
      push(ctx, `${table.key}.${index}`, label, "empty_row", `${label}：该行为空，请填写或删除`);
      return;
    }
    const computedRow = computedRows[index];
    for (const column of table.columns) {
      checkField(
        ctx,
        column,
        row[column.key],
        `${table.key}.${index}.${column.key}`,
        cellLabel(table, index, column),
        isRow(computedRow) ? computedRow[column.key] : null,
        columnLabel,
      );
    }
  });
  for (const column of table.columns) {
    if (column.type === "year") checkYearColumn(ctx, slot, rows, column);
  }
}

/**
 * 年份 / 年度 columns: the same year twice is an error (the eligibility rules read one figure per
 * year); on submit, gaps and an out-of-date latest year are warnings, since "近5年" / "近三年" mean
 * consecutive recent years but an applicant may have a reason to report otherwise.
 */
function checkYearColumn(ctx: Context, slot: TableSlot, rows: readonly unknown[], column: TableColumn): void {
  const { table } = slot;
  const seen = new Map<number, number>();
  rows.forEach((row, index) => {
    if (!isRow(row)) return;
    const year = readYear(row[column.key]);
    if (year === null || year < FIRST_FORM_YEAR || year > ctx.currentYear) return;
    const first = seen.get(year);
    if (first === undefined) {
      seen.set(year, index);
      return;
    }
    const label = cellLabel(table, index, column);
    push(
      ctx,
      `${table.key}.${index}.${column.key}`,
      label,
      "duplicate_year",
      `${label}：${year}年与第${first + 1}行重复，每个年度只能填写一行`,
    );
  });
  if (ctx.mode !== "submit" || seen.size < 1 || seen.size !== rows.filter(isRow).length) return;
  const years = [...seen.keys()].sort((a, b) => a - b);
  const latest = years.at(-1) ?? 0;
  const earliest = years[0] ?? 0;
  if (latest - earliest + 1 !== years.length) {
    push(
      ctx,
      table.key,
      slot.label,
      "year_sequence",
      `${slot.label}：年度应为连续的年份，当前为${years.join("、")}年，请核对`,
      "warning",
    );
  }
  if (latest < ctx.currentYear - 2) {
    push(
      ctx,
      table.key,
      slot.label,
      "year_stale",
      `${slot.label}：最近的年度为${latest}年，应填写最近的年度（${ctx.currentYear - 1}年前后）`,
      "warning",
    );
  }
}

/**
 * SPEC §4: 师资团队总人数 = 专职 + 兼职 "and agrees with the teacher list". The template language has
 * no formula for "agrees with a list", so the pairs are named here; a template without these keys
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
    if (!countLabel || !table || stated === null || !Number.isInteger(stated) || !Array.isArray(rows))
      continue;
    const column = table.columns.find((c) => c.key === check.column);
    const inputColumns = table.columns.filter((c) => !isComputed(c));
    const filled = (rows as readonly unknown[])
      .filter(isRow)
      .filter((row) => inputColumns.some((c) => !isMissing(row[c.key])));
    // Until every listed teacher has a 人员性质, the required-field errors say what to do.
    if (!column || filled.some((row) => isMissing(row[check.column]))) continue;
    const listed = filled.filter((row) => row[check.column] === check.equals).length;
    if (listed === stated) continue;
    const typeLabel = optionLabel("teacherType", check.equals) ?? check.equals;
    push(
      ctx,
      check.countKey,
      countLabel,
      "teacher_count_mismatch",
      `${countLabel}为${stated}人，但${table.label}名单中${typeLabel}为${listed}人`,
    );
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

// ─── Sanitising ──────────────────────────────────────────────────────────────────────────────────

function normalizeLineBreaks(text: string): string {
  // Word puts a vertical tab for Shift+Enter and a form feed for a page break into pasted text.
  return text.replace(/\r\n?|[\v\f]/g, "\n");
}

function plainNumber(value: unknown): ScalarValue {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value).trim();
  if (text === "") return null;
  const ungrouped = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, "") : text;
  // Anything else is kept as typed so that validation can tell the applicant what is wrong.
  return /^-?\d+(\.\d+)?$/.test(ungrouped) ? Number(ungrouped) : text;
}

const YES = new Set(["true", "是", "yes", "1"]);
const NO = new Set(["false", "否", "no", "0"]);
const LEVEL_BY_NAME = new Map<string, string>(LEVELS.map((level) => [level.name, level.code]));

function coerceScalar(field: Field, value: unknown): ScalarValue {
  switch (field.type) {
    case "text": {
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      if (typeof value !== "string") return null;
      const text = normalizeLineBreaks(value).trim();
      return text === "" ? null : text;
    }
    case "textarea": {
      if (typeof value !== "string") return null;
      // Trailing blanks go; leading blank lines go but not the first line's indent (　　), which
      // Chinese paragraphs use.
      const text = normalizeLineBreaks(value)
        .replace(/\s+$/u, "")
        .replace(/^(?:[^\S\n]*\n)+/u, "");
      return text === "" ? null : text;
    }
    case "number":
    case "integer":
      return plainNumber(value);
    case "year":
      return plainNumber(typeof value === "string" ? value.replace(/年\s*$/, "") : value);
    case "date": {
      if (typeof value !== "string") return null;
      const text = toHalfWidth(value).trim();
      const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (match) return `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`;
      return text === "" ? null : text;
    }
    case "select": {
      const one = (item: unknown): string | null => {
        const text = typeof item === "number" ? String(item) : typeof item === "string" ? item.trim() : "";
        if (text === "") return null;
        // "I65" (门类 + 大类, as many registration systems print it) is stored as the 大类 "65".
        const combined = field.options === "industry" ? /^([A-T])(\d{2})$/.exec(text) : null;
        return combined && sectionOfDivision(combined[2] ?? "") === combined[1]
          ? (combined[2] ?? text)
          : text;
      };
      if (!field.multiple) return one(value);
      if (!Array.isArray(value)) return [];
      return [...new Set(value.map(one).filter((item): item is string => item !== null))];
    }
    case "levels": {
      if (!Array.isArray(value)) return [];
      const codes = value
        .filter((item): item is string => typeof item === "string")
        .map((item) => LEVEL_BY_NAME.get(item.trim()) ?? item.trim())
        .filter((item) => item !== "");
      const rank = (code: string) => {
        const index = (levelCodes as readonly string[]).indexOf(code);
        return index < 0 ? levelCodes.length : index;
      };
      return [...new Set(codes)].sort((a, b) => rank(a) - rank(b));
    }
    case "yesNo": {
      if (typeof value === "boolean") return value;
      const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
      const lower = text.toLowerCase();
      return YES.has(lower) ? true : NO.has(lower) ? false : null;
    }
    case "consent":
      // Only an explicit true is consent: "on", "1" or a missing value never commit an institution.
      return value === true;
    case "creditCode":
    case "idNumber": {
      if (typeof value !== "string") return null;
      const code = normalizeCode(value);
      return code === "" ? null : code;
    }
    case "phone": {
      if (typeof value !== "string") return null;
      const result = checkPhone(value);
      return result.ok ? result.value : value.trim() === "" ? null : value.trim();
    }
    case "email": {
      if (typeof value !== "string") return null;
      const result = checkEmail(value);
      return result.ok ? result.value : value.trim() === "" ? null : value.trim();
    }
  }
}

function coerceRow(table: TableItem, value: unknown): TableRowValues {
  const source = isRow(value) ? value : {};
  return Object.fromEntries(
    table.columns.map((column) => [
      column.key,
      coerceScalar(column, Object.hasOwn(source, column.key) ? source[column.key] : undefined),
    ]),
  );
}

/**
 * Turns values received from a client into values fit to store: only the template's keys and
 * columns are kept (unknown keys, and the recommender's 推荐理由 keys, are dropped), every missing
 * key gets its empty value, fixed tables are padded to their rows, and values are coerced where
 * the meaning is unambiguous — strings trimmed and line breaks made "\n" (Word's vertical tab and
 * form feed included), numeric strings (full-width digits, "1,234.5") made numbers, "2023年" a year,
 * "2018/5/1" or "2018年5月1日" an ISO date, "I65" the industry 大类 "65", 初级 the level code,
 * 是/否 booleans, codes and ID numbers normalised, phones and e-mails normalised when valid, the
 * 承诺 true only when it is exactly `true`. What cannot be coerced is kept as typed so that
 * `validateFormValues` tells the applicant what is wrong instead of silently losing it; control
 * characters are kept for the same reason. Finally the computed totals are recomputed.
 */
export function sanitizeFormValues(template: FormTemplate, raw: unknown): FormValues {
  const source: Readonly<Record<string, unknown>> = isRow(raw) ? raw : {};
  const result: Record<string, ScalarValue | readonly TableRowValues[]> = { ...emptyValues(template) };
  for (const slot of listFormSlots(template)) {
    const value = Object.hasOwn(source, slot.key) ? source[slot.key] : undefined;
    if (slot.type === "scalar") {
      if (value !== undefined) result[slot.key] = coerceScalar(slot.field, value);
      continue;
    }
    const rows = Array.isArray(value) ? value.map((row) => coerceRow(slot.table, row)) : [];
    if ("fixed" in slot.table.rows)
      while (rows.length < slot.table.rows.fixed) rows.push(coerceRow(slot.table, undefined));
    result[slot.key] = rows;
  }
  return computeTotals(template, result);
}
