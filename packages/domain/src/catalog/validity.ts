import { fromShanghaiWallClock, shanghaiWallClock } from "../calendar/shanghai-time";

/** Days before validUntil in which an entry counts as 即将到期 (expiring). */
export const EXPIRING_WITHIN_DAYS = 90;

export const catalogStatuses = ["valid", "expiring", "expired", "suspended", "removed"] as const;
export type CatalogStatus = (typeof catalogStatuses)[number];

export const catalogStatusNames: Record<CatalogStatus, string> = {
  valid: "有效",
  expiring: "即将到期",
  expired: "已过期",
  suspended: "暂停",
  removed: "已移出",
};

/**
 * 有效期: the approval instant plus `years` calendar years, to the second (SPEC: counted from the
 * online approval time). A 29 February approval ends on 28 February of a non-leap year, never on
 * 1 March, so an entry is never valid for longer than the years granted.
 */
export function validUntil(approvedAt: string, years: number): string {
  if (!Number.isInteger(years) || years < 1) throw new RangeError("有效期年限应为正整数");
  const start = new Date(approvedAt);
  if (Number.isNaN(start.getTime())) throw new RangeError(`无效的审核通过时间：${approvedAt}`);
  // Work on the Asia/Shanghai wall clock (UTC+8, no DST) so the date printed is the one that counts.
  const local = new Date(shanghaiWallClock(start));
  const year = local.getUTCFullYear() + years;
  const month = local.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const end = Date.UTC(
    year,
    month,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(fromShanghaiWallClock(end)).toISOString();
}

/**
 * The status a catalog entry shows now: removed and suspended are decisions recorded on the entry;
 * otherwise it is derived from validUntil — expired after it, expiring within 90 days of it.
 */
export function catalogStatus(
  entry: { validUntil: string; suspended: boolean; removed: boolean },
  now: Date,
): CatalogStatus {
  if (entry.removed) return "removed";
  if (entry.suspended) return "suspended";
  const end = Date.parse(entry.validUntil);
  if (end <= now.getTime()) return "expired";
  if (end - now.getTime() <= EXPIRING_WITHIN_DAYS * 86_400_000) return "expiring";
  return "valid";
}
