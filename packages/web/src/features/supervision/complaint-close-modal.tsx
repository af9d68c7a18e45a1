import { Form, Radio } from "antd";
import { ReasonModal } from "../../shared/reason-modal";
import { useHandleComplaint } from "./queries";
import type { Complaint, ComplaintOutcome } from "./types";

export const outcomeOptions: { value: ComplaintOutcome; label: string; note: string }[] = [
  { value: "dismissed", label: "不成立", note: "经核实举报不属实" },
  { value: "warning", label: "约谈警示", note: "约谈机构负责人并警示" },
  { value: "suspension", label: "暂停目录资格", note: "同时暂停该机构的目录资格" },
  { value: "removal", label: "移出目录", note: "同时将该机构移出目录" },
];

/** 办结: the outcome and the note; a suspension or removal also changes the catalog entry. */
export function ComplaintCloseModal({
  complaint,
  onClose,
  onDone,
}: {
  complaint: Complaint | null;
  onClose: () => void;
  onDone: (outcome: string) => void;
}) {
  const handle = useHandleComplaint();
  return (
    <ReasonModal
      open={complaint !== null}
      title={complaint ? `办结举报：${complaint.ackNumber}` : ""}
      label="办理结果说明"
      okText="确认办结"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!complaint) return;
        const outcome = values.outcome as ComplaintOutcome;
        await handle.mutateAsync({ id: complaint.id, action: "close", outcome, note: values.reason });
        onDone(outcomeOptions.find((item) => item.value === outcome)?.label ?? "");
      }}
    >
      <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: "请选择办理结果" }]}>
        <Radio.Group>
          {outcomeOptions.map((option) => (
            <Radio key={option.value} value={option.value} style={{ display: "flex", marginBottom: 6 }}>
              {option.label}
              <span className="lx-muted">（{option.note}）</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
    </ReasonModal>
  );
}
