import { shanghaiChineseDate, shanghaiChineseDateTime } from "../calendar/shanghai-time";
import { type LevelCode, levelName } from "../reference/levels";

// The public notice (公示) as an official document writes it: dates in Chinese, levels by name,
// a 落款 (issuing body and date) and where objections go. The contacts' schema lives in
// contacts.ts: these texts are drawn by the public pages, which must not carry zod.

/** "2026-12-11" → "2026年12月11日". */
function chineseIsoDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/**
 * The notice period as the notices write it: 2026年12月7日至2026年12月11日24时 — from the Beijing
 * date of the start to 24时 of the last working day (`lastDay`, YYYY-MM-DD). A 【演示】 period cut
 * short ends when it was cut, and says so: 2026年12月7日至2026年12月7日 15:30（演示：已缩短）.
 */
export function chinesePublicNoticePeriod(publicNotice: {
  startsAt: string;
  lastDay: string;
  endsAt?: string;
  demoShortenedAt?: string | null;
}): string {
  const start = shanghaiChineseDate(publicNotice.startsAt);
  if (publicNotice.demoShortenedAt && publicNotice.endsAt)
    return `${start}至${shanghaiChineseDateTime(publicNotice.endsAt).slice(0, -3)}（演示：已缩短）`;
  return `${start}至${publicNoticeEndText(publicNotice)}`;
}

/** The end of a notice period: 2026年12月11日24时. */
export function publicNoticeEndText(publicNotice: { lastDay: string }): string {
  return `${chineseIsoDate(publicNotice.lastDay)}24时`;
}

/** The levels of an entry by name, in the reference order: 初级、中级 (never the codes). */
export function levelNamesText(levels: readonly LevelCode[]): string {
  const order: readonly LevelCode[] = ["junior", "intermediate", "senior"];
  return order
    .filter((code) => levels.includes(code))
    .map(levelName)
    .join("、");
}

/** What the 确认公示结果 button says while the period runs: 可于2026年12月11日24时后确认. */
export function confirmableAfterText(publicNotice: { lastDay: string }): string {
  return `可于${publicNoticeEndText(publicNotice)}后确认`;
}

/**
 * The catalog record of an entry leaving its notice: 公示期满, and what became of objections
 * against it — 公示期内收到异议2件，已处理 — or that none came.
 */
export function listingReason(publicNoticeTitle: string, objections: number): string {
  const handled = objections > 0 ? `公示期内收到异议${objections}件，已处理` : "公示期内未收到异议";
  return `“${publicNoticeTitle}”公示期满，${handled}，纳入目录`;
}
