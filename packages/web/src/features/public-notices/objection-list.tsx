import { Alert, App, Button, Descriptions, Empty, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { ReasonModal } from "../../shared/reason-modal";
import { EvidenceLinks } from "../supervision/evidence-links";
import { useHandleObjection, useObjections } from "./queries";
import type { Objection, ObjectionAction } from "./types";

const statusColors: Record<Objection["status"], string> = {
  received: "blue",
  investigating: "gold",
  dismissed: "default",
  upheld: "red",
};

const actions: Record<
  ObjectionAction,
  { text: string; title: string; from: Objection["status"][]; danger?: boolean; done: string }
> = {
  accept: { text: "受理调查", title: "受理调查", from: ["received"], done: "已受理调查" },
  dismiss: {
    text: "不成立",
    title: "异议不成立",
    from: ["received", "investigating"],
    done: "已认定异议不成立",
  },
  uphold: {
    text: "成立",
    title: "异议成立",
    from: ["received", "investigating"],
    danger: true,
    done: "已认定异议成立，该机构已移出公示名单",
  },
};

function ObjectionCard({
  objection,
  onAct,
}: {
  objection: Objection;
  onAct?: (action: ObjectionAction) => void;
}) {
  const open = (Object.keys(actions) as ObjectionAction[]).filter((action) =>
    actions[action].from.includes(objection.status),
  );
  return (
    <List.Item
      style={{ display: "block" }}
      data-ack={objection.ackNumber}
      aria-label={`异议 ${objection.ackNumber}`}
    >
      <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
        <Space wrap>
          <Typography.Text strong copyable>
            {objection.ackNumber}
          </Typography.Text>
          <Tag color={statusColors[objection.status]}>{objection.statusName}</Tag>
          <span>
            针对：<strong>{objection.institutionName}</strong>
          </span>
        </Space>
        {onAct && open.length > 0 && (
          <Space>
            {open.map((action) => (
              <Button
                key={action}
                size="small"
                danger={actions[action].danger}
                type={action === "accept" ? "primary" : "default"}
                onClick={() => onAct(action)}
              >
                {actions[action].text}
              </Button>
            ))}
          </Space>
        )}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginTop: 12 }}
        items={[
          { key: "name", label: "异议人", children: objection.objectorName },
          { key: "org", label: "工作单位或身份证号", children: objection.objectorOrg },
          { key: "phone", label: "联系电话", children: objection.phone },
          { key: "email", label: "电子邮箱", children: objection.email || "—" },
          { key: "at", label: "提交时间", children: formatInstant(objection.createdAt, true) },
        ]}
      />
      <div style={{ background: "#f7f8fa", padding: 12, borderRadius: 4 }}>
        <div className="lx-muted" style={{ marginBottom: 4 }}>
          异议内容
        </div>
        <p className="lx-user-text">{objection.content}</p>
      </div>
      <div style={{ marginTop: 8 }}>
        <span className="lx-muted">证明材料：</span>
        <EvidenceLinks files={objection.evidence} />
      </div>
      {objection.handlingNote && (
        <div style={{ marginTop: 8 }}>
          <span className="lx-muted">处理意见：</span>
          <span className="lx-user-text">{objection.handlingNote}</span>
        </div>
      )}
    </List.Item>
  );
}

/** The notice's objections, each with its content as typed and the office's actions. */
export function ObjectionList({ publicNoticeId, editable }: { publicNoticeId: string; editable: boolean }) {
  const { message } = App.useApp();
  const objections = useObjections(publicNoticeId);
  const handle = useHandleObjection(publicNoticeId);
  const [acting, setActing] = useState<{ objection: Objection; action: ObjectionAction } | null>(null);

  if (objections.isError) return <Alert type="error" showIcon title={errorText(objections.error)} />;
  const config = acting ? actions[acting.action] : null;
  return (
    <>
      <List
        loading={objections.isPending}
        dataSource={objections.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未收到异议" /> }}
        renderItem={(objection) => (
          <ObjectionCard
            key={objection.id}
            objection={objection}
            onAct={editable ? (action) => setActing({ objection, action }) : undefined}
          />
        )}
      />
      <ReasonModal
        open={acting !== null}
        title={acting && config ? `${config.title}：${acting.objection.ackNumber}` : ""}
        label="处理意见"
        okText={config ? `确认${config.text}` : "确认"}
        danger={config?.danger}
        extra={
          acting?.action === "uphold" ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`异议成立后，“${acting.objection.institutionName}”将移出公示名单，不纳入目录，并释放其审定名额。`}
            />
          ) : null
        }
        onClose={() => setActing(null)}
        onSubmit={async ({ reason }) => {
          if (!acting || !config) return;
          await handle.mutateAsync({ id: acting.objection.id, action: acting.action, note: reason });
          message.success(config.done);
        }}
      />
    </>
  );
}
