import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { User } from "../../app/api-types";
import { safeNext, sessionKey, setSessionEnd, useSession } from "../../app/session";
import { ButtonLink } from "../../shared/button-link";
import { CaptchaField, type CaptchaValues } from "../../shared/captcha-field";
import { applyFieldErrors } from "../../shared/form-errors";
import { type ApiError, api, isApiError } from "../../shared/http";
import { AsideNotes, AuthShell } from "./auth-shell";

type LoginValues = CaptchaValues & { username: string; password: string };

/** Codes whose title says more than 登录失败. */
const errorTitles: Record<string, string> = {
  ACCOUNT_LOCKED: "账号已锁定",
  ACCOUNT_DISABLED: "账号已停用",
  LOGIN_THROTTLED: "请稍后再试",
  CAPTCHA_REQUIRED: "请输入验证码",
  CAPTCHA_INVALID: "验证码不正确",
};

/** Seconds left until `until` (epoch ms), re-rendering once a second while waiting; 0 when none. */
function useSecondsLeft(until: number | null): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => setTick((tick) => tick + 1), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const expired = params.get("reason") === "expired";
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The server asks for a captcha after repeated failures (the same for every account name).
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captchaRound, setCaptchaRound] = useState(0);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(waitUntil);

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await api.post<{ user: User }>(
        "/auth/login",
        {
          username: values.username.trim(),
          password: values.password,
          ...(captchaShown
            ? { captchaId: values.captchaId, captchaAnswer: values.captchaAnswer?.trim() }
            : {}),
        },
        { onUnauthenticated: "throw" },
      );
      setSessionEnd(null);
      client.clear();
      client.setQueryData(sessionKey, user);
      navigate(user.mustChangePassword ? `/account/password?next=${encodeURIComponent(next)}` : next, {
        replace: true,
      });
    } catch (caught) {
      setError(isApiError(caught) ? caught : null);
      setSubmitting(false);
      if (!isApiError(caught)) throw caught;
      if (caught.details.captchaRequired === true) {
        setCaptchaShown(true);
        // Each picture gets one try: show a new one for the next attempt.
        setCaptchaRound((round) => round + 1);
      }
      if (caught.fields.length > 0) applyFieldErrors(form, caught);
      const retryAfter = Number(caught.details.retryAfter ?? 0);
      setWaitUntil(retryAfter > 0 ? Date.now() + retryAfter * 1000 : null);
    }
  };

  return (
    <AuthShell
      title="用户登录"
      aside={
        <AsideNotes
          heading="登录说明"
          notes={[
            "申报单位以统一社会信用代码作为用户名登录。",
            "推荐单位、组织单位、专家等工作人员使用系统管理员分配的账号登录。",
            "多次输错密码后，需要输入图形验证码，并等待一段时间才能再试。",
            "忘记密码的，请联系系统管理员重置。",
          ]}
        />
      }
    >
      {session.data && !submitting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`您已登录为“${session.data.displayName}”`}
          description="可以直接进入工作台；如需使用其他账号，请在下方登录。"
          action={
            <ButtonLink type="primary" size="small" to={next}>
              进入工作台
            </ButtonLink>
          }
        />
      )}
      {expired && !error && !session.data && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="会话已超时，请重新登录" />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorTitles[error.code] ?? "登录失败"}
          description={error.message}
        />
      )}
      <Form<LoginValues> form={form} layout="vertical" size="large" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          label="用户名"
          name="username"
          extra="申报单位请填写统一社会信用代码"
          rules={[{ required: true, whitespace: true, message: "请填写用户名" }]}
        >
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: "请填写密码" }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        {captchaShown && <CaptchaField round={captchaRound} />}
        <Button type="primary" htmlType="submit" block loading={submitting} disabled={secondsLeft > 0}>
          {secondsLeft > 0 ? `${secondsLeft}秒后可再次登录` : "登录"}
        </Button>
      </Form>
      <p style={{ marginTop: 24, color: "#4e5969" }}>
        还没有账号？<Link to="/register">申报单位注册</Link>
      </p>
    </AuthShell>
  );
}
