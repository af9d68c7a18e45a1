import { PASSWORD_MIN_LENGTH } from "@linxuan/domain";
import "./auth.css";

export const PASSWORD_POLICY_TEXT = `至少${PASSWORD_MIN_LENGTH}位，包含大写字母、小写字母、数字、符号中的至少三类`;

const classes: { label: string; test: RegExp }[] = [
  { label: "大写字母", test: /[A-Z]/ },
  { label: "小写字母", test: /[a-z]/ },
  { label: "数字", test: /\d/ },
  { label: "符号", test: /[^a-zA-Z\d\s]/ },
];

/**
 * Live checklist under a new-password field; the policy itself is checked by checkPasswordPolicy.
 * Plain markup (no antd icons): the registration page is drawn without antd, the workbench's
 * password forms show the same list.
 */
export function PasswordHint({ value }: { value: string | undefined }) {
  const password = value ?? "";
  const longEnough = [...password].length >= PASSWORD_MIN_LENGTH;
  const met = classes.filter((item) => item.test.test(password)).length;
  const mark = (ok: boolean, text: string) => (
    <span key={text} className={ok ? "lx-password-mark lx-password-mark-ok" : "lx-password-mark"}>
      <span aria-hidden="true">{ok ? "✓" : "○"}</span> {text}
    </span>
  );
  return (
    <div className="lx-password-hint" aria-live="polite">
      <div className="lx-muted">{PASSWORD_POLICY_TEXT}</div>
      <div className="lx-password-marks">
        {mark(longEnough, `已输入${[...password].length}位`)}
        {classes.map((item) => mark(item.test.test(password), item.label))}
        {mark(met >= 3, `已满足${met}类`)}
      </div>
    </div>
  );
}
