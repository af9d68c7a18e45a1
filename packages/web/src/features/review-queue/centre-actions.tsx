import { AuditOutlined, FileDoneOutlined, RollbackOutlined } from "@ant-design/icons";
import type { FormTemplate, StageCode } from "@linxuan/domain";
import { App, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { User } from "../../app/api-types";
import { dateToPicker, formatDate, pickerToDate, todayInShanghai } from "../../app/dates";
import { applyFieldErrors, errorText } from "../../app/form-errors";
import type { Application } from "../applications/types";
import { ActionButton, blockedReason } from "./decision-actions";
import { useFormalCheck, usePaperReceipt } from "./queries";
import { ReturnModal } from "./return-modal";
import type { Queue } from "./types";

/** 登记纸质材料 / 形式审查通过 / 退回: the receiving centre's actions on one application. */
export function CentreActions({
  application,
  template,
  user,
  stages,
  queue,
}: {
  application: Application;
  template: FormTemplate | undefined;
  user: User;
  stages: readonly StageCode[];
  queue: Queue | undefined;
}) {
  const [open, setOpen] = useState<"receipt" | "return" | null>(null);
  const check = useFormalCheck(application.id);
  const { message } = App.useApp();
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
    required > 0 && (!receipt || receipt.copies < required)
      ? `纸质材料应为一式${required}份，${receipt ? `目前只登记了${receipt.copies}份` : "尚未登记接收"}`
      : null;
  const checkBlocked = blockedReason(application, user, stages, "passFormalCheck", closed) ?? paperShort;

  const pass = async () => {
    try {
      await check.mutateAsync();
      message.success("形式审查通过");
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <Space direction="vertical" size={8}>
        <Typography.Text>
          纸质材料：
          {receipt ? (
            <strong>
              已登记 {receipt.copies} 份（{formatDate(receipt.receivedOn)}接收），应为一式{required}份
            </strong>
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
            loading={check.isPending}
            onClick={pass}
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
        open={open === "receipt"}
        onClose={() => setOpen(null)}
      />
      <ReturnModal
        applicationId={application.id}
        template={template}
        open={open === "return"}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

type ReceiptValues = { copies: number; receivedOn: Dayjs | null; note?: string };

function ReceiptModal({
  application,
  current,
  required,
  open,
  onClose,
}: {
  application: Application;
  current: Queue["items"][number]["paperReceipt"];
  required: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ReceiptValues>();
  const receipt = usePaperReceipt(application.id);
  const { message } = App.useApp();
  const today = todayInShanghai();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await receipt.mutateAsync({
        copies: values.copies,
        receivedOn: pickerToDate(values.receivedOn) ?? today,
        note: values.note?.trim() || null,
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
        <Form.Item name="note" label="备注（可不填）">
          <Input.TextArea rows={2} maxLength={500} placeholder="如：盖章齐全" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
