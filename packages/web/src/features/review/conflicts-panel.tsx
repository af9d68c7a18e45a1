import { type ConflictType, conflictTypeNames, conflictTypes, detectedConflictTypes } from "@linxuan/domain";
import { Alert, App, Button, Card, Form, Input, Radio, Select, Typography } from "antd";
import { errorText } from "../../shared/form-errors";
import { useExperts } from "../experts/queries";
import { useCandidates, useConflictOverride } from "./queries";

type Values = {
  applicationId: string;
  expertId: string;
  action: "pin" | "clear";
  type: ConflictType;
  reason: string;
};

/**
 * 指定回避 / 解除回避: the office pins a conflict the data did not show, or clears a detected one it
 * has checked (e.g. a namesake in the teacher list). Declarations by experts cannot be cleared.
 */
export function ConflictsPanel({ batchId }: { batchId: string }) {
  const [form] = Form.useForm<Values>();
  const { candidates } = useCandidates(batchId);
  const experts = useExperts();
  const override = useConflictOverride(batchId);
  const { message } = App.useApp();
  const action = Form.useWatch("action", form) ?? "pin";
  const types =
    action === "clear" ? detectedConflictTypes : conflictTypes.filter((type) => type !== "declared");

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await override.mutateAsync({ ...values, reason: values.reason.trim() });
      message.success(values.action === "pin" ? "已指定回避，相关分配已取消" : "已解除回避");
      form.resetFields(["reason"]);
    } catch {
      // Shown below.
    }
  };

  return (
    <Card title="回避管理">
      <Typography.Paragraph type="secondary">
        系统按专家工作单位、申报单位及其师资（命题专家）名单自动识别利益冲突，自动分配时已回避。办公室可对某位专家与某份申报指定回避，或在核实后解除系统识别的回避；专家本人申报的回避不能解除。每次操作都须说明理由并记入审计日志。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: "pin", type: "pinned" }}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="action" label="操作">
          <Radio.Group
            optionType="button"
            options={[
              { value: "pin", label: "指定回避" },
              { value: "clear", label: "解除回避" },
            ]}
            onChange={(event) =>
              form.setFieldValue("type", event.target.value === "clear" ? "employerIsApplicant" : "pinned")
            }
          />
        </Form.Item>
        <Form.Item name="applicationId" label="申报" rules={[{ required: true, message: "请选择申报" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            aria-label="回避的申报"
            options={candidates.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.institutionName} · ${candidate.occupationName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="expertId" label="专家" rules={[{ required: true, message: "请选择专家" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            aria-label="回避的专家"
            options={(experts.data ?? []).map((expert) => ({
              value: expert.id,
              label: `${expert.name}（${expert.employer}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="type" label="回避事由" rules={[{ required: true, message: "请选择回避事由" }]}>
          <Select
            aria-label="回避事由"
            options={types.map((type) => ({ value: type, label: conflictTypeNames[type] }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="理由"
          rules={[
            { required: true, whitespace: true, min: 2, message: "请填写指定或解除回避的理由（至少2个字）" },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
        {override.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={errorText(override.error)}
          />
        )}
        <Button type="primary" danger={action === "pin"} loading={override.isPending} onClick={submit}>
          {action === "pin" ? "指定回避" : "解除回避"}
        </Button>
      </Form>
    </Card>
  );
}
