import crypto from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import {
  canActOnCatalogEntry,
  catalogStatus,
  catalogStatusNames,
  kindName,
  LEVELS,
  occupationName,
  regionName,
  shanghaiDate,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import type { Db } from "../../db/connection";
import { levelsJson, readJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow, findBatchRows, parseDefinition } from "../batches/service";
import { recordCatalogWrite } from "./cache";
import { type CatalogFilters, type EntryRow, exportSlice, filteredEntries } from "./queries";

export const MAX_PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = 20_000;

export type CatalogQuery = CatalogFilters & {
  sort?: "name" | "validUntil" | "approvedAt" | "listedAt" | undefined;
  page: number;
  pageSize: number;
};

type BatchLabel = { title: string; isDemo: boolean };

function toPublic(row: EntryRow, batches: Map<string, BatchLabel>, now: Date) {
  const status = catalogStatus(
    { validUntil: row.validUntil, suspended: row.suspended === 1, removed: row.removed === 1 },
    now,
  );
  const levels = readJson("catalog_entries.levels", levelsJson, row.levels);
  return {
    id: row.id,
    institutionName: row.institutionName,
    creditCode: row.creditCode,
    kind: row.kind,
    kindName: kindName(row.kind),
    occupation: row.occupation,
    occupationName: occupationName(row.occupation),
    levels,
    levelNames: levels.map((code) => LEVELS.find((level) => level.code === code)?.name ?? code),
    regionCode: row.regionCode,
    regionName: row.regionCode ? (regionName(row.regionCode) ?? null) : null,
    batchId: row.batchId,
    batchTitle: batches.get(row.batchId)?.title ?? "",
    isDemo: batches.get(row.batchId)?.isDemo ?? false,
    approvedAt: row.approvedAt,
    listedAt: row.listedAt ?? row.approvedAt,
    validUntil: row.validUntil,
    status,
    statusName: catalogStatusNames[status],
    version: Number(row.version),
  };
}

/** The short titles of the given batches and whether each is a 【演示】 copy, in one query. */
async function batchShortTitles(db: Db, ids: readonly string[]): Promise<Map<string, BatchLabel>> {
  const rows = await findBatchRows(db, [...new Set(ids)]);
  return new Map(
    rows.map((row) => [row.id, { title: parseDefinition(row).shortTitle, isDemo: row.isDemo === 1 }]),
  );
}

/** 目录查询: filters, pagination (page size capped at 200) and sort, for learners, employers and subsidy offices. */
export async function queryCatalog(deps: Pick<Deps, "db">, query: CatalogQuery, now: Date) {
  const pageSize = Math.min(Math.max(1, query.pageSize), MAX_PAGE_SIZE);
  const page = Math.max(1, query.page);
  const order =
    query.sort === "validUntil"
      ? "validUntil"
      : query.sort === "approvedAt"
        ? "approvedAt"
        : query.sort === "listedAt"
          ? "listedAt"
          : "institutionName";
  const [rows, count] = await Promise.all([
    filteredEntries(deps.db, query, now)
      .selectAll()
      .orderBy(order)
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filteredEntries(deps.db, query, now)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const titles = await batchShortTitles(
    deps.db,
    rows.map((row) => row.batchId),
  );
  return { items: rows.map((row) => toPublic(row, titles, now)), total: Number(count.n), page, pageSize };
}

export async function catalogEntry(deps: Pick<Deps, "db">, id: string, now: Date) {
  const row = await deps.db.selectFrom("catalogEntries").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("目录条目");
  const history = await deps.db
    .selectFrom("catalogEntryVersions")
    .select(["version", "change", "reason", "changedAt"])
    .where("entryId", "=", id)
    .orderBy("version")
    .execute();
  return {
    entry: toPublic(row, await batchShortTitles(deps.db, [row.batchId]), now),
    history: history.map((item) => ({ ...item, version: Number(item.version) })),
  };
}

const exportColumns = [
  "机构名称",
  "统一社会信用代码",
  "机构类型",
  "职业",
  "专业技术等级",
  "所在地区",
  "遴选批次",
  "纳入目录时间",
  "有效期至",
  "状态",
];

/** Rows read per query while an export streams. */
const EXPORT_SLICE = 1_000;

/**
 * The export's rows (at most MAX_EXPORT_ROWS) as cells, read slice by slice so neither the rows
 * nor the file are ever whole in memory. Slices are separate reads: a catalog write landing
 * between two of them shows from the next slice on.
 */
async function* exportRows(deps: Pick<Deps, "db">, query: CatalogFilters, now: Date) {
  let after: { institutionName: string; id: string } | null = null;
  let sent = 0;
  while (sent < MAX_EXPORT_ROWS) {
    const rows = await exportSlice(
      deps.db,
      query,
      now,
      after,
      Math.min(EXPORT_SLICE, MAX_EXPORT_ROWS - sent),
    );
    if (rows.length === 0) return;
    const titles = await batchShortTitles(
      deps.db,
      rows.map((row) => row.batchId),
    );
    for (const row of rows) {
      const item = toPublic(row, titles, now);
      yield [
        item.institutionName,
        item.creditCode,
        item.kindName,
        item.occupationName,
        item.levelNames.join("、"),
        item.regionName ?? "",
        item.isDemo && !item.batchTitle.startsWith("【演示】")
          ? `【演示】${item.batchTitle}`
          : item.batchTitle,
        shanghaiDate(item.listedAt),
        shanghaiDate(item.validUntil),
        item.statusName,
      ];
    }
    sent += rows.length;
    const last = rows[rows.length - 1] as EntryRow;
    after = { institutionName: last.institutionName, id: last.id };
    if (rows.length < EXPORT_SLICE) return;
  }
}

/** CSV with a BOM so Excel opens the Chinese correctly; cells that look like formulas are neutralised. */
export function catalogCsv(deps: Pick<Deps, "db">, query: CatalogFilters, now: Date) {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const line = (row: string[]) => `${row.map(cell).join(",")}\r\n`;
  async function* lines() {
    yield `\uFEFF${line(exportColumns)}`;
    for await (const row of exportRows(deps, query, now)) yield line(row);
  }
  return {
    body: Readable.from(lines()),
    fileName: "数字技术工程师培育项目机构目录.csv",
    contentType: "text/csv; charset=utf-8",
  };
}

/** The Excel download, written row by row by ExcelJS's streaming writer. */
export function catalogXlsx(deps: Pick<Deps, "db">, query: CatalogFilters, now: Date) {
  const body = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: body,
    useStyles: true,
    useSharedStrings: false,
  });
  const write = async () => {
    const sheet = workbook.addWorksheet("机构目录", { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = [36, 22, 10, 26, 16, 14, 24, 14, 14, 10].map((width) => ({ width }));
    const header = sheet.addRow(exportColumns);
    header.font = { bold: true };
    header.commit();
    for await (const row of exportRows(deps, query, now)) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))));
  return {
    body,
    fileName: "数字技术工程师培育项目机构目录.xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}

/**
 * 动态调整: suspend, restore or remove an entry with its reason. The entry changes and a new
 * version is appended to its public history in the same transaction.
 */
export async function adjustEntry(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { action: "suspend" | "restore" | "remove"; reason: string },
) {
  const actor = requireActorOf(caller);
  const row = await deps.db.selectFrom("catalogEntries").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("目录条目");
  const batchRow = await findBatchRow(deps.db, row.batchId);
  const batch = batchRow ? parseDefinition(batchRow) : null;
  if (!canActOnCatalogEntry(actor, { regionCode: row.regionCode, batchScope: batch?.scope ?? null }))
    throw notFound("目录条目");
  if (row.removed === 1) throw new AppError("TRANSITION_NOT_ALLOWED", "该机构已移出目录，不能再调整");
  if (input.action === "suspend" && row.suspended === 1)
    throw new AppError("TRANSITION_NOT_ALLOWED", "该机构已处于暂停状态");
  if (input.action === "restore" && row.suspended === 0)
    throw new AppError("TRANSITION_NOT_ALLOWED", "该机构未被暂停");
  const changes =
    input.action === "suspend"
      ? { suspended: 1 }
      : input.action === "restore"
        ? { suspended: 0 }
        : { removed: 1 };
  await appendEntryVersion(
    deps,
    caller,
    row,
    changes,
    { suspend: "suspended", restore: "restored", remove: "removed" }[input.action],
    input.reason,
  );
}

/**
 * Applies a change to an entry and appends the new version to its history inside the caller's
 * transaction, so a complaint's or assessment's outcome and the entry change commit together.
 */
export async function writeEntryVersion(
  trx: Db,
  row: EntryRow,
  changes: Partial<EntryRow>,
  change: string,
  reason: string,
  now: string,
  by: string,
): Promise<void> {
  const next = { ...row, ...changes, version: Number(row.version) + 1, updatedAt: now };
  const updated = await trx
    .updateTable("catalogEntries")
    .set({ ...changes, version: next.version, updatedAt: now })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError("VERSION_CONFLICT", "目录条目已被他人修改，请刷新后重试");
  await recordCatalogWrite(trx, now);
  await trx
    .insertInto("catalogEntryVersions")
    .values({
      id: crypto.randomUUID(),
      entryId: row.id,
      version: next.version,
      change,
      reason,
      snapshot: JSON.stringify(next),
      changedAt: now,
      changedBy: by,
    })
    .execute();
}

/** A change of its own (dynamic adjustment): the entry change and its audit event in one command. */
export async function appendEntryVersion(
  deps: Deps,
  caller: Caller,
  row: EntryRow,
  changes: Partial<EntryRow>,
  change: string,
  reason: string,
) {
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    `catalog.${change}`,
    (trx) => writeEntryVersion(trx, row, changes, change, reason, now, caller.username ?? ""),
    () => ({
      targetType: "catalogEntry",
      targetId: row.id,
      summary: `目录调整（${change}）：${row.institutionName}——${reason.slice(0, 200)}`,
    }),
  );
}
