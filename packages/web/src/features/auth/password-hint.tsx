import { CheckCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import { PASSWORD_MIN_LENGTH } from "@linxuan/domain";
import { Space } from "antd";

export const PASSWORD_POLICY_TEXT = `至少${PASSWORD_MIN_LENGTH}位，包含大写字母、小写字母、数字、符号中的至少三类`;

const classes: { label: string; test: RegExp }[] = [
  { label: "大写字母", test: /[A-Z]/ },
  { label: "小写字母", test: /[a-z]/ },
  { label: "数字", test: /\d/ },
  { label: "符号", test: /[^a-zA-Z\d\s]/ },
];

/** Live checklist under a new-password field; the policy itself is checked by checkPasswordPolicy. */
export function PasswordHint({ value }: { value: string | undefined }) {
  const password = value ?? "";
  const longEnough = [...password].length >= PASSWORD_MIN_LENGTH;
  const met = classes.filter((item) => item.test.test(password)).length;
  const mark = (ok: boolean, text: string) => (
    <span key={text} style={{ color: ok ? "#2e7d32" : "#86909c" }}>
      {ok ? <CheckCircleFilled /> : <MinusCircleOutlined />} {text}
    </span>
  );
  return (
    <div style={{ fontSize: 12, marginTop: 4 }} aria-live="polite">
      <div className="lx-muted">{PASSWORD_POLICY_TEXT}</div>
      <Space size={12} wrap>
        {mark(longEnough, `已输入${[...password].length}位`)}
        {classes.map((item) => mark(item.test.test(password), item.label))}
        {mark(met >= 3, `已满足${met}类`)}
      </Space>
    </div>
  );
}
