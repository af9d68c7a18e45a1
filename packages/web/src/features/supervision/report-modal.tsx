import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { errorText } from "../../shared/form-errors";
import { useSubmitReport } from "./queries";
import type { Assessment } from "./types";

/** 提交考核评估报告 (up to 3000 characters, as the server allows). */
export function ReportModal({
  assessment,
  onClose,
  onDone,
}: {
  assessment: Assessment | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ report: string }>();
  const submit = useSubmitReport();
  const [failure, setFailure] = useState<string | null>(null);
  const send = async () => {
    const { report } = await form.validateFields();
    if (!assessment) return;
    setFailure(null);
    try {
      await submit.mutateAsync({ id: assessment.id, report: report.trim() });
      onDone();
      onClose();
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  return (
    <Modal
      open={assessment !== null}
      title={assessment ? `提交考核评估报告：${assessment.cycleName}` : ""}
      okText="提交报告"
      cancelText="取消"
      width={720}
      confirmLoading={submit.isPending}
      onOk={send}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && setFailure(null)}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="请如实报告有效期内的培训（评价）规模、质量、师资和收费等情况。提交后不能修改。"
      />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={failure} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="report"
          label="考核评估报告"
          rules={[{ required: true, whitespace: true, min: 2, message: "请填写考核评估报告" }]}
        >
          <Input.TextArea rows={10} maxLength={3000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
