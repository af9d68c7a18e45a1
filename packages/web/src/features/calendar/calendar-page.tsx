import {
  Alert,
  App,
  Card,
  Col,
  Collapse,
  Descriptions,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import type { CalendarDay, CalendarYear } from "../../app/api-types";
import { formatDate, inShanghai } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { ImportCard } from "./import-card";
import { MonthGrid, sourceLabels } from "./month-grid";
import { OverridesCard } from "./overrides-card";
import { useCalendarYear, useDeclareYear } from "./queries";
import { WorkdayTool } from "./workday-tool";

const calendarSourceText = { package: "内置节假日数据", override: "人工维护", none: "无数据" } as const;

/**
 * 法定节假日: whether the year gives every statutory holiday off — which declaring it complete
 * requires — and the lunar festival dates it is checked against.
 */
function StatutoryStatus({ statutory }: { statutory: CalendarYear["statutory"] }) {
  if (statutory === null)
    return <Typography.Text type="secondary">2025年以前的年度按当时的放假办法，平台不核对</Typography.Text>;
  if (!statutory.complete)
    return (
      <Space wrap>
        <Tag color="red">不齐全</Tag>
        <Typography.Text type="danger">{statutory.problem}</Typography.Text>
      </Space>
    );
  return (
    <Space wrap>
      <Tag color="green">齐全</Tag>
      <Typography.Text type="secondary">
        元旦、春节（除夕至初三）、清明节、劳动节（5月1日、2日）、端午节、中秋节、国庆节（10月1日至3日）均为休息日
        {statutory.festivals &&
          `；农历节日：${statutory.festivals.map((item) => `${item.name}${formatDate(item.date)}`).join("、")}`}
      </Typography.Text>
    </Space>
  );
}

export function CalendarPage() {
  const thisYear = inShanghai().year();
  const [year, setYear] = useState(thisYear);
  const calendar = useCalendarYear(year);
  const declare = useDeclareYear();
  const { message } = App.useApp();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 2 + i);
  // Why the last declaration was refused (a missing statutory holiday): shown until the next try.
  const [refusal, setRefusal] = useState<string | null>(null);
  const statutory = calendar.data?.statutory ?? null;

  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>工作日历</h1>
          <Typography.Text type="secondary">
            公示期等按工作日计算的期限以本日历为准：周末、法定节假日休息，调休上班日计为工作日。未知年度的期限将被拒绝计算。
          </Typography.Text>
        </div>
        <Space>
          <label htmlFor="calendar-year">年度</label>
          <Select
            id="calendar-year"
            value={year}
            style={{ width: 120 }}
            onChange={(value) => {
              setYear(value);
              setRefusal(null);
            }}
            options={years.map((value) => ({ value, label: `${value}年` }))}
          />
        </Space>
      </div>
      {calendar.isPending && <Skeleton active />}
      {calendar.isError && <Alert type="error" showIcon title={errorText(calendar.error)} />}
      {calendar.isSuccess && (
        <Row gutter={16}>
          <Col span={24}>
            <Card
              title={<h2 style={{ margin: 0, fontSize: 16 }}>{year}年日历</h2>}
              style={{ marginBottom: 16 }}
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                style={{ marginBottom: 16 }}
                items={[
                  {
                    key: "known",
                    label: "状态",
                    children: calendar.data.known ? (
                      <Tag color="green">已知，可用于计算</Tag>
                    ) : (
                      <Tag color="red">未知，不能计算</Tag>
                    ),
                  },
                  { key: "source", label: "数据来源", children: calendarSourceText[calendar.data.source] },
                  {
                    key: "declared",
                    label: "声明本年度日历已完整",
                    children: (
                      <Switch
                        aria-label="声明本年度日历已完整"
                        checked={calendar.data.yearDeclared}
                        loading={declare.isPending}
                        checkedChildren="已声明"
                        unCheckedChildren="未声明"
                        onChange={(complete) => {
                          setRefusal(null);
                          declare.mutate(
                            { year, complete },
                            {
                              onSuccess: () =>
                                message.success(
                                  complete ? `已声明${year}年日历完整` : `已撤销${year}年的声明`,
                                ),
                              onError: (error) => setRefusal(errorText(error)),
                            },
                          );
                        }}
                      />
                    ),
                  },
                  {
                    key: "statutory",
                    label: "法定节假日",
                    span: { xs: 1, md: 3 },
                    children: <StatutoryStatus statutory={statutory} />,
                  },
                ]}
              />
              {refusal && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 16 }}
                  title={`不能声明${year}年日历已完整`}
                  description={refusal}
                  closable={{ onClose: () => setRefusal(null) }}
                />
              )}
              {statutory && !statutory.complete && calendar.data.yearDeclared && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={`${year}年已声明完整，但${statutory.problem?.replace(`${year}年`, "") ?? "法定节假日不齐全"}`}
                  description="这样的声明不生效：平台不用该年度计算工作日。请补齐上述日期后撤销并重新声明。"
                />
              )}
              {!calendar.data.known && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={
                    calendar.data.overrides.length > 0
                      ? `${year}年尚未声明日历完整`
                      : `${year}年的节假日安排尚未导入`
                  }
                  description={
                    calendar.data.overrides.length > 0
                      ? "已录入的日期暂不用于计算工作日。录入全部节假日和调休（须含全部法定节假日）后，声明本年度日历已完整。"
                      : "请在国务院办公厅公布节假日安排后导入，或逐日维护后声明本年度日历已完整。"
                  }
                />
              )}
              <MonthGrid calendar={calendar.data} />
              <Collapse
                size="small"
                style={{ marginTop: 16 }}
                items={[
                  {
                    key: "days",
                    label: `节假日与调休明细（${calendar.data.days.length} 天）`,
                    children: (
                      <Table<CalendarDay>
                        size="small"
                        rowKey="date"
                        pagination={false}
                        dataSource={calendar.data.days}
                        columns={[
                          { title: "日期", dataIndex: "date", render: (date: string) => formatDate(date) },
                          {
                            title: "类型",
                            dataIndex: "kind",
                            render: (kind: CalendarDay["kind"]) =>
                              kind === "holiday" ? (
                                <Tag color="red">休息</Tag>
                              ) : (
                                <Tag color="blue">调休上班</Tag>
                              ),
                          },
                          { title: "名称", dataIndex: "name", render: (name: string | null) => name ?? "—" },
                          {
                            title: "来源",
                            dataIndex: "source",
                            render: (source: CalendarDay["source"]) => sourceLabels[source],
                          },
                        ]}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <OverridesCard year={year} overrides={calendar.data.overrides} />
            <WorkdayTool />
          </Col>
          <Col xs={24} xl={12}>
            <ImportCard />
          </Col>
        </Row>
      )}
    </>
  );
}
