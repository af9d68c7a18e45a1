import { z } from "zod";

/** A holiday or adjusted workday of a year, from the package data or an administrator's override. */
export const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(["holiday", "adjustedWorkday"]),
  name: z.string().nullable(),
  source: z.enum(["package", "override"]),
});

/** An administrator's change to one day. */
export const calendarOverrideRowSchema = z.object({
  date: z.string(),
  kind: z.enum(["workday", "holiday"]),
  name: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

/** GET /api/calendar: one year's special days, overrides and completeness. */
export const calendarYearViewSchema = z.object({
  year: z.number(),
  known: z.boolean(),
  source: z.enum(["package", "override", "none"]),
  days: z.array(calendarDaySchema),
  overrides: z.array(calendarOverrideRowSchema),
  yearDeclared: z.boolean(),
  /**
   * Whether the year gives every statutory holiday off (《全国年节及纪念日放假办法》, from 2025):
   * a year is declared complete only then. Null for years before 2025.
   */
  statutory: z
    .object({
      complete: z.boolean(),
      /** "2028年缺少法定节假日：劳动节（5月2日）", or why the year cannot be checked. */
      problem: z.string().nullable(),
      /** The lunar festival dates it was checked against. */
      festivals: z.array(z.object({ name: z.string(), date: z.string() })).nullable(),
    })
    .nullable(),
});

/** GET /api/public/workdays/add: the last working day of a period. */
export const workdaysAddedSchema = z.object({
  start: z.string(),
  days: z.number(),
  end: z.string(),
  endsAt: z.string(),
});

/** POST /api/calendar/import */
export const calendarImportResultSchema = z.object({
  imported: z.number(),
  years: z.array(z.number()),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
});

export type CalendarDay = z.infer<typeof calendarDaySchema>;
export type CalendarOverrideRow = z.infer<typeof calendarOverrideRowSchema>;
export type CalendarYearView = z.infer<typeof calendarYearViewSchema>;
export type WorkdaysAdded = z.infer<typeof workdaysAddedSchema>;
export type CalendarImportResult = z.infer<typeof calendarImportResultSchema>;
