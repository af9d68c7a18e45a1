import { countWords } from "../validators/word-count";
import { computeTotals, emptyValues, isComputed } from "./fields";
import { sanitizeFormValues } from "./sanitize";
import { type FormSlot, listFormSlots, type TableSlot } from "./slots";
import type { Field, FormTemplate, FormValues, ScalarValue, TableColumn, TableRowValues } from "./types";
import { isMissing, isRow } from "./validation-context";

/*
 * 综合实力较强的机构可以申报多个职业: a second application starts from an earlier one of the same
 * institution — any batch, any template — so that the institution's own data (基本情况, 纳税,
 * 规模, 场地设施, 师资, its narratives) is typed once. What belongs to the occupation applied for is
 * marked `occupationSpecific` in the templates and stays empty.
 */

/** Why a slot of the target form was not copied. */
export type CopySkipReason =
  /** The field belongs to the occupation applied for (`occupationSpecific`). */
  | "occupationSpecific"
  /** The 承诺 is given anew for each application. */
  | "consent"
  /** The source form has no field of that key and type. */
  | "notInSource"
  /** The source form has the field but it is empty there. */
  | "emptyInSource"
  /** The source's text is longer than the target field allows. */
  | "tooLong";

export const copySkipReasonNames: Readonly<Record<CopySkipReason, string>> = {
  occupationSpecific: "与申报职业有关，需按本次申报的职业填写",
  consent: "承诺需在本次申报中重新确认",
  notInSource: "原申报表中没有该项",
  emptyInSource: "原申报中未填写",
  tooLong: "原申报中的内容超过本表的字数限制",
};

export type CopiedSlot = {
  key: string;
  label: string;
  /** Rows copied, for a table. */
  rows?: number;
  /** Labels of the table's columns the source has not (left empty in every row). */
  emptyColumns?: string[];
};
export type SkippedSlot = { key: string; label: string; reason: CopySkipReason };

/** What `copyFormValues` did: the target's values, and each target slot either copied or skipped. */
export type CopyResult = {
  values: FormValues;
  copied: readonly CopiedSlot[];
  skipped: readonly SkippedSlot[];
};

/** What a copy between two templates can carry, whatever the values (for the choice before copying). */
export type CopyPlan = {
  copyable: readonly { key: string; label: string }[];
  skipped: readonly SkippedSlot[];
};

/**
 * Same identity: the same type, and for choices and amounts the same option list and unit, so a
 * value means the same thing on both forms (万元 never becomes 元).
 */
function sameKind(a: Field, b: Field): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "select" && b.type === "select") return a.options === b.options && a.multiple === b.multiple;
  if ((a.type === "number" || a.type === "integer") && (b.type === "number" || b.type === "integer"))
    return a.unit === b.unit;
  return true;
}

/** Slots that are typed by the applicant (computed totals are recomputed, never copied). */
function inputSlots(template: FormTemplate): FormSlot[] {
  return listFormSlots(template).filter((slot) => slot.type === "table" || !isComputed(slot.field));
}

function fieldSkip(field: Field): CopySkipReason | null {
  if (field.occupationSpecific) return "occupationSpecific";
  if (field.type === "consent") return "consent";
  return null;
}

type Match =
  | { type: "scalar"; target: FormSlot & { type: "scalar" }; source: FormSlot & { type: "scalar" } }
  | { type: "table"; target: TableSlot; source: TableSlot; columns: readonly TableColumn[] };

/** Pairs each target slot with its source slot, or says why it has none. */
function matchSlots(source: FormTemplate, target: FormTemplate) {
  const sourceSlots = new Map(inputSlots(source).map((slot) => [slot.key, slot]));
  const matches: Match[] = [];
  const skipped: SkippedSlot[] = [];
  for (const slot of inputSlots(target)) {
    const from = sourceSlots.get(slot.key);
    if (slot.type === "scalar") {
      const reason =
        fieldSkip(slot.field) ??
        (from?.type === "scalar" && from.field.occupationSpecific ? "occupationSpecific" : null) ??
        (from?.type === "scalar" && sameKind(from.field, slot.field) ? null : "notInSource");
      if (reason || from?.type !== "scalar") {
        skipped.push({ key: slot.key, label: slot.label, reason: reason ?? "notInSource" });
      } else {
        matches.push({ type: "scalar", target: slot, source: from });
      }
      continue;
    }
    if (from?.type !== "table") {
      skipped.push({ key: slot.key, label: slot.label, reason: "notInSource" });
      continue;
    }
    const columns = slot.table.columns.filter((column) => {
      const other = from.table.columns.find((c) => c.key === column.key);
      return (
        !isComputed(column) &&
        !fieldSkip(column) &&
        other !== undefined &&
        !isComputed(other) &&
        !fieldSkip(other) &&
        sameKind(other, column)
      );
    });
    if (columns.length === 0) skipped.push({ key: slot.key, label: slot.label, reason: "notInSource" });
    else matches.push({ type: "table", target: slot, source: from, columns });
  }
  return { matches, skipped };
}

