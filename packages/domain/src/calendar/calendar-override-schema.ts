import { z } from "zod";
import { toHalfWidth } from "../validators/normalize";
import { type IsoDate, isIsoDate } from "./iso-date";
import type { CalendarOverride, CalendarYear } from "./workday-calendar";

/** The two kinds an administrator can give a date. */
export const calendarOverrideKinds = ["workday", "holiday"] as const;

/** Longest day name accepted ("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日" is 24). */
export const calendarDayNameMaxLength = 40;

// A year outside this range in an import is a typo (2207, 1027), not a plan.
const firstYear = 2000;
const lastYear = 2099;

/** A stored override row, canonical form only (no 上班/休息 aliases: those are import syntax). */
export const calendarOverrideSchema = z.object({
  date: z.string().refine(isIsoDate, { error: "日期应为 YYYY-MM-DD 格式的真实日期" }),
  kind: z.enum(calendarOverrideKinds, { error: "类型应为 workday（上班）或 holiday（休息）" }),
  name: z
    .string()
    .trim()
    .min(1, { error: "名称不能为空" })
    .max(calendarDayNameMaxLength, { error: `名称不能超过${calendarDayNameMaxLength}个字` })
    .optional(),
}) satisfies z.ZodType<CalendarOverride>;

/** A stored declaration that a year has been entered completely. */
export const calendarYearSchema = z.object({
  year: z
    .number()
    .int()
    .min(firstYear, { error: `年度应在${firstYear}至${lastYear}之间` })
    .max(lastYear, { error: `年度应在${firstYear}至${lastYear}之间` }),
  complete: z.literal(true),
}) satisfies z.ZodType<CalendarYear>;

const kindAliases: Record<string, CalendarOverride["kind"]> = {
  workday: "workday",
  上班: "workday",
  调休: "workday",
  补班: "workday",
  工作日: "workday",
  holiday: "holiday",
  休息: "holiday",
  节假日: "holiday",
  放假: "holiday",
};

/** Import spellings of the kinds, for messages. */
export const calendarKindSpellings = "workday、holiday、上班、调休、补班、工作日、休息、节假日、放假";

/**
 * Reads a kind as an administrator may type it: `workday`/`holiday` in any case, or 上班、调休、
 * 补班、工作日 (a working day) and 休息、节假日、放假 (a day off). 调休 follows the glossary:
 * the weekend day that is worked. Returns null for anything else.
 */
export function normalizeCalendarKind(raw: string): CalendarOverride["kind"] | null {
  return kindAliases[toHalfWidth(raw).trim().toLowerCase()] ?? null;
}

/**
 * Reads a date as Excel tends to write it: `2027-1-1`, `2027/01/01`, `2027.1.1`, full-width
 * digits included, and returns it as `YYYY-MM-DD`; null if it is not a real date.
 */
export function normalizeCalendarDate(raw: string): IsoDate | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(toHalfWidth(raw).trim());
  if (!match) return null;
  const date = `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`;
  return isIsoDate(date) ? date : null;
}

/** Whether a year may be declared; see {@link calendarYearSchema}. */
export function isDeclarableYear(year: number): boolean {
  return Number.isInteger(year) && year >= firstYear && year <= lastYear;
}
