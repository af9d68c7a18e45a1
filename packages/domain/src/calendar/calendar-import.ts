import { toHalfWidth } from "../validators/normalize";
import {
  calendarDayNameMaxLength,
  calendarKindSpellings,
  isDeclarableYear,
  normalizeCalendarDate,
  normalizeCalendarKind,
} from "./calendar-override-schema";
import { type IsoDate, yearOf } from "./iso-date";
import { type LunarFestival, lunarFestivalNames, lunarFestivals } from "./statutory-holidays";
import type { CalendarOverride, CalendarYear } from "./workday-calendar";

/** One problem in an import file. `line` is the CSV line, or for JSON the record's number. */
export type CalendarImportError = { line: number; message: string };

/**
 * A year the file declares complete: where (for messages) and the lunar festival dates it names,
 * which a year outside the platform's festival table needs (see `resolveLunarFestivals`).
 */
export type CalendarYearDeclaration = {
  year: number;
  line: number;
  festivals: Partial<Record<LunarFestival, IsoDate>>;
};

/** What an import file contains; save nothing while `errors` is non-empty. */
export type CalendarImport = {
  records: CalendarOverride[];
  /** The line (CSV) or record number (JSON) of each record, in the same order. */
  recordLines: number[];
  years: CalendarYear[];
  declarations: CalendarYearDeclaration[];
  errors: CalendarImportError[];
};

/** The spellings an import may use for each lunar festival. */
const festivalSpellings: Record<string, LunarFestival> = Object.fromEntries(
  lunarFestivals.flatMap((festival) => [
    [festival.toLowerCase(), festival],
    [lunarFestivalNames[festival], festival],
    [lunarFestivalNames[festival].replace(/节$/, ""), festival],
  ]),
);
const festivalSpellingText = lunarFestivals.map((festival) => lunarFestivalNames[festival]).join("、");

/**
 * Parses an administrator's calendar import file, CSV or JSON (JSON when the text starts with
 * `[` or `{`). Both hold the same two things: day records `date, kind, name` and declarations
 * that a year is complete, which is what makes a year not covered by chinese-days usable
 * (see {@link createWorkdayCalendar}).
 *
 * CSV: a header `date,kind,name` (or `日期,类型,名称`; the name column may be left out), one
 * day per line, and `#year,YYYY,complete` lines to declare years; a year outside the platform's
 * lunar festival table names its festivals after it:
 * `#year,2036,complete,春节=2036-01-28,清明节=2036-04-04,端午节=2036-05-30,中秋节=2036-10-04`
 * (春节 by its 正月初一). Other lines starting with `#` are comments; blank lines are skipped.
 * Quote a name containing a comma with `"`.
 * ```
 * date,kind,name
 * #year,2027,complete
 * 2027-01-01,holiday,元旦
 * 2027-02-07,上班,春节
 * ```
 * JSON: one item or an array of items, each item a day `{ "date", "kind", "name"? }` or a year
 * `{ "year": 2027, "complete": true, "festivals"?: { "春节": "…" }, "days": [ ...days ] }`
 * (`complete` false or absent only groups the days; days inside a year must belong to it). A record's number counts items and
 * nested days in reading order, starting at 1.
 * ```
 * { "year": 2027, "complete": true, "days": [{ "date": "2027-01-01", "kind": "holiday", "name": "元旦" }] }
 * ```
 * Kinds: `workday` or 上班/调休/补班/工作日, `holiday` or 休息/节假日/放假. Dates may be written
 * `2027/1/1` as Excel does; they come back as `YYYY-MM-DD`. A date listed twice with the same
 * kind and name is kept once; listed twice differently it is an error on the later line.
 * Whether a declared year holds every statutory holiday is checked when the file is saved, against
 * the calendar as it would then stand.
 */
