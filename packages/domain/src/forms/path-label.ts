import { cellLabel, listFormSlots } from "./slots";
import type { FormTemplate } from "./types";

/**
 * The printed label of a value path of a form ("institutionName" → "单位名称（盖章）" as messages
 * read it, "teachers.3.phone" → "培训教师第4行·联系电话"), or null for a path the form lacks. Lets
 * a message the server could only address by path name the field as the applicant sees it.
 */
export function formPathLabel(template: FormTemplate, path: string): string | null {
  const [key, index, column] = path.split(".");
  const slot = listFormSlots(template).find((item) => item.key === key);
  if (!slot) return null;
  if (slot.type === "scalar") return index === undefined ? slot.label : null;
  if (index === undefined) return slot.label;
  const row = Number(index);
  const cell = slot.table.columns.find((item) => item.key === column);
  return Number.isInteger(row) && cell ? cellLabel(slot.table, row, cell) : slot.label;
}
