import { type AddWorkdaysOptions, addWorkdays } from "./add-workdays";
import { addDays, fromEpochDay, type IsoDate, isIsoDate, toEpochDay } from "./iso-date";
import { SHANGHAI_OFFSET_MS } from "./shanghai-time";
import type { WorkdayCalendar } from "./workday-calendar";

/** A 公示 (or any working-day) period: instants in UTC `Z` form, days as Asia/Shanghai dates. */
export type PublicNoticePeriod = {
  /** The publication instant, normalised to UTC (`2026-09-28T01:00:00.000Z`). */
  startsAt: string;
  /** 24:00 Asia/Shanghai of `lastDay`, i.e. 00:00+08:00 of the next day, in UTC. */
  endsAt: string;
  /** Day 1 of the count: the publication day if it is a working day, else the next working day. */
  firstDay: IsoDate;
  /** Day n of the count, the date to print as "公示期至…". */
  lastDay: IsoDate;
};

const msPerMinute = 60_000;
const msPerDay = 86_400_000;

const instantPattern =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The period of `n` working days of a notice published at `startDateTimeIso`.
 *
 * The instant is converted to its Asia/Shanghai date, which is the `start` of
 * {@link addWorkdays} (so a notice published at 2026-09-27T16:30:00Z, 00:30 on 09-28 in Beijing,
 * starts on 09-28). `endsAt` is the end of the last working day in Beijing. Example with the
 * 2026 arrangement: `publicNoticePeriod(c, "2026-09-28T09:00:00+08:00", 5)` gives
 * `{ startsAt: "2026-09-28T01:00:00.000Z", endsAt: "2026-10-09T16:00:00.000Z", firstDay: "2026-09-28", lastDay: "2026-10-09" }`.
 *
 * The instant must carry a `Z` or `±HH:MM` offset: without one, "09:00" would mean whatever the
 * server's zone is. Throws RangeError for a malformed instant or `n`, and
 * {@link CalendarUnknownYearError} as {@link addWorkdays} does.
 */
export function publicNoticePeriod(
  calendar: WorkdayCalendar,
  startDateTimeIso: string,
  n: number,
  options: AddWorkdaysOptions = {},
): PublicNoticePeriod {
  const startMs = parseInstant(startDateTimeIso);
  const startDate = fromEpochDay(Math.floor((startMs + SHANGHAI_OFFSET_MS) / msPerDay));
  const lastDay = addWorkdays(calendar, startDate, n, options);
  const firstDay = addWorkdays(calendar, startDate, 1, options);
  const endsAtMs = toEpochDay(addDays(lastDay, 1)) * msPerDay - SHANGHAI_OFFSET_MS;
  return { startsAt: formatInstant(startMs), endsAt: formatInstant(endsAtMs), firstDay, lastDay };
}

/** Milliseconds since the epoch of an ISO 8601 instant with an explicit offset. */
function parseInstant(value: string): number {
  const match = instantPattern.exec(value);
  const invalid = () =>
    new RangeError(`时间格式无效：“${value}”，应为带时区的 ISO 8601 时间，如 2026-09-28T09:00:00+08:00`);
  if (!match) throw invalid();
  const [, date = "", hh = "", mm = "", ss = "0", fraction = "", zone = ""] = match;
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss)];
  if (!isIsoDate(date) || hours > 23 || minutes > 59 || seconds > 59) throw invalid();
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const [offsetHours, offsetMins] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (offsetHours > 23 || offsetMins > 59) throw invalid();
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  return (
    toEpochDay(date) * msPerDay + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 + millis
  );
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, the same shape as `Date.prototype.toISOString`. */
function formatInstant(ms: number): string {
  const epochDay = Math.floor(ms / msPerDay);
  const ofDay = ms - epochDay * msPerDay;
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const hours = Math.floor(ofDay / 3_600_000);
  const minutes = Math.floor((ofDay % 3_600_000) / msPerMinute);
  const seconds = Math.floor((ofDay % msPerMinute) / 1000);
  return `${fromEpochDay(epochDay)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ofDay % 1000, 3)}Z`;
}
