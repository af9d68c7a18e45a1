import type { ApplicationStatus } from "@linxuan/domain";
import { Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { formatInstant } from "../../shared/dates";

const statusColors: Partial<Record<ApplicationStatus, string>> = {
  draft: "default",
  submitted: "blue",
  resubmitted: "blue",
  returned: "orange",
  withdrawn: "default",
  recommended: "cyan",
  notRecommended: "red",
  formallyChecked: "cyan",
  underReview: "purple",
  reviewed: "purple",
  approved: "green",
  rejected: "red",
  inPublicNotice: "geekblue",
  listed: "green",
  removed: "red",
};

export function ApplicationStatusTag({ status, name }: { status: ApplicationStatus; name: string }) {
  return <Tag color={statusColors[status] ?? "default"}>{name}</Tag>;
}

/** The clock, ticking every `ms`, so countdowns stay true while a page stays open. */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

/** 距截止还有N天N小时 / 距截止还有N小时N分钟 / 已截止. */
export function countdownText(
  deadline: string,
  now: number,
): { closed: boolean; urgent: boolean; text: string } {
  const left = Date.parse(deadline) - now;
  if (left <= 0) return { closed: true, urgent: false, text: "已截止" };
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  const text =
    days > 0
      ? `距截止还有${days}天${hours}小时`
      : hours > 0
        ? `距截止还有${hours}小时${minutes}分钟`
        : `距截止还有${minutes}分钟`;
  return { closed: false, urgent: days < 3, text };
}

/** The deadline with its live countdown; `compact` (in lists) puts the countdown on its own line. */
export function Deadline({ deadline, compact = false }: { deadline: string; compact?: boolean }) {
  const now = useNow();
  const countdown = countdownText(deadline, now);
  const left = (
    <Typography.Text
      type={countdown.closed ? "secondary" : countdown.urgent ? "danger" : "warning"}
      strong={countdown.urgent}
    >
      {compact ? countdown.text : `（${countdown.text}）`}
    </Typography.Text>
  );
  if (compact) {
    return (
      <span className="lx-deadline lx-deadline-compact">
        <span>{formatInstant(deadline)}</span>
        {left}
      </span>
    );
  }
  return (
    <span className="lx-deadline">
      截止：{formatInstant(deadline)} {left}
    </span>
  );
}

/** The primary button's words for what the applicant does next with an application. */
export function actionLabel(status: ApplicationStatus, phase: string): string {
  if (status === "draft") return phase === "open" ? "继续填写" : "查看";
  if (status === "returned") return "按退回意见修改";
  return "查看";
}
