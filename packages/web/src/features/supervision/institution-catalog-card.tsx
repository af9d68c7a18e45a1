import { Alert, Empty, List, Space, Tag } from "antd";
import { Link } from "react-router";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { CatalogStatusTag } from "../catalog/catalog-labels";
import { dateOf } from "../catalog/catalog-table";
import { useOwnEntries } from "./institution-assessments";
import { useAssessments } from "./queries";

/** The institution home's card: its catalog entries and any assessment waiting for its report. */
export function InstitutionCatalogCard() {
  const own = useOwnEntries();
  const assessments = useAssessments();
  const waiting = (assessments.data ?? []).filter((item) => item.status === "open");
  return (
    <HomeCard
      title="目录与考核评估"
      extra={
        <ButtonLink size="small" to="/workbench/assessments">
          查看全部
        </ButtonLink>
      }
    >
      {own.query.isError && <Alert type="error" showIcon title={errorText(own.query.error)} />}
      {waiting.map((item) => (
        <Alert
          key={item.id}
          type={item.overdue ? "error" : "warning"}
          showIcon
          style={{ marginBottom: 12 }}
          title={`${item.cycleName}：请于${formatInstant(item.dueAt)}前提交考核评估报告${item.overdue ? "（已逾期）" : ""}`}
          action={
            <ButtonLink size="small" type="primary" to="/workbench/assessments">
              提交报告
            </ButtonLink>
          }
        />
      ))}
      {own.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={own.query.isPending ? "正在加载…" : "本单位尚未纳入目录"}
        />
      ) : (
        <List
          dataSource={own.items}
          renderItem={(entry) => (
            <List.Item extra={<CatalogStatusTag status={entry.status} />}>
              <Space wrap>
                <Link to={`/catalog/${entry.id}`}>
                  {entry.kindName}·{entry.occupationName}
                </Link>
                <Tag>{entry.levelNames.join("、")}</Tag>
                <span className="lx-muted">有效期至 {dateOf(entry.validUntil)}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </HomeCard>
  );
}
