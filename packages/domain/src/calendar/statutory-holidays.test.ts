import chineseDays from "chinese-days";
import { describe, expect, it } from "vitest";
import { buildCalendarFromChineseDays } from "./chinese-days-source";
import { addDays } from "./iso-date";
import {
  checkStatutoryHolidays,
  type LunarFestivalDates,
  lunarFestivalTable,
  resolveLunarFestivals,
  STATUTORY_RULES_FROM,
  statutoryHolidays,
} from "./statutory-holidays";
import { type CalendarOverride, createWorkdayCalendar } from "./workday-calendar";

const base = buildCalendarFromChineseDays();
const tableYears = Object.keys(lunarFestivalTable).map(Number);
const festivalsOf = (year: number) => lunarFestivalTable[year] as LunarFestivalDates;

/** A year entered by hand: exactly the statutory days off (and any extra days given). */
function declaredYear(year: number, festivals: LunarFestivalDates, extra: CalendarOverride[] = []) {
  const days = new Map<string, CalendarOverride>();
  for (const holiday of statutoryHolidays(year, festivals))
    for (const date of holiday.dates) days.set(date, { date, kind: "holiday", name: holiday.name });
  for (const day of extra) days.set(day.date, day);
  return createWorkdayCalendar(base, [...days.values()], [{ year, complete: true }]);
}

describe("statutoryHolidays: the 2024 revision of 《全国年节及纪念日放假办法》", () => {
  it("gives 13 days: 元旦1, 春节4 (除夕 to 初三), 清明1, 劳动节2, 端午1, 中秋1, 国庆3", () => {
    const holidays = statutoryHolidays(2027, festivalsOf(2027));
    expect(holidays.map((holiday) => [holiday.name, holiday.days, holiday.dates])).toEqual([
      ["元旦", 1, ["2027-01-01"]],
      ["春节", 4, ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]],
      ["清明节", 1, ["2027-04-05"]],
      ["劳动节", 2, ["2027-05-01", "2027-05-02"]],
      ["端午节", 1, ["2027-06-09"]],
      ["中秋节", 1, ["2027-09-15"]],
      ["国庆节", 3, ["2027-10-01", "2027-10-02", "2027-10-03"]],
    ]);
    for (const year of tableYears)
      for (const holiday of statutoryHolidays(year, festivalsOf(year)))
        expect(holiday.dates, `${year} ${holiday.name}`).toHaveLength(holiday.days);
  });

  it("holds in the State Council's own arrangements for 2025 and 2026 (the package data)", () => {
    // chinese-days spells four of them without 节.
    const packageNames: Record<string, string> = {
      元旦: "元旦",
      春节: "春节",
      清明节: "清明",
      劳动节: "劳动节",
      端午节: "端午",
      中秋节: "中秋",
      国庆节: "国庆节",
    };
    const packaged = createWorkdayCalendar(base);
    for (const year of [2025, 2026]) {
      expect(checkStatutoryHolidays(packaged, year), String(year)).toEqual({
        ok: true,
        festivals: festivalsOf(year),
      });
      const names = new Map(
        base.years.find((item) => item.year === year)?.holidays.map((d) => [d.date, d.name]),
      );
      for (const holiday of statutoryHolidays(year, festivalsOf(year)))
        for (const date of holiday.dates)
          expect(names.get(date), `${date} in the package`).toBe(packageNames[holiday.name]);
    }
  });
});

