import { CheckCircleOutlined } from "@ant-design/icons";
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatInstant } from "../../app/dates";
import { errorText } from "../../app/form-errors";
import { NoticeItemsTable } from "./notice-items-table";
import { endText, PhaseTag } from "./notice-period";
import { ObjectionList } from "./objection-list";
import { useConfirmNotice, useOfficeNotice } from "./queries";
import type { Notice } from "./types";
import "./notices.css";

function ConfirmCard({ notice }: { notice: Notice }) {
  const { modal, message } = App.useApp();
  const confirm = useConfirmNotice(notice.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [listed, setListed] = useState<number | null>(null);
  const remaining = notice.items.filter((item) => item.status === "listed").length;

  const ask = () =>
    modal.confirm({
      title: "公示期满确认纳入目录",
      content: `确认后，公示名单中未被移出的 ${remaining} 家机构将纳入目录，有效期自审定通过之时起计算。此操作不可撤销。`,
      okText: "确认纳入目录",
      cancelText: "取消",
      onOk: () =>
        confirm
          .mutateAsync()
          .then((result) => {
            setRefusal(null);
            setListed(result.listed);
            message.success(`已纳入目录 ${result.listed} 家`);
          })
          .catch((error: unknown) => setRefusal(errorText(error))),
    });

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>纳入目录</h2>} style={{ marginBottom: 16 }}>
      {notice.phase === "confirmed" ? (
        <Alert
          type="success"
          showIcon
          title={listed !== null ? `已纳入目录 ${listed} 家` : "本公示已确认纳入目录"}
          description={
            <>
              确认时间：{formatInstant(notice.confirmedAt)}。可在{" "}
              <Link to="/workbench/catalog-admin">目录管理</Link>
              中查看和调整。
            </>
          }
        />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            公示期满（{endText(notice)}后）且全部异议处理完毕，方可确认纳入目录。
          </Typography.Text>
          {refusal && <Alert type="error" showIcon role="alert" title="不能纳入目录" description={refusal} />}
          <Button type="primary" icon={<CheckCircleOutlined />} loading={confirm.isPending} onClick={ask}>
            公示期满确认纳入目录
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** /workbench/notices/:id: the notice, its objections with their handling, and the confirmation. */
export function NoticeAdminPage() {
  const { id = "" } = useParams();
  const query = useOfficeNotice(id);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const notice = query.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench/notices">公示管理</Link> }, { title: notice.title }]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>{notice.title}</h1>
          <Space style={{ marginTop: 8 }}>
            <PhaseTag phase={notice.phase} />
          </Space>
        </div>
        <ButtonLink to={`/public-notices/${notice.id}`}>查看公开页面</ButtonLink>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: "start", label: "开始", children: formatInstant(notice.startsAt) },
            { key: "end", label: "截止", children: endText(notice) },
            { key: "days", label: "公示期", children: `${notice.workdays}个工作日` },
            {
              key: "count",
              label: "名单",
              children: `${notice.items.length} 家（已移出 ${notice.items.filter((item) => item.status === "removed").length} 家）`,
            },
          ]}
        />
      </Card>
      <ConfirmCard notice={notice} />
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>异议</h2>} style={{ marginBottom: 16 }}>
        <ObjectionList noticeId={notice.id} editable={notice.phase !== "confirmed"} />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>公示名单</h2>}>
        <NoticeItemsTable items={notice.items} confirmed={notice.phase === "confirmed"} showReasons />
      </Card>
    </>
  );
}
