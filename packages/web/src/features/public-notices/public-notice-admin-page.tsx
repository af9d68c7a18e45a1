import { CheckCircleOutlined, FieldTimeOutlined } from "@ant-design/icons";
import { confirmableAfterText, shanghaiChineseDate } from "@linxuan/domain";
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { ObjectionList } from "./objection-list";
import { PublicNoticeItemsTable } from "./public-notice-items-table";
import { endText, PhaseTag, periodText } from "./public-notice-period";
import { useConfirmPublicNotice, useOfficePublicNotice, useShortenDemoPublicNotice } from "./queries";
import type { PublicNotice } from "./types";
import "./public-notices.css";
import { PrintButton } from "../../shared/print-button";

/**
 * 演示：缩短公示期 — only offered in demo mode for a 【演示】 batch's running notice, so that a
 * newcomer can walk on to the catalog today. The server refuses it anywhere else.
 */
function DemoShorten({ publicNotice }: { publicNotice: PublicNotice }) {
  const { modal, message } = App.useApp();
  const shorten = useShortenDemoPublicNotice(publicNotice.id);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!publicNotice.demoShortenable) return null;
  const ask = () =>
    modal.confirm({
      title: "演示：缩短公示期",
      content: `本公示属于演示批次。缩短后公示期即时届满（原至${endText(publicNotice)}），不再受理异议，可随即确认公示结果。此操作记入审计日志。`,
      okText: "缩短公示期",
      cancelText: "取消",
      onOk: () =>
        shorten
          .mutateAsync()
          .then(() => {
            setRefusal(null);
            message.success("公示期已缩短，现可确认公示结果");
          })
          .catch((error: unknown) => setRefusal(errorText(error))),
    });
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
      <Button icon={<FieldTimeOutlined />} onClick={ask} loading={shorten.isPending}>
        演示：缩短公示期
      </Button>
    </Space>
  );
}

function ConfirmCard({ publicNotice }: { publicNotice: PublicNotice }) {
  const { modal, message } = App.useApp();
  const confirm = useConfirmPublicNotice(publicNotice.id);
  const running = publicNotice.phase === "open" || publicNotice.phase === "upcoming";
  const [refusal, setRefusal] = useState<string | null>(null);
  const [listed, setListed] = useState<number | null>(null);
  const remaining = publicNotice.items.filter((item) => item.status === "listed").length;

  const ask = () =>
    modal.confirm({
      title: "确认公示结果",
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
      {publicNotice.phase === "confirmed" ? (
        <Alert
          type="success"
          showIcon
          title={listed !== null ? `已纳入目录 ${listed} 家` : "本公示已确认纳入目录"}
          description={
            <>
              确认时间：{formatInstant(publicNotice.confirmedAt)}。可在{" "}
              <Link to="/workbench/catalog-admin">目录管理</Link>
              中查看和调整。
            </>
          }
        />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            公示期满（{endText(publicNotice)}
            后）且全部异议处理完毕，方可确认公示结果，名单中未被移出的机构纳入目录。
          </Typography.Text>
          {refusal && <Alert type="error" showIcon role="alert" title="不能纳入目录" description={refusal} />}
          <Space wrap align="center">
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={confirm.isPending}
              disabled={running}
              onClick={ask}
            >
              确认公示结果
            </Button>
            {running && (
              <Typography.Text type="secondary">{confirmableAfterText(publicNotice)}</Typography.Text>
            )}
          </Space>
          <DemoShorten publicNotice={publicNotice} />
        </Space>
      )}
    </Card>
  );
}

/** /workbench/public-notices/:id: the notice, its objections with their handling, and the confirmation. */
export function PublicNoticeAdminPage() {
  const { id = "" } = useParams();
  const query = useOfficePublicNotice(id);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const publicNotice = query.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/workbench/public-notices">公示管理</Link> },
          { title: publicNotice.title },
        ]}
      />
      <div className="lx-page-heading">
        <div>
          <h1>{publicNotice.title}</h1>
          <Space style={{ marginTop: 8 }}>
            <DemoTag isDemo={publicNotice.isDemo} />
            <PhaseTag phase={publicNotice.phase} />
          </Space>
        </div>
        <Space wrap>
          <PrintButton />
          <ButtonLink to={`/public-notices/${publicNotice.id}`}>查看公开页面</ButtonLink>
        </Space>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "period", label: "公示期", children: periodText(publicNotice) },
            { key: "start", label: "开始时间", children: formatInstant(publicNotice.startsAt) },
            {
              key: "signature",
              label: "落款",
              children: `${publicNotice.issuingBody ?? "—"}　${shanghaiChineseDate(publicNotice.publishedAt)}`,
            },
            {
              key: "contacts",
              label: "异议受理",
              children:
                [publicNotice.contactAddress, publicNotice.contactPhone, publicNotice.contactEmail]
                  .filter(Boolean)
                  .join("；") || "—",
            },
            {
              key: "count",
              label: "名单",
              children: `${publicNotice.items.length} 家（已移出 ${publicNotice.items.filter((item) => item.status === "removed").length} 家）`,
            },
          ]}
        />
      </Card>
      <ConfirmCard publicNotice={publicNotice} />
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>异议</h2>} style={{ marginBottom: 16 }}>
        <ObjectionList publicNoticeId={publicNotice.id} editable={publicNotice.phase !== "confirmed"} />
      </Card>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>公示名单</h2>}>
        <PublicNoticeItemsTable
          items={publicNotice.items}
          confirmed={publicNotice.phase === "confirmed"}
          showReasons
        />
      </Card>
    </>
  );
}
