import type { FormInstance } from "antd";
import { type FieldIssue, isApiError } from "./http";

/** "stages.1.closesAt" → ["stages", 1, "closesAt"], the name antd Form uses for that field. */
export function pathToName(path: string): (string | number)[] {
  return path
    .split(".")
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's per-field messages under the matching form fields. Returns the issues, so a
 * long form can also list them at the top. Several messages for one field are all shown.
 */
export function applyFieldErrors<T>(form: FormInstance<T>, error: unknown): FieldIssue[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  setFieldIssues(form, error.fields);
  return error.fields;
}

/** Shows issues under their fields; several issues for one field are all listed. */
export function setFieldIssues<T>(form: FormInstance<T>, issues: FieldIssue[]): void {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
  form.setFields([...byPath].map(([path, errors]) => ({ name: pathToName(path) as never, errors })));
}

/** The text to show for any failure. */
export function errorText(error: unknown): string {
  if (isApiError(error)) return error.message;
  return "操作失败，请稍后重试";
}
