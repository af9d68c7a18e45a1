import { inShanghai } from "../../shared/dates";

/** Today: 14:05; this year: 11月3日 14:05; earlier: 2025年11月3日 (Beijing time). */
export function shortTime(instant: string): string {
  const at = inShanghai(instant);
  const now = inShanghai();
  if (at.isSame(now, "day")) return at.format("HH:mm");
  if (at.isSame(now, "year")) return at.format("M月D日 HH:mm");
  return at.format("YYYY年M月D日");
}
