import { Alert, Button, Form, Input, Radio, type UploadFile } from "antd";
import { useState } from "react";
import { AckResult } from "../../shared/ack-result";
import { CaptchaField, type CaptchaValues } from "../../shared/captcha-field";
import { appendEvidence, EvidenceField, noteUploadRefusal } from "../../shared/evidence-field";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { contentRule, multipartFields, SubmitterFields } from "../../shared/submitter-fields";
import type { Acknowledgement } from "../public-notices/types";
import { fileComplaint } from "./queries";

/** The server's categories (supervision/complaints.ts), in the notice's words. */
export const complaintCategories = [
  { value: "illegalTraining", label: "违规开展培训" },
  { value: "overcharging", label: "乱收费" },
  { value: "fraud", label: "弄虚作假" },
  { value: "other", label: "其他" },
] as const;

type Values = CaptchaValues & {
  category: string;
  name: string;
  phone: string;
  email?: string;
  content: string;
  evidence?: UploadFile[];
};

/**
 * 投诉举报 against one catalog entry; the answer is the 受理编号. Drawn with antd, loaded only when
 * a visitor asks for it (complaint-section.tsx).
 */
export function ComplaintForm({ entryId }: { entryId: string }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [ack, setAck] = useState<Acknowledgement | null>(null);
  const [captchaRound, setCaptchaRound] = useState(0);

  if (ack) {
    return (
      <AckResult
        what="投诉举报"
        ackNumber={ack.ackNumber}
        institutionName={ack.institutionName}
        statusPath="/complaint-status"
        onAnother={() => {
          form.resetFields();
          setAck(null);
        }}
      />
    );
  }

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    const body = multipartFields(values, [
      "category",
      "name",
      "phone",
      "email",
      "content",
      "captchaId",
      "captchaAnswer",
    ]);
    appendEvidence(body, values.evidence);
    try {
      setAck(await fileComplaint(entryId, body));
    } catch (error) {
      const fileProblem = noteUploadRefusal(error);
      if (fileProblem) form.setFields([{ name: "evidence", errors: [fileProblem] }]);
      else if (applyFieldErrors(form, error).length === 0) setFailure(errorText(error));
      // Each picture gets one try.
      setCaptchaRound((round) => round + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      scrollToFirstError
      style={{ maxWidth: 720 }}
    >
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form.Item name="category" label="举报类别" rules={[{ required: true, message: "请选择举报类别" }]}>
        <Radio.Group options={complaintCategories.map((item) => ({ ...item }))} />
      </Form.Item>
      <SubmitterFields emailRequired={false} />
      <Form.Item name="content" label="举报内容" required rules={[contentRule]}>
        <Input.TextArea rows={6} maxLength={3000} showCount placeholder="请写明具体事实（10–3000字）" />
      </Form.Item>
      <EvidenceField />
      <CaptchaField round={captchaRound} />
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          提交投诉举报
        </Button>
      </Form.Item>
    </Form>
  );
}
