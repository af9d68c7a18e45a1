import { CheckOutlined, CloseOutlined, RollbackOutlined, UndoOutlined } from "@ant-design/icons";
import { canTransition, type FormTemplate, type StageCode } from "@linxuan/domain";
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Tooltip } from "antd";
import { type ReactNode, useState } from "react";
import type { User } from "../../app/api-types";
import { applyFieldErrors, errorText } from "../../shared/form-errors";
import type { Application } from "../applications/types";
import { useDecline, useRecommend, useUndoRecommendation } from "./queries";
import { ReturnModal } from "./return-modal";
import type { Queue } from "./types";

/** Why an action cannot run now, or null when it can: closed stage or list first, then the status rule. */
export function blockedReason(
  application: Application,
  user: User,
  stages: readonly StageCode[],
  command: Parameters<typeof canTransition>[0]["command"],
  closedBecause: string | null,
): string | null {
  if (closedBecause) return closedBecause;
  if (stages.length === 0) return "正在加载批次环节…";
  const verdict = canTransition({ status: application.status, command, role: user.role, stages });
  return verdict.ok ? null : verdict.reason;
}

export function ActionButton({
  blocked,
  children,
  ...props
}: { blocked: string | null; children: ReactNode } & Omit<Parameters<typeof Button>[0], "disabled">) {
  const button = (
    <Button {...props} disabled={blocked !== null}>
      {children}
    </Button>
  );
  return blocked ? (
    <Tooltip title={blocked}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

type ModalKind = "recommend" | "decline" | "return" | null;

/** 推荐 / 不予推荐 / 退回修改 / 撤销决定, each checked by the server again. */
export function RecommendActions({
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
  const [open, setOpen] = useState<ModalKind>(null);
  const undo = useUndoRecommendation(application.id);
  const { message, modal } = App.useApp();
  const closed = !queue
    ? "正在加载审核队列…"
    : queue.closed
      ? "本单位已确认推荐名单并出具推荐函，不能再修改"
      : queue.stage && !queue.stage.open
        ? "审核推荐环节已截止，不能再操作"
        : null;
  // The line the application counts in: in 广东, 粤港澳大湾区 and the rest of the province differ.
  const areaKey = queue?.items.find((item) => item.id === application.id)?.quotaAreaKey ?? null;
  const quota = queue?.quotas.find(
    (item) =>
      item.kind === application.kind &&
      item.occupation === application.occupation &&
      item.areaKey === areaKey,
  );
  const reason = (command: Parameters<typeof blockedReason>[3]) =>
    blockedReason(application, user, stages, command, closed);

  const confirmUndo = () =>
    modal.confirm({
      title: "撤销推荐决定？",
      content: "撤销后该申报回到待审核状态；已推荐的，名额随之释放。",
      okText: "撤销决定",
      cancelText: "取消",
      onOk: () =>
        undo
          .mutateAsync()
          .then(() => message.success("已撤销决定"))
          .catch((error: unknown) => message.error(errorText(error))),
    });

  return (
    <>
      <Space wrap>
        <ActionButton
          type="primary"
          icon={<CheckOutlined />}
          blocked={reason("recommend")}
          onClick={() => setOpen("recommend")}
        >
          推荐
        </ActionButton>
        <ActionButton
          danger
          icon={<CloseOutlined />}
          blocked={reason("decline")}
          onClick={() => setOpen("decline")}
        >
          不予推荐
        </ActionButton>
        <ActionButton
          icon={<RollbackOutlined />}
          blocked={reason("return")}
          onClick={() => setOpen("return")}
        >
          退回修改
        </ActionButton>
        <ActionButton icon={<UndoOutlined />} blocked={reason("undoRecommendation")} onClick={confirmUndo}>
          撤销决定
        </ActionButton>
      </Space>
      <RecommendModal
        application={application}
        limit={quota ? quota.limit : 1}
        rule={quota?.rule ?? ""}
        suggested={(quota?.used ?? 0) + 1}
        open={open === "recommend"}
        onClose={() => setOpen(null)}
      />
      <DeclineModal application={application} open={open === "decline"} onClose={() => setOpen(null)} />
      <ReturnModal
        applicationId={application.id}
        template={template}
        open={open === "return"}
        onClose={() => setOpen(null)}
      />
    </>
  );
}

function RecommendModal({
  application,
  limit,
  rule,
  suggested,
  open,
  onClose,
}: {
  application: Application;
  /** null: no cap per recommender (the notice sets none). */
  limit: number | null;
  rule: string;
  suggested: number;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string; rank: number }>();
  const recommend = useRecommend(application.id);
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setFailure(null);
    try {
      const result = await recommend.mutateAsync({ reason: values.reason.trim(), rank: values.rank });
      message.success(
        result.quota.limit === null
          ? `已推荐，本单位本职业已推荐 ${result.quota.used} 家`
          : `已推荐，名额已用 ${result.quota.used} / ${result.quota.limit}`,
      );
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      setFailure(errorText(error));
    }
  };

  return (
    <Modal
      open={open}
      title={`推荐：${application.institution.name}`}
      okText="确认推荐"
      cancelText="取消"
      confirmLoading={recommend.isPending}
      onOk={submit}
      onCancel={onClose}
      afterOpenChange={(visible) => !visible && setFailure(null)}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${application.occupationName}·${application.kindName}：${rule || "按本批次名额"}`}
      />
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={failure} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ rank: limit === null ? suggested : Math.min(suggested, limit) }}
      >
        <Form.Item
          name="reason"
          label="推荐理由"
          rules={[
            { required: true, whitespace: true, message: "请填写推荐理由" },
            { min: 10, message: "推荐理由至少10个字" },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={1000}
            showCount
            placeholder="结合本地区（本行业）需要，说明推荐理由"
          />
        </Form.Item>
        <Form.Item
          name="rank"
          label={`排名（本单位本职业内的推荐顺序${limit === null ? "" : `，1–${limit}`}）`}
          rules={[{ required: true, message: "请填写排名" }]}
        >
          <InputNumber min={1} max={limit ?? undefined} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeclineModal({
  application,
  open,
  onClose,
}: {
  application: Application;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useDecline(application.id);
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await decline.mutateAsync(values.reason.trim());
      message.success("已作出不予推荐的决定");
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
      message.error(errorText(error));
    }
  };
  return (
    <Modal
      open={open}
      title={`不予推荐：${application.institution.name}`}
      okText="不予推荐"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={decline.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label="不予推荐理由"
          rules={[{ required: true, whitespace: true, min: 2, message: "请填写不予推荐理由（至少2个字）" }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
