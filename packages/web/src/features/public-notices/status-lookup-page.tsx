import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Tag } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { api } from "../../shared/http";
import { SectionTitle } from "../../shared/section-title";
import { phoneRule } from "../../shared/submitter-fields";
import "./public-notices.css";

/** What both status answers share; complaints add an outcome. */
type StatusAnswer = {
  ackNumber: string;
  institutionName: string;
  status: string;
  statusName: string;
  createdAt: string;
  handledAt: string | null;
  handlingNote?: string | null;
  outcomeName?: string | null;
  outcomeNote?: string | null;
};

const statusColors: Record<string, string> = {
  received: "blue",
  investigating: "gold",
  dismissed: "default",
  upheld: "red",
  closed: "green",
};

const kinds = {
  objection: {
    title: "异议办理查询",
    what: "异议",
    endpoint: "/public/objections/status",
    back: { to: "/public-notices", text: "公示公告" },
  },
  complaint: {
    title: "投诉举报办理查询",
    what: "投诉举报",
    endpoint: "/public/complaints/status",
    back: { to: "/catalog", text: "目录查询" },
  },
} as const;

/** /objection-status and /complaint-status: 受理编号 + 联系电话 → the status and the office's note. */
export function StatusLookupPage({ kind }: { kind: keyof typeof kinds }) {
  const config = kinds[kind];
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [answer, setAnswer] = useState<StatusAnswer | null>(null);

  const lookUp = async (values: { ackNumber: string; phone: string }) => {
    setBusy(true);
    setFailure(null);
    setAnswer(null);
    try {
      setAnswer(
        await api.post<StatusAnswer>(config.endpoint, {
          ackNumber: values.ackNumber.trim().toUpperCase(),
          phone: values.phone.trim(),
        }),
      );
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const note = answer ? (kind === "objection" ? answer.handlingNote : answer.outcomeNote) : null;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to={config.back.to}>{config.back.text}</Link> },
          { title: config.title },
        ]}
      />
      <div className="lx-panel" style={{ maxWidth: 760, margin: "0 auto" }}>
        <SectionTitle title={config.title} as="h1" />
        <p className="lx-muted">请输入提交{config.what}时获得的受理编号和当时填写的联系电话。</p>
        <Form
          layout="vertical"
          onFinish={lookUp}
          initialValues={{ ackNumber: params.get("ack") ?? "" }}
          style={{ maxWidth: 420 }}
        >
          <Form.Item
            name="ackNumber"
            label="受理编号"
            rules={[
              { required: true, whitespace: true, message: "请填写受理编号" },
              { min: 6, message: "请填写完整的受理编号" },
            ]}
          >
            <Input maxLength={40} style={{ fontFamily: "monospace" }} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话"
            rules={[{ required: true, whitespace: true, message: "请填写联系电话" }, phoneRule]}
          >
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            查询
          </Button>
        </Form>
        {failure && <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }} title={failure} />}
      </div>
      {answer && (
        <Card
          title={<h2 style={{ margin: 0, fontSize: 16 }}>办理情况</h2>}
          style={{ maxWidth: 760, margin: "16px auto 0" }}
        >
          <Descriptions
            bordered
            column={1}
            size="small"
            styles={{ label: { width: 140 } }}
            items={[
              { key: "ack", label: "受理编号", children: <code>{answer.ackNumber}</code> },
              { key: "institution", label: `${config.what}对象`, children: answer.institutionName },
              {
                key: "status",
                label: "办理状态",
                children: <Tag color={statusColors[answer.status] ?? "default"}>{answer.statusName}</Tag>,
              },
              ...(answer.outcomeName
                ? [{ key: "outcome", label: "办理结果", children: answer.outcomeName }]
                : []),
              { key: "created", label: "提交时间", children: formatInstant(answer.createdAt) },
              { key: "handled", label: "处理时间", children: formatInstant(answer.handledAt) },
              {
                key: "note",
                label: "处理意见",
                children: note ? (
                  <p className="lx-user-text">{note}</p>
                ) : (
                  <span className="lx-muted">尚无处理意见</span>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

export function ObjectionStatusPage() {
  return <StatusLookupPage kind="objection" />;
}

export function ComplaintStatusPage() {
  return <StatusLookupPage kind="complaint" />;
}
