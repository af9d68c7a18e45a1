import {
  type BatchDefinition,
  canManageBatch,
  type KindCode,
  kindName,
  officeSetAreas,
  type QuotaSetting,
  type QuotaSettings,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow, parseDefinition } from "../batches/service";

/** The office's quota entries for a batch, as the domain reads them. */
export async function loadQuotaSettings(db: Db, batchId: string): Promise<QuotaSetting[]> {
  const rows = await db.selectFrom("quotaSettings").selectAll().where("batchId", "=", batchId).execute();
  return rows.map((row) => ({
    kind: row.kind,
    areaKey: row.areaKey,
    limit: Number(row.quotaLimit),
    basis: row.basis,
  }));
}

async function managedBatch(deps: Deps, caller: Caller, batchId: string) {
  const row = await findBatchRow(deps.db, batchId);
  if (!row) throw notFound("批次");
  const batch = parseDefinition(row);
  if (!canManageBatch(requireActorOf(caller), batch.scope))
    throw new AppError("FORBIDDEN", "只能设定本级（本地区）组织的遴选批次的名额");
  return batch;
}

function settingsView(batchId: string, batch: BatchDefinition, rows: Awaited<ReturnType<typeof readRows>>) {
  return {
    batch: { id: batchId, shortTitle: batch.shortTitle, title: batch.title },
    areas: officeSetAreas(batch).map((area) => {
      const row = rows.find((item) => item.kind === area.kind && item.areaKey === area.areaKey);
      return {
        kind: area.kind,
        kindName: kindName(area.kind),
        areaKey: area.areaKey,
        name: area.name,
        batchNoticeBasis: area.basis,
        limit: row ? Number(row.quotaLimit) : null,
        basis: row?.basis ?? null,
        setAt: row?.setAt ?? null,
        setBy: row?.setBy ?? null,
        setByName: row?.setByName ?? row?.setBy ?? null,
      };
    }),
  };
}

const readRows = (db: Db, batchId: string) =>
  db
    .selectFrom("quotaSettings")
    .leftJoin("users", "users.username", "quotaSettings.setBy")
    .selectAll("quotaSettings")
    .select("users.displayName as setByName")
    .where("quotaSettings.batchId", "=", batchId)
    .execute();

/** 名额设定: the places of a batch whose number the office enters, with what is entered so far. */
export async function listQuotaSettings(deps: Deps, caller: Caller, batchId: string): Promise<QuotaSettings> {
  const batch = await managedBatch(deps, caller, batchId);
  return settingsView(batchId, batch, await readRows(deps.db, batchId));
}

export type QuotaSettingInput = { kind: KindCode; areaKey: string; limit: unknown; basis: unknown };

/**
 * Enters or changes one place's quota with its basis, audited with the old and new values. Only
 * the places the batch leaves to the office can be set; the number and the basis are both
 * required, so nothing half-written is stored.
 */
export async function setQuota(
  deps: Deps,
  caller: Caller,
  batchId: string,
  input: QuotaSettingInput,
): Promise<QuotaSettings> {
  const batch = await managedBatch(deps, caller, batchId);
  const area = officeSetAreas(batch).find(
    (item) => item.kind === input.kind && item.areaKey === input.areaKey,
  );
  if (!area)
    throw new AppError("VALIDATION_FAILED", "该地方的名额不由主管部门设定", {
      fields: [{ path: "areaKey", message: "该地方的名额不由主管部门设定" }],
    });
  const fields: { path: string; message: string }[] = [];
  const limit = input.limit;
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > 999)
    fields.push({ path: "limit", message: "名额应为1至999之间的整数" });
  const basis = typeof input.basis === "string" ? input.basis.trim() : "";
  if (basis.length < 4 || basis.length > 300)
    fields.push({ path: "basis", message: "依据应为4至300字（通知原文或主管部门的决定）" });
  if (fields.length > 0)
    throw new AppError("VALIDATION_FAILED", fields.map((field) => field.message).join("；"), { fields });
  const now = deps.clock().toISOString();
  const setBy = caller.username ?? "";
  await runCommand(
    deps,
    caller,
    "quota.set",
    async (trx) => {
      const old = await trx
        .selectFrom("quotaSettings")
        .selectAll()
        .where("batchId", "=", batchId)
        .where("kind", "=", area.kind)
        .where("areaKey", "=", area.areaKey)
        .executeTakeFirst();
      const values = { quotaLimit: limit as number, basis, setAt: now, setBy };
      await trx
        .insertInto("quotaSettings")
        .values({ batchId, kind: area.kind, areaKey: area.areaKey, ...values })
        .onConflict((oc) => oc.columns(["batchId", "kind", "areaKey"]).doUpdateSet(values))
        .execute();
      return old ? { limit: Number(old.quotaLimit), basis: old.basis } : null;
    },
    (old) => ({
      targetType: "batch",
      targetId: batchId,
      summary: `${old ? "修改" : "设定"}名额：${area.name}${kindName(area.kind)}每个职业${String(limit)}家（依据：${basis.slice(0, 100)}）`,
      detail: { kind: area.kind, areaKey: area.areaKey, before: old, after: { limit, basis } },
    }),
  );
  return settingsView(batchId, batch, await readRows(deps.db, batchId));
}

/**
 * 演示数据: the demo batches come with 上海's number entered (as the bureau would have decided), so
 * the demo walks through recommending and deciding; 北京 and 粤港澳大湾区 stay 名额待定 to show how
 * a place without a number looks. Enters only what is missing.
 */
export async function ensureDemoQuotaSettings(deps: Deps, caller: Caller, batchIds: readonly string[]) {
  const basis = "演示数据：按上海市人力资源社会保障局决定，每个职业不超过10家";
  for (const batchId of batchIds) {
    const row = await findBatchRow(deps.db, batchId);
    if (!row) continue;
    const area = officeSetAreas(parseDefinition(row)).find((item) => item.areaKey === "310000");
    if (!area) continue;
    const existing = await loadQuotaSettings(deps.db, batchId);
    if (existing.some((item) => item.kind === area.kind && item.areaKey === area.areaKey)) continue;
    await runCommand(
      deps,
      caller,
      "quota.set",
      (trx) =>
        trx
          .insertInto("quotaSettings")
          .values({
            batchId,
            kind: area.kind,
            areaKey: area.areaKey,
            quotaLimit: 10,
            basis,
            setAt: deps.clock().toISOString(),
            setBy: caller.username ?? "system",
          })
          .execute(),
      () => ({
        targetType: "batch",
        targetId: batchId,
        summary: `设定演示名额：${area.name}（依据：${basis}）`,
      }),
    );
  }
}
