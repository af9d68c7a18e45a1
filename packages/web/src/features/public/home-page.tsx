import { DownloadOutlined, FileSearchOutlined, LoginOutlined, UserAddOutlined } from "@ant-design/icons";
import { Alert, Col, Empty, Row, Skeleton } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { Link } from "react-router";
import { PLATFORM_NAME, PROGRAM_NAME } from "../../app/public-layout";
import { errorText } from "../../shared/form-errors";
import { SectionTitle } from "../../shared/section-title";
import { usePublicBatches } from "./queries";

// The home page is drawn at once (it is the page most visitors open first); its cards and list,
// which bring antd's Card and List (tabs, menus, pagination), follow in their own chunk.
const BatchCard = lazy(() => import("./batch-card").then((m) => ({ default: m.BatchCard })));
const BatchNoticeList = lazy(() =>
  import("./batch-notice-list").then((m) => ({ default: m.BatchNoticeList })),
);

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
      {batches.isPending && <Skeleton active />}
      {batches.isError && <Alert type="error" showIcon title={errorText(batches.error)} />}
      {batches.isSuccess && open.length === 0 && (
        <Empty description="当前没有正在受理网上申报的遴选批次" style={{ padding: 24, background: "#fff" }} />
      )}
      <Suspense fallback={open.length > 0 && <Skeleton active />}>
        <Row gutter={[16, 16]}>
          {open.map((batch) => (
            <Col key={batch.id} xs={24} md={12} xl={8}>
              <BatchCard batch={batch} />
            </Col>
          ))}
        </Row>
      </Suspense>

      <Row gutter={24} style={{ marginTop: 32 }}>
        <Col xs={24} lg={16}>
          <div className="lx-panel" style={{ paddingTop: 16 }}>
            <SectionTitle title="通知公告" extra={<Link to="/notices">更多 ›</Link>} />
            {batches.isPending ? (
              <Skeleton active />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <BatchNoticeList items={items.slice(0, 8)} />
              </Suspense>
            )}
          </div>
        </Col>
        <Col xs={24} lg={8}>
          <div className="lx-panel" style={{ paddingTop: 16 }}>
            <SectionTitle title="申报单位服务" />
            <nav aria-label="申报单位服务" style={{ display: "grid", gap: 12 }}>
              <QuickLink
                to="/register"
                icon={<UserAddOutlined />}
                title="单位注册"
                note="使用统一社会信用代码注册账号"
              />
              <QuickLink
                to="/login"
                icon={<LoginOutlined />}
                title="单位登录"
                note="用户名为统一社会信用代码"
              />
              <QuickLink
                to={formsTarget}
                icon={<DownloadOutlined />}
                title="下载申报表"
                note="在通知页面下载空白申报表"
              />
              <QuickLink
                to="/notices"
                icon={<FileSearchOutlined />}
                title="查阅通知"
                note="申报范围、条件、程序和截止时间"
              />
            </nav>
            <h3 style={{ fontSize: 15, margin: "24px 0 12px" }}>申报流程</h3>
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
        </Col>
      </Row>
    </>
  );
}

function QuickLink({ to, icon, title, note }: { to: string; icon: ReactNode; title: string; note: string }) {
  return (
    <Link
      to={to}
      style={{
        display: "flex",
        alignItems: "center",
        gap: 12,
        padding: "12px 16px",
        border: "1px solid #e5e6eb",
        borderRadius: 4,
        color: "inherit",
      }}
    >
      <span style={{ fontSize: 22, color: "#0b4f9c" }} aria-hidden="true">
        {icon}
      </span>
      <span>
        <strong style={{ display: "block", color: "#0b4f9c" }}>{title}</strong>
        <span className="lx-muted" style={{ fontSize: 12 }}>
          {note}
        </span>
      </span>
    </Link>
  );
}
