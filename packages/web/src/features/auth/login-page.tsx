import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type ApiError, api, isApiError } from "../../app/api";
import type { User } from "../../app/api-types";
import { ButtonLink } from "../../app/button-link";
import { safeNext, sessionKey, setSessionEnd, useSession } from "../../app/session";
import { AsideNotes, AuthShell } from "./auth-shell";

type LoginValues = { username: string; password: string };

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const expired = params.get("reason") === "expired";
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await api.post<{ user: User }>(
        "/auth/login",
        { username: values.username.trim(), password: values.password },
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
            "连续多次输入错误密码，账号将被临时锁定。",
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
          title={
            error.code === "ACCOUNT_LOCKED"
              ? "账号已锁定"
              : error.code === "ACCOUNT_DISABLED"
                ? "账号已停用"
                : "登录失败"
          }
          description={error.message}
        />
      )}
      <Form<LoginValues> layout="vertical" size="large" requiredMark={false} onFinish={onFinish}>
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
        <Button type="primary" htmlType="submit" block loading={submitting}>
          登录
        </Button>
      </Form>
      <p style={{ marginTop: 24, color: "#4e5969" }}>
        还没有账号？<Link to="/register">申报单位注册</Link>
      </p>
    </AuthShell>
  );
}
