import { Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { DemoTag } from "../../shared/batch-tags";
import { inShanghai } from "../../shared/dates";
import { deadlineDay, isClosing } from "./queries";
import type { Deadline } from "./types";

/** 已过 / 今天 / 还有N天, counted in Beijing calendar days. */
function when(deadline: Deadline, today: string) {
  const day = deadlineDay(deadline);
  if (Date.parse(deadline.at) < Date.now()) return <Typography.Text type="secondary">已过</Typography.Text>;
  if (day === today) return <Tag color="red">今天</Tag>;
  const days = Math.round(inShanghai(day).startOf("day").diff(inShanghai(today).startOf("day"), "day", true));
  return <Tag color={days <= 7 ? "orange" : "blue"}>还有{days}天</Tag>;
}

/** Every date as a table, earliest first: the calendar's content for reading and for screen readers. */
export function DeadlineList({ items }: { items: Deadline[] }) {
  const today = inShanghai().format("YYYY-MM-DD");
  return (
    <Table<Deadline>
      rowKey={(item) => `${item.batchId}-${item.kind}`}
      size="middle"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      rowClassName={(item) => (Date.parse(item.at) < Date.now() ? "lx-dl-row-past" : "")}
      locale={{ emptyText: "没有符合条件的关键日期" }}
      columns={[
        {
          title: "日期",
          key: "at",
          width: 230,
          render: (_, item) => inShanghai(item.at).format("YYYY年M月D日（ddd）HH:mm"),
        },
        {
          title: "事项",
          key: "name",
          render: (_, item) => (
            <Space size={6}>
              <span
                className={`lx-dl-dot ${isClosing(item) ? "lx-dl-close" : "lx-dl-open"}`}
                aria-hidden="true"
              />
              {item.name}
            </Space>
          ),
        },
        {
          title: "遴选批次",
          key: "batch",
          render: (_, item) => (
            <Space size={6}>
              <DemoTag isDemo={item.isDemo} />
              <Link to={`/notices/${encodeURIComponent(item.batchId)}`}>{item.batchTitle}</Link>
            </Space>
          ),
        },
        { title: "距今", key: "when", width: 110, render: (_, item) => when(item, today) },
      ]}
    />
  );
}
