import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { type FormTemplate, listFields } from "@linxuan/domain";
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo } from "react";
import { inShanghai, instantToWallClock, wallClockToInstant } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import { useReturnApplication } from "./queries";

type Values = {
  reason: string;
  replyBy?: Dayjs | null;
  fieldComments?: { path?: string; message?: string }[];
};

/** The fields (and tables, as a whole) a per-field comment can point at, labelled as on the form. */
function commentTargets(template: FormTemplate | undefined) {
  if (!template) return [];
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const entry of listFields(template)) {
    const key = entry.table ?? entry.key;
    if (seen.has(key) || entry.field.type === "consent") continue;
    seen.add(key);
    const label = entry.table ? entry.path.slice(0, -1).join(" › ") : entry.path.join(" › ");
    options.push({ value: key, label });
  }
  return options;
}

/**
 * 退回修改: a reason (required), an optional reply deadline in Beijing time and optional comments on
 * single fields; the applicant edits a new version and resubmits.
 */
export function ReturnModal({
  applicationId,
  template,
  open,
  onClose,
}: {
  applicationId: string;
  template: FormTemplate | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useReturnApplication(applicationId);
  const { message } = App.useApp();
  const targets = useMemo(() => commentTargets(template), [template]);
  const today = instantToWallClock(inShanghai().toISOString());

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync({
        reason: values.reason.trim(),
        replyBy: wallClockToInstant(values.replyBy ?? null),
        fieldComments: (values.fieldComments ?? []).flatMap((comment) =>
          comment.path && comment.message?.trim()
            ? [{ path: comment.path, message: comment.message.trim() }]
            : [],
        ),
      });
      message.success("已退回申报单位修改");
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={open}
      title="退回修改"
      width={720}
      okText="退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label="退回理由"
          rules={[{ required: true, whitespace: true, min: 2, message: "请填写退回理由（至少2个字）" }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder="请说明需要修改或补充的内容" />
        </Form.Item>
        <Form.Item
          name="replyBy"
          label="答复期限（北京时间，可不填）"
          extra="不填时以本批次网上申报截止时间为准。"
        >
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: 240 }}
            disabledDate={(day) => Boolean(today && day.isBefore(today, "day"))}
            placeholder="选择日期和时间"
          />
        </Form.Item>
        <Form.List name="fieldComments">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>逐项修改意见（可不填）</div>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: "flex", marginBottom: 8 }}>
                  <Form.Item
                    name={[field.name, "path"]}
                    rules={[{ required: true, message: "请选择项目" }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Select
                      showSearch={{ optionFilterProp: "label" }}
                      aria-label="申报表项目"
                      placeholder="选择申报表项目"
                      style={{ width: 300 }}
                      options={targets}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "message"]}
                    rules={[{ required: true, whitespace: true, message: "请填写修改意见" }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      aria-label="修改意见"
                      placeholder="修改意见"
                      maxLength={500}
                      style={{ width: 300 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label="删除这条意见"
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加逐项意见
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