export function parseCalendarImport(text: string): CalendarImport {
  const content = text.replace(/^\uFEFF/, "");
  const isJson = /^\s*[[{]/.test(content);
  const collector = createCollector(isJson ? "条" : "行");
  if (isJson) collectJson(content, collector);
  else collectCsv(content, collector);
  return collector.finish();
}

type DayFields = { date: unknown; kind: unknown; name: unknown };

type Collector = {
  addDay(line: number, fields: DayFields, blockYear?: number): void;
  /** The year if it may be declared, else records an error and returns undefined. */
  checkYear(line: number, year: unknown): number | undefined;
  declareYear(line: number, year: number, festivals: unknown): void;
  addError(line: number, message: string): void;
  finish(): CalendarImport;
};

function createCollector(unit: "行" | "条"): Collector {
  const records: CalendarOverride[] = [];
  const recordLines: number[] = [];
  const seen = new Map<IsoDate, { line: number; record: CalendarOverride }>();
  const declarations = new Map<number, CalendarYearDeclaration>();
  const errors: CalendarImportError[] = [];
  const addError = (line: number, message: string) => {
    errors.push({ line, message });
  };

  return {
    addError,
    addDay(line, fields, blockYear) {
      const errorCount = errors.length;
      const date = typeof fields.date === "string" ? normalizeCalendarDate(fields.date) : null;
      if (fields.date === undefined || fields.date === "") addError(line, "缺少日期");
      else if (date === null)
        addError(line, `日期无效：“${String(fields.date)}”，应为 YYYY-MM-DD 格式的真实日期`);
      else if (blockYear !== undefined && yearOf(date) !== blockYear) {
        addError(line, `日期 ${date} 不属于 ${blockYear} 年`);
      }

      const kind = typeof fields.kind === "string" ? normalizeCalendarKind(fields.kind) : null;
      if (fields.kind === undefined || fields.kind === "")
        addError(line, `缺少类型，应为 ${calendarKindSpellings} 之一`);
      else if (kind === null) {
        addError(line, `类型无效：“${String(fields.kind)}”，应为 ${calendarKindSpellings} 之一`);
      }

      let name: string | undefined;
      if (typeof fields.name === "string") name = fields.name.trim() || undefined;
      else if (fields.name !== undefined && fields.name !== null) addError(line, "名称应为文字");
      if (name !== undefined && name.length > calendarDayNameMaxLength) {
        addError(line, `名称过长：不能超过${calendarDayNameMaxLength}个字`);
      }

      if (errors.length > errorCount || date === null || kind === null) return;
      const record: CalendarOverride = name === undefined ? { date, kind } : { date, kind, name };
      const previous = seen.get(date);
      if (!previous) {
        seen.set(date, { line, record });
        records.push(record);
        recordLines.push(line);
      } else if (previous.record.kind !== kind) {
        addError(line, `日期 ${date} 重复，且与第${previous.line}${unit}的类型不一致`);
      } else if (previous.record.name !== name) {
        addError(line, `日期 ${date} 重复，且与第${previous.line}${unit}的名称不一致`);
      }
    },
    checkYear(line, year) {
      if (typeof year === "number" && isDeclarableYear(year)) return year;
      addError(line, `年度无效：“${String(year)}”，应为 2000 至 2099 之间的四位年份`);
      return undefined;
    },
    declareYear(line, year, festivalsInput) {
      const festivals = readFestivals(line, year, festivalsInput, addError);
      if (festivals === null) return;
      const previous = declarations.get(year);
      if (!previous) {
        declarations.set(year, { year, line, festivals });
        return;
      }
      for (const festival of lunarFestivals) {
        const [before, now] = [previous.festivals[festival], festivals[festival]];
        if (before !== undefined && now !== undefined && before !== now)
          addError(line, `${year}年的${lunarFestivalNames[festival]}与第${previous.line}${unit}写的不一致`);
        else if (now !== undefined) previous.festivals[festival] = now;
      }
    },
    finish() {
      if (records.length === 0 && declarations.size === 0 && errors.length === 0) {
        addError(1, "文件中没有任何日期记录或年度声明");
      }
      const declared = [...declarations.values()].sort((a, b) => a.year - b.year);
      return {
        records,
        recordLines,
        years: declared.map(({ year }) => ({ year, complete: true as const })),
        declarations: declared,
        errors,
      };
    },
  };
}

const headers = [
  ["date", "kind", "name"],
  ["日期", "类型", "名称"],
];

function isHeader(fields: string[]): boolean {
  const cells = fields.map((field) => field.trim().toLowerCase());
  return headers.some(
    (header) => (cells.length === 2 || cells.length === 3) && cells.every((cell, i) => cell === header[i]),
  );
}

function collectCsv(content: string, collector: Collector): void {
  let headerSeen = false;
  content.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === "") return;
    if (/^#\s*year\b/i.test(text)) {
      const [, yearText = "", complete = "", ...rest] = text.split(",").map((part) => part.trim());
      const assignments = rest.filter((part) => part !== "");
      if (!/^\d+$/.test(yearText) || !/^complete$/i.test(complete)) {
        collector.addError(line, "年度声明格式应为 #year,2027,complete");
        return;
      }
      const festivals: Record<string, string> = {};
      for (const assignment of assignments) {
        const [name = "", date = "", extra] = toHalfWidth(assignment).split("=");
        if (extra !== undefined || date === "") {
          collector.addError(line, `节日日期格式应为 春节=2036-01-28，不是“${assignment}”`);
          return;
        }
        festivals[name.trim()] = date.trim();
      }
      const year = collector.checkYear(line, Number(yearText));
      if (year !== undefined) collector.declareYear(line, year, festivals);
      return;
    }
    if (text.startsWith("#")) return;

    const fields = splitCsvLine(raw);
    if (fields === null) {
      collector.addError(line, "引号未闭合：用英文双引号括起的名称须以双引号结束");
      return;
    }
    // Excel pads rows with empty cells up to the widest row; those are not extra fields.
    while (fields.length > 3 && fields.at(-1)?.trim() === "") fields.pop();
    if (!headerSeen) {
      headerSeen = true;
      if (isHeader(fields)) return;
      collector.addError(line, "缺少表头：第一行应为 date,kind,name");
    }
    if (fields.length < 2) {
      collector.addError(line, "字段不足：每行应为 日期,类型,名称（名称可省略）");
      return;
    }
    if (fields.length > 3) {
      collector.addError(line, "字段过多：每行应为 日期,类型,名称；名称中有逗号时请用英文双引号括起来");
      return;
    }
    collector.addDay(line, { date: fields[0]?.trim(), kind: fields[1]?.trim(), name: fields[2] });
  });
}

