import { isIsoDate } from "../calendar/iso-date";
import { isLevelCode } from "../reference/levels";
import { checkNonNegativeInteger } from "../validators/count";
import { checkCreditCode } from "../validators/credit-code";
import { checkEmail } from "../validators/email";
import { checkIdNumber } from "../validators/id-number";
import { checkMoney } from "../validators/money";
import { checkPhone } from "../validators/phone";
import { checkText, textProblemMessage } from "../validators/text";
import { countWords } from "../validators/word-count";
import { isRequiredNow } from "./applicability";
import { isComputed, toNumber } from "./fields";
import { optionLabel, optionsOf } from "./options";
import { bare } from "./slots";
import type { Field, FieldType, Formula } from "./types";
import {
  type Context,
  FIRST_FORM_YEAR,
  type FormIssueSeverity,
  isMissing,
  push,
  readYear,
} from "./validation-context";

/** Earliest accepted 单位成立时间; universities founded in the 1890s apply, so only typos are caught. */
const FIRST_FOUNDING_DATE = "1800-01-01";

const CONTROL_CHARS = /(?![\n\t])\p{Cc}/u;

/** Records one issue of the value being checked: its message is "<label>：<detail>". */
type Report = (code: string, detail: string, severity?: FormIssueSeverity) => void;

/** Checks a present, typed-in value of one kind of field. */
type KindCheck<F extends Field> = (field: F, value: unknown, issue: Report, ctx: Context) => void;

/**
 * Checks one value — a scalar or a table cell — against its field: computed totals against what
 * `computeTotals` made of them, the 承诺, required values on submit, then the field kind's own rule.
 */
export function checkField(
  ctx: Context,
  field: Field,
  value: unknown,
  path: string,
  label: string,
  /** What `computeTotals` makes of this value; only read for computed fields. */
  expectedValue: unknown,
  siblingLabel: (key: string) => string = (key) => ctx.scalarLabels.get(key) ?? key,
): void {
  const issue: Report = (code, detail, severity = "error") =>
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
    if (ctx.mode === "submit" && isRequiredNow(field, ctx.values)) {
      const verb = ["select", "levels", "yesNo"].includes(field.type) ? "请选择" : "请填写";
      push(ctx, path, label, "required", `${verb}${label}`);
    }
    return;
  }
  // The table is keyed by the field's own type, so each check receives the field it was written for.
  const check = KIND_CHECKS[field.type] as KindCheck<typeof field>;
  check(field, value, issue, ctx);
}

type Fields = { [T in Exclude<FieldType, "consent">]: Extract<Field, { type: T }> };

const KIND_CHECKS: { [T in keyof Fields]: KindCheck<Fields[T]> } = {
  text: checkTextValue,
  textarea: checkTextValue,
  number: checkNumber,
  integer: checkInteger,
  year: checkYear,
  date: checkDate,
  select: checkSelect,
  levels: checkLevels,
  yesNo: (_field, value, issue) => {
    if (typeof value !== "boolean") issue("yes_no", "应选择“是”或“否”");
  },
  creditCode: stringValue((value, issue) => {
    const result = checkCreditCode(value);
    if (result.status === "invalid") issue("credit_code", detailOf(result.message, "统一社会信用代码"));
    else if (result.status === "warning")
      issue("credit_code_checksum", detailOf(result.message, "统一社会信用代码"), "warning");
  }),
  idNumber: stringValue((value, issue, ctx) => {
    const result = checkIdNumber(value, { today: localDate(ctx.today) });
    if (!result.ok) issue("id_number", detailOf(result.message, "身份证号"));
  }),
  phone: stringValue((value, issue) => {
    const result = checkPhone(value);
    if (!result.ok)
      issue(
        "phone",
        result.reason === "area_code_required"
          ? "固定电话请填写区号，如 021-62345678"
          : "格式不正确，手机号如 13800138000，固定电话如 010-62345678",
      );
  }),
  email: stringValue((value, issue) => {
    const result = checkEmail(value);
    if (!result.ok) issue("email", detailOf(result.message, "电子邮箱"));
  }),
};

/** A check of a code-like field whose value must be text before its own rule applies. */
function stringValue(check: (value: string, issue: Report, ctx: Context) => void): KindCheck<Field> {
  return (_field, value, issue, ctx) => {
    if (typeof value !== "string") issue("type", "应为文字");
    else check(value, issue, ctx);
  };
}

function checkTextValue(field: Fields["text"] | Fields["textarea"], value: unknown, issue: Report): void {
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
    if (length > field.maxLength) issue("max_length", `长度为${length}字，超过${field.maxLength}字的限制`);
  } else {
    const words = countWords(value);
    if (words > field.maxWords) issue("word_limit", `字数为${words}字，超过${field.maxWords}字的限制`);
  }
}

function checkNumber(field: Fields["number"], value: unknown, issue: Report): void {
  if (typeof value !== "number" && typeof value !== "string") {
    issue("type", "应为数字");
    return;
  }
  const result = checkMoney(value, { unit: "元", maxDecimals: field.decimals });
  if (result.ok) return;
  const details: Record<string, [string, string]> = {
    negative: ["negative", "不能为负数"],
    too_many_decimals: ["decimals", field.decimals === 0 ? "应为整数" : `最多保留${field.decimals}位小数`],
    too_large: ["too_large", "数值过大"],
  };
  const [code, detail] = details[result.reason] ?? ["not_a_number", `应为数字（单位：${field.unit}）`];
  issue(code, detail);
}

function checkInteger(_field: Fields["integer"], value: unknown, issue: Report): void {
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
}

function checkYear(_field: Fields["year"], value: unknown, issue: Report, ctx: Context): void {
  const year = readYear(value);
  if (year === null) {
    issue("year", "应为四位数年份，如 2023");
    return;
  }
  if (year < FIRST_FORM_YEAR || year > ctx.currentYear)
    issue("year_range", `应在${FIRST_FORM_YEAR}年至${ctx.currentYear}年之间，当前为${year}年`);
}

function checkDate(_field: Fields["date"], value: unknown, issue: Report, ctx: Context): void {
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
}

function checkSelect(field: Fields["select"], value: unknown, issue: Report): void {
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
}

function checkLevels(_field: Fields["levels"], value: unknown, issue: Report): void {
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
