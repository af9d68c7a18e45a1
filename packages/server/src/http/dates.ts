/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving since 1991) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
