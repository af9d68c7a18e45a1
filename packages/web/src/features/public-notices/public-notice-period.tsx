import { chinesePublicNoticePeriod, publicNoticeEndText } from "@linxuan/domain";
import { useEffect, useState } from "react";
import { LiteTag, type LiteTagColor } from "../../shared/lite/display";
import type { PublicNoticePhase, PublicNoticeSummary } from "./types";

// Plain tags: the public pages draw them without antd, and the workbench shows the same ones.
export const phaseLabels: Record<PublicNoticePhase, { text: string; color?: LiteTagColor }> = {
  upcoming: { text: "即将开始", color: "orange" },
  open: { text: "公示中", color: "blue" },
  ended: { text: "公示期满" },
  confirmed: { text: "已纳入目录", color: "green" },
};

export function PhaseTag({ phase }: { phase: PublicNoticePhase }) {
  const label = phaseLabels[phase];
  return <LiteTag color={label.color}>{label.text}</LiteTag>;
}

/** 2026年11月30日24时: a notice ends at midnight after its last working day. */
export function endText(publicNotice: Pick<PublicNoticeSummary, "lastDay">): string {
  return publicNoticeEndText(publicNotice);
}

/** 2026年12月7日至2026年12月11日24时（5个工作日） */
export function periodText(
  publicNotice: Pick<PublicNoticeSummary, "startsAt" | "lastDay" | "workdays" | "endsAt" | "demoShortenedAt">,
): string {
  const period = chinesePublicNoticePeriod(publicNotice);
  return publicNotice.demoShortenedAt ? period : `${period}（${publicNotice.workdays}个工作日）`;
}

/** 6天 11小时 23分 05秒 */
export function remainingText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return `${days > 0 ? `${days}天 ` : ""}${hours}小时 ${minutes}分 ${seconds}秒`;
}

/** Milliseconds until `deadline` (a browser-clock instant), ticking every second; null when no deadline. */
export function useRemaining(deadline: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  return deadline === null ? null : Math.max(0, deadline - now);
}

/**
 * The live countdown while a notice is open, counted from the server's remaining time at the
 * moment the page received it; `onEnd` runs once when it reaches zero (to reload the notice).
 */
export function PublicNoticeCountdown({
  remainingMs,
  receivedAt,
  onEnd,
}: {
  remainingMs: number;
  receivedAt: number;
  onEnd: () => void;
}) {
  const left = useRemaining(receivedAt + remainingMs) ?? 0;
  useEffect(() => {
    if (left === 0) onEnd();
  }, [left, onEnd]);
  return (
    <div className="lx-countdown" role="timer" aria-live="off">
      <svg className="lx-countdown-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" />
        <path d="M8 4v4l3 2" />
      </svg>
      <span>
        距公示结束还有 <strong>{remainingText(left)}</strong>
      </span>
    </div>
  );
}
