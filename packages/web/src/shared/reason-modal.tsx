import { Alert, Form, Input, Modal } from "antd";
import { type ReactNode, useState } from "react";
import { errorText } from "./form-errors";

/**
 * A modal that asks for a reason (and optionally more fields) and runs `onSubmit`; the server's
 * refusal stays in the modal, in its words.
 */
export function ReasonModal({
  open,
  title,
  label,
  okText,
  danger,
  extra,
  children,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  extra?: ReactNode;
  children?: ReactNode;
  onSubmit: (values: Record<string, unknown> & { reason: string }) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, unknown> & { reason: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({ ...values, reason: values.reason.trim() });
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && setFailure(null)}
      destroyOnHidden
    >
      {extra}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={failure} />}
      <Form form={form} layout="vertical" preserve={false}>
        {children}
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, min: 2, message: `请填写${label}（至少2个字）` }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
