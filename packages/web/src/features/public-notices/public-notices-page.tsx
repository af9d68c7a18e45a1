import { Link } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { errorText } from "../../shared/form-errors";
import { LiteAlert, LiteEmpty, LiteLoading } from "../../shared/lite/display";
import { LiteBreadcrumb } from "../../shared/lite/page-parts";
import { SectionTitle } from "../../shared/section-title";
import { PhaseTag, periodText } from "./public-notice-period";
import { usePublicNotices } from "./queries";
import "./public-notices.css";

/** /public-notices: every 拟纳入目录 list put to the public, newest first (plain markup, no antd). */
export function PublicNoticesPage() {
  const publicNotices = usePublicNotices();
  return (
    <>
      <LiteBreadcrumb items={[{ title: "首页", to: "/" }, { title: "公示公告" }]} />
      <div className="lx-panel">
        <SectionTitle title="公示公告" as="h1" extra={<Link to="/objection-status">异议办理查询 ›</Link>} />
        <p className="lx-muted lx-public-notices-intro">
          经专家评议和审定，拟纳入目录的机构名单在此公示。公示期按工作日计算，公示期内任何单位和个人均可对名单中的机构实名提出异议。
        </p>
        {publicNotices.isPending && <LiteLoading />}
        {publicNotices.isError && <LiteAlert type="error" title={errorText(publicNotices.error)} />}
        {publicNotices.isSuccess && publicNotices.data.length === 0 && <LiteEmpty>暂无公示</LiteEmpty>}
        {publicNotices.isSuccess && publicNotices.data.length > 0 && (
          <ul className="lx-public-notice-list">
            {publicNotices.data.map((publicNotice) => (
              <li key={publicNotice.id}>
                <div className="lx-public-notice-list-main">
                  <div>
                    <DemoTag isDemo={publicNotice.isDemo} />
                    <Link to={`/public-notices/${publicNotice.id}`} className="lx-public-notice-list-title">
                      {publicNotice.title}
                    </Link>
                  </div>
                  <div className="lx-public-notice-list-meta">
                    <span>公示期：{periodText(publicNotice)}</span>
                    {publicNotice.phase === "open" && (
                      <span className="lx-public-notice-remaining">
                        剩余{Math.floor(publicNotice.remainingMs / 86_400_000)}天
                        {Math.floor((publicNotice.remainingMs % 86_400_000) / 3_600_000)}小时
                      </span>
                    )}
                  </div>
                </div>
                <PhaseTag phase={publicNotice.phase} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
