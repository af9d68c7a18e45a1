import { Form, Input } from "antd";
import { ReasonModal } from "../../shared/reason-modal";
import { emailRule, phoneRule } from "../../shared/submitter-fields";
import { useRequestContactChange } from "./queries";

/** 申请变更目录联系方式: takes effect after the office approves it. */
export function ContactRequestModal({
  entry,
  onClose,
  onDone,
}: {
  entry: { id: string; label: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const request = useRequestContactChange();
  return (
    <ReasonModal
      open={entry !== null}
      title={entry ? `申请变更联系方式：${entry.label}` : ""}
      label="变更原因"
      okText="提交申请"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!entry) return;
        await request.mutateAsync({
          entryId: entry.id,
          contactName: String(values.contactName ?? "").trim(),
          contactPhone: String(values.contactPhone ?? "").trim(),
          contactEmail: String(values.contactEmail ?? "").trim(),
          reason: values.reason,
        });
        onDone();
      }}
    >
      <Form.Item
        name="contactName"
        label="联系人"
        rules={[{ required: true, whitespace: true, min: 2, message: "请填写联系人姓名" }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label="联系电话"
        rules={[{ required: true, whitespace: true, message: "请填写联系电话" }, phoneRule]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="contactEmail"
        label="电子邮箱"
        rules={[{ required: true, whitespace: true, message: "请填写电子邮箱" }, emailRule]}
      >
        <Input maxLength={254} />
      </Form.Item>
    </ReasonModal>
  );
}
