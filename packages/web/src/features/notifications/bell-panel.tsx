import { Alert, App, Button, Empty, Spin } from "antd";
import { type KeyboardEvent, useEffect, useRef } from "react";
import { Link, useNavigate } from "react-router";
import { errorText } from "../../shared/form-errors";
import { type FollowedJob, unfollowJob } from "./followed-jobs";
import { shortTime } from "./format";
import { JobProgress } from "./job-progress";
import { useMarkAllRead, useMarkRead } from "./queries";
import type { NotificationList } from "./types";

const SHOWN = 6;

/** The bell's panel: running jobs, the latest unread notifications, the way to all of them. */
export function BellPanel({
  unread,
  loading,
  error,
  jobs,
  onClose,
  onNavigate,
}: {
  unread: NotificationList | undefined;
  loading: boolean;
  error: unknown;
  jobs: FollowedJob[];
  onClose: () => void;
  onNavigate: () => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const panel = useRef<HTMLDivElement>(null);
  const items = unread?.items.slice(0, SHOWN) ?? [];
  const more = (unread?.unread ?? 0) - items.length;

  // Keyboard users land in the panel when it opens, and Escape takes them back to the bell.
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("a[href], button:not([disabled])")?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    }
  };

  const open = (id: string, link: string | null) => {
    markRead.mutate(id);
    onNavigate();
    if (link) void navigate(link);
  };

  return (
    <div ref={panel} className="lx-bell-panel" role="dialog" aria-label="消息通知" onKeyDown={onKeyDown}>
      <div className="lx-bell-panel-head">
        <strong>消息通知</strong>
        <Button
          type="link"
          size="small"
          disabled={!unread?.unread}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => message.success("已全部标为已读"),
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          全部标为已读
        </Button>
      </div>
      {jobs.length > 0 && (
        <section className="lx-bell-jobs" aria-label="后台任务">
          <div className="lx-bell-section-title">后台任务</div>
          {jobs.map((job) => (
            <div key={job.id} className="lx-bell-job">
              <JobProgress jobId={job.id} title={job.label} size="small" />
              <Button type="link" size="small" onClick={() => unfollowJob(job.id)}>
                不再关注
              </Button>
            </div>
          ))}
          <Link to="/workbench/jobs" onClick={onNavigate} style={{ fontSize: 13 }}>
            查看全部后台任务
          </Link>
        </section>
      )}
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} style={{ margin: 12 }} />
      ) : loading ? (
        <div style={{ padding: 24, textAlign: "center" }}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读通知" style={{ margin: "16px 0" }} />
      ) : (
        <ul className="lx-bell-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="lx-bell-item" onClick={() => open(item.id, item.link)}>
                <span className="lx-bell-item-head">
                  <span className="lx-bell-item-title">{item.title}</span>
                  <span className="lx-bell-item-time">{shortTime(item.createdAt)}</span>
                </span>
                <span className="lx-bell-item-body">{item.body}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="lx-bell-panel-foot">
        <Link to="/workbench/notifications" onClick={onNavigate}>
          查看全部通知{more > 0 ? `（另有${more}条未读）` : ""}
        </Link>
        <Link to="/workbench/notifications?tab=preferences" onClick={onNavigate}>
          通知偏好
        </Link>
      </div>
    </div>
  );
}
