import { Alert, Breadcrumb, Card, Col, Row, Skeleton, Typography } from "antd";
import { useCallback, useEffect } from "react";
import { Link, useParams } from "react-router";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { PlainResult } from "../../shared/plain-result";
import { ObjectionForm } from "./objection-form";
import { PublicNoticeDocument } from "./public-notice-document";
import { endText, remainingText, useRemaining } from "./public-notice-period";
import { useVisitorPublicNotice } from "./queries";
import type { PublicNotice } from "./types";
import "./public-notices.css";

function ClosedPublicNotice({ publicNotice, onStart }: { publicNotice: PublicNotice; onStart: () => void }) {
  if (publicNotice.phase === "upcoming") {
    return (
      <Alert
        type="info"
        showIcon
        title="公示尚未开始"
        description={
          <>
            公示自{formatInstant(publicNotice.startsAt)}开始，公示期内可在本页提出异议。
            <StartCountdown startsAt={publicNotice.startsAt} onStart={onStart} />
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title="公示期已结束，不再受理异议"
      description={
        <>
          本次公示已于{endText(publicNotice)}
          结束。如发现已纳入目录的机构存在违规开展培训、乱收费、弄虚作假等问题，请在
          <Link to="/catalog">目录查询</Link>中找到该机构，通过“投诉举报”反映。已提出异议的，可在
          <Link to="/objection-status">异议办理查询</Link>中查看处理结果。
        </>
      }
    />
  );
}

function ObjectionGuide({ publicNotice }: { publicNotice: PublicNotice }) {
  return (
    <aside
      aria-labelledby="objection-guide"
      style={{ background: "#f7f8fa", padding: "16px 20px", borderRadius: 4 }}
    >
      <h3 id="objection-guide" style={{ fontSize: 15, marginTop: 0 }}>
        异议须知
      </h3>
      <ol className="lx-steps">
        <li>
          <strong>公示期内提出</strong>
          <span className="lx-muted">截止{endText(publicNotice)}，逾期不予受理。</span>
        </li>
        <li>
          <strong>实名并写明事实</strong>
          <span className="lx-muted">
            如实填写姓名和联系方式，写明具体事实和理由，提供证明材料。匿名或无具体事实的异议不予受理。
          </span>
        </li>
        <li>
          <strong>记下受理编号</strong>
          <span className="lx-muted">凭受理编号和联系电话，在“异议办理查询”中查看办理进度和处理意见。</span>
        </li>
        <li>
          <strong>调查核实</strong>
          <span className="lx-muted">异议经核实成立的，该机构移出公示名单，不纳入目录。</span>
        </li>
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        您的个人信息仅用于核实异议，不会公开。
      </Typography.Paragraph>
    </aside>
  );
}

/** Reloads the notice when its start arrives, so the form appears without a manual refresh. */
function StartCountdown({ startsAt, onStart }: { startsAt: string; onStart: () => void }) {
  const left = useRemaining(Date.parse(startsAt)) ?? 0;
  useEffect(() => {
    if (left === 0) onStart();
  }, [left, onStart]);
  return <span className="lx-muted">（距开始还有 {remainingText(left)}）</span>;
}

/** /public-notices/:id: the notice, its list, downloads and (while open) the objection form. */
export function PublicNoticePage() {
  const { id = "" } = useParams();
  const query = useVisitorPublicNotice(id);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <PlainResult
          kind="404"
          title="公示不存在"
          subTitle="该公示不存在或已撤下。"
          extra={<ButtonLink to="/public-notices">返回公示公告</ButtonLink>}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  const publicNotice = query.data;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/">首页</Link> },
          { title: <Link to="/public-notices">公示公告</Link> },
          { title: publicNotice.title },
        ]}
      />
      <PublicNoticeDocument publicNotice={publicNotice} receivedAt={publicNotice.receivedAt} onEnd={reload} />
      <Card
        id="objection"
        className="lx-no-print"
        title={<h2 style={{ margin: 0, fontSize: 16 }}>提出异议</h2>}
        extra={<Link to="/objection-status">异议办理查询 ›</Link>}
        style={{ marginTop: 16 }}
      >
        {publicNotice.phase === "open" ? (
          <Row gutter={32}>
            <Col xs={24} lg={15}>
              <ObjectionForm
                publicNoticeId={publicNotice.id}
                items={publicNotice.items}
                onWindowClosed={reload}
              />
            </Col>
            <Col xs={24} lg={9}>
              <ObjectionGuide publicNotice={publicNotice} />
            </Col>
          </Row>
        ) : (
          <ClosedPublicNotice publicNotice={publicNotice} onStart={reload} />
        )}
      </Card>
    </>
  );
}
