import { type FormTemplate, type FormValues, getFormTemplate } from "@linxuan/domain";
import { Alert } from "antd";
import { useMemo } from "react";
import type { LevelCode } from "../../app/api-types";
import type { SheetEnv } from "../applications/field-cell";
import { slotLabels } from "../applications/form-model";
import { FormSheet } from "../applications/form-sheet";
import "../applications/applications.css";

const noop = () => undefined;
const NOTHING_LOCKED: ReadonlySet<string> = new Set();
const NO_ISSUES = new Map();
const ALL_LEVELS: readonly LevelCode[] = ["junior", "intermediate", "senior"];

/** The env the applicant's form renderer needs to show a form read-only (staff and experts). */
export function readOnlyEnv(template: FormTemplate, labels: ReadonlyMap<string, string>): SheetEnv {
  return {
    template,
    readOnly: true,
    locked: NOTHING_LOCKED,
    levels: ALL_LEVELS,
    labels,
    issues: NO_ISSUES,
    onChange: noop,
    onRows: noop,
  };
}

/**
 * An application's form as the applicant's renderer lays it out, read-only. Personal data arrives
 * masked from the server (staff reveal it one value at a time, audited).
 */
export function ReadOnlyForm({ templateId, values }: { templateId: string; values: FormValues }) {
  const template = getFormTemplate(templateId);
  const labels = useMemo(() => (template ? slotLabels(template) : new Map<string, string>()), [template]);
  if (!template) return <Alert type="error" showIcon title={`申报表模板 ${templateId} 不存在`} />;
  return <FormSheet env={readOnlyEnv(template, labels)} values={values} />;
}
