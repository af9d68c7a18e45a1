import type { Condition, Field, FormValues, TableItem } from "./types";

/*
 * Which values of a form apply to this application, and which are required now. The official
 * forms ask some things only of some applicants: the plan's 高级 figures only of those applying
 * for 高级, 证书类别 only of those who issue certificates, the evaluation history only of those who
 * have evaluated. The web form, the validator and the printed documents all ask these two
 * functions, so the three never disagree.
 */

/** The 专业技术等级 ticked on the form (its `levels` value), as codes. */
function chosenLevels(values: FormValues | null): readonly string[] {
  const levels = values?.levels;
  return Array.isArray(levels) ? levels.filter((level): level is string => typeof level === "string") : [];
}

/**
 * Whether a field applies to the application: a field of one level (年度计划培训人数·高级)
 * applies only when that level is applied for. A field applies when there are no values (a blank form).
 */
export function fieldApplies(field: Pick<Field, "level">, values: FormValues | null): boolean {
  if (field.level === undefined || values === null) return true;
  return chosenLevels(values).includes(field.level);
}

/** Whether `condition` holds in `values`. */
export function conditionHolds(condition: Condition, values: FormValues): boolean {
  return values[condition.key] === condition.equals;
}

/**
 * Whether a field, or a table's rows, must be filled to submit: required in the template and not
 * released by its `optionalWhen` (证书类别 when 是否颁发证书 = 否).
 */
export function isRequiredNow(
  item: Pick<Field, "required" | "optionalWhen"> | Pick<TableItem, "optionalWhen">,
  values: FormValues,
): boolean {
  const required = "required" in item ? item.required : true;
  return required && !(item.optionalWhen && conditionHolds(item.optionalWhen, values));
}
