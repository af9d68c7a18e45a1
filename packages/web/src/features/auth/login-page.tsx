import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { User } from "../../app/api-types";
import { safeNext, sessionKey, setSessionEnd, useSession } from "../../app/session";
import { type ApiError, api, isApiError } from "../../shared/http";
import { LiteButton, LiteButtonLink } from "../../shared/lite/button";
import { LiteCaptcha } from "../../shared/lite/captcha";
import { LiteAlert } from "../../shared/lite/display";
import { LiteField, LiteInput, LitePasswordInput } from "../../shared/lite/field";
import {
  type FieldErrors,
  focusFirstInvalid,
  serverFieldErrors,
  withoutEmpty,
} from "../../shared/lite/field-errors";
import { AsideNotes, AuthShell } from "./auth-shell";
import "./auth.css";

type LoginValues = { username: string; password: string; captchaId: string; captchaAnswer: string };

/** Codes whose title says more than 登录失败. */
const errorTitles: Record<string, string> = {
  ACCOUNT_LOCKED: "账号已锁定",
  ACCOUNT_DISABLED: "账号已停用",
  LOGIN_THROTTLED: "请稍后再试",
  CAPTCHA_REQUIRED: "请输入验证码",
  CAPTCHA_INVALID: "验证码不正确",
};

/** The messages the browser shows before asking the server. */
function checkLogin(values: LoginValues, captchaShown: boolean): FieldErrors {
  return withoutEmpty({
    username: values.username.trim() ? undefined : "请填写用户名",
    password: values.password ? undefined : "请填写密码",
    captchaAnswer: captchaShown && !values.captchaAnswer.trim() ? "请输入图中的字符" : undefined,
  });
}

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

/** /login, drawn without antd (issue 17: the pages anyone opens stay light). */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const expired = params.get("reason") === "expired";
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<LoginValues>({
    username: "",
    password: "",
    captchaId: "",
    captchaAnswer: "",
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Once a submission was refused, the fields check themselves as they are edited, as antd's do.
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The server asks for a captcha after repeated failures (the same for every account name).
  const [captchaShown, setCaptchaShown] = useState(false);
  const [captchaRound, setCaptchaRound] = useState(0);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsLeft(waitUntil);

  const edit = (name: keyof LoginValues, value: string) => {
    const edited = { ...values, [name]: value };
    setValues(edited);
    if (checking) setFieldErrors((shown) => ({ ...shown, [name]: checkLogin(edited, captchaShown)[name] }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || secondsLeft > 0) return;
    const problems = checkLogin(values, captchaShown);
    setChecking(true);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await api.post<{ user: User }>(
        "/auth/login",
        {
          username: values.username.trim(),
          password: values.password,
          ...(captchaShown
            ? { captchaId: values.captchaId, captchaAnswer: values.captchaAnswer.trim() }
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
      if (caught.fields.length > 0) {
        setFieldErrors(serverFieldErrors(caught));
        focusFirstInvalid(formRef.current);
      }
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
        <LiteAlert
          type="info"
          title={`您已登录为“${session.data.displayName}”`}
          description="可以直接进入工作台；如需使用其他账号，请在下方登录。"
          action={
            <LiteButtonLink variant="primary" size="small" to={next}>
              进入工作台
            </LiteButtonLink>
          }
        />
      )}
      {expired && !error && !session.data && <LiteAlert type="warning" title="会话已超时，请重新登录" />}
      {error && (
        <LiteAlert type="error" title={errorTitles[error.code] ?? "登录失败"} description={error.message} />
      )}
      <form ref={formRef} className="lite-form lite-large" noValidate onSubmit={onSubmit}>
        <LiteField label="用户名" error={fieldErrors.username} extra="申报单位请填写统一社会信用代码">
          {(control) => (
            <LiteInput
              {...control}
              name="username"
              autoComplete="username"
              // The page exists to sign in: the first thing to type is the name.
              autoFocus
              value={values.username}
              onChange={(event) => edit("username", event.target.value)}
            />
          )}
        </LiteField>
        <LiteField label="密码" error={fieldErrors.password}>
          {(control) => (
            <LitePasswordInput
              {...control}
              name="password"
              autoComplete="current-password"
              value={values.password}
              onChange={(event) => edit("password", event.target.value)}
            />
          )}
        </LiteField>
        {captchaShown && (
          <LiteCaptcha
            round={captchaRound}
            answer={values.captchaAnswer}
            error={fieldErrors.captchaAnswer}
            onAnswer={(answer) => edit("captchaAnswer", answer)}
            onChallenge={(id) => setValues((shown) => ({ ...shown, captchaId: id, captchaAnswer: "" }))}
          />
        )}
        <LiteButton
          variant="primary"
          type="submit"
          size="large"
          block
          loading={submitting}
          disabled={secondsLeft > 0}
        >
          {secondsLeft > 0 ? `${secondsLeft}秒后可再次登录` : "登录"}
        </LiteButton>
      </form>
      <p className="lx-auth-switch">
        还没有账号？<Link to="/register">申报单位注册</Link>
      </p>
    </AuthShell>
  );
}
