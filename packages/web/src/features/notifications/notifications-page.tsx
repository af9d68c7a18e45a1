import { Alert, App, Button, Card, Segmented, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router";
import { errorText } from "../../shared/form-errors";
import { NotificationTable } from "./notification-list";
import { PreferencesCard } from "./preferences-card";
import { useMarkAllRead, useNotifications } from "./queries";
import "./notifications.css";

type Tab = "list" | "preferences";

/** /workbench/notifications — 消息通知 (the latest 100) and 通知偏好, for every signed-in user. */
export function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "preferences" ? "preferences" : "list";
  const unreadOnly = params.get("unread") === "true";
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <div className="lx-page-heading">
        <div>
          <h1>消息通知</h1>
          <Typography.Text type="secondary">
            申报、推荐、评议、公示等事项办理进展的通知。站内保留最近100条。
          </Typography.Text>
        </div>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam("tab", key === "preferences" ? "preferences" : null)}
        items={[
          {
            key: "list",
            label: "通知列表",
            children: (
              <NotificationsCard
                unreadOnly={unreadOnly}
                onFilter={(only) => setParam("unread", only ? "true" : null)}
              />
            ),
          },
          { key: "preferences", label: "通知偏好", children: <PreferencesCard /> },
        ]}
      />
    </>
  );
}

function NotificationsCard({
  unreadOnly,
  onFilter,
}: {
  unreadOnly: boolean;
  onFilter: (only: boolean) => void;
}) {
  const list = useNotifications(unreadOnly);
  const markAll = useMarkAllRead();
  const { message } = App.useApp();
  const unread = list.data?.unread ?? 0;
  return (
    <Card
      title={
        <Segmented
          aria-label="显示哪些通知"
          value={unreadOnly ? "unread" : "all"}
          onChange={(value) => onFilter(value === "unread")}
          options={[
            { value: "all", label: "全部" },
            { value: "unread", label: `未读（${unread}）` },
          ]}
        />
      }
      extra={
        <Button
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => message.success("已全部标为已读"),
              onError: (error) => message.error(errorText(error)),
            })
          }
        >
          全部标为已读
        </Button>
      }
    >
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      )}
      <NotificationTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        emptyText={unreadOnly ? "没有未读通知" : "还没有收到通知"}
      />
    </Card>
  );
}
