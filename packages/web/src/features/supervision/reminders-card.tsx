import { Alert, Card, Col, Empty, List, Row, Tag, Typography } from "antd";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { kindLabel, occupationLabel } from "../../shared/labels";
import { useReminders } from "./queries";

/** 提醒: entries whose validity ends within 90 days, and assessments due or overdue. */
export function RemindersCard() {
  const reminders = useReminders();
  const expiring = reminders.data?.expiring ?? [];
  const due = reminders.data?.assessmentsDue ?? [];
  const overdue = due.filter((item) => item.overdue).length;
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>提醒</h2>}
      loading={reminders.isPending}
      style={{ marginBottom: 16 }}
    >
      {reminders.isError && <Alert type="error" showIcon title={errorText(reminders.error)} />}
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            即将到期（90天内）<Tag color={expiring.length ? "gold" : "default"}>{expiring.length} 家</Tag>
          </Typography.Title>
          {expiring.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有即将到期的机构" />
          ) : (
            <List
              size="small"
              dataSource={expiring.slice(0, 8)}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/catalog/${item.id}`}>{item.institutionName}</Link>}
                    description={`${kindLabel(item.kind)}·${occupationLabel(item.occupation)}　有效期至 ${formatInstant(item.validUntil)}`}
                  />
                </List.Item>
              )}
              footer={
                expiring.length > 8 ? (
                  <Link to="/workbench/catalog-admin?status=expiring">查看全部 ›</Link>
                ) : null
              }
            />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            待完成的考核评估 <Tag color={due.length ? "blue" : "default"}>{due.length} 项</Tag>
            {overdue > 0 && <Tag color="red">逾期 {overdue} 项</Tag>}
          </Typography.Title>
          {due.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待完成的考核评估" />
          ) : (
            <List
              size="small"
              dataSource={due.slice(0, 8)}
              renderItem={(item) => (
                <List.Item
                  extra={
                    item.overdue ? (
                      <Tag color="red">逾期未交</Tag>
                    ) : item.status === "submitted" ? (
                      <Tag color="blue">报告已交，待结论</Tag>
                    ) : (
                      <span className="lx-muted">截止 {formatInstant(item.dueAt)}</span>
                    )
                  }
                >
                  {item.institutionName}
                </List.Item>
              )}
              footer={<Link to="/workbench/assessments">考核评估 ›</Link>}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
