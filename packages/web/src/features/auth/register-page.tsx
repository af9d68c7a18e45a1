import { centralAffiliationCodes, centralAffiliationNames, normalizeCode } from "@linxuan/domain";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { User } from "../../app/api-types";
import { sessionKey } from "../../app/session";
import { errorText } from "../../shared/form-errors";
import { api, isApiError } from "../../shared/http";
import { LiteButton } from "../../shared/lite/button";
import { LiteCaptcha } from "../../shared/lite/captcha";
import { LiteAlert } from "../../shared/lite/display";
import { type FieldControl, LiteField, LiteInput, LitePasswordInput } from "../../shared/lite/field";
import { type FieldErrors, focusFirstInvalid, serverFieldErrors } from "../../shared/lite/field-errors";
import { useToast } from "../../shared/lite/toast";
import { AsideNotes, AuthShell } from "./auth-shell";
import { CreditCodeConfirm } from "./credit-code-confirm";
import { PasswordHint } from "./password-hint";
import {
  checkRegistration,
  emptyRegistration,
  type RegisterField,
  type RegisterValues,
  registerFields,
} from "./register-rules";
import "./auth.css";

const affiliationOptions = [
  { value: "none", label: "其他单位" },
  ...centralAffiliationCodes.map((code) => ({ value: code, label: centralAffiliationNames[code] })),
];

