import type { IsoDate } from "./iso-date";

/*
 * Every Asia/Shanghai computation of the platform. Times are stored as UTC instants and read in
 * Beijing time; China has kept UTC+8 without daylight saving since 1991, so the zone is a fixed
 * offset and needs neither a time-zone database nor the host's zone: a Beijing day runs from
 * 16:00 UTC of the day before to 16:00 UTC.
 */

/** Asia/Shanghai's offset from UTC, in milliseconds (UTC+8 all year). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The offset as written after an ISO-8601 time: 2026-04-03T23:59:59+08:00. */
export const SHANGHAI_UTC_OFFSET = "+08:00";

function millisOf(instant: Date | number | string): number {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`无效的时间：${String(instant)}`);
  return ms;
}

/**
 * The Beijing wall clock of an instant, as milliseconds whose UTC fields read it: the
 * `getUTCHours()` of `new Date(shanghaiWallClock(t))` is the hour in Beijing.
 */
export function shanghaiWallClock(instant: Date | number | string): number {
  return millisOf(instant) + SHANGHAI_OFFSET_MS;
}

/** The instant of a Beijing wall clock built with `Date.UTC(...)`: the inverse of {@link shanghaiWallClock}. */
export function fromShanghaiWallClock(wallClock: number): number {
  return wallClock - SHANGHAI_OFFSET_MS;
}

/** The Asia/Shanghai calendar date of an instant: 2026-12-06T16:00:00Z is 2026-12-07. */
export function shanghaiDate(instant: Date | number | string): IsoDate {
  return new Date(shanghaiWallClock(instant)).toISOString().slice(0, 10);
}

/** The instant at which an Asia/Shanghai day begins (its 00:00), as ISO-8601 UTC text. */
export function shanghaiMidnight(date: IsoDate): string {
  return new Date(fromShanghaiWallClock(Date.parse(`${date}T00:00:00Z`))).toISOString();
}

/** An instant written in Beijing time with its offset: 2026-04-03T23:59:59+08:00 (whole seconds). */
export function shanghaiOffsetInstant(instant: Date | number | string): string {
  return `${new Date(shanghaiWallClock(instant)).toISOString().slice(0, 19)}${SHANGHAI_UTC_OFFSET}`;
}

/** 00:00 of an Asia/Shanghai day as an instant with offset: 2026-09-28T00:00:00+08:00. */
export function shanghaiDayStart(date: IsoDate): string {
  return `${date}T00:00:00${SHANGHAI_UTC_OFFSET}`;
}

/** An instant as a person in China reads it: `2026-12-07 10:30:00`; text that is no time stays as it is. */
export function shanghaiDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(shanghaiWallClock(time)).toISOString().slice(0, 19).replace("T", " ");
}

/** The Beijing date of an instant in Chinese: 2026年12月7日. */
export function shanghaiChineseDate(instant: Date | number | string): string {
  const wall = new Date(shanghaiWallClock(instant));
  return `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日`;
}

/** The Beijing date and time of an instant in Chinese, as deadlines are written: 2026年4月3日 23:59:59. */
export function shanghaiChineseDateTime(instant: Date | number | string): string {
  const wall = new Date(shanghaiWallClock(instant));
  const time = wall.toISOString().slice(11, 19);
  return `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${time}`;
}