describe("lunarFestivalTable", () => {
  it("covers 2025–2035 with one date per festival", () => {
    expect(tableYears).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
  });

  it("agrees with the package's lunar table: 正月初一, 五月初五, 八月十五, and 除夕 ends the twelfth month", () => {
    for (const year of tableYears) {
      const festivals = festivalsOf(year);
      const lunar = (date: string) => {
        const detail = chineseDays.getLunarDate(date);
        return [detail.lunarMon, detail.lunarDay, detail.isLeap];
      };
      expect(lunar(festivals.springFestival), `${year} 春节`).toEqual([1, 1, false]);
      expect(lunar(festivals.dragonBoat), `${year} 端午`).toEqual([5, 5, false]);
      expect(lunar(festivals.midAutumn), `${year} 中秋`).toEqual([8, 15, false]);
      expect(lunar(addDays(festivals.springFestival, -1))[0], `${year} 除夕`).toBe(12);
    }
  });

  // The package's solar-term function formats in the host's time zone (a day early west of UTC).
  const hostIsWestOfUtc = new Date(2026, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(hostIsWestOfUtc)("agrees with the package's solar terms on 清明", () => {
    for (const year of tableYears)
      expect(festivalsOf(year).qingming, String(year)).toBe(
        chineseDays.getSolarTermDate(year, 4, "pure_brightness"),
      );
  });
});

describe("checkStatutoryHolidays", () => {
  it("accepts every table year entered with exactly its statutory days", () => {
    for (const year of tableYears)
      expect(checkStatutoryHolidays(declaredYear(year, festivalsOf(year)), year).ok, String(year)).toBe(true);
  });

  it("refuses each table year missing any one statutory day, naming the holiday and the date", () => {
    let checked = 0;
    for (const year of tableYears.filter((year) => year > 2026)) {
      const holidays = statutoryHolidays(year, festivalsOf(year));
      for (const date of new Set(holidays.flatMap((holiday) => holiday.dates))) {
        const worked = declaredYear(year, festivalsOf(year), [{ date, kind: "workday" }]);
        const [, month, day] = date.split("-").map(Number);
        // 中秋 can fall on 国庆 (2028-10-03, 2031-10-01): that one day is missing for both.
        const names = holidays
          .filter((holiday) => holiday.dates.includes(date))
          .map((holiday) => holiday.name);
        expect(checkStatutoryHolidays(worked, year), date).toEqual({
          ok: false,
          message: `${year}年缺少法定节假日：${names.map((name) => `${name}（${month}月${day}日）`).join("、")}`,
          missing: names.map((name) => ({ name, dates: [date] })),
        });
        checked += 1;
      }
    }
    expect(checked).toBe(9 * 13 - 2);
  });

  it("names every missing day, holiday by holiday in the order of the 办法", () => {
    // The bug report's year: 2027 entered with 劳动节 as one day and 春节 without 除夕 and 初一.
    const overrides: CalendarOverride[] = [
      { date: "2027-01-01", kind: "holiday" },
      { date: "2027-02-07", kind: "holiday" },
      { date: "2027-02-08", kind: "holiday" },
      { date: "2027-04-05", kind: "holiday" },
      { date: "2027-05-01", kind: "holiday" },
      { date: "2027-06-09", kind: "holiday" },
      { date: "2027-09-15", kind: "holiday" },
      { date: "2027-10-01", kind: "holiday" },
      { date: "2027-10-03", kind: "holiday" },
    ];
    const calendar = createWorkdayCalendar(base, overrides, [{ year: 2027, complete: true }]);
    expect(checkStatutoryHolidays(calendar, 2027)).toMatchObject({
      ok: false,
      message: "2027年缺少法定节假日：春节（2月5日、2月6日）、劳动节（5月2日）、国庆节（10月2日）",
    });
    // A year with nothing entered misses all 13 days.
    const empty = checkStatutoryHolidays(
      createWorkdayCalendar(base, [], [{ year: 2028, complete: true }]),
      2028,
    );
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.missing.flatMap((holiday) => holiday.dates)).toHaveLength(13);
  });

  it("accepts holidays made longer by 调休, and weekend statutory days", () => {
    // 2027: 劳动节 1–5 May with Saturday 8 May worked; 国庆 1–7 October; 端午 on a Wednesday.
    const longer = declaredYear(2027, festivalsOf(2027), [
      { date: "2027-05-03", kind: "holiday", name: "劳动节" },
      { date: "2027-05-04", kind: "holiday", name: "劳动节" },
      { date: "2027-05-05", kind: "holiday", name: "劳动节" },
      { date: "2027-05-08", kind: "workday", name: "劳动节调休" },
      { date: "2027-10-07", kind: "holiday", name: "国庆节" },
    ]);
    expect(checkStatutoryHolidays(longer, 2027).ok).toBe(true);
  });

  it("accepts 中秋 falling on 国庆 (2031-10-01) when both are entered by date", () => {
    expect(festivalsOf(2031).midAutumn).toBe("2031-10-01");
    expect(checkStatutoryHolidays(declaredYear(2031, festivalsOf(2031)), 2031).ok).toBe(true);
  });

  it("sees a package year's statutory day turned into a working day by an override", () => {
    const worked = createWorkdayCalendar(base, [{ date: "2026-05-01", kind: "workday" }]);
    expect(checkStatutoryHolidays(worked, 2026)).toMatchObject({
      ok: false,
      message: "2026年缺少法定节假日：劳动节（5月1日）",
    });
  });

  it("refuses a year before the rules in force, which it cannot check", () => {
    expect(checkStatutoryHolidays(createWorkdayCalendar(base), 2024)).toEqual({
      ok: false,
      message: `2024年早于现行《全国年节及纪念日放假办法》（${STATUTORY_RULES_FROM}年1月1日起施行），平台无法核对该年的法定节假日，不能声明完整`,
      missing: [],
    });
  });

  it("checks a year outside the table against the dates its declaration names", () => {
    const named = {
      springFestival: "2036-01-28",
      qingming: "2036-04-04",
      dragonBoat: "2036-05-30",
      midAutumn: "2036-10-04",
    };
    const calendar = declaredYear(2036, named);
    expect(checkStatutoryHolidays(calendar, 2036)).toMatchObject({
      ok: false,
      message:
        "2036年不在平台的农历节日表（2025—2035年）内，声明完整时须写明春节（正月初一）、清明节（清明）、端午节（五月初五）、中秋节（八月十五）的日期",
    });
    expect(checkStatutoryHolidays(calendar, 2036, named)).toEqual({ ok: true, festivals: named });
    // Named one day late, 除夕 (2036-01-27) is no longer required and 初三 (01-31) is not entered.
    expect(checkStatutoryHolidays(calendar, 2036, { ...named, springFestival: "2036-01-29" })).toMatchObject({
      ok: false,
      message: "2036年缺少法定节假日：春节（1月31日）",
    });
  });
});

