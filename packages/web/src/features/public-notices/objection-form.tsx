import { Alert, Button, Form, Input, Select, type UploadFile } from "antd";
import { useState } from "react";
import { AckResult } from "../../shared/ack-result";
import { CaptchaField, type CaptchaValues } from "../../shared/captcha-field";
import { appendEvidence, EvidenceField, noteUploadRefusal } from "../../shared/evidence-field";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { contentRule, multipartFields, SubmitterFields } from "../../shared/submitter-fields";
import { fileObjection } from "./queries";
import type { Acknowledgement, PublicNoticeItem } from "./types";

type Values = CaptchaValues & {
  itemId: string;
  name: string;
  organisation: string;
  phone: string;
  email: string;
  content: string;
  evidence?: UploadFile[];
};

/**
 * 异议: a named objection against one institution on the list, with contact details and evidence,
 * sent as one multipart form. The answer is the 受理编号.
 */
export function ObjectionForm({
  publicNoticeId,
  items,
  onWindowClosed,
}: {
  publicNoticeId: string;
  items: PublicNoticeItem[];
  onWindowClosed: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [ack, setAck] = useState<Acknowledgement | null>(null);
  const [captchaRound, setCaptchaRound] = useState(0);

  if (ack) {
    return (
      <AckResult
        what="异议"
        ackNumber={ack.ackNumber}
        institutionName={ack.institutionName}
        statusPath="/objection-status"
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
      "itemId",
      "name",
      "organisation",
      "phone",
      "email",
      "content",
      "captchaId",
      "captchaAnswer",
    ]);
    appendEvidence(body, values.evidence);
    try {
      setAck(await fileObjection(publicNoticeId, body));
      window.scrollTo({ top: 0 });
    } catch (error) {
      const fileProblem = noteUploadRefusal(error);
      if (fileProblem) form.setFields([{ name: "evidence", errors: [fileProblem] }]);
      else if (applyFieldErrors(form, error).length === 0) setFailure(errorText(error));
      if (isApiError(error, "TRANSITION_NOT_ALLOWED")) onWindowClosed();
      // Each picture gets one try.
      setCaptchaRound((round) => round + 1);
    } finally {
      setBusy(false);
    }
  };

  const listed = items.filter((item) => item.status === "listed");
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form.Item
        name="itemId"
        label="异议对象"
        rules={[{ required: true, message: "请选择公示名单中的机构" }]}
      >
        <Select
          placeholder="请选择公示名单中的机构"
          showSearch={{ optionFilterProp: "label" }}
          options={listed.map((item) => ({
            value: item.id,
            label: `${item.institutionName}（${item.occupationName}）`,
          }))}
        />
      </Form.Item>
      <SubmitterFields
        emailRequired
        afterName={
          <Form.Item
            name="organisation"
            label="工作单位或身份证号"
            rules={[
              { required: true, whitespace: true, message: "请填写工作单位或身份证号" },
              { min: 2, message: "请填写工作单位或身份证号" },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
        }
      />
      <Form.Item name="content" label="异议内容" required rules={[contentRule]}>
        <Input.TextArea
          rows={6}
          maxLength={3000}
          showCount
          placeholder="请写明异议的具体事实和理由（10–3000字）"
        />
      </Form.Item>
      <EvidenceField />
      <CaptchaField round={captchaRound} />
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          提交异议
        </Button>
      </Form.Item>
    </Form>
  );
}
