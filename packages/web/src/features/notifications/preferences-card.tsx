import { Alert, App, Button, Card, Space, Switch, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { errorText } from "../../shared/form-errors";
import { usePreferences, useSavePreferences } from "./queries";
import type { Preference } from "./types";

/**
 * 通知偏好: per event, 站内 and 邮件 on or off. Changes are kept on the page until 保存偏好, so
 * several switches can be set and saved together (PUT replaces the whole set).
 */
export function PreferencesCard() {
  const preferences = usePreferences();
  const save = useSavePreferences();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Preference[]>([]);
  useEffect(() => {
    if (preferences.data) setDraft(preferences.data);
  }, [preferences.data]);

  const saved = preferences.data ?? [];
  const dirty = draft.some((item) => {
    const before = saved.find((s) => s.event === item.event);
    return !before || before.inApp !== item.inApp || before.email !== item.email;
  });
  const toggle = (event: string, channel: "inApp" | "email", on: boolean) =>
    setDraft((items) => items.map((item) => (item.event === event ? { ...item, [channel]: on } : item)));
  const all = (channel: "inApp" | "email", on: boolean) =>
    setDraft((items) => items.map((item) => ({ ...item, [channel]: on })));

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 16 }}>通知偏好</h2>}
      extra={
        <Space>
          <Button disabled={!dirty || save.isPending} onClick={() => setDraft(saved)}>
            撤销修改
          </Button>
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() =>
              save.mutate(draft, {
                onSuccess: () => message.success("通知偏好已保存"),
                onError: (error) => message.error(errorText(error)),
              })
            }
          >
            保存偏好
          </Button>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="站内通知显示在页面右上角的铃铛和本页的通知列表中；邮件发送到账号登记的电子邮箱（未登记邮箱的账号不发邮件）。只关闭站内通知时，该类通知仍会记录但直接标为已读；两项都关闭则不再通知。"
      />
      {preferences.isError && (
        <Alert type="error" showIcon title={errorText(preferences.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<Preference>
        rowKey="event"
        size="middle"
        loading={preferences.isPending}
        dataSource={draft}
        pagination={false}
        columns={[
          { title: "通知事项", dataIndex: "name" },
          {
            title: (
              <Space size={8}>
                <span>站内通知</span>
                <ChannelAll items={draft} channel="inApp" onChange={all} />
              </Space>
            ),
            key: "inApp",
            width: 200,
            render: (_, item) => (
              <Switch
                checked={item.inApp}
                aria-label={`${item.name}：站内通知`}
                checkedChildren="开"
                unCheckedChildren="关"
                onChange={(on) => toggle(item.event, "inApp", on)}
              />
            ),
          },
          {
            title: (
              <Space size={8}>
                <span>邮件通知</span>
                <ChannelAll items={draft} channel="email" onChange={all} />
              </Space>
            ),
            key: "email",
            width: 200,
            render: (_, item) => (
              <Switch
                checked={item.email}
                aria-label={`${item.name}：邮件通知`}
                checkedChildren="开"
                unCheckedChildren="关"
                onChange={(on) => toggle(item.event, "email", on)}
              />
            ),
          },
        ]}
      />
      {dirty && (
        <Typography.Paragraph type="warning" style={{ margin: "12px 0 0" }}>
          有修改尚未保存。
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** 全开 / 全关 for one channel. */
function ChannelAll({
  items,
  channel,
  onChange,
}: {
  items: Preference[];
  channel: "inApp" | "email";
  onChange: (channel: "inApp" | "email", on: boolean) => void;
}) {
  const allOn = items.length > 0 && items.every((item) => item[channel]);
  const name = channel === "inApp" ? "站内通知" : "邮件通知";
  return (
    <Button
      type="link"
      size="small"
      onClick={() => onChange(channel, !allOn)}
      aria-label={`${name}${allOn ? "全部关闭" : "全部开启"}`}
    >
      {allOn ? "全关" : "全开"}
    </Button>
  );
}
