import {
  type CentralAffiliation,
  centralAffiliationCodes,
  centralAffiliationNames,
  checkCreditCode,
  checkEmail,
  checkPasswordPolicy,
  checkPhone,
  normalizeCode,
} from "@linxuan/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, type FormRule, Input, Radio } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { User } from "../../app/api-types";
import { sessionKey } from "../../app/session";
import { CaptchaField, type CaptchaValues } from "../../shared/captcha-field";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { checkRule } from "../../shared/form-rules";
import { api, isApiError } from "../../shared/http";
import { AsideNotes, AuthShell } from "./auth-shell";
import { PasswordHint } from "./password-hint";

type RegisterValues = CaptchaValues & {
  creditCode: string;
  institutionName: string;
  centralAffiliation: CentralAffiliation | "none";
  contactName: string;
  phone: string;
  email: string;
  password: string;
  confirmPassword: string;
};

const creditCodeRules: FormRule[] = [
  { required: true, message: "请填写统一社会信用代码" },
  checkRule((value) => {
    const result = checkCreditCode(value);
    return result.status === "invalid" ? result.message : null;
  }),
  // A wrong check character is shown but does not block: the server asks for confirmation.
  checkRule((value) => {
    const result = checkCreditCode(value);
    return result.status === "warning" ? result.message : null;
  }, true),
];

export function RegisterPage() {
  const [form] = Form.useForm<RegisterValues>();
  const password = Form.useWatch("password", form);
  const client = useQueryClient();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [captchaRound, setCaptchaRound] = useState(0);

  const submit = async (values: RegisterValues, confirmCreditCodeWarning = false) => {
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
        captchaAnswer: values.captchaAnswer?.trim(),
        ...(confirmCreditCodeWarning ? { confirmCreditCodeWarning: true } : {}),
      });
      client.clear();
      client.setQueryData(sessionKey, user);
      message.success("注册成功，已为您登录");
      navigate("/workbench", { replace: true });
    } catch (error) {
      setSubmitting(false);
      // The warning comes before the captcha is checked: confirming sends the same answer.
      if (!isApiError(error, "CREDIT_CODE_CHECKSUM_WARNING")) setCaptchaRound((round) => round + 1);
      if (isApiError(error, "CREDIT_CODE_CHECKSUM_WARNING")) {
        modal.confirm({
          title: "请核对统一社会信用代码",
          content: error.message,
          okText: "我已核对，该代码与营业执照一致",
          cancelText: "返回修改",
          width: 520,
          onOk: () => submit(values, true),
        });
        return;
      }
      if (isApiError(error, "INSTITUTION_EXISTS")) {
        form.setFields([{ name: "creditCode", errors: [error.message] }]);
        setFailure(error.message);
        return;
      }
      const issues = applyFieldErrors(form, error);
      setFailure(issues.length > 0 ? "请按提示修改标红的信息后重新提交" : errorText(error));
    }
  };

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
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={(values) => submit(values)}
        initialValues={{ centralAffiliation: "none" }}
        validateTrigger={["onChange", "onBlur"]}
        scrollToFirstError
      >
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          rules={creditCodeRules}
          validateDebounce={300}
          extra="18位，见营业执照或法人登记证书"
        >
          <Input maxLength={24} autoComplete="off" style={{ fontFamily: "monospace", letterSpacing: 1 }} />
        </Form.Item>
        <Form.Item
          label="单位名称"
          name="institutionName"
          rules={[
            { required: true, whitespace: true, message: "请填写单位名称" },
            { min: 2, max: 100, message: "单位名称应为2–100个字" },
          ]}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item
          label="单位隶属情况"
          name="centralAffiliation"
          extra="按照属地管理原则，北京市人力资源和社会保障局负责遴选在京中央单位、行业组织所属培训机构；其他单位向统一社会信用代码登记地的省级人力资源社会保障部门申报。"
        >
          <Radio.Group
            options={[
              { value: "none", label: "其他单位" },
              ...centralAffiliationCodes.map((code) => ({
                value: code,
                label: centralAffiliationNames[code],
              })),
            ]}
          />
        </Form.Item>
        <Form.Item
          label="联系人姓名"
          name="contactName"
          rules={[
            { required: true, whitespace: true, message: "请填写联系人姓名" },
            { max: 50, message: "联系人姓名不超过50个字" },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="phone"
          extra="手机号码，或带区号的固定电话"
          validateDebounce={300}
          rules={[
            { required: true, message: "请填写联系电话" },
            checkRule((value) => {
              const result = checkPhone(value);
              return result.ok ? null : result.message;
            }),
          ]}
        >
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item
          label="电子邮箱"
          name="email"
          validateDebounce={300}
          rules={[
            { required: true, message: "请填写电子邮箱" },
            checkRule((value) => {
              const result = checkEmail(value);
              return result.ok ? null : result.message;
            }),
          ]}
        >
          <Input autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          label="登录密码"
          name="password"
          dependencies={["creditCode"]}
          extra={<PasswordHint value={password} />}
          rules={[
            { required: true, message: "请设置登录密码" },
            checkRule((value) => {
              const result = checkPasswordPolicy(value, {
                username: normalizeCode(form.getFieldValue("creditCode") ?? ""),
              });
              return result.ok ? null : result.message;
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认密码"
          name="confirmPassword"
          dependencies={["password"]}
          rules={[
            { required: true, message: "请再次输入密码" },
            checkRule((value) => (value === form.getFieldValue("password") ? null : "两次输入的密码不一致")),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <CaptchaField round={captchaRound} />
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          注册
        </Button>
      </Form>
      <p style={{ marginTop: 24, color: "#4e5969" }}>
        已有账号？<Link to="/login">直接登录</Link>
      </p>
    </AuthShell>
  );
}
