import { sectionOfDivision } from "../reference/industries";
import { LEVELS, levelCodes } from "../reference/levels";
import { checkEmail } from "../validators/email";
import { normalizeCode, toHalfWidth } from "../validators/normalize";
import { checkPhone } from "../validators/phone";
import { computeTotals, emptyValues, initialRowCount } from "./fields";
import { listFormSlots } from "./slots";
import type { Field, FormTemplate, FormValues, ScalarValue, TableItem, TableRowValues } from "./types";
import { isRow } from "./validation-context";

/*
 * What a client sends becomes what is stored: the template's keys only, values coerced where the
 * meaning is unambiguous, the rest kept as typed for `validateFormValues` to explain.
 */

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
 * key gets its empty value, fixed and per-year tables are padded to their rows, and values are coerced where
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
    while (rows.length < initialRowCount(slot.table)) rows.push(coerceRow(slot.table, undefined));
    result[slot.key] = rows;
  }
  return computeTotals(template, result);
}
