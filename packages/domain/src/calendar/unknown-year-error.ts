/**
 * Thrown whenever a working-day question touches a year whose holiday arrangement is not known.
 *
 * The State Council publishes each year's holidays and 调休 only in the November before, and a
 * year counted Monday–Friday would put a 公示 deadline inside 国庆 or 春节 without anyone
 * noticing. Refusing loudly lets the office import the year first; the server maps this error
 * to a user-facing message using `message` as is.
 */
export class CalendarUnknownYearError extends Error {
  override readonly name = "CalendarUnknownYearError";
  /** Stable code for the server's error mapping. */
  readonly code = "calendar_unknown_year";
  /** The first unknown year the computation reached. */
  readonly year: number;

  constructor(year: number) {
    super(`${year}年的节假日安排尚未录入，无法计算工作日，请系统管理员先导入该年度日历`);
    this.year = year;
  }
}
