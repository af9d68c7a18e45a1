import { checkPasswordPolicy } from "@linxuan/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { safeNext, sessionKey, useSession } from "../../app/session";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { checkRule } from "../../shared/form-rules";
import { api } from "../../shared/http";
import { PasswordHint } from "./password-hint";

type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordPage() {
  const [form] = Form.useForm<PasswordValues>();
  const newPassword = Form.useWatch("newPassword", form);
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const user = session.data;

  const onFinish = async (values: PasswordValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await api.post("/auth/password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      await client.invalidateQueries({ queryKey: sessionKey });
      message.success("密码已修改");
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (error) {
      const issues = applyFieldErrors(form, error);
      setFailure(issues.length > 0 ? null : errorText(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card style={{ maxWidth: 640 }} title={<h1 style={{ margin: 0, fontSize: 18 }}>修改密码</h1>}>
      {user?.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="首次登录或密码已被重置，请先修改密码后再使用系统"
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label="当前密码"
          name="currentPassword"
          rules={[{ required: true, message: "请填写当前密码" }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={<PasswordHint value={newPassword} />}
          dependencies={["currentPassword"]}
          rules={[
            { required: true, message: "请填写新密码" },
            checkRule((value) => {
              const result = checkPasswordPolicy(value, { username: user?.username ?? "" });
              if (!result.ok) return result.message;
              return value === form.getFieldValue("currentPassword") ? "新密码不能与当前密码相同" : null;
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            checkRule((value) =>
              value === form.getFieldValue("newPassword") ? null : "两次输入的密码不一致",
            ),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