/** /register, drawn without antd (issue 17: the pages anyone opens stay light). */
export function RegisterPage() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RegisterValues>(emptyRegistration);
  // A field shows the browser's message once it has been left (or the form submitted), as antd's do.
  const [touched, setTouched] = useState<ReadonlySet<RegisterField>>(new Set());
  // The server's messages stay under their fields until the field is edited.
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [captchaRound, setCaptchaRound] = useState(0);
  const [checksumDoubt, setChecksumDoubt] = useState<string | null>(null);

  const { errors, warnings } = checkRegistration(values);
  const errorOf = (field: RegisterField) =>
    serverErrors[field] ?? (touched.has(field) ? errors[field] : undefined);

  const edit = (field: RegisterField, value: string) => {
    setValues((shown) => ({ ...shown, [field]: value }));
    setServerErrors((shown) => ({ ...shown, [field]: undefined }));
  };
  const leave = (field: RegisterField) => setTouched((shown) => new Set(shown).add(field));

  const submit = async (confirmCreditCodeWarning = false) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const { user } = await api.post<{ user: User }>("/auth/register", {
        creditCode: normalizeCode(values.creditCode),
        institutionName: values.institutionName.trim(),
        centralAffiliation: values.centralAffiliation === "none" ? null : values.centralAffiliation,
        contactName: values.contactName.trim(),
        phone: values.phone.trim(),
        email: values.email.trim(),
        password: values.password,
        captchaId: values.captchaId,
        captchaAnswer: values.captchaAnswer.trim(),
        ...(confirmCreditCodeWarning ? { confirmCreditCodeWarning: true } : {}),
      });
      client.clear();
      client.setQueryData(sessionKey, user);
      toast.success("注册成功，已为您登录");
      navigate("/workbench", { replace: true });
    } catch (error) {
      setSubmitting(false);
      // The warning comes before the captcha is checked: confirming sends the same answer.
      if (isApiError(error, "CREDIT_CODE_CHECKSUM_WARNING")) {
        setChecksumDoubt(error.message);
        return;
      }
      setCaptchaRound((round) => round + 1);
      if (isApiError(error, "INSTITUTION_EXISTS")) {
        setServerErrors({ creditCode: error.message });
        setFailure(error.message);
        focusFirstInvalid(formRef.current);
        return;
      }
      const issues = serverFieldErrors(error);
      setServerErrors(issues);
      const any = Object.keys(issues).length > 0;
      setFailure(any ? "请按提示修改标红的信息后重新提交" : errorText(error));
      if (any) focusFirstInvalid(formRef.current);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setTouched(new Set(registerFields));
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    void submit();
  };

  /** A text field: its label, the browser's and server's message, and what it says beneath. */
  const textField = (
    field: RegisterField,
    label: string,
    control: (props: FieldControl) => ReactNode,
    extra?: ReactNode,
  ) => (
    <LiteField label={label} required error={errorOf(field)} extra={extra}>
      {control}
    </LiteField>
  );
  const inputProps = (field: RegisterField) => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => edit(field, event.target.value),
    onBlur: () => leave(field),
  });

  return (
    <AuthShell
      title="申报单位注册"
      aside={
        <AsideNotes
          heading="注册须知"
          notes={[
            "本注册面向申报培训机构、评价机构的单位，一个统一社会信用代码只能注册一个账号。",
            "注册后以统一社会信用代码作为用户名登录。",
            "请如实填写单位名称和统一社会信用代码，须与营业执照或法人登记证书一致。",
            "推荐单位、专家等工作人员账号由系统管理员开设，无需注册。",
          ]}
        />
      }
    >
      {failure && <LiteAlert type="error" title={failure} />}
      <form ref={formRef} className="lite-form" noValidate onSubmit={onSubmit}>
        {textField(
          "creditCode",
          "统一社会信用代码",
          (control) => (
            <LiteInput
              {...control}
              {...inputProps("creditCode")}
              className="lx-auth-code"
              maxLength={24}
              autoComplete="off"
            />
          ),
          <>
            {!errorOf("creditCode") && warnings.creditCode && (
              <div className="lx-auth-warning">{warnings.creditCode}</div>
            )}
            18位，见营业执照或法人登记证书
          </>,
        )}
        {textField("institutionName", "单位名称", (control) => (
          <LiteInput {...control} {...inputProps("institutionName")} autoComplete="organization" />
        ))}
        <fieldset className="lx-auth-radios">
          <legend>单位隶属情况</legend>
          {affiliationOptions.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name="centralAffiliation"
                value={option.value}
                checked={values.centralAffiliation === option.value}
                onChange={() => edit("centralAffiliation", option.value)}
              />
              {option.label}
            </label>
          ))}
          <div className="lite-field-extra">
            按照属地管理原则，北京市人力资源和社会保障局负责遴选在京中央单位、行业组织所属培训机构；其他单位向统一社会信用代码登记地的省级人力资源社会保障部门申报。
          </div>
        </fieldset>
        {textField("contactName", "联系人姓名", (control) => (
          <LiteInput {...control} {...inputProps("contactName")} autoComplete="name" />
        ))}
        {textField(
          "phone",
          "联系电话",
          (control) => (
            <LiteInput {...control} {...inputProps("phone")} autoComplete="tel" inputMode="tel" />
          ),
          "手机号码，或带区号的固定电话",
        )}
        {textField("email", "电子邮箱", (control) => (
          <LiteInput {...control} {...inputProps("email")} autoComplete="email" inputMode="email" />
        ))}
        {textField(
          "password",
          "登录密码",
          (control) => (
            <LitePasswordInput {...control} {...inputProps("password")} autoComplete="new-password" />
          ),
          <PasswordHint value={values.password} />,
        )}
        {textField("confirmPassword", "确认密码", (control) => (
          <LitePasswordInput {...control} {...inputProps("confirmPassword")} autoComplete="new-password" />
        ))}
        <LiteCaptcha
          round={captchaRound}
          answer={values.captchaAnswer}
          error={errorOf("captchaAnswer")}
          onAnswer={(answer) => {
            edit("captchaAnswer", answer);
            leave("captchaAnswer");
          }}
          onChallenge={(id) => {
            setValues((shown) => ({ ...shown, captchaId: id, captchaAnswer: "" }));
            // A new picture is nobody's mistake: its empty box says nothing until left or submitted.
            setTouched((shown) => {
              const rest = new Set(shown);
              rest.delete("captchaAnswer");
              return rest;
            });
          }}
        />
        <LiteButton variant="primary" type="submit" block size="large" loading={submitting}>
          注册
        </LiteButton>
      </form>
      <p className="lx-auth-switch">
        已有账号？<Link to="/login">直接登录</Link>
      </p>
      {checksumDoubt && (
        <CreditCodeConfirm
          message={checksumDoubt}
          onCancel={() => setChecksumDoubt(null)}
          onConfirm={() => {
            setChecksumDoubt(null);
            void submit(true);
          }}
        />
      )}
    </AuthShell>
  );
}
