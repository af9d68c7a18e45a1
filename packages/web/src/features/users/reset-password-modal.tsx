import type { StaffUser } from "@linxuan/domain";
import { checkPasswordPolicy } from "@linxuan/domain";
import { Alert, App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { checkRule } from "../../shared/form-rules";
import { PasswordHint } from "../auth/password-hint";
import { useResetPassword } from "./queries";

export function ResetPasswordModal({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch("password", form);
  const reset = useResetPassword();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const onFinish = async ({ password: value }: { password: string }) => {
    if (!user) return;
    setFailure(null);
    try {
      await reset.mutateAsync({ id: user.id, password: value });
      message.success(`已重置“${user.displayName}”的密码，使用人下次登录须修改密码`);
      close();
    } catch (error) {
      setFailure(applyFieldErrors(form, error).length > 0 ? null : errorText(error));
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`重置密码：${user?.displayName ?? ""}（${user?.username ?? ""}）`}
      okText="重置密码"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure} />}
      <Form form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          label="新密码"
          name="password"
          extra={<PasswordHint value={password} />}
          rules={[
            { required: true, message: "请填写新密码" },
            checkRule((value) => {
              const result = checkPasswordPolicy(value, { username: user?.username });
              return result.ok ? null : result.message;
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
