import {
  buildCalendarFromChineseDays,
  type CalendarBase,
  type CalendarOverride,
  createWorkdayCalendar,
  dayInfo,
  isDeclarableYear,
  isKnownYear,
  parseCalendarImport,
  type WorkdayCalendar,
} from "@linxuan/domain";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { deleteOverride, listCompleteYears, listOverrides, setYearComplete, upsertOverride } from "./queries";

let packageBase: CalendarBase | null = null;
/** The package data never changes while the process runs: read it once. */
function baseData(): CalendarBase {
  packageBase ??= buildCalendarFromChineseDays();
  return packageBase;
}

/**
 * The calendar as it stands now: package data, the administrator's overrides and declared years.
 * Read from the database per use (a few hundred rows at most), so every app instance sees an
 * administrator's change at once.
 */
export async function loadWorkdayCalendar(deps: Pick<Deps, "db">): Promise<WorkdayCalendar> {
  const [overrides, years] = await Promise.all([listOverrides(deps.db), listCompleteYears(deps.db)]);
  return createWorkdayCalendar(
    baseData(),
    overrides.map((row) => ({
      date: row.date,
      kind: row.kind as CalendarOverride["kind"],
      ...(row.name ? { name: row.name } : {}),
    })),
    years.map((row) => ({ year: Number(row.year), complete: true as const })),
  );
}

export async function describeYear(deps: Deps, year: number) {
  const calendar = await loadWorkdayCalendar(deps);
  const packageYear = baseData().years.find((item) => item.year === year);
  const overrides = await listOverrides(deps.db, year);
  const declared = (await listCompleteYears(deps.db)).some((row) => Number(row.year) === year);
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
  return {
    year,
    known,
    source: packageYear ? ("package" as const) : declared ? ("override" as const) : ("none" as const),
    days,
    overrides: overrides.map((row) => ({
      date: row.date,
      kind: row.kind as "workday" | "holiday",
      name: row.name,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    })),
    yearDeclared: declared,
  };
}

export async function saveOverride(deps: Deps, caller: Caller, override: CalendarOverride) {
  await runCommand(
    deps,
    caller,
    "calendar.override",
    (trx) =>
      upsertOverride(trx, {
        date: override.date,
        kind: override.kind,
        name: override.name ?? null,
        updatedAt: deps.clock().toISOString(),
        updatedBy: caller.username,
      }),
    () => ({
      targetType: "calendar",
      targetId: override.date,
      summary: `设置 ${override.date} 为${override.kind === "workday" ? "工作日" : "休息日"}${override.name ? `（${override.name}）` : ""}`,
    }),
  );
}

export async function removeOverride(deps: Deps, caller: Caller, date: string) {
  const removed = await runCommand(
    deps,
    caller,
    "calendar.override",
    (trx) => deleteOverride(trx, date),
    (ok) => ({
      targetType: "calendar",
      targetId: date,
      summary: ok ? `删除 ${date} 的日历调整` : `删除 ${date} 的日历调整：不存在`,
    }),
  );
  if (!removed) throw notFound("该日期的日历调整");
}

export async function declareYear(deps: Deps, caller: Caller, year: number, complete: boolean) {
  if (!isDeclarableYear(year)) {
    throw new AppError("VALIDATION_FAILED", `年份 ${year} 超出可维护范围`, {
      fields: [{ path: "year", message: "年份超出可维护范围" }],
    });
  }
  await runCommand(
    deps,
    caller,
    "calendar.declareYear",
    (trx) => setYearComplete(trx, year, complete, deps.clock().toISOString(), caller.username),
    () => ({
      targetType: "calendar",
      targetId: String(year),
      summary: complete ? `声明 ${year} 年日历已完整录入` : `撤销 ${year} 年日历完整声明`,
    }),
  );
}

/**
 * Imports a CSV or JSON calendar file: all or nothing. A file with any bad line changes nothing
 * and reports every bad line, so an administrator never ends up with half a year entered.
 */
export async function importCalendarText(deps: Deps, caller: Caller, text: string) {
  const parsed = parseCalendarImport(text);
  if (parsed.errors.length > 0) return { imported: 0, years: [] as number[], errors: parsed.errors };
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "calendar.import",
    async (trx) => {
      for (const record of parsed.records) {
        await upsertOverride(trx, {
          date: record.date,
          kind: record.kind,
          name: record.name ?? null,
          updatedAt: now,
          updatedBy: caller.username,
        });
      }
      for (const year of parsed.years) await setYearComplete(trx, year.year, true, now, caller.username);
    },
    () => ({
      targetType: "calendar",
      targetId: null,
      summary: `导入日历：${parsed.records.length} 条日期${parsed.years.length ? `，声明完整年度 ${parsed.years.map((y) => y.year).join("、")}` : ""}`,
    }),
  );
  return { imported: parsed.records.length, years: parsed.years.map((y) => y.year), errors: [] };
}
