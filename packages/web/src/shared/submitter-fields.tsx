import { checkEmail, checkPhone } from "@linxuan/domain";
import { Form, Input } from "antd";
import type { ReactNode } from "react";
import { checkRule } from "./form-rules";

export const phoneRule = checkRule((value) => {
  const result = checkPhone(value);
  return result.ok ? null : result.message;
});

export const emailRule = checkRule((value) => {
  const result = checkEmail(value);
  return result.ok ? null : result.message;
});

/** 10–3000 characters, as the server counts them (after trimming). */
export const contentRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    const length = (value ?? "").trim().length;
    if (length === 0) throw new Error("请写明具体事实和理由");
    if (length < 10) throw new Error(`请写明具体事实和理由（至少10字，当前${length}字）`);
    if (length > 3000) throw new Error("内容不能超过3000字");
  },
};

/** 姓名, 联系电话, 电子邮箱 of a named objection or complaint. */
export function SubmitterFields({
  emailRequired,
  afterName,
}: {
  emailRequired: boolean;
  afterName?: ReactNode;
}) {
  return (
    <>
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: "请填写真实姓名" },
          { min: 2, max: 50, message: "请填写真实姓名（2–50字）" },
        ]}
      >
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      {afterName}
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[{ required: true, whitespace: true, message: "请填写联系电话" }, phoneRule]}
        extra="查询办理进度时需要输入此电话。"
      >
        <Input maxLength={30} autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="email"
        label={emailRequired ? "电子邮箱" : "电子邮箱（可不填）"}
        rules={[
          ...(emailRequired ? [{ required: true, whitespace: true, message: "请填写电子邮箱" }] : []),
          emailRule,
        ]}
      >
        <Input maxLength={254} autoComplete="email" inputMode="email" />
      </Form.Item>
    </>
  );
}

/** The text fields of a multipart form, trimmed, by their server names. */
export function multipartFields(values: Record<string, unknown>, names: string[]): FormData {
  const form = new FormData();
  for (const name of names) form.append(name, String(values[name] ?? "").trim());
  return form;
}
