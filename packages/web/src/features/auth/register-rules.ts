import {
  type CentralAffiliation,
  checkCreditCode,
  checkEmail,
  checkPasswordPolicy,
  checkPhone,
  normalizeCode,
} from "@linxuan/domain";
import { type FieldErrors, withoutEmpty } from "../../shared/lite/field-errors";

export type RegisterValues = {
  creditCode: string;
  institutionName: string;
  centralAffiliation: CentralAffiliation | "none";
  contactName: string;
  phone: string;
  email: string;
  password: string;
  confirmPassword: string;
  captchaId: string;
  captchaAnswer: string;
};

export type RegisterField = keyof RegisterValues;

/** The fields in the order the form shows them (the first with a message gets the focus). */
export const registerFields: RegisterField[] = [
  "creditCode",
  "institutionName",
  "centralAffiliation",
  "contactName",
  "phone",
  "email",
  "password",
  "confirmPassword",
  "captchaAnswer",
];

export const emptyRegistration: RegisterValues = {
  creditCode: "",
  institutionName: "",
  centralAffiliation: "none",
  contactName: "",
  phone: "",
  email: "",
  password: "",
  confirmPassword: "",
  captchaId: "",
  captchaAnswer: "",
};

/** The message of a domain check's result, if it refused. */
function refusal(result: { ok: true } | { ok: false; message: string }): string | undefined {
  return result.ok ? undefined : result.message;
}

/**
 * What the browser says about the registration before asking the server, with the domain's own
 * checks (credit code, phone, email, password policy). A credit code whose check character looks
 * wrong is a warning only: it does not block, the server asks for confirmation.
 */
export function checkRegistration(values: RegisterValues): { errors: FieldErrors; warnings: FieldErrors } {
  const credit = values.creditCode ? checkCreditCode(values.creditCode) : null;
  const name = values.institutionName;
  const errors = withoutEmpty({
    creditCode: !values.creditCode
      ? "请填写统一社会信用代码"
      : credit?.status === "invalid"
        ? credit.message
        : undefined,
    institutionName: !name.trim()
      ? "请填写单位名称"
      : name.length < 2 || name.length > 100
        ? "单位名称应为2–100个字"
        : undefined,
    contactName: !values.contactName.trim()
      ? "请填写联系人姓名"
      : values.contactName.length > 50
        ? "联系人姓名不超过50个字"
        : undefined,
    phone: values.phone ? refusal(checkPhone(values.phone)) : "请填写联系电话",
    email: values.email ? refusal(checkEmail(values.email)) : "请填写电子邮箱",
    password: values.password
      ? refusal(checkPasswordPolicy(values.password, { username: normalizeCode(values.creditCode) }))
      : "请设置登录密码",
    confirmPassword: !values.confirmPassword
      ? "请再次输入密码"
      : values.confirmPassword !== values.password
        ? "两次输入的密码不一致"
        : undefined,
    captchaAnswer: values.captchaAnswer.trim() ? undefined : "请输入图中的字符",
  });
  const warnings = withoutEmpty({
    creditCode: credit?.status === "warning" ? credit.message : undefined,
  });
  return { errors, warnings };
}
