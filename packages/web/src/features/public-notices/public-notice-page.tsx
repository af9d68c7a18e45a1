import { useCallback, useEffect } from "react";
import { Link, useParams } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";
import { LiteButtonLink } from "../../shared/lite/button";
import { LiteAlert, LiteCard, LiteLoading } from "../../shared/lite/display";
import { LiteBreadcrumb, LiteResult } from "../../shared/lite/page-parts";
import { ObjectionPanel } from "./objection-panel";
import { PublicNoticeDocument } from "./public-notice-document";
import { endText, remainingText, useRemaining } from "./public-notice-period";
import { useVisitorPublicNotice } from "./queries";
import type { PublicNotice } from "./types";
import "./public-notices.css";

function ClosedPublicNotice({ publicNotice, onStart }: { publicNotice: PublicNotice; onStart: () => void }) {
  if (publicNotice.phase === "upcoming") {
    return (
      <LiteAlert
        type="info"
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
    <LiteAlert
      type="warning"
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

/** Reloads the notice when its start arrives, so the form appears without a manual refresh. */
function StartCountdown({ startsAt, onStart }: { startsAt: string; onStart: () => void }) {
  const left = useRemaining(Date.parse(startsAt)) ?? 0;
  useEffect(() => {
    if (left === 0) onStart();
  }, [left, onStart]);
  return <span className="lx-muted">（距开始还有 {remainingText(left)}）</span>;
}

/**
 * /public-notices/:id: the notice, its list, downloads and (while open) the objection form. Plain
 * markup: only the objection form brings antd, when the visitor opens it.
 */
export function PublicNoticePage() {
  const { id = "" } = useParams();
  const query = useVisitorPublicNotice(id);
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);

  if (query.isPending) return <LiteLoading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <LiteResult
          title="公示不存在"
          subTitle="该公示不存在或已撤下。"
          extra={<LiteButtonLink to="/public-notices">返回公示公告</LiteButtonLink>}
        />
      );
    }
    return <LiteAlert type="error" title={errorText(query.error)} />;
  }
  const publicNotice = query.data;

  return (
    <>
      <LiteBreadcrumb
        items={[
          { title: "首页", to: "/" },
          { title: "公示公告", to: "/public-notices" },
          { title: publicNotice.title },
        ]}
      />
      <PublicNoticeDocument publicNotice={publicNotice} receivedAt={publicNotice.receivedAt} onEnd={reload} />
      <div id="objection" className="lx-no-print lx-objection-card">
        <LiteCard title="提出异议" extra={<Link to="/objection-status">异议办理查询 ›</Link>}>
          {publicNotice.phase === "open" ? (
            <ObjectionPanel publicNotice={publicNotice} onWindowClosed={reload} />
          ) : (
            <ClosedPublicNotice publicNotice={publicNotice} onStart={reload} />
          )}
        </LiteCard>
      </div>
    </>
  );
}
