import { BellOutlined } from "@ant-design/icons";
import { useQueries } from "@tanstack/react-query";
import { App, Badge, Popover } from "antd";
import { useEffect, useRef, useState } from "react";
import { isApiError } from "../../shared/http";
import { BellPanel } from "./bell-panel";
import { type FollowedJob, unfollowJob, useFollowedJobs } from "./followed-jobs";
import { isFinished, JobFileLink, jobQuery, jobStatusText } from "./job-progress";
import { useUnreadNotifications } from "./queries";
import "./notifications.css";

/**
 * The header's bell: the unread count (polled), a panel with the latest unread notifications and
 * the background jobs being followed. Mounted once in the workbench layout, so it also watches
 * those jobs on every page and says when one ends.
 */
export function NotificationBell() {
  const unread = useUnreadNotifications();
  const jobs = useFollowedJobs();
  const running = useJobWatcher(jobs);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const count = unread.data?.unread ?? 0;
  const label = [
    "消息通知",
    count > 0 ? `${count}条未读` : "没有未读通知",
    running > 0 ? `${running}个后台任务进行中` : null,
  ]
    .filter(Boolean)
    .join("，");
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      destroyOnHidden
      content={
        <BellPanel
          unread={unread.data}
          loading={unread.isPending}
          error={unread.error}
          jobs={jobs}
          onClose={close}
          onNavigate={() => setOpen(false)}
        />
      }
    >
      <button
        ref={button}
        type="button"
        className="lx-bell"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
      >
        <Badge count={count} overflowCount={99} size="small" offset={[2, -2]}>
          <BellOutlined className="lx-bell-icon" spin={false} />
        </Badge>
        {running > 0 && <span className="lx-bell-busy" aria-hidden="true" />}
      </button>
    </Popover>
  );
}

/**
 * Polls every followed job (the same queries the panel's progress bars read) and, when one ends,
 * says so wherever the user is and stops following it. Returns how many are still running.
 */
function useJobWatcher(jobs: FollowedJob[]): number {
  const { notification } = App.useApp();
  const results = useQueries({ queries: jobs.map((job) => jobQuery(job.id)) });
  const announced = useRef(new Set<string>());
  useEffect(() => {
    results.forEach((result, index) => {
      const followed = jobs[index];
      if (!followed || announced.current.has(followed.id)) return;
      if (isApiError(result.error, "NOT_FOUND")) {
        announced.current.add(followed.id);
        unfollowJob(followed.id);
        return;
      }
      const job = result.data;
      if (!job || !isFinished(job)) return;
      announced.current.add(followed.id);
      const ok = job.status === "done";
      notification[ok ? "success" : "error"]({
        title: `${followed.label}${ok ? "已完成" : "未能完成"}`,
        // A file is offered right here: the job leaves the bell now (后台任务 keeps it too).
        description:
          ok && job.hasFile ? (
            <>
              <div>{jobStatusText(job)}</div>
              <JobFileLink job={job} type="link" size="small" style={{ paddingInline: 0 }} />
            </>
          ) : (
            jobStatusText(job)
          ),
        placement: "bottomRight",
      });
      unfollowJob(followed.id);
    });
  }, [results, jobs, notification]);
  return results.filter((result) => !isFinished(result.data) && !result.isError).length;
}
