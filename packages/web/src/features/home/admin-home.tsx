import type { Health, StaffUser } from "@linxuan/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Col, Descriptions, List, Row, Space, Statistic, Tag, Typography } from "antd";
import type { AuditEvent, CalendarYear, Page, User } from "../../app/api-types";
import { ButtonLink } from "../../shared/button-link";
import { formatInstant, inShanghai } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { api } from "../../shared/http";
import { HomeHeading } from "./home-parts";

const databaseNames: Record<Health["database"], string> = {
  sqlite: "SQLite（单机）",
  postgres: "PostgreSQL",
};

function CalendarStatus({ year }: { year: number }) {
  const calendar = useQuery({
    queryKey: ["calendar", year],
    queryFn: () => api.get<CalendarYear>("/calendar", { year }),
  });
  if (calendar.isPending) return <span>加载中…</span>;
  if (calendar.isError) return <Typography.Text type="danger">{errorText(calendar.error)}</Typography.Text>;
  return calendar.data.known ? (
    <Tag color="green">已知{calendar.data.yearDeclared ? "（已声明完整）" : ""}</Tag>
  ) : (
    <Tag color="red">未导入，跨入该年的工作日期限无法计算</Tag>
  );
}

export function AdminHome({ user }: { user: User }) {
  const thisYear = inShanghai().year();
  const health = useQuery({ queryKey: ["health"], queryFn: () => api.get<Health>("/health") });
  const users = useQuery({
    queryKey: ["users", "count"],
    queryFn: () => api.get<Page<StaffUser>>("/users", { page: 1, pageSize: 1 }),
  });
  const audit = useQuery({
    queryKey: ["audit", "latest"],
    queryFn: () => api.get<Page<AuditEvent>>("/audit", { page: 1, pageSize: 6 }),
  });

  return (
    <>
      <HomeHeading
        title="系统管理员工作台"
        subtitle={`您好，${user.displayName}。系统管理员负责账号、工作日历和审计，不参与遴选业务决定。`}
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <HomeCard title="系统状态">
            {health.isError ? (
              <Alert type="error" showIcon title="服务状态检查失败" description={errorText(health.error)} />
            ) : (
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: "status",
                    label: "服务",
                    children: health.data ? (
                      <Tag color={health.data.status === "ok" ? "green" : "red"}>
                        {health.data.status === "ok" ? "运行正常" : health.data.status}
                      </Tag>
                    ) : (
                      "检查中…"
                    ),
                  },
                  {
                    key: "db",
                    label: "数据库",
                    children: health.data
                      ? (databaseNames[health.data.database] ?? health.data.database)
                      : "—",
                  },
                  { key: "this", label: `${thisYear}年日历`, children: <CalendarStatus year={thisYear} /> },
                  {
                    key: "next",
                    label: `${thisYear + 1}年日历`,
                    children: <CalendarStatus year={thisYear + 1} />,
                  },
                ]}
              />
            )}
          </HomeCard>
        </Col>
        <Col xs={24} lg={12}>
          <HomeCard
            title="账号"
            extra={
              <ButtonLink size="small" type="primary" to="/workbench/users">
                账号管理
              </ButtonLink>
            }
          >
            {users.isError ? (
              <Alert type="error" showIcon title={errorText(users.error)} />
            ) : (
              <Statistic
                title="账号总数（含申报单位）"
                value={users.data?.total ?? "—"}
                loading={users.isPending}
                suffix="个"
              />
            )}
            <Space style={{ marginTop: 16 }}>
              <ButtonLink size="small" to="/workbench/calendar">
                维护工作日历
              </ButtonLink>
              <ButtonLink size="small" to="/workbench/audit">
                查看审计日志
              </ButtonLink>
            </Space>
          </HomeCard>
        </Col>
      </Row>
      <HomeCard
        title="最近审计记录"
        extra={
          <ButtonLink size="small" to="/workbench/audit">
            全部记录
          </ButtonLink>
        }
      >
        {audit.isError ? (
          <Alert type="error" showIcon title={errorText(audit.error)} />
        ) : (
          <List
            size="small"
            loading={audit.isPending}
            dataSource={audit.data?.items ?? []}
            locale={{ emptyText: "暂无审计记录" }}
            renderItem={(event) => (
              <List.Item key={event.id}>
                <Space size={12} wrap>
                  <Typography.Text type="secondary">#{event.seq}</Typography.Text>
                  <span>{formatInstant(event.at, true)}</span>
                  <span>{event.actorUsername ?? "匿名"}</span>
                  <code>{event.command}</code>
                  <span>{event.summary}</span>
                </Space>
              </List.Item>
            )}
          />
        )}
      </HomeCard>
    </>
  );
}
