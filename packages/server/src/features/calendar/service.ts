import {
  type CalendarOverride,
  dayInfo,
  isDeclarableYear,
  isKnownYear,
  type LunarFestival,
  lunarFestivalNames,
  lunarFestivals,
  parseCalendarImport,
  STATUTORY_RULES_FROM,
  type WorkdayCalendar,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import {
  calendarOf,
  checkYear,
  type Declaration,
  festivalsJson,
  isPackageYear,
  lostStatutoryDays,
  readFestivals,
  validDeclarations,
} from "./completeness";
import { deleteOverride, listCompleteYears, listOverrides, setYearComplete, upsertOverride } from "./queries";

const yearOfDate = (date: string) => Number(date.slice(0, 4));

/** An import refused as a whole: nothing of it is saved, and its lines are reported. */
class ImportRefused extends Error {
  constructor(readonly errors: { line: number; message: string }[]) {
    super("calendar import refused");
  }
}

/** The stored overrides and declarations, as the domain reads them. */
async function loadRows(db: Db): Promise<{ overrides: CalendarOverride[]; declarations: Declaration[] }> {
  const [overrides, years] = await Promise.all([listOverrides(db), listCompleteYears(db)]);
  return {
    overrides: overrides.map((row) => ({
      date: row.date,
      kind: row.kind as CalendarOverride["kind"],
      ...(row.name ? { name: row.name } : {}),
    })),
    declarations: years.map((row) => ({ year: Number(row.year), festivals: readFestivals(row.festivals) })),
  };
}

/**
 * The calendar as it stands now: package data, the administrator's overrides and the declared
 * years that hold every statutory holiday. Read from the database per use (a few hundred rows at
 * most), so every app instance sees an administrator's change at once.
 */
export async function loadWorkdayCalendar(deps: Pick<Deps, "db">): Promise<WorkdayCalendar> {
  const { overrides, declarations } = await loadRows(deps.db);
  return calendarOf(overrides, validDeclarations(overrides, declarations));
}

export async function describeYear(deps: Deps, year: number) {
  const { overrides: all, declarations } = await loadRows(deps.db);
  const calendar = calendarOf(all, validDeclarations(all, declarations));
  const overrides = await listOverrides(deps.db, year);
  const declared = declarations.some((item) => item.year === year);
  const known = isKnownYear(calendar, year);
  const days = known
    ? [...calendar.specialDays.values()]
        .filter((day) => day.date.startsWith(`${year}-`))
        .map((day) => dayInfo(calendar, day.date))
        .filter((day) => day.kind === "holiday" || day.kind === "adjustedWorkday")
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((day) => ({
          date: day.date,
          kind: day.kind as "holiday" | "adjustedWorkday",
          name: day.name ?? null,
          source: day.source === "override" ? ("override" as const) : ("package" as const),
        }))
    : [];
  // What a declaration of this year would be checked against, or why it was refused.
  const check =
    year >= STATUTORY_RULES_FROM
      ? checkYear(
          calendarOf(all, [year]),
          year,
          declarations.filter((item) => item.year === year),
        )
      : null;
  return {
    year,
    known,
    source: isPackageYear(year) ? ("package" as const) : declared ? ("override" as const) : ("none" as const),
    days,
    overrides: overrides.map((row) => ({
      date: row.date,
      kind: row.kind as "workday" | "holiday",
      name: row.name,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    })),
    yearDeclared: declared,
    /** Whether the year holds every statutory holiday; null before the rules in force (2025). */
    statutory:
      check === null
        ? null
        : check.ok
          ? {
              complete: true as const,
              problem: null,
              festivals: lunarFestivals.map((festival) => ({
                name: lunarFestivalNames[festival],
                date: check.festivals[festival],
              })),
            }
          : { complete: false as const, problem: check.message, festivals: null },
  };
}

/** Refuses a change that would take a statutory day away from a complete year, saying what to do instead. */
function refuseLoss(year: number, lost: { message: string }, declarations: readonly Declaration[]): never {
  const declared = declarations.some((item) => item.year === year);
  throw new AppError(
    "CALENDAR_YEAR_INCOMPLETE",
    declared
      ? `${year}年已声明日历完整，此项修改后${lost.message.replace(`${year}年`, "")}。如确需修改，请先撤销${year}年的完整声明`
      : `${year}年的节假日安排为国务院公布的安排，此项修改后${lost.message.replace(`${year}年`, "")}，不能保存`,
    { extra: { year } },
  );
}

/** How an audit summary says that a complete year stays complete after a change. */
function completeNote(year: number, declarations: readonly Declaration[]): string {
  return declarations.some((item) => item.year === year) ? `（${year}年已声明完整，法定节假日仍齐全）` : "";
}

export async function saveOverride(deps: Deps, caller: Caller, override: CalendarOverride) {
  const year = yearOfDate(override.date);
  await runCommand(
    deps,
    caller,
    "calendar.override",
    async (trx) => {
      const { overrides, declarations } = await loadRows(trx);
      const after = [...overrides.filter((item) => item.date !== override.date), override];
      const lost = lostStatutoryDays(year, overrides, after, declarations);
      if (lost) refuseLoss(year, lost, declarations);
      await upsertOverride(trx, {
        date: override.date,
        kind: override.kind,
        name: override.name ?? null,
        updatedAt: deps.clock().toISOString(),
        updatedBy: caller.username,
      });
      return completeNote(year, declarations);
    },
    (note) => ({
      targetType: "calendar",
      targetId: override.date,
      summary: `设置 ${override.date} 为${override.kind === "workday" ? "工作日" : "休息日"}${override.name ? `（${override.name}）` : ""}${note}`,
    }),
  );
}

export async function removeOverride(deps: Deps, caller: Caller, date: string) {
  const year = yearOfDate(date);
  const removed = await runCommand(
    deps,
    caller,
    "calendar.override",
    async (trx) => {
      const { overrides, declarations } = await loadRows(trx);
      const after = overrides.filter((item) => item.date !== date);
      const lost = lostStatutoryDays(year, overrides, after, declarations);
      if (lost) refuseLoss(year, lost, declarations);
      return { ok: await deleteOverride(trx, date), note: completeNote(year, declarations) };
    },
    ({ ok, note }) => ({
      targetType: "calendar",
      targetId: date,
      summary: ok ? `删除 ${date} 的日历调整${note}` : `删除 ${date} 的日历调整：不存在`,
    }),
  );
  if (!removed.ok) throw notFound("该日期的日历调整");
}

/**
 * Declares a year complete — refused, naming what is missing, unless it holds every statutory
 * holiday (with `festivals` named for a year outside the festival table) — or withdraws that.
 */
export async function declareYear(
  deps: Deps,
  caller: Caller,
  year: number,
  complete: boolean,
  festivals: Partial<Record<LunarFestival, string>> = {},
) {
  if (!isDeclarableYear(year)) {
    throw new AppError("VALIDATION_FAILED", `年份 ${year} 超出可维护范围`, {
      fields: [{ path: "year", message: "年份超出可维护范围" }],
    });
  }
  await runCommand(
    deps,
    caller,
    "calendar.declareYear",
    async (trx) => {
      if (!complete)
        return setYearComplete(trx, year, false, deps.clock().toISOString(), caller.username, null);
      const { overrides } = await loadRows(trx);
      const check = checkYear(calendarOf(overrides, [year]), year, [{ year, festivals }]);
      if (!check.ok)
        throw new AppError("CALENDAR_YEAR_INCOMPLETE", check.message, {
          fields: [{ path: "year", message: check.message }],
          extra: { year },
        });
      await setYearComplete(
        trx,
        year,
        true,
        deps.clock().toISOString(),
        caller.username,
        festivalsJson(check.festivals),
      );
    },
    () => ({
      targetType: "calendar",
      targetId: String(year),
      summary: complete
        ? `声明 ${year} 年日历已完整录入（已核对法定节假日齐全）`
        : `撤销 ${year} 年日历完整声明（该年度不再用于计算工作日）`,
    }),
  );
}

/**
 * Imports a CSV or JSON calendar file: all or nothing. A file with any bad line changes nothing
 * and reports every bad line, so an administrator never ends up with half a year entered. A year
 * it declares complete must then hold every statutory holiday, and its days may not take one away
 * from a year already complete; either is reported on the line that declares or changes it.
 */
export async function importCalendarText(deps: Deps, caller: Caller, text: string) {
  const parsed = parseCalendarImport(text);
  if (parsed.errors.length > 0) return { imported: 0, years: [] as number[], errors: parsed.errors };
  const now = deps.clock().toISOString();
  try {
    await runCommand(
      deps,
      caller,
      "calendar.import",
      async (trx) => {
        const { overrides, declarations } = await loadRows(trx);
        const imported = new Set(parsed.records.map((record) => record.date));
        const after = [...overrides.filter((item) => !imported.has(item.date)), ...parsed.records];
        const checked = checkImportedYears(parsed, overrides, after, declarations);
        if (checked.errors.length > 0) throw new ImportRefused(checked.errors);
        for (const record of parsed.records) {
          await upsertOverride(trx, {
            date: record.date,
            kind: record.kind,
            name: record.name ?? null,
            updatedAt: now,
            updatedBy: caller.username,
          });
        }
        for (const [year, festivals] of checked.years)
          await setYearComplete(trx, year, true, now, caller.username, festivals);
      },
      () => ({
        targetType: "calendar",
        targetId: null,
        summary: `导入日历：${parsed.records.length} 条日期${parsed.years.length ? `，声明完整年度 ${parsed.years.map((y) => y.year).join("、")}（已核对法定节假日齐全）` : ""}`,
      }),
    );
  } catch (error) {
    if (error instanceof ImportRefused) return { imported: 0, years: [] as number[], errors: error.errors };
    throw error;
  }
  return { imported: parsed.records.length, years: parsed.years.map((y) => y.year), errors: [] };
}

/**
 * The years an import declares, checked against the calendar as it would stand (their festival
 * JSON to store), and its days that would take a statutory day from a year already complete,
 * each reported on its line: the declaration's, or the first day of that year made a working day.
 */
function checkImportedYears(
  parsed: ReturnType<typeof parseCalendarImport>,
  before: readonly CalendarOverride[],
  after: readonly CalendarOverride[],
  declarations: readonly Declaration[],
) {
  const errors: { line: number; message: string }[] = [];
  const years = new Map<number, string>();
  const calendar = calendarOf(after, [
    ...declarations.map((item) => item.year),
    ...parsed.years.map((y) => y.year),
  ]);
  for (const declaration of parsed.declarations) {
    const stored = declarations.find((item) => item.year === declaration.year)?.festivals ?? {};
    const named = Object.keys(declaration.festivals).length > 0 ? declaration.festivals : stored;
    const check = checkYear(calendar, declaration.year, [{ year: declaration.year, festivals: named }]);
    if (check.ok) years.set(declaration.year, festivalsJson(check.festivals));
    else errors.push({ line: declaration.line, message: check.message });
  }
  const touched = new Set(parsed.records.map((record) => yearOfDate(record.date)));
  for (const year of touched) {
    if (parsed.declarations.some((item) => item.year === year)) continue;
    const lost = lostStatutoryDays(year, before, after, declarations);
    if (!lost) continue;
    const index = parsed.records.findIndex(
      (record) => yearOfDate(record.date) === year && record.kind === "workday",
    );
    errors.push({
      line: parsed.recordLines[Math.max(0, index)] ?? 1,
      message: `${lost.message}（${year}年已是完整年度，导入不能去掉其法定节假日；如确需修改，请先撤销${year}年的完整声明）`,
    });
  }
  return { years, errors: errors.sort((a, b) => a.line - b.line) };
}
