import { AuditOutlined, FileDoneOutlined, RollbackOutlined } from "@ant-design/icons";
import {
  type FormTemplate,
  type LatePaperDecision,
  latePaperDecisionLabels,
  paperTiming,
  type StageCode,
} from "@linxuan/domain";
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { User } from "../../app/api-types";
import { dateToPicker, formatDate, pickerToDate, todayInShanghai } from "../../shared/dates";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import type { Application } from "../applications/types";
import { useFormalCheck, usePaperReceipt } from "./queries";
import { ActionButton, blockedReason } from "./recommend-actions";
import { ReturnModal } from "./return-modal";
import type { Queue } from "./types";

/** 登记纸质材料 / 形式审查通过 / 退回: the receiving centre's actions on one application. */
export function CentreActions({
  application,
  template,
  user,
  stages,
  queue,
  openReceipt = false,
}: {
  application: Application;
  template: FormTemplate | undefined;
  user: User;
  stages: readonly StageCode[];
  queue: Queue | undefined;
  /** Opened from a scanned 申报编号: the receipt form comes up at once. */
  openReceipt?: boolean;
}) {
  const [open, setOpen] = useState<"receipt" | "pass" | "return" | null>(openReceipt ? "receipt" : null);
  const required = queue?.batch.paperCopies ?? application.batch.paperCopies;
  const receipt = queue?.items.find((item) => item.id === application.id)?.paperReceipt ?? null;
  const closed = !queue
    ? "正在加载审核队列…"
    : queue.stage && !queue.stage.open
      ? "形式审查环节已截止，不能再操作"
      : null;
  const waiting = ["submitted", "resubmitted"].includes(application.status);
  const receiptBlocked = closed ?? (waiting ? null : "只能为已提交、待形式审查的申报登记纸质材料");
  const paperShort =
    receipt?.lateDecision === "refused"
      ? `逾期报送的纸质材料已不予接收（${receipt.lateReason ?? ""}），不能通过形式审查，可退回申报`
      : required > 0 && (!receipt || receipt.copies < required)
        ? `纸质材料应为一式${required}份，${receipt ? `目前只登记了${receipt.copies}份` : "尚未登记接收"}`
        : null;
  // The stamped copy of the submitted version, where the batch takes it after submission.
  const stampMissing = application.batch.requiredAttachments
    .filter(
      (slot) => slot.required && slot.afterSubmission && application.missingAttachments.includes(slot.code),
    )
    .map((slot) => `“${slot.name}”`);
  const checkBlocked =
    blockedReason(application, user, stages, "passFormalCheck", closed) ??
    paperShort ??
    (stampMissing.length > 0 ? `申报单位尚未上传${stampMissing.join("、")}` : null);

  return (
    <>
      <Space direction="vertical" size={8}>
        <Typography.Text>
          纸质材料：
          {receipt ? (
            <>
              <strong>
                已登记 {receipt.copies} 份（{formatDate(receipt.receivedOn)}接收），应为一式{required}份
              </strong>
              {receipt.lateDecision && (
                <Tag
                  color={receipt.lateDecision === "refused" ? "red" : "orange"}
                  style={{ marginInlineStart: 8 }}
                >
                  逾期·{latePaperDecisionLabels[receipt.lateDecision]}
                </Tag>
              )}
            </>
          ) : (
            <Typography.Text type="warning">尚未登记（应为一式{required}份）</Typography.Text>
          )}
        </Typography.Text>
        <Space wrap>
          <ActionButton
            icon={<FileDoneOutlined />}
            blocked={receiptBlocked}
            onClick={() => setOpen("receipt")}
          >
            登记纸质材料
          </ActionButton>
          <ActionButton
            type="primary"
            icon={<AuditOutlined />}
            blocked={checkBlocked}
            onClick={() => setOpen("pass")}
          >
            形式审查通过
          </ActionButton>
          <ActionButton
            icon={<RollbackOutlined />}
            blocked={blockedReason(application, user, stages, "return", closed)}
            onClick={() => setOpen("return")}
          >
            退回
          </ActionButton>
        </Space>
        {checkBlocked && waiting && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            形式审查通过不可用：{checkBlocked}
          </Typography.Text>
        )}
      </Space>
      <ReceiptModal
        application={application}
        current={receipt}
        required={required}
        paperDeadline={queue?.batch.paperDeadline ?? null}
        open={open === "receipt" && !receiptBlocked}
        onClose={() => setOpen(null)}
      />
      <PassModal application={application} open={open === "pass"} onClose={() => setOpen(null)} />
      <ReturnModal
        applicationId={application.id}
        template={template}
        open={open === "return"}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

type ReceiptValues = {
  copies: number;
  receivedOn: Dayjs | null;
  note?: string;
  lateDecision?: LatePaperDecision;
  lateReason?: string;
};

function ReceiptModal({
  application,
  current,
  required,
  paperDeadline,
  open,
  onClose,
}: {
  application: Application;
  current: Queue["items"][number]["paperReceipt"];
  required: number;
  paperDeadline: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ReceiptValues>();
  const receipt = usePaperReceipt(application.id);
  const { message } = App.useApp();
  const today = todayInShanghai();
  const receivedOn = Form.useWatch("receivedOn", form);
  const picked = pickerToDate(receivedOn ?? null);
  const timing = picked ? paperTiming(picked, paperDeadline) : ({ late: false } as const);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await receipt.mutateAsync({
        copies: values.copies,
        receivedOn: pickerToDate(values.receivedOn) ?? today,
        note: values.note?.trim() || null,
        lateDecision: timing.late ? (values.lateDecision ?? null) : null,
        lateReason: timing.late ? values.lateReason?.trim() || null : null,
      });
      message.success(`已登记纸质材料 ${values.copies} 份`);
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={open}
      title={`登记纸质材料：${application.institution.name}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={receipt.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          copies: current?.copies ?? required,
          receivedOn: dateToPicker(current?.receivedOn ?? today),
          lateDecision: current?.lateDecision ?? undefined,
          lateReason: current?.lateReason ?? undefined,
        }}
      >
        <Form.Item
          name="copies"
          label={`收到份数（应为一式${required}份）`}
          rules={[{ required: true, message: "请填写份数" }]}
        >
          <InputNumber min={1} max={20} precision={0} style={{ width: 140 }} addonAfter="份" />
        </Form.Item>
        <Form.Item name="receivedOn" label="接收日期" rules={[{ required: true, message: "请选择接收日期" }]}>
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(day) => day.format("YYYY-MM-DD") > today}
            placeholder="选择日期"
          />
        </Form.Item>
        {timing.late && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`逾期报送：接收日期晚于纸质材料报送截止时间（${timing.deadlineText}）${timing.daysLate}天`}
              description="请选择是否接收逾期材料，并写明理由；不予接收的，该申报不能通过形式审查。"
            />
            <Form.Item
              name="lateDecision"
              label="逾期处理"
              rules={[{ required: true, message: "请选择逾期接收或不予接收" }]}
            >
              <Radio.Group
                options={(["accepted", "refused"] as const).map((value) => ({
                  value,
                  label: latePaperDecisionLabels[value],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="lateReason"
              label="逾期处理理由"
              rules={[{ required: true, whitespace: true, message: "请填写逾期处理理由" }]}
            >
              <Input.TextArea rows={2} maxLength={500} placeholder="如：邮戳日期在截止日前，邮路延误" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="备注（可不填）">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：盖章齐全" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 形式审查通过 asks before it acts: the step cannot be undone, and the opinion goes on record. */
function PassModal({
  application,
  open,
  onClose,
}: {
  application: Application;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const check = useFormalCheck(application.id);
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await check.mutateAsync({ opinion: values.opinion?.trim() || null });
      message.success("形式审查通过");
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={open}
      title={`确认形式审查通过：${application.institution.name}`}
      okText="确认通过"
      cancelText="取消"
      confirmLoading={check.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        通过后申报进入专家评议，申报单位将收到通知；此操作不能撤销。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="opinion" label="审查意见（可不填，申报单位可见）">
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：材料齐全，盖章清晰" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
