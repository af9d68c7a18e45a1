import type { Field, FormIssue, FormTemplate, ScalarValue, TableColumn } from "@linxuan/domain";
import { Tooltip } from "antd";
import { memo } from "react";
import type { LevelCode } from "../../app/api-types";
import { FieldInput } from "./field-input";
import { fieldDomId, type Rows, shortMessage } from "./form-model";

/** What every part of the form sheet needs besides the values. */
export type SheetEnv = {
  template: FormTemplate;
  readOnly: boolean;
  /** Values fixed when the application started (the occupation: 职业仅填一项). */
  locked: ReadonlySet<string>;
  levels: readonly LevelCode[];
  /** Key → the label messages use (法定代表人身份证号). */
  labels: ReadonlyMap<string, string>;
  /** Visible issues by path. */
  issues: ReadonlyMap<string, FormIssue[]>;
  onChange: (path: string, value: ScalarValue) => void;
  onRows: (table: string, rows: Rows) => void;
  /** Excel import of a repeating table; absent when read-only. */
  onImport?: (table: string) => void;
};

/** Messages under a field, in the form's red. */
export function IssueList({ issues }: { issues: readonly FormIssue[] | undefined }) {
  if (!issues?.length) return null;
  return (
    <div className="lx-field-issues">
      {issues.map((issue) => (
        <div
          key={`${issue.code}-${issue.message}`}
          className={issue.severity === "error" ? "lx-field-error" : "lx-field-warning"}
        >
          {shortMessage(issue)}
        </div>
      ))}
    </div>
  );
}

type CellProps = {
  field: Field | TableColumn;
  path: string;
  label: string;
  value: unknown;
  issues: readonly FormIssue[] | undefined;
  readOnly: boolean;
  compact?: boolean;
  levels?: readonly LevelCode[];
  onChange: (path: string, value: ScalarValue) => void;
};

/** One value with its messages, addressable by `fieldDomId(path)` for the pre-submit list. */
export const FieldCell = memo(function FieldCell(props: CellProps) {
  const errors = props.issues?.some((issue) => issue.severity === "error") ?? false;
  return (
    <div id={fieldDomId(props.path)} data-path={props.path} className="lx-cell">
      <FieldInput
        field={props.field}
        value={props.value}
        path={props.path}
        label={props.label}
        invalid={errors}
        readOnly={props.readOnly}
        compact={props.compact}
        levels={props.levels}
        onChange={props.onChange}
      />
      <IssueList issues={props.issues} />
    </div>
  );
});

/**
 * 注N beside a label or a column heading: the note in a tooltip, shown on hover and on keyboard
 * focus (a button, so that it can be reached), its text the button's description while shown.
 */
export function NoteRef({ number, text }: { number: number; text: string }) {
  return (
    <sup>
      <Tooltip title={`注${number}：${text}`} trigger={["hover", "focus"]}>
        <button type="button" className="lx-note-ref">
          注{number}
        </button>
      </Tooltip>
    </sup>
  );
}

/** The printed label of a field, tied to its input, with the required mark and its note (注N). */
export function FieldLabel({
  field,
  path,
  notes,
  text,
}: {
  field: Field | TableColumn;
  path: string;
  notes: readonly string[];
  text?: string;
}) {
  const note = field.note ? notes[field.note - 1] : undefined;
  return (
    <>
      <label htmlFor={`input-${path}`}>{text ?? field.label}</label>
      {field.required && field.type !== "consent" && (
        <span className="lx-required" aria-hidden="true">
          *
        </span>
      )}
      {field.note && note && <NoteRef number={field.note} text={note} />}
    </>
  );
}
