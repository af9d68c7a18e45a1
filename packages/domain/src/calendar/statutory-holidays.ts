import { addDays, type IsoDate, isIsoDate, yearOf } from "./iso-date";
import type { WorkdayCalendar } from "./workday-calendar";

/*
 * The statutory holidays (法定节假日) a year must contain before it may be declared complete, under
 * 《全国年节及纪念日放假办法》 as revised by the State Council on 2024-11-10 (in force from
 * 2025-01-01), article 2: 元旦 1 day (1 January); 春节 4 days (农历除夕、正月初一至
 * 初三); 清明节 1 day (农历清明当日); 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日);
 * 中秋节 1 day (农历中秋当日); 国庆节 3 days (10月1日至3日). The four lunar festivals move every
 * year, so their dates come from a table (or, outside it, from the administrator).
 */

/** The first year the rules above apply to; earlier years followed earlier versions of the 办法. */
export const STATUTORY_RULES_FROM = 2025;

/** The festivals whose date follows the lunar calendar or the solar terms. */
export const lunarFestivals = ["springFestival", "qingming", "dragonBoat", "midAutumn"] as const;
export type LunarFestival = (typeof lunarFestivals)[number];

/** The date each festival is known by: 春节 by 正月初一 (its 除夕 is the day before). */
export type LunarFestivalDates = Record<LunarFestival, IsoDate>;

export const lunarFestivalNames: Record<LunarFestival, string> = {
  springFestival: "春节",
  qingming: "清明节",
  dragonBoat: "端午节",
  midAutumn: "中秋节",
};

/** Which day an administrator names for each festival. */
export const lunarFestivalDays: Record<LunarFestival, string> = {
  springFestival: "正月初一",
  qingming: "清明",
  dragonBoat: "五月初五",
  midAutumn: "八月十五",
};

/**
 * 正月初一, 清明, 五月初五 and 八月十五 for the years the platform will meet first, in Beijing time.
 * Source: the lunar-month and solar-term tables of the chinese-days package (1.5.7, the widely
 * used 1900–2100 农历 table), read in Asia/Shanghai and written out here so a reader can compare
 * them with any published 公历农历对照表 (e.g. the Hong Kong Observatory's). The tests check
 * every date against the package again, and 2025–2026 against the State Council's published
 * arrangements (the package's holiday data). Extend it as years come; a year outside it can still
 * be declared complete when its four dates are named.
 */
export const lunarFestivalTable: Readonly<Record<number, LunarFestivalDates>> = {
  2025: {
    springFestival: "2025-01-29",
    qingming: "2025-04-04",
    dragonBoat: "2025-05-31",
    midAutumn: "2025-10-06",
  },
  2026: {
    springFestival: "2026-02-17",
    qingming: "2026-04-05",
    dragonBoat: "2026-06-19",
    midAutumn: "2026-09-25",
  },
  2027: {
    springFestival: "2027-02-06",
    qingming: "2027-04-05",
    dragonBoat: "2027-06-09",
    midAutumn: "2027-09-15",
  },
  2028: {
    springFestival: "2028-01-26",
    qingming: "2028-04-04",
    dragonBoat: "2028-05-28",
    midAutumn: "2028-10-03",
  },
  2029: {
    springFestival: "2029-02-13",
    qingming: "2029-04-04",
    dragonBoat: "2029-06-16",
    midAutumn: "2029-09-22",
  },
  2030: {
    springFestival: "2030-02-03",
    qingming: "2030-04-05",
    dragonBoat: "2030-06-05",
    midAutumn: "2030-09-12",
  },
  2031: {
    springFestival: "2031-01-23",
    qingming: "2031-04-05",
    dragonBoat: "2031-06-24",
    midAutumn: "2031-10-01",
  },
  2032: {
    springFestival: "2032-02-11",
    qingming: "2032-04-04",
    dragonBoat: "2032-06-12",
    midAutumn: "2032-09-19",
  },
  2033: {
    springFestival: "2033-01-31",
    qingming: "2033-04-04",
    dragonBoat: "2033-06-01",
    midAutumn: "2033-09-08",
  },
  2034: {
    springFestival: "2034-02-19",
    qingming: "2034-04-05",
    dragonBoat: "2034-06-20",
    midAutumn: "2034-09-27",
  },
  2035: {
    springFestival: "2035-02-08",
    qingming: "2035-04-05",
    dragonBoat: "2035-06-10",
    midAutumn: "2035-09-16",
  },
};

const tableYears = Object.keys(lunarFestivalTable).map(Number);
const firstTableYear = Math.min(...tableYears);
const lastTableYear = Math.max(...tableYears);

/**
 * The widest range each festival's day can fall in (MM-DD), over the 21st century: a named date
 * outside it is a typo (a lunar date typed as if it were Gregorian, a wrong year).
 */
const festivalWindows: Record<LunarFestival, [string, string]> = {
  springFestival: ["01-21", "02-20"],
  qingming: ["04-04", "04-06"],
  dragonBoat: ["05-28", "06-25"],
  midAutumn: ["09-07", "10-08"],
};

/** One statutory holiday of a year with the dates it must cover. */
export type StatutoryHoliday = { name: string; days: number; dates: IsoDate[] };

/**
 * The statutory holidays of `year` (from {@link STATUTORY_RULES_FROM}) with their dates, in the
 * order of the 办法. The lunar festivals take `festivals`.
 */