describe("resolveLunarFestivals", () => {
  it("takes the table's dates, and named dates only when they agree", () => {
    expect(resolveLunarFestivals(2027)).toEqual({ ok: true, festivals: festivalsOf(2027), source: "table" });
    expect(resolveLunarFestivals(2027, { springFestival: "2027-02-06" })).toMatchObject({ ok: true });
    expect(resolveLunarFestivals(2027, { springFestival: "2027-02-07" })).toEqual({
      ok: false,
      message: "2027年春节（正月初一）是2月6日，与填写的2月7日不符",
    });
  });

  it("requires all four outside the table, each a real date in its year and season", () => {
    expect(resolveLunarFestivals(2036, { springFestival: "2036-01-28", qingming: "2036-04-04" })).toEqual({
      ok: false,
      message:
        "2036年不在平台的农历节日表（2025—2035年）内，声明完整时须写明端午节（五月初五）、中秋节（八月十五）的日期",
    });
    const named = {
      springFestival: "2036-01-28",
      qingming: "2036-04-04",
      dragonBoat: "2036-05-30",
      midAutumn: "2036-10-04",
    };
    expect(resolveLunarFestivals(2036, named)).toEqual({ ok: true, festivals: named, source: "named" });
    expect(resolveLunarFestivals(2036, { ...named, midAutumn: "2036-08-15" })).toEqual({
      ok: false,
      message: "中秋节（八月十五）日期2036-08-15不可能：2036年的八月十五在9月7日至10月8日之间",
    });
    expect(resolveLunarFestivals(2036, { ...named, springFestival: "2037-01-28" }).ok).toBe(false);
    expect(resolveLunarFestivals(2036, { ...named, qingming: "2036-4-4" })).toEqual({
      ok: false,
      message: "清明节（清明）日期无效：“2036-4-4”，应为 YYYY-MM-DD",
    });
  });
});