/**
 * Which fields of `target` a copy from `source` fills (when filled there) and which it leaves
 * empty and why, without looking at values: what the browser shows before the applicant chooses.
 */
export function planCopy(source: FormTemplate, target: FormTemplate): CopyPlan {
  const { matches, skipped } = matchSlots(source, target);
  return {
    copyable: matches.map((match) => ({ key: match.target.key, label: match.target.label })),
    skipped,
  };
}

function fits(field: Field, value: ScalarValue): boolean {
  if (typeof value !== "string") return true;
  if (field.type === "text") return [...value.trim()].length <= field.maxLength;
  if (field.type === "textarea") return countWords(value) <= field.maxWords;
  return true;
}

function emptyRow(columns: readonly TableColumn[]): TableRowValues {
  return Object.fromEntries(columns.map((column) => [column.key, null]));
}

/**
 * Copies the values of an earlier application (`source`, filled against its own template) into
 * the values of a new one (`target.values`, e.g. its prefilled 职业 and 单位名称): field by field
 * where the key and type agree, tables row by row over the columns they share (fixed tables
 * keep their number of rows, the first rows of the source first). Fields marked
 * `occupationSpecific` on either form, the 承诺, and computed totals are never copied; a source
 * field that is empty, or longer than the target allows, leaves the target's value as it is.
 * The result is sanitized against the target template and its totals recomputed, so it is always
 * a well-formed value set of the target; copying again from the same source changes nothing.
 */
export function copyFormValues(
  source: { template: FormTemplate; values: FormValues },
  target: { template: FormTemplate; values?: FormValues },
): CopyResult {
  const { matches, skipped } = matchSlots(source.template, target.template);
  const values: Record<string, FormValues[string]> = {
    ...emptyValues(target.template),
    ...sanitizeFormValues(target.template, target.values ?? {}),
  };
  const sourceValues = sanitizeFormValues(source.template, source.values);
  const copied: CopiedSlot[] = [];
  const notCopied: SkippedSlot[] = [...skipped];
  for (const match of matches) {
    const { key, label } = match.target;
    if (match.type === "scalar") {
      const value = sourceValues[key] as ScalarValue;
      if (isMissing(value)) notCopied.push({ key, label, reason: "emptyInSource" });
      else if (!fits(match.target.field, value)) notCopied.push({ key, label, reason: "tooLong" });
      else {
        values[key] = value;
        copied.push({ key, label });
      }
      continue;
    }
    const table = match.target.table;
    const sourceRows = (Array.isArray(sourceValues[key]) ? sourceValues[key] : []) as TableRowValues[];
    const filledRows = sourceRows.filter(
      (row) => isRow(row) && match.columns.some((column) => !isMissing(row[column.key])),
    );
    if (filledRows.length === 0) {
      notCopied.push({ key, label, reason: "emptyInSource" });
      continue;
    }
    const fixed = "fixed" in table.rows ? table.rows.fixed : undefined;
    // A fixed table keeps its rows' places (年份 order); a free list drops the source's empty rows.
    const rows = (fixed === undefined ? filledRows : sourceRows).map((row) => {
      const copy = emptyRow(table.columns);
      for (const column of match.columns) {
        const value = row[column.key] ?? null;
        copy[column.key] = fits(column, value) ? value : null;
      }
      return copy;
    });
    const kept = fixed === undefined ? rows : rows.slice(0, fixed);
    while (fixed !== undefined && kept.length < fixed) kept.push(emptyRow(table.columns));
    values[key] = kept;
    const emptyColumns = table.columns
      .filter((column) => !isComputed(column) && !match.columns.includes(column))
      .map((column) => column.label);
    copied.push({
      key,
      label,
      rows: filledRows.length,
      ...(emptyColumns.length > 0 ? { emptyColumns } : {}),
    });
  }
  const order = new Map(listFormSlots(target.template).map((slot, index) => [slot.key, index]));
  const byOrder = (a: { key: string }, b: { key: string }) =>
    (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0);
  return {
    values: computeTotals(target.template, sanitizeFormValues(target.template, values)),
    copied: copied.sort(byOrder),
    skipped: notCopied.sort(byOrder),
  };
}
