import { App, Button, Empty, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { useMarkRead } from "./queries";
import type { NotificationItem } from "./types";

const emailLabels: Record<NotificationItem["emailStatus"], { text: string; color?: string } | null> = {
  none: null,
  pending: { text: "邮件待发送", color: "gold" },
  skipped: { text: "未发邮件" },
  sent: { text: "已发邮件", color: "green" },
  failed: { text: "邮件发送失败", color: "red" },
};

/** The notifications as a table: unread ones marked, each with its link and 标为已读. */
export function NotificationTable({
  items,
  loading,
  emptyText,
}: {
  items: NotificationItem[];
  loading: boolean;
  emptyText: string;
}) {
  const markRead = useMarkRead();
  const { message } = App.useApp();
  const read = (id: string) => markRead.mutate(id, { onError: (error) => message.error(errorText(error)) });
  return (
    <Table<NotificationItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      rowClassName={(item) => (item.read ? "" : "lx-unread-row")}
      columns={[
        {
          title: "通知",
          key: "content",
          render: (_, item) => (
            <Space orientation="vertical" size={2}>
              <Space size={6}>
                {!item.read && <Tag color="red">未读</Tag>}
                <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{item.body}</Typography.Text>
            </Space>
          ),
        },
        {
          title: "时间",
          dataIndex: "createdAt",
          width: 180,
          render: (at: string) => formatInstant(at),
        },
        {
          title: "邮件",
          dataIndex: "emailStatus",
          width: 110,
          render: (status: NotificationItem["emailStatus"]) => {
            const label = emailLabels[status];
            return label ? <Tag color={label.color}>{label.text}</Tag> : "—";
          },
        },
        {
          title: "操作",
          key: "actions",
          width: 200,
          render: (_, item) => (
            <Space size={4}>
              {item.link && (
                <Link to={item.link} onClick={() => !item.read && read(item.id)}>
                  查看详情
                </Link>
              )}
              {!item.read && (
                <Button type="link" size="small" onClick={() => read(item.id)}>
                  标为已读
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
