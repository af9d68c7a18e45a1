import crypto from "node:crypto";
import {
  type CatalogStatus,
  catalogStatus,
  catalogStatusNames,
  EXPIRING_WITHIN_DAYS,
  type KindCode,
  kindName,
  LEVELS,
  type OccupationCode,
  occupationName,
  regionName,
} from "@linxuan/domain";
import ExcelJS from "exceljs";
import type { Db } from "../../db/connection";
import { containsText } from "../../db/like";
import type { Row } from "../../db/types";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";

export const MAX_PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = 20_000;

export type CatalogQuery = {
  kind?: string | undefined;
  occupation?: string | undefined;
  level?: string | undefined;
  region?: string | undefined;
  batch?: string | undefined;
  status?: CatalogStatus | undefined;
  q?: string | undefined;
  sort?: "name" | "validUntil" | "approvedAt" | undefined;
  page: number;
  pageSize: number;
};

type EntryRow = Row<"catalogEntries">;

/** The shared WHERE of the public query; the derived status is expressed on the stored columns. */
function filtered(db: Db, query: Omit<CatalogQuery, "page" | "pageSize" | "sort">, now: Date) {
  let builder = db.selectFrom("catalogEntries");
  if (query.kind) builder = builder.where("kind", "=", query.kind);
  if (query.occupation) builder = builder.where("occupation", "=", query.occupation);
  if (query.region) builder = builder.where("regionCode", "=", query.region);
  if (query.batch) builder = builder.where("batchId", "=", query.batch);
  if (query.level) builder = builder.where("levels", "like", `%"${query.level.replace(/[^a-z]/g, "")}"%`);
  if (query.q?.trim()) {
    const text = query.q.trim();
    builder = builder.where((eb) =>
      eb.or([containsText("institution_name", text), containsText("credit_code", text.toUpperCase())]),
    );
  }
  const nowIso = now.toISOString();
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * 86_400_000).toISOString();
  switch (query.status) {
    case "removed":
      builder = builder.where("removed", "=", 1);
      break;
    case "suspended":
      builder = builder.where("removed", "=", 0).where("suspended", "=", 1);
      break;
    case "expired":
      builder = builder.where("removed", "=", 0).where("suspended", "=", 0).where("validUntil", "<=", nowIso);
      break;
    case "expiring":
      builder = builder
        .where("removed", "=", 0)
        .where("suspended", "=", 0)
        .where("validUntil", ">", nowIso)
        .where("validUntil", "<=", soon);
      break;
    case "valid":
      builder = builder.where("removed", "=", 0).where("suspended", "=", 0).where("validUntil", ">", soon);
      break;
  }
  return builder;
}

function toPublic(row: EntryRow, batchTitles: Map<string, string>, now: Date) {
  const status = catalogStatus(
    { validUntil: row.validUntil, suspended: row.suspended === 1, removed: row.removed === 1 },
    now,
  );
  const levels = JSON.parse(row.levels) as string[];
  return {
    id: row.id,
    institutionName: row.institutionName,
    creditCode: row.creditCode,
    kind: row.kind,
    kindName: kindName(row.kind as KindCode),
    occupation: row.occupation,
    occupationName: occupationName(row.occupation as OccupationCode),
    levels,
    levelNames: levels.map((code) => LEVELS.find((level) => level.code === code)?.name ?? code),
    regionCode: row.regionCode,
    regionName: row.regionCode ? (regionName(row.regionCode) ?? null) : null,
    batchId: row.batchId,
    batchTitle: batchTitles.get(row.batchId) ?? "",
    approvedAt: row.approvedAt,
    validUntil: row.validUntil,
    status,
    statusName: catalogStatusNames[status],
    version: Number(row.version),
  };
}

async function batchTitles(db: Db, rows: EntryRow[]) {
  const titles = new Map<string, string>();
  for (const id of new Set(rows.map((row) => row.batchId))) {
    const batch = await findBatchRow(db, id);
    if (batch) titles.set(id, parseDefinition(batch).shortTitle);
  }
  return titles;
}

/** 目录查询: filters, pagination (page size capped at 200) and sort, for learners, employers and subsidy offices. */
export async function queryCatalog(deps: Deps, query: CatalogQuery) {
  const now = deps.clock();
  const pageSize = Math.min(Math.max(1, query.pageSize), MAX_PAGE_SIZE);
  const page = Math.max(1, query.page);
  const order =
    query.sort === "validUntil"
      ? "validUntil"
      : query.sort === "approvedAt"
        ? "approvedAt"
        : "institutionName";
  const [rows, count] = await Promise.all([
    filtered(deps.db, query, now)
      .selectAll()
      .orderBy(order)
      .orderBy("id")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(deps.db, query, now)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const titles = await batchTitles(deps.db, rows);
  return { items: rows.map((row) => toPublic(row, titles, now)), total: Number(count.n), page, pageSize };
}

export async function catalogEntry(deps: Deps, id: string) {
  const row = await deps.db.selectFrom("catalogEntries").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("目录条目");
  const history = await deps.db
    .selectFrom("catalogEntryVersions")
    .select(["version", "change", "reason", "changedAt"])
    .where("entryId", "=", id)
    .orderBy("version")
    .execute();
  return {
    entry: toPublic(row, await batchTitles(deps.db, [row]), deps.clock()),
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

async function exportRows(deps: Deps, query: Omit<CatalogQuery, "page" | "pageSize">) {
  const now = deps.clock();
  const rows = await filtered(deps.db, query, now)
    .selectAll()
    .orderBy("institutionName")
    .orderBy("id")
    .limit(MAX_EXPORT_ROWS)
    .execute();
  const titles = await batchTitles(deps.db, rows);
  const date = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
  return rows.map((row) => {
    const item = toPublic(row, titles, now);
    return [
      item.institutionName,
      item.creditCode,
      item.kindName,
      item.occupationName,
      item.levelNames.join("、"),
      item.regionName ?? "",
      item.batchTitle,
      date(item.approvedAt),
      date(item.validUntil),
      item.statusName,
    ];
  });
}

/** CSV with a BOM so Excel opens the Chinese correctly; cells that look like formulas are neutralised. */
export async function catalogCsv(deps: Deps, query: Omit<CatalogQuery, "page" | "pageSize">) {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [exportColumns, ...(await exportRows(deps, query))].map((row) => row.map(cell).join(","));
  return {
    body: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8"),
    fileName: "数字技术工程师培育项目机构目录.csv",
    contentType: "text/csv; charset=utf-8",
  };
}

export async function catalogXlsx(deps: Deps, query: Omit<CatalogQuery, "page" | "pageSize">) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("机构目录");
  sheet.addRow(exportColumns).font = { bold: true };
  for (const row of await exportRows(deps, query)) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = [36, 22, 10, 26, 16, 14, 24, 14, 14, 10][index] ?? 14;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
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
  if (
    actor.role === "provincialOffice" &&
    !(batch?.scope.level === "region" && batch.scope.regionCode === actor.regionCode) &&
    row.regionCode !== actor.regionCode
  ) {
    throw notFound("目录条目");
  }
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
