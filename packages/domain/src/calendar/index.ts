// The working-day calendar (工作日 / 法定节假日 / 调休). The low-level date arithmetic in
// iso-date.ts stays internal apart from the IsoDate type and its check.
export { type AddWorkdaysOptions, addWorkdays, countWorkdaysBetween } from "./add-workdays";
export {
  type CalendarImport,
  type CalendarImportError,
  type CalendarYearDeclaration,
  parseCalendarImport,
} from "./calendar-import";
export {
  calendarDayNameMaxLength,
  calendarOverrideKinds,
  calendarOverrideSchema,
  calendarYearSchema,
  isDeclarableYear,
  normalizeCalendarDate,
  normalizeCalendarKind,
} from "./calendar-override-schema";
export { buildCalendarFromChineseDays } from "./chinese-days-source";
export { type IsoDate, isIsoDate } from "./iso-date";
export { type PublicNoticePeriod, publicNoticePeriod } from "./public-notice-period";
export {
  fromShanghaiWallClock,
  SHANGHAI_OFFSET_MS,
  SHANGHAI_UTC_OFFSET,
  shanghaiChineseDate,
  shanghaiChineseDateTime,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiDayStart,
  shanghaiMidnight,
  shanghaiOffsetInstant,
  shanghaiWallClock,
} from "./shanghai-time";
export {
  checkStatutoryHolidays,
  type LunarFestival,
  type LunarFestivalDates,
  lunarFestivalDays,
  lunarFestivalNames,
  lunarFestivals,
  lunarFestivalTable,
  type MissingHoliday,
  resolveLunarFestivals,
  STATUTORY_RULES_FROM,
  type StatutoryCheck,
  type StatutoryHoliday,
  statutoryHolidays,
} from "./statutory-holidays";
export { CalendarUnknownYearError } from "./unknown-year-error";
export {
  type CalendarBase,
  type CalendarBaseDay,
  type CalendarBaseYear,
  type CalendarOverride,
  type CalendarYear,
  createWorkdayCalendar,
  type DayInfo,
  type DayKind,
  type DaySource,
  dayInfo,
  isKnownYear,
  isWorkday,
  knownYears,
  type WorkdayCalendar,
} from "./workday-calendar";
