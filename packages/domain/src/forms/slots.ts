import type { Field, FormTemplate, TableColumn, TableItem } from "./types";

/*
 * The value slots of a form and the labels messages and diffs name them by. Messages name a field
 * by its printed label because the applicant compares them with the paper form.
 */

/** A scalar value of a form, with the label its messages use ("法定代表人身份证号"). */
export type ScalarSlot = { type: "scalar"; key: string; field: Field; label: string };
/** A table of a form; its cells are labelled with `cellLabel`. */
export type TableSlot = { type: "table"; key: string; table: TableItem; label: string };
export type FormSlot = ScalarSlot | TableSlot;

/** "（其中独立培训规模）" reads as "其中独立培训规模" in a message; other labels stay as printed. */
export function bare(label: string): string {
  const match = /^[（(](.*)[）)]$/.exec(label);
  return match?.[1] ?? label;
}

/**
 * Every value slot of a template in print order, each with the label messages and diffs use:
 * the printed label, prefixed by its group where the group gives it meaning (法定代表人 + 身份证号 →
 * "法定代表人身份证号"; 年度计划培训人数（人次） + 初级 → "年度计划培训人数（人次）·初级").
 * A table's footers follow the table.
 */
export function listFormSlots(template: FormTemplate): readonly FormSlot[] {
  let slots = slotsOf.get(template);
  if (!slots) {
    slots = Object.freeze(buildSlots(template));
    slotsOf.set(template, slots);
  }
  return slots;
}

/** Built once per template: every save sanitizes and validates against them (issue 17). */
const slotsOf = new WeakMap<FormTemplate, readonly FormSlot[]>();

function buildSlots(template: FormTemplate): FormSlot[] {
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
