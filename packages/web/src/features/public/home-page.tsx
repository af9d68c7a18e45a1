import type { ReactNode } from "react";
import { Link } from "react-router";
import { PLATFORM_NAME, PROGRAM_NAME } from "../../app/public-layout";
import { errorText } from "../../shared/form-errors";
import { LiteAlert, LiteEmpty, LiteLoading } from "../../shared/lite/display";
import { SectionTitle } from "../../shared/section-title";
import { BatchCard } from "./batch-card";
import { BatchNoticeList } from "./batch-notice-list";
import { usePublicBatches } from "./queries";
import "./public.css";

/*
 * The page most visitors open first: plain markup, no antd (issue 17, point 4), so it comes with
 * the first script and a visitor waits for one request less.
 */

/** Line icons for the service links, drawn inline (an icon font would cost more than the page). */
const icons: Record<string, ReactNode> = {
  register: <path d="M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 10c0-3.9 3.1-7 7-7s7 3.1 7 7M19 8v6M16 11h6" />,
  login: <path d="M14 3h5a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2h-5M10 17l5-5-5-5M15 12H3" />,
  download: <path d="M12 3v12M7 10l5 5 5-5M4 19h16" />,
  read: <path d="M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h5" />,
};

export function HomePage() {
  const batches = usePublicBatches();
  const items = batches.data ?? [];
  const open = items.filter((batch) => batch.phase === "open");
  const formsTarget = open[0] ? `/notices/${open[0].id}#forms` : "/notices";

  return (
    <>
      <section className="lx-hero" aria-labelledby="intro-title">
        <h1 id="intro-title">
          {PROGRAM_NAME}
          {PLATFORM_NAME}
        </h1>
        <p>
          数字技术工程师培育项目是专业技术人才知识更新工程的重要组成部分，围绕人工智能、物联网、大数据、云计算、智能制造、工业互联网、虚拟现实、区块链、集成电路、数字化管理等10个数字技术新职业，分初级、中级、高级开展培训和评价。
          培训机构和评价机构按批次遴选：申报单位按通知要求填报申报表并报送材料，经推荐或形式审查、专家评议、审定和公示后纳入机构目录，目录有效期按各批次通知的规定，实行动态调整。
        </p>
      </section>

      <SectionTitle title="正在开展的遴选" extra={<Link to="/notices">全部通知 ›</Link>} />
      {batches.isPending && <LiteLoading />}
      {batches.isError && <LiteAlert type="error" title={errorText(batches.error)} />}
      {batches.isSuccess && open.length === 0 && (
        <div className="lx-panel">
          <LiteEmpty>当前没有正在受理网上申报的遴选批次</LiteEmpty>
        </div>
      )}
      {open.length > 0 && (
        <div className="lx-batch-cards">
          {open.map((batch) => (
            <BatchCard key={batch.id} batch={batch} />
          ))}
        </div>
      )}

      <div className="lx-home-columns">
        <div className="lx-panel lx-home-panel">
          <SectionTitle title="通知公告" extra={<Link to="/notices">更多 ›</Link>} />
          {batches.isPending ? <LiteLoading /> : <BatchNoticeList items={items.slice(0, 8)} />}
        </div>
        <div className="lx-panel lx-home-panel">
          <SectionTitle title="申报单位服务" />
          <nav aria-label="申报单位服务" className="lx-quick-links">
            <QuickLink to="/register" icon="register" title="单位注册" note="使用统一社会信用代码注册账号" />
            <QuickLink to="/login" icon="login" title="单位登录" note="用户名为统一社会信用代码" />
            <QuickLink to={formsTarget} icon="download" title="下载申报表" note="在通知页面下载空白申报表" />
            <QuickLink to="/notices" icon="read" title="查阅通知" note="申报范围、条件、程序和截止时间" />
          </nav>
          <h3 className="lx-home-subheading">申报流程</h3>
          <ol className="lx-steps">
            {[
              ["阅读遴选通知", "确认申报范围、条件和截止时间"],
              ["注册单位账号", "以统一社会信用代码注册"],
              ["填写申报表", "一个职业填写一份，可选多个等级"],
              ["按通知报送材料", "加盖单位印章，按时报送"],
            ].map(([title, note]) => (
              <li key={title}>
                <strong>{title}</strong>
                <span className="lx-muted">{note}</span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </>
  );
}

function QuickLink({ to, icon, title, note }: { to: string; icon: string; title: string; note: string }) {
  return (
    <Link to={to} className="lx-quick-link">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        {icons[icon]}
      </svg>
      <span>
        <strong>{title}</strong>
        <span className="lx-muted">{note}</span>
      </span>
    </Link>
  );
}