/** Splits one CSV line on commas, honouring `"…"` quoting with `""` as an escaped quote. */
function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

function collectJson(content: string, collector: Collector): void {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    collector.addError(jsonErrorLine(error, content), "JSON 格式错误：请检查括号、逗号和引号是否配对");
    return;
  }
  const unrecognized =
    "无法识别的记录：应为 {date, kind, name} 形式的日期，或 {year, complete, days} 形式的年度";
  let number = 0;
  for (const item of Array.isArray(value) ? value : [value]) {
    number += 1;
    if (!isRecord(item)) {
      collector.addError(number, unrecognized);
    } else if ("year" in item) {
      const blockLine = number;
      const blockYear = collector.checkYear(blockLine, item.year);
      if (item.complete === true && blockYear !== undefined)
        collector.declareYear(blockLine, blockYear, item.festivals ?? {});
      if (item.complete !== true && item.complete !== false && item.complete !== undefined) {
        collector.addError(blockLine, "complete 只能是 true 或 false");
      }
      const days: unknown[] = Array.isArray(item.days) ? item.days : [];
      if (item.days !== undefined && !Array.isArray(item.days)) {
        collector.addError(blockLine, "days 应为日期记录的数组");
      }
      for (const day of days) {
        number += 1;
        if (isRecord(day) && !("year" in day)) collector.addDay(number, day as DayFields, blockYear);
        else collector.addError(number, unrecognized);
      }
    } else if ("date" in item || "kind" in item) {
      collector.addDay(number, item as DayFields);
    } else {
      collector.addError(number, unrecognized);
    }
  }
}

/**
 * The festival dates a year declaration names, keyed by festival; null (with errors recorded) when
 * one is not a festival, not a date or not in that year. Whether the dates are right is checked
 * later, against the platform's table (`resolveLunarFestivals`).
 */
function readFestivals(
  line: number,
  year: number,
  input: unknown,
  addError: (line: number, message: string) => void,
): Partial<Record<LunarFestival, IsoDate>> | null {
  if (!isRecord(input)) {
    addError(line, `festivals 应为 { "春节": "YYYY-MM-DD", … } 形式的节日日期`);
    return null;
  }
  const festivals: Partial<Record<LunarFestival, IsoDate>> = {};
  let ok = true;
  for (const [name, value] of Object.entries(input)) {
    const festival = festivalSpellings[toHalfWidth(name).trim().toLowerCase()];
    const date = typeof value === "string" ? normalizeCalendarDate(value) : null;
    if (festival === undefined) {
      addError(line, `无法识别的节日：“${name}”，应为 ${festivalSpellingText} 之一`);
      ok = false;
    } else if (date === null) {
      addError(line, `${lunarFestivalNames[festival]}的日期无效：“${String(value)}”，应为 YYYY-MM-DD`);
      ok = false;
    } else if (yearOf(date) !== year) {
      addError(line, `${lunarFestivalNames[festival]}的日期 ${date} 不属于 ${year} 年`);
      ok = false;
    } else festivals[festival] = date;
  }
  return ok ? festivals : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The line of a JSON.parse failure, from the "position N" V8 puts in its message. */
function jsonErrorLine(error: unknown, content: string): number {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (position === undefined) return 1;
  return content.slice(0, Number(position)).split(/\r\n|\n|\r/).length;
}
