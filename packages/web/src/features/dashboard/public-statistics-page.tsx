import { Alert, Col, Row, Skeleton, Typography } from "antd";
import { Link } from "react-router";
import { errorText } from "../../shared/form-errors";
import { usePublicStats } from "./queries";
import "./dashboard.css";

/**
 * /statistics — 统计数据 for the public: counts only (GET /api/public/stats), nothing that names
 * or locates an applicant.
 */
export function PublicStatisticsPage() {
  const stats = usePublicStats();
  const data = stats.data;
  const figures = data
    ? [
        { label: "已发布遴选批次", value: data.publishedBatches, unit: "个", note: "不含系统演示批次" },
        {
          label: "已提交申报",
          value: data.submittedApplications,
          unit: "份",
          note: "各批次累计，不含草稿和演示批次",
        },
        {
          label: "目录内机构",
          value: data.catalog.total,
          unit: "家",
          note: `其中培训机构 ${data.catalog.training} 家，评价机构 ${data.catalog.evaluation} 家`,
        },
      ]
    : [];
  return (
    <>
      <div className="lx-section-title">
        <h1 className="lx-section-heading">统计数据</h1>
      </div>
      <Typography.Paragraph type="secondary">
        数字技术工程师培育项目培训机构和评价机构遴选工作的总体数据，由平台实时统计。
      </Typography.Paragraph>
      {stats.isError && <Alert type="error" showIcon title={errorText(stats.error)} />}
      {stats.isPending ? (
        <div className="lx-panel">
          <Skeleton active />
        </div>
      ) : (
        <Row gutter={[16, 16]}>
          {figures.map((figure) => (
            <Col key={figure.label} xs={24} md={8}>
              <section className="lx-panel lx-public-figure" aria-label={figure.label}>
                <div className="lx-public-figure-label">{figure.label}</div>
                <div className="lx-public-figure-value">
                  <span>{figure.value.toLocaleString("zh-CN")}</span>
                  <small>{figure.unit}</small>
                </div>
                <div className="lx-public-figure-note">{figure.note}</div>
              </section>
            </Col>
          ))}
        </Row>
      )}
      <div className="lx-panel" style={{ marginTop: 24 }}>
        <h2 className="lx-public-figure-heading">统计口径</h2>
        <ul className="lx-public-figure-notes">
          <li>已发布遴选批次：已正式发布通知的遴选批次数量，系统演示批次不计入。</li>
          <li>
            已提交申报：申报单位已提交的申报份数（一个申报单位就一个职业申报一份），含已退回、已撤回等后续状态，不含尚未提交的草稿。
          </li>
          <li>
            目录内机构：经审定、公示后纳入目录且仍在有效期内、未被移出的机构数量，演示批次的演示条目不计入。
          </li>
          <li>
            本页只公布数量。机构名单请查询<Link to="/catalog">机构目录</Link>，遴选通知请查看
            <Link to="/notices">通知公告</Link>，各批次日期请查看<Link to="/deadlines">关键日期</Link>。
          </li>
        </ul>
      </div>
    </>
  );
}