export function statutoryHolidays(year: number, festivals: LunarFestivalDates): StatutoryHoliday[] {
  const on = (monthDay: string) => `${year}-${monthDay}`;
  const eve = addDays(festivals.springFestival, -1);
  return [
    { name: "元旦", days: 1, dates: [on("01-01")] },
    {
      name: "春节",
      days: 4,
      dates: [
        eve,
        festivals.springFestival,
        addDays(festivals.springFestival, 1),
        addDays(festivals.springFestival, 2),
      ],
    },
    { name: "清明节", days: 1, dates: [festivals.qingming] },
    { name: "劳动节", days: 2, dates: [on("05-01"), on("05-02")] },
    { name: "端午节", days: 1, dates: [festivals.dragonBoat] },
    { name: "中秋节", days: 1, dates: [festivals.midAutumn] },
    { name: "国庆节", days: 3, dates: [on("10-01"), on("10-02"), on("10-03")] },
  ];
}

/** The festival dates of a year: the table's, or those the administrator named. */
export type FestivalResolution =
  | { ok: true; festivals: LunarFestivalDates; source: "table" | "named" }
  | { ok: false; message: string };

/**
 * The lunar festival dates to check `year` against. Inside the table the table's dates hold, and
 * dates named with the declaration must agree with them; outside it all four must be named, each
 * in its year and in the range its festival can fall in. Messages are Chinese and name the field.
 */
export function resolveLunarFestivals(
  year: number,
  named: Partial<Record<LunarFestival, string>> = {},
): FestivalResolution {
  const given = lunarFestivals.filter((festival) => named[festival] !== undefined && named[festival] !== "");
  for (const festival of given) {
    const date = named[festival] ?? "";
    const label = `${lunarFestivalNames[festival]}（${lunarFestivalDays[festival]}）`;
    if (!isIsoDate(date)) return { ok: false, message: `${label}日期无效：“${date}”，应为 YYYY-MM-DD` };
    const [from, to] = festivalWindows[festival];
    if (yearOf(date) !== year || date.slice(5) < from || date.slice(5) > to)
      return {
        ok: false,
        message: `${label}日期${date}不可能：${year}年的${lunarFestivalDays[festival]}在${monthDay(from)}至${monthDay(to)}之间`,
      };
  }
  const table = lunarFestivalTable[year];
  if (table) {
    for (const festival of given) {
      if (named[festival] !== table[festival])
        return {
          ok: false,
          message: `${year}年${lunarFestivalNames[festival]}（${lunarFestivalDays[festival]}）是${monthDay(table[festival])}，与填写的${monthDay(named[festival] ?? "")}不符`,
        };
    }
    return { ok: true, festivals: table, source: "table" };
  }
  const missing = lunarFestivals.filter((festival) => !given.includes(festival));
  if (missing.length > 0)
    return {
      ok: false,
      message: `${year}年不在平台的农历节日表（${firstTableYear}—${lastTableYear}年）内，声明完整时须写明${missing
        .map((festival) => `${lunarFestivalNames[festival]}（${lunarFestivalDays[festival]}）`)
        .join("、")}的日期`,
    };
  return { ok: true, festivals: named as LunarFestivalDates, source: "named" };
}

/** "05-02" or "2027-05-02" → "5月2日". */
function monthDay(date: string): string {
  const [month = "", day = ""] = date.slice(-5).split("-");
  return `${Number(month)}月${Number(day)}日`;
}

/** A statutory holiday some of whose days are not days off. */
export type MissingHoliday = { name: string; dates: IsoDate[] };

/**
 * The statutory days of `year` that `isHoliday` does not count as days off, per holiday, in the
 * order of the 办法. A holiday longer than its statutory days (调休) is fine: only the statutory
 * days are required.
 */
export function missingStatutoryDays(
  year: number,
  festivals: LunarFestivalDates,
  isHoliday: (date: IsoDate) => boolean,
): MissingHoliday[] {
  return statutoryHolidays(year, festivals)
    .map((holiday) => ({ name: holiday.name, dates: holiday.dates.filter((date) => !isHoliday(date)) }))
    .filter((holiday) => holiday.dates.length > 0);
}

/** "2027年缺少法定节假日：春节（2月5日）、劳动节（5月2日）". */
export function missingHolidaysMessage(year: number, missing: readonly MissingHoliday[]): string {
  const parts = missing.map((holiday) => `${holiday.name}（${holiday.dates.map(monthDay).join("、")}）`);
  return `${year}年缺少法定节假日：${parts.join("、")}`;
}

/** The verdict on a year: complete with the festival dates it was checked against, or why not. */
export type StatutoryCheck =
  | { ok: true; festivals: LunarFestivalDates }
  | { ok: false; message: string; missing: MissingHoliday[] };

/**
 * Whether `year` of `calendar` — base data and overrides, as it stands or would stand after a
 * change — gives every statutory day of {@link statutoryHolidays} off. The festival dates come
 * from the table or from `named` (see {@link resolveLunarFestivals}). A year before
 * {@link STATUTORY_RULES_FROM} is refused: the platform checks the rules in force, not older ones.
 */
export function checkStatutoryHolidays(
  calendar: WorkdayCalendar,
  year: number,
  named: Partial<Record<LunarFestival, string>> = {},
): StatutoryCheck {
  if (year < STATUTORY_RULES_FROM)
    return {
      ok: false,
      message: `${year}年早于现行《全国年节及纪念日放假办法》（${STATUTORY_RULES_FROM}年1月1日起施行），平台无法核对该年的法定节假日，不能声明完整`,
      missing: [],
    };
  const resolved = resolveLunarFestivals(year, named);
  if (!resolved.ok) return { ok: false, message: resolved.message, missing: [] };
  const missing = missingStatutoryDays(
    year,
    resolved.festivals,
    (date) => calendar.specialDays.get(date)?.workday === false,
  );
  if (missing.length > 0) return { ok: false, message: missingHolidaysMessage(year, missing), missing };
  return { ok: true, festivals: resolved.festivals };
}
