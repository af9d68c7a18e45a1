import {
  type KindCode,
  kindName,
  listingReason,
  occupationName,
  type PublicNoticeItem,
  publicNoticeEndText,
  regionName,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { levelsJson, readJson } from "../../db/json";
import type { Row } from "../../db/types";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { checkTransition, transition } from "../applications/transition";
import { findBatchRows } from "../batches/service";
import { listInCatalog } from "../catalog/listing";
import { loadOfficePublicNotice } from "./authority";

export type PublicNoticeRow = Row<"publicNotices">;
type PublicNoticeItemRow = Row<"publicNoticeItems">;

/** Whether the notices' batches are 【演示】 copies, in one query. */
async function demoBatchIds(db: Db, batchIds: readonly string[]): Promise<Set<string>> {
  const rows = await findBatchRows(db, [...new Set(batchIds)]);
  return new Set(rows.filter((row) => row.isDemo === 1).map((row) => row.id));
}

/** The office's view of a notice (with application ids): only for the office that publishes it. */
export async function getOfficePublicNotice(deps: Deps, caller: Caller, id: string) {
  const { publicNotice } = await loadOfficePublicNotice(deps, requireActorOf(caller), id);
  return getPublicNotice(deps, publicNotice.id);
}

export async function getPublicNotice(deps: Pick<Deps, "db" | "clock" | "config">, id: string) {
  const publicNotice = await deps.db
    .selectFrom("publicNotices")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!publicNotice) throw notFound("公示");
  const items = await deps.db
    .selectFrom("publicNoticeItems")
    .selectAll()
    .where("publicNoticeId", "=", id)
    .orderBy("occupation")
    .orderBy("institutionName")
    .execute();
  const isDemo = (await demoBatchIds(deps.db, [publicNotice.batchId])).has(publicNotice.batchId);
  return publicNoticeView(publicNotice, items, { isDemo, demoMode: deps.config.demo }, deps.clock());
}

/** A notice with its list (in occupation, then name order) as the office sees it. */
export function publicNoticeView(
  publicNotice: PublicNoticeRow,
  rows: PublicNoticeItemRow[],
  context: { isDemo: boolean; demoMode: boolean },
  now: Date,
) {
  const summary = publicNoticeSummary(publicNotice, now, context.isDemo);
  return {
    ...summary,
    demoShortenable:
      context.demoMode && context.isDemo && (summary.phase === "open" || summary.phase === "upcoming"),
    items: rows.map((item) => ({
      id: item.id,
      applicationId: item.applicationId,
      institutionName: item.institutionName,
      creditCode: item.creditCode,
      kind: item.kind,
      kindName: kindName(item.kind),
      occupation: item.occupation,
      occupationName: occupationName(item.occupation),
      levels: readJson("public_notice_items.levels", levelsJson, item.levels),
      regionCode: item.regionCode,
      regionName: item.regionCode ? (regionName(item.regionCode) ?? null) : null,
      status: item.status as PublicNoticeItem["status"],
      removedReason: item.removedReason,
    })),
  };
}

/** What the public sees of a notice's list: no internal ids and no office handling notes. */
export function publicItems(items: ReturnType<typeof publicNoticeView>["items"]) {
  return items.map(({ applicationId: _applicationId, removedReason: _removedReason, ...item }) => item);
}

/**
 * What the public sees: nothing of the list before the notice starts, no internal ids, and no
 * office handling notes — only that an entry was removed after an upheld objection.
 */
export async function getVisitorPublicNotice(deps: Pick<Deps, "db" | "clock" | "config">, id: string) {
  const { demoShortenable: _demoShortenable, ...publicNotice } = await getPublicNotice(deps, id);
  return { ...publicNotice, items: publicNotice.phase === "upcoming" ? [] : publicItems(publicNotice.items) };
}

export function publicNoticeSummary(publicNotice: PublicNoticeRow, now: Date, isDemo: boolean) {
  const open =
    Date.parse(publicNotice.startsAt) <= now.getTime() && now.getTime() < Date.parse(publicNotice.endsAt);
  return {
    id: publicNotice.id,
    title: publicNotice.title,
    batchId: publicNotice.batchId,
    kind: publicNotice.kind as KindCode | null,
    regionCode: publicNotice.regionCode,
    startsAt: publicNotice.startsAt,
    endsAt: publicNotice.endsAt,
    lastDay: publicNotice.lastDay,
    workdays: Number(publicNotice.workdays),
    phase: publicNotice.confirmedAt
      ? ("confirmed" as const)
      : open
        ? ("open" as const)
        : now.getTime() < Date.parse(publicNotice.startsAt)
          ? ("upcoming" as const)
          : ("ended" as const),
    remainingMs: open ? Date.parse(publicNotice.endsAt) - now.getTime() : 0,
    confirmedAt: publicNotice.confirmedAt,
    publishedAt: publicNotice.createdAt,
    issuingBody: publicNotice.issuingBody,
    contactAddress: publicNotice.contactAddress,
    contactPhone: publicNotice.contactPhone,
    contactEmail: publicNotice.contactEmail,
    isDemo,
    demoShortenedAt: publicNotice.demoShortenedAt,
  };
}

