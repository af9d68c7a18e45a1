import dayjs, { type Dayjs } from "dayjs";
import "dayjs/locale/zh-cn";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale("zh-cn");

/** Every date the platform shows or takes is Beijing time, whatever the browser's zone. */
export const ZONE = "Asia/Shanghai";

export function inShanghai(instant: string | number | Date | Dayjs = Date.now()): Dayjs {
  return dayjs(instant).tz(ZONE);
}

/** 2026年4月3日 23:59 (with `seconds`: 23:59:59) */
export function formatInstant(instant: string | null | undefined, seconds = false): string {
  if (!instant) return "—";
  return inShanghai(instant).format(seconds ? "YYYY年M月D日 HH:mm:ss" : "YYYY年M月D日 HH:mm");
}

/** 2026年3月3日, from an ISO calendar date (no zone). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  const [year, month, day] = date.slice(0, 10).split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** Today's calendar date in Beijing, YYYY-MM-DD. */
export function todayInShanghai(): string {
  return inShanghai().format("YYYY-MM-DD");
}

export type Countdown = { closed: true; text: string } | { closed: false; days: number; text: string };

/**
 * Days left until a deadline, counted in Beijing calendar days: on the deadline's own day it reads
 * 今日截止, the day before 还有1天.
 */
export function deadlineCountdown(deadline: string, now: number = Date.now()): Countdown {
  if (Date.parse(deadline) <= now) return { closed: true, text: "已截止" };
  const end = inShanghai(deadline).startOf("day");
  const today = inShanghai(now).startOf("day");
  const days = Math.round(end.diff(today, "day", true));
  if (days <= 0) return { closed: false, days: 0, text: `今日 ${inShanghai(deadline).format("HH:mm")} 截止` };
  return { closed: false, days, text: `距网上申报截止还有${days}天` };
}

/**
 * Antd pickers work in the browser's zone. To let people see and enter Beijing wall-clock time on
 * any machine, a picker holds a zone-less "wall clock" whose fields equal the Beijing fields.
 */
export function instantToWallClock(instant: string | null | undefined): Dayjs | null {
  if (!instant) return null;
  return dayjs(inShanghai(instant).format("YYYY-MM-DDTHH:mm:ss"));
}

/** The inverse of `instantToWallClock`: 2026-04-03T23:59:59+08:00. */
export function wallClockToInstant(value: Dayjs | null | undefined): string | null {
  if (!value) return null;
  return `${value.format("YYYY-MM-DDTHH:mm:ss")}+08:00`;
}

export function dateToPicker(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date.slice(0, 10)) : null;
}

export function pickerToDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}

export { dayjs };
