import { Alert, Button, Form, Input, Radio, Typography, type UploadFile } from "antd";
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

/** 投诉举报 against one catalog entry; the answer is the 受理编号. */
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

/** What a complainant should know, beside the form. */
export function ComplaintGuide() {
  return (
    <aside
      aria-labelledby="complaint-guide"
      style={{ background: "#f7f8fa", padding: "16px 20px", borderRadius: 4 }}
    >
      <h3 id="complaint-guide" style={{ fontSize: 15, marginTop: 0 }}>
        举报须知
      </h3>
      <ol className="lx-steps">
        <li>
          <strong>实名举报</strong>
          <span className="lx-muted">请如实填写姓名和联系电话，以便核实情况和反馈结果。</span>
        </li>
        <li>
          <strong>写明具体事实</strong>
          <span className="lx-muted">
            写明时间、地点、经过，尽量提供收费凭证、宣传材料、聊天记录截图等证明材料。
          </span>
        </li>
        <li>
          <strong>记下受理编号</strong>
          <span className="lx-muted">凭受理编号和联系电话，在“投诉举报办理查询”中查看办理进度和结果。</span>
        </li>
        <li>
          <strong>调查处理</strong>
          <span className="lx-muted">
            经核实的，视情节约谈警示、暂停目录资格或移出目录，并记入该机构的变更记录。
          </span>
        </li>
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        您的个人信息仅用于核实和反馈，不会公开。
      </Typography.Paragraph>
    </aside>
  );
}