export async function listPublicNotices(db: Db, now: Date) {
  const rows = await db.selectFrom("publicNotices").selectAll().orderBy("startsAt", "desc").execute();
  const demo = await demoBatchIds(
    db,
    rows.map((row) => row.batchId),
  );
  return rows.map((row) => publicNoticeSummary(row, now, demo.has(row.batchId)));
}

/**
 * 公示结束: on the office's confirmation, after the end and with no objection still pending, the
 * notice's remaining applications enter the catalog, valid for the batch's years from the online
 * approval time (the decision), each with version 1 of its public history.
 */
export async function confirmPublicNotice(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const { publicNotice, batch } = await loadOfficePublicNotice(deps, actor, id);
  if (publicNotice.confirmedAt) throw new AppError("TRANSITION_NOT_ALLOWED", "该公示已确认并纳入目录");
  if (deps.clock().getTime() < Date.parse(publicNotice.endsAt))
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `公示期至${publicNoticeEndText(publicNotice)}，公示结束后才能确认公示结果`,
    );
  const pending = await deps.db
    .selectFrom("objections")
    .select("ackNumber")
    .where("publicNoticeId", "=", id)
    .where("status", "in", ["received", "investigating"])
    .execute();
  if (pending.length > 0)
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `还有${pending.length}件异议未处理完毕（${pending.map((p) => p.ackNumber).join("、")}），不能纳入目录`,
    );
  const items = await deps.db
    .selectFrom("publicNoticeItems")
    .innerJoin("applications", "applications.id", "publicNoticeItems.applicationId")
    .innerJoin("decisions", "decisions.applicationId", "publicNoticeItems.applicationId")
    .select([
      "publicNoticeItems.id as itemId",
      "publicNoticeItems.applicationId",
      "publicNoticeItems.institutionName",
      "publicNoticeItems.creditCode",
      "publicNoticeItems.kind",
      "publicNoticeItems.occupation",
      "publicNoticeItems.levels",
      "publicNoticeItems.regionCode",
      "applications.institutionId",
      "applications.status",
      "decisions.decidedAt",
    ])
    .where("publicNoticeItems.publicNoticeId", "=", id)
    .where("publicNoticeItems.status", "=", "listed")
    .execute();
  // Every objection is handled by now (pending ones refuse above): the record says how many there were.
  const objections = await deps.db
    .selectFrom("objections")
    .select(["itemId", (eb) => eb.fn.countAll().as("n")])
    .where("publicNoticeId", "=", id)
    .groupBy("itemId")
    .execute();
  const objectionsByItem = new Map(objections.map((row) => [row.itemId, Number(row.n)]));
  const stages = batch.stages.map((stage) => stage.code);
  const check = { status: "inPublicNotice", command: "list", role: actor.role, stages } as const;
  checkTransition(check);
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "catalog.list",
    async (trx) => {
      await trx
        .updateTable("publicNotices")
        .set({ confirmedAt: now })
        .where("id", "=", id)
        .where("confirmedAt", "is", null)
        .execute();
      for (const item of items) {
        await transition(trx, deps, {
          ...check,
          applicationId: item.applicationId,
          set: { updatedAt: now },
          onConflict: "skip",
        });
        await listInCatalog(
          trx,
          deps,
          {
            institutionId: item.institutionId,
            applicationId: item.applicationId,
            batchId: publicNotice.batchId,
            institutionName: item.institutionName,
            creditCode: item.creditCode,
            kind: item.kind,
            occupation: item.occupation,
            levels: item.levels,
            regionCode: item.regionCode,
            approvedAt: item.decidedAt,
          },
          {
            validityYears: batch.catalogValidityYears,
            batchShortTitle: batch.shortTitle,
            reason: listingReason(publicNotice.title, objectionsByItem.get(item.itemId) ?? 0),
            now,
            by: caller.username ?? "",
          },
        );
      }
    },
    () => ({ targetType: "publicNotice", targetId: id, summary: `公示期满，${items.length}家纳入目录` }),
  );
  return { listed: items.length };
}
