import { addDays, assertIsoDate, type IsoDate } from "./iso-date";
import { isWorkday, type WorkdayCalendar } from "./workday-calendar";

export type AddWorkdaysOptions = {
  /**
   * Whether the start date itself is day 1 when it is a working day. Defaults to `true`, the
   * practice for 公示 ("公示期自发布之日起5个工作日"). Pass `false` for periods that follow
   * 民法典 第二百零一条 (开始的当日不计入), where counting begins on the next working day.
   */
  countStartDay?: boolean;
};

/**
 * The last day of a period of `n` working days starting on `start`; the period ends at 24:00
 * Asia/Shanghai of the returned date.
 *
 * Definition: day 1 is `start` if `start` is a working day (and `countStartDay` is not false),
 * otherwise the first working day after `start`; each following working day adds one; the
 * result is day `n`. Weekends and holidays inside the period are skipped, and adjusted workdays
 * (调休上班的周末) count like any working day. A non-working day is never the result. Every date
 * from `start` to the result is inspected, so if any of them (including `start`) lies in an
 * unknown year the call throws {@link CalendarUnknownYearError} instead of assuming Monday–Friday.
 *
 * Example with the 2026 arrangement: `addWorkdays(calendar, "2026-09-28", 5)` counts 09-28,
 * 09-29, 09-30 (10-01…10-07 are 国庆节), 10-08, 10-09 and returns `"2026-10-09"`. The 调休
 * Sunday 09-20 lies before the start and the 调休 Saturday 10-10 after day 5, so neither counts.
 *
 * Throws RangeError when `n` is not a positive integer: a period of zero working days has no
 * last day, and a negative one would silently count backwards.
 */
export function addWorkdays(
  calendar: WorkdayCalendar,
  start: IsoDate,
  n: number,
  options: AddWorkdaysOptions = {},
): IsoDate {
  assertIsoDate(start);
  assertPositiveWorkdayCount(n);
  // isWorkday is called on start even when it is not counted, so a start in an unknown year
  // is refused in both modes.
  const startIsWorkday = isWorkday(calendar, start);
  let counted = startIsWorkday && options.countStartDay !== false ? 1 : 0;
  let date = start;
  while (counted < n) {
    date = addDays(date, 1);
    if (isWorkday(calendar, date)) counted += 1;
  }
  return date;
}

/**
 * The number of working days from `from` to `to`, both included. It is the inverse of
 * {@link addWorkdays}: `countWorkdaysBetween(c, s, addWorkdays(c, s, n)) === n` for every start `s`.
 * Throws RangeError if `from` is after `to` (a caller that wants "0 left" should compare first),
 * and {@link CalendarUnknownYearError} if any date in the range lies in an unknown year.
 */
export function countWorkdaysBetween(calendar: WorkdayCalendar, from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  if (from > to) throw new RangeError(`起始日期 ${from} 不能晚于结束日期 ${to}`);
  let count = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isWorkday(calendar, date)) count += 1;
  }
  return count;
}

/** Throws RangeError unless `n` is a positive safe integer. */
function assertPositiveWorkdayCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`工作日天数必须是正整数，收到的是 ${n}`);
  }
}
