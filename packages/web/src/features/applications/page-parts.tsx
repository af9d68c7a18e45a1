import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  LoadingOutlined,
  RollbackOutlined,
} from "@ant-design/icons";
import { Alert, App, Button, Form, Input, Modal, Space } from "antd";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { formatInstant, inShanghai } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import type { AutosaveState } from "./autosave";
import { useWithdrawApplication } from "./queries";
import type { Application } from "./types";

/** 已自动保存 HH:mm:ss / 保存中… / 未保存的修改 / 保存失败 — always visible while editing. */
export function SaveIndicator({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  let content: ReactNode;
  switch (state.status) {
    case "idle":
    case "saved":
      content = (
        <span className="lx-save lx-save-ok">
          <CheckCircleFilled /> 已自动保存 {inShanghai(state.savedAt).format("HH:mm:ss")}
        </span>
      );
      break;
    case "saving":
      content = (
        <span className="lx-save lx-save-busy">
          <LoadingOutlined /> 保存中…
        </span>
      );
      break;
    case "dirty":
      content = <span className="lx-save lx-save-dirty">● 未保存的修改（停止输入3秒后自动保存）</span>;
      break;
    case "conflict":
      content = (
        <span className="lx-save lx-save-error">
          <ExclamationCircleFilled /> 保存冲突，请在弹出的窗口中选择
        </span>
      );
      break;
    case "error":
      content = (
        <span className="lx-save lx-save-error">
          <ExclamationCircleFilled /> 未保存的修改：保存失败
          <Button size="small" type="link" onClick={onRetry}>
            重试
          </Button>
        </span>
      );
      break;
  }
  return (
    <div role="status" aria-live="polite" className="lx-save-indicator">
      {content}
    </div>
  );
}

/** 撤回: before expert review, with a written reason (it goes into the record). */
export function WithdrawButton({ application }: { application: Application }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawApplication(application.id);
  const { message } = App.useApp();
  if (!application.permissions.canWithdraw) return null;
  return (
    <>
      <Button danger icon={<RollbackOutlined />} onClick={() => setOpen(true)}>
        撤回申报
      </Button>
      <Modal
        open={open}
        title="撤回申报"
        okText="确认撤回"
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="撤回后本申报结束，不能恢复；如需再次申报该职业，请在截止前重新新建申报。"
        />
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) =>
            withdraw.mutate(reason, {
              onSuccess: () => {
                setOpen(false);
                message.success("申报已撤回");
              },
              onError: (error) => message.error(errorText(error)),
            })
          }
        >
          <Form.Item
            name="reason"
            label="撤回原因"
            rules={[
              { required: true, whitespace: true, message: "请填写撤回原因" },
              { min: 2, message: "请填写撤回原因（至少2个字）" },
              { max: 1000, message: "撤回原因不超过1000字" },
            ]}
          >
            <Input.TextArea rows={4} placeholder="请说明撤回原因，将记入申报记录" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The server writes a return's per-field comments as "· address：缺门牌号"; the applicant reads the
 * printed label there instead ("· 单位地址：缺门牌号").
 */
function readableReason(reason: string, labels: ReadonlyMap<string, string>): string {
  return reason.replace(/^· ([A-Za-z][\w.]*)：/gm, (line, path: string) => {
    const [key, index, column] = path.split(".");
    const label =
      labels.get(path) ??
      (key && index && column ? `${labels.get(key) ?? key}第${Number(index) + 1}行·${column}` : null);
    return label ? `· ${label}：` : line;
  });
}

/** Where the application stands, in one sentence, with what comes next. */
export function StatusAlert({
  application,
  labels,
}: {
  application: Application;
  labels: ReadonlyMap<string, string>;
}) {
  const latest = application.versions.at(-1);
  switch (application.status) {
    case "draft":
      return application.permissions.canEdit ? null : (
        <Alert
          type="warning"
          showIcon
          title="网上申报已截止，草稿不能再修改或提交"
          style={{ marginBottom: 16 }}
        />
      );
    case "returned":
      return (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title="申报已被退回，请按退回意见修改后重新提交"
          description={
            <>
              <div className="lx-return-reason">
                {application.returnReason
                  ? readableReason(application.returnReason, labels)
                  : "（未说明理由）"}
              </div>
              <Space wrap style={{ marginTop: 8 }}>
                <span>
                  答复期限：{formatInstant(application.returnReplyBy ?? application.deadline, true)}
                </span>
                {latest && <span>被退回的版本：第{latest.number}版（保持不变，可在“版本记录”中查看）</span>}
              </Space>
            </>
          }
        />
      );
    case "withdrawn":
      return <Alert type="info" showIcon title="申报已撤回" style={{ marginBottom: 16 }} />;
    case "listed":
      // The paper and waiting instructions are over: only what listing means now.
      return (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title="已纳入目录"
          description={
            <>
              {application.nextAction && <div>{application.nextAction}。</div>}
              <div>
                目录信息可在<Link to="/catalog">目录查询</Link>
                中查看；目录信息如有变更，请在“目录与考核评估”中维护。
              </div>
            </>
          }
        />
      );
    default:
      return (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已提交${latest ? `第${latest.number}版（${formatInstant(latest.submittedAt, true)}）` : ""}，当前状态：${application.statusName}`}
          description={
            <>
              {application.nextAction && <div>下一步：{application.nextAction}</div>}
              {!application.batch.hasRecommendation &&
                application.batch.paperCopies > 0 &&
                (application.status === "submitted" || application.status === "resubmitted") && (
                  <div>
                    请下载已提交版本的申报表，打印并加盖单位印章，纸质材料一式{application.batch.paperCopies}
                    份报送
                    {application.batch.submitTo}。
                  </div>
                )}
            </>
          }
        />
      );
  }
}
