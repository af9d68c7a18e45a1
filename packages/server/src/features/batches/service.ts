import crypto from "node:crypto";
import {
  type BatchDefinition,
  type BatchStatus,
  BUILT_IN_BATCHES,
  batchDefinitionSchema,
  canManageBatch,
  demoShiftDays,
  makeDemoBatch,
  shiftDemoBatch,
  validateBatchDefinition,
} from "@linxuan/domain";
import { readJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import {
  type BatchRow,
  findBatchRow,
  findBatchRowByCode,
  findBatchRows,
  insertBatch,
  listBatchRows,
  markBatchPublished,
  replaceBuiltInDefinition,
  updateBatchDefinition,
} from "./queries";

/**
 * The batch reads other features use (a batch by id, the batches of a status). The batches
 * feature owns the table; other features read it through here, never through its queries file.
 */
export { findBatchRow, findBatchRows, listBatchRows };

export type BatchSummary = {
  id: string;
  code: string;
  title: string;
  shortTitle: string;
  documentNumber: string | null;
  issuingBody: string;
  publishedOn: string;
  scope: BatchDefinition["scope"];
  kinds: BatchDefinition["kinds"];
  /** Who publishes each kind's notice and catalog (national batch: training by the province). */
  catalogPublisher: BatchDefinition["catalogPublisher"];
  onlineDeadline: string;
  isDemo: boolean;
  phase: "upcoming" | "open" | "closed";
};

export type BatchDetail = {
  id: string;
  status: BatchStatus;
  version: number;
  builtIn: boolean;
  isDemo: boolean;
  definition: BatchDefinition;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
};

export function parseDefinition(row: BatchRow): BatchDefinition {
  return readJson("batches.definition", batchDefinitionSchema, row.definition);
}

/** Where the batch stands for an applicant right now, by the server clock. */
export function batchPhase(definition: BatchDefinition, now: Date): BatchSummary["phase"] {
  const submission = definition.stages.find((stage) => stage.code === "submission");
  if (submission?.opensAt && Date.parse(submission.opensAt) > now.getTime()) return "upcoming";
  return Date.parse(definition.onlineDeadline) >= now.getTime() ? "open" : "closed";
}

export function toSummary(row: BatchRow, now: Date): BatchSummary {
  const definition = parseDefinition(row);
  return {
    id: row.id,
    code: definition.code,
    title: definition.title,
    shortTitle: definition.shortTitle,
    documentNumber: definition.documentNumber,
    issuingBody: definition.issuingBody,
    publishedOn: definition.publishedOn,
    scope: definition.scope,
    kinds: definition.kinds,
    catalogPublisher: definition.catalogPublisher,
    onlineDeadline: definition.onlineDeadline,
    isDemo: row.isDemo === 1,
    phase: batchPhase(definition, now),
  };
}

export function toDetail(row: BatchRow): BatchDetail {
  return {
    id: row.id,
    status: row.status as BatchStatus,
    version: Number(row.version),
    builtIn: row.builtIn === 1,
    isDemo: row.isDemo === 1,
    definition: parseDefinition(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  };
}

export async function listPublishedBatches(deps: Deps): Promise<BatchSummary[]> {
  const now = deps.clock();
  return (await listBatchRows(deps.db, { status: "published" })).map((row) => toSummary(row, now));
}

/**
 * A published batch with its definition, or 404 批次: to the workflow a draft or archived batch
 * does not exist.
 */
export async function loadPublishedBatch(
  deps: Pick<Deps, "db">,
  id: string,
): Promise<{ row: BatchRow; batch: BatchDefinition }> {
  const row = await findBatchRow(deps.db, id);
  if (row?.status !== "published") throw notFound("批次");
  return { row, batch: parseDefinition(row) };
}

export async function getPublishedBatch(
  deps: Deps,
  id: string,
): Promise<{ summary: BatchSummary; row: BatchRow }> {
  const { row } = await loadPublishedBatch(deps, id);
  return { summary: toSummary(row, deps.clock()), row };
}

export async function listAllBatches(deps: Deps) {
  const now = deps.clock();
  return (await listBatchRows(deps.db)).map((row) => ({
    ...toSummary(row, now),
    status: row.status as BatchStatus,
    builtIn: row.builtIn === 1,
    version: Number(row.version),
    updatedAt: row.updatedAt,
  }));
}

export async function getBatch(deps: Deps, id: string): Promise<BatchDetail> {
  const row = await findBatchRow(deps.db, id);
  if (!row) throw notFound("批次");
  return toDetail(row);
}

function validOrThrow(input: unknown): BatchDefinition {
  const result = validateBatchDefinition(input);
  if (!result.ok) {
    const first = result.issues[0];
    throw new AppError(
      "BATCH_INVALID",
      `批次定义有${result.issues.length}处问题${first ? `，首个问题：${first.message}` : ""}`,
      {
        fields: result.issues,
      },
    );
  }
  return result.definition;
}

function assertCanManage(caller: Caller, definition: BatchDefinition): void {
  const actor = requireActorOf(caller);
  if (!canManageBatch(actor, definition.scope)) {
    throw new AppError("FORBIDDEN", "只能管理本级（本地区）组织的遴选批次");
  }
}

async function assertCodeFree(deps: Deps, code: string, exceptId?: string): Promise<void> {
  const existing = await findBatchRowByCode(deps.db, code);
  if (existing && existing.id !== exceptId) {
    throw new AppError("CONFLICT", `批次代码 ${code} 已被使用`, {
      fields: [{ path: "code", message: "批次代码已被使用" }],
    });
  }
}

export async function createBatch(deps: Deps, caller: Caller, input: unknown): Promise<BatchDetail> {
  const definition = validOrThrow(input);
  assertCanManage(caller, definition);
  await assertCodeFree(deps, definition.code);
  const id = crypto.randomUUID();
  await runCommand(
    deps,
    caller,
    "batch.create",
    (trx) =>
      insertBatch(trx, {
        id,
        status: "draft",
        builtIn: false,
        isDemo: false,
        definition,
        now: deps.clock().toISOString(),
        createdBy: caller.actor?.userId ?? null,
      }),
    () => ({ targetType: "batch", targetId: id, summary: `新建批次草稿：${definition.title}` }),
  );
  return getBatch(deps, id);
}

export async function updateBatch(
  deps: Deps,
  caller: Caller,
  id: string,
  input: unknown,
  version: number,
): Promise<BatchDetail> {
  const row = await findBatchRow(deps.db, id);
  if (!row) throw notFound("批次");
  assertCanManage(caller, parseDefinition(row));
  if (row.status !== "draft")
    throw new AppError("BATCH_NOT_EDITABLE", "已发布的批次不能修改，请复制为新批次后编辑");
  const definition = validOrThrow(input);
  assertCanManage(caller, definition);
  await assertCodeFree(deps, definition.code, id);
  const saved = await runCommand(
    deps,
    caller,
    "batch.edit",
    (trx) => updateBatchDefinition(trx, id, version, definition, deps.clock().toISOString()),
    (ok) => ({
      targetType: "batch",
      targetId: id,
      summary: ok ? `修改批次：${definition.title}` : "修改批次被拒绝：版本冲突",
    }),
  );
  if (!saved) {
    throw new AppError("VERSION_CONFLICT", "该批次已被他人修改，请重新加载后再编辑（您的修改未保存）", {
      extra: { currentVersion: Number(row.version) },
    });
  }
  return getBatch(deps, id);
}

export async function cloneBatch(deps: Deps, caller: Caller, id: string): Promise<BatchDetail> {
  const row = await findBatchRow(deps.db, id);
  if (!row) throw notFound("批次");
  const source = parseDefinition(row);
  assertCanManage(caller, source);
  let code = `${source.code}-copy`;
  for (let n = 2; await findBatchRowByCode(deps.db, code); n++) code = `${source.code}-copy${n}`;
  const definition: BatchDefinition = { ...source, code: code.slice(0, 64) };
  const newId = crypto.randomUUID();
  await runCommand(
    deps,
    caller,
    "batch.create",
    (trx) =>
      insertBatch(trx, {
        id: newId,
        status: "draft",
        builtIn: false,
        isDemo: false,
        definition,
        now: deps.clock().toISOString(),
        createdBy: caller.actor?.userId ?? null,
      }),
    () => ({
      targetType: "batch",
      targetId: newId,
      summary: `复制批次「${source.shortTitle}」为新草稿`,
      detail: { sourceId: id },
    }),
  );
  return getBatch(deps, newId);
}

export async function publishBatch(deps: Deps, caller: Caller, id: string): Promise<BatchDetail> {
  const row = await findBatchRow(deps.db, id);
  if (!row) throw notFound("批次");
  const definition = parseDefinition(row);
  assertCanManage(caller, definition);
  if (row.status !== "draft") throw new AppError("BATCH_NOT_EDITABLE", "只有草稿状态的批次可以发布");
  validOrThrow(definition);
  await runCommand(
    deps,
    caller,
    "batch.publish",
    (trx) => markBatchPublished(trx, id, deps.clock().toISOString()),
    () => ({ targetType: "batch", targetId: id, summary: `发布批次：${definition.title}` }),
  );
  return getBatch(deps, id);
}

/**
 * Installs the built-in batches whose code is not yet taken, and brings an installed one whose
 * stored definition differs from the shipped one up to date (a corrected seed) as a new version.
 * A 【演示】 copy keeps the dates it was given. Idempotent, every start.
 */
async function installBatches(
  deps: Deps,
  caller: Caller,
  sources: readonly BatchDefinition[],
  isDemo: boolean,
): Promise<number> {
  let changed = 0;
  for (const source of sources) {
    const fresh = isDemo ? makeDemoBatch(source, deps.clock()) : source;
    const row = await findBatchRowByCode(deps.db, fresh.code);
    if (row) {
      if (await refreshBuiltIn(deps, caller, row, source, isDemo)) changed++;
      continue;
    }
    const id = crypto.randomUUID();
    await runCommand(
      deps,
      caller,
      "batch.seed",
      (trx) =>
        insertBatch(trx, {
          id,
          status: "published",
          builtIn: true,
          isDemo,
          definition: fresh,
          now: deps.clock().toISOString(),
          createdBy: null,
        }),
      () => ({
        targetType: "batch",
        targetId: id,
        summary: `${isDemo ? "创建演示批次" : "安装内置批次"}：${fresh.title}`,
      }),
    );
    changed++;
  }
  return changed;
}

async function refreshBuiltIn(
  deps: Deps,
  caller: Caller,
  row: BatchRow,
  source: BatchDefinition,
  isDemo: boolean,
): Promise<boolean> {
  if (row.builtIn !== 1 || (row.isDemo === 1) !== isDemo) return false;
  const current = isDemo ? shiftDemoBatch(source, demoShiftDays(source, parseDefinition(row))) : source;
  if (JSON.stringify(current) === row.definition) return false;
  try {
    await runCommand(
      deps,
      caller,
      "batch.seed",
      async (trx) => {
        const now = deps.clock().toISOString();
        if (!(await replaceBuiltInDefinition(trx, row.id, Number(row.version), current, now)))
          throw new AlreadyRefreshed();
      },
      () => ({
        targetType: "batch",
        targetId: row.id,
        summary: `更新内置批次定义（第${Number(row.version) + 1}版）：${current.title}`,
      }),
    );
  } catch (error) {
    // Another instance starting at the same time has just done it.
    if (error instanceof AlreadyRefreshed) return false;
    throw error;
  }
  return true;
}

class AlreadyRefreshed extends Error {}

/** Installs the two built-in seed batches when missing. */
export function ensureBuiltInBatches(deps: Deps, caller: Caller): Promise<number> {
  return installBatches(deps, caller, BUILT_IN_BATCHES, false);
}

/** Demo mode: a 演示 copy of each built-in batch whose dates lie in the future. */
export function ensureDemoBatches(deps: Deps, caller: Caller): Promise<number> {
  return installBatches(deps, caller, BUILT_IN_BATCHES, true);
}
