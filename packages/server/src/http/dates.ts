/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving since 1991) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** An instant as a person in China reads it: `2026-12-07 10:30:00`; text that is no time stays as it is. */
export function shanghaiDateTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}
