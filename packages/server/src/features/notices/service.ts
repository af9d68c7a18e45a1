import crypto from "node:crypto";
import {
  CalendarUnknownYearError,
  canTransition,
  type KindCode,
  kindName,
  noticePeriod,
  type OccupationCode,
  occupationName,
  regionName,
  validUntil,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { Row } from "../../db/types";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { loadWorkdayCalendar } from "../calendar/service";
import { institutionUserIds, notify } from "../notifications/service";
import { loadNoticeBatch, loadOfficeNotice } from "./authority";

export type CreateNoticeInput = {
  batchId: string;
  kind: KindCode;
  regionCode?: string | null | undefined;
  startsAt: string;
  title?: string | undefined;
};

/**
 * 公示: the office publishes the approved applications of a batch (per kind; for training per
 * region, as the notices say) with a start; the end is counted in working days with the
 * calendar, and a period reaching a year without calendar data is refused here, at creation.
 */
export async function createNotice(deps: Deps, caller: Caller, input: CreateNoticeInput) {
  const actor = requireActorOf(caller);
  const { batch } = await loadNoticeBatch(deps, actor, input.batchId, {
    kind: input.kind,
    regionCode: input.regionCode ?? null,
  });
  if (Date.parse(input.startsAt) < deps.clock().getTime() - 60_000) {
    throw new AppError("VALIDATION_FAILED", "公示开始时间不能早于当前时间", {
      fields: [{ path: "startsAt", message: "公示开始时间不能早于当前时间" }],
    });
  }
  const calendar = await loadWorkdayCalendar(deps);
  let period: ReturnType<typeof noticePeriod>;
  try {
    period = noticePeriod(calendar, input.startsAt, batch.noticeWorkdays);
  } catch (error) {
    if (error instanceof CalendarUnknownYearError)
      throw new AppError("CALENDAR_YEAR_UNKNOWN", error.message, { extra: { year: error.year } });
    throw error;
  }
  let query = deps.db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .select([
      "applications.id",
      "applications.kind",
      "applications.occupation",
      "applications.levels",
      "applications.institutionId",
      "institutions.name",
      "institutions.creditCode",
      "institutions.regionCode",
    ])
    .where("applications.batchId", "=", input.batchId)
    .where("applications.status", "=", "approved")
    .where("applications.kind", "=", input.kind);
  if (input.regionCode) query = query.where("institutions.regionCode", "=", input.regionCode);
  const approved = await query.execute();
  if (approved.length === 0) throw new AppError("VALIDATION_FAILED", "没有审定通过、待公示的申报");
  const stages = batch.stages.map((stage) => stage.code);
  const verdict = canTransition({ status: "approved", command: "publishNotice", role: actor.role, stages });
  if (!verdict.ok) throw new AppError("TRANSITION_NOT_ALLOWED", verdict.reason);
  const id = crypto.randomUUID();
  const place = input.regionCode ? (regionName(input.regionCode) ?? "") : "";
  const title =
    input.title?.trim() || `${batch.shortTitle}拟纳入目录的${place}${kindName(input.kind)}名单公示`;
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "notice.create",
    async (trx) => {
      await trx
        .insertInto("publicNotices")
        .values({
          id,
          batchId: input.batchId,
          title,
          kind: input.kind,
          regionCode: input.regionCode ?? null,
          startsAt: period.startsAt,
          endsAt: period.endsAt,
          lastDay: period.lastDay,
          workdays: batch.noticeWorkdays,
          confirmedAt: null,
          createdAt: now,
          createdBy: caller.username ?? "",
        })
        .execute();
      for (const row of approved) {
        const moved = await trx
          .updateTable("applications")
          .set({ status: verdict.to, updatedAt: now })
          .where("id", "=", row.id)
          .where("status", "=", "approved")
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1)
          throw new AppError("TRANSITION_NOT_ALLOWED", "有申报的状态已变化，请刷新后重试");
        await trx
          .insertInto("publicNoticeItems")
          .values({
            id: crypto.randomUUID(),
            noticeId: id,
            applicationId: row.id,
            institutionName: row.name,
            creditCode: row.creditCode,
            kind: row.kind,
            occupation: row.occupation,
            levels: row.levels,
            regionCode: row.regionCode,
            status: "listed",
            removedReason: null,
          })
          .execute();
      }
      const users = new Set<string>();
      for (const institutionId of new Set(approved.map((row) => row.institutionId)))
        for (const userId of await institutionUserIds(trx, institutionId)) users.add(userId);
      await notify(trx, deps, {
        userIds: [...users],
        event: "noticePublished",
        detail: `您单位的申报已列入“${title}”，公示期${batch.noticeWorkdays}个工作日，至${period.lastDay}。公示期内如有异议，由办公室调查处理。`,
        link: `/public-notices/${id}`,
      });
    },
    () => ({
      targetType: "notice",
      targetId: id,
      summary: `发布公示：${title}（${approved.length}家，${batch.noticeWorkdays}个工作日，至${period.lastDay}）`,
    }),
  );
  return getNotice(deps.db, id, deps.clock());
}

/** The office's view of a notice (with application ids): only for the office that publishes it. */
export async function getOfficeNotice(deps: Deps, caller: Caller, id: string) {
  const { notice } = await loadOfficeNotice(deps, requireActorOf(caller), id);
  return noticeWithItems(deps.db, notice, deps.clock());
}

export async function getNotice(db: Db, id: string, now: Date) {
  const notice = await db.selectFrom("publicNotices").selectAll().where("id", "=", id).executeTakeFirst();
  if (!notice) throw notFound("公示");
  return noticeWithItems(db, notice, now);
}

async function noticeWithItems(db: Db, notice: Row<"publicNotices">, now: Date) {
  const id = notice.id;
  const items = await db
    .selectFrom("publicNoticeItems")
    .selectAll()
    .where("noticeId", "=", id)
    .orderBy("occupation")
    .orderBy("institutionName")
    .execute();
  return {
    ...noticeSummary(notice, now),
    items: items.map((item) => ({
      id: item.id,
      applicationId: item.applicationId,
      institutionName: item.institutionName,
      creditCode: item.creditCode,
      kind: item.kind,
      kindName: kindName(item.kind as KindCode),
      occupation: item.occupation,
      occupationName: occupationName(item.occupation as OccupationCode),
      levels: JSON.parse(item.levels) as string[],
      regionCode: item.regionCode,
      regionName: item.regionCode ? (regionName(item.regionCode) ?? null) : null,
      status: item.status,
      removedReason: item.removedReason,
    })),
  };
}

/**
 * What the public sees: nothing of the list before the notice starts, no internal ids, and no
 * office handling notes — only that an entry was removed after an upheld objection.
 */
export async function getPublicNotice(db: Db, id: string, now: Date) {
  const notice = await getNotice(db, id, now);
  return {
    ...notice,
    items:
      notice.phase === "upcoming"
        ? []
        : notice.items.map(
            ({ applicationId: _applicationId, removedReason: _removedReason, ...item }) => item,
          ),
  };
}

export function noticeSummary(
  notice: {
    id: string;
    title: string;
    batchId: string;
    startsAt: string;
    endsAt: string;
    lastDay: string;
    workdays: number;
    confirmedAt: string | null;
    kind: string | null;
    regionCode: string | null;
  },
  now: Date,
) {
  const open = Date.parse(notice.startsAt) <= now.getTime() && now.getTime() < Date.parse(notice.endsAt);
  return {
    id: notice.id,
    title: notice.title,
    batchId: notice.batchId,
    kind: notice.kind,
    regionCode: notice.regionCode,
    startsAt: notice.startsAt,
    endsAt: notice.endsAt,
    lastDay: notice.lastDay,
    workdays: Number(notice.workdays),
    phase: notice.confirmedAt
      ? ("confirmed" as const)
      : open
        ? ("open" as const)
        : now.getTime() < Date.parse(notice.startsAt)
          ? ("upcoming" as const)
          : ("ended" as const),
    remainingMs: open ? Date.parse(notice.endsAt) - now.getTime() : 0,
    confirmedAt: notice.confirmedAt,
  };
}

export async function listNotices(db: Db, now: Date) {
  const rows = await db.selectFrom("publicNotices").selectAll().orderBy("startsAt", "desc").execute();
  return rows.map((row) => noticeSummary(row, now));
}

/**
 * 公示结束: on the office's confirmation, after the end and with no objection still pending, the
 * notice's remaining applications enter the catalog, valid for the batch's years from the online
 * approval time (the decision), each with version 1 of its public history.
 */
export async function confirmNotice(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const { notice, batch } = await loadOfficeNotice(deps, actor, id);
  if (notice.confirmedAt) throw new AppError("TRANSITION_NOT_ALLOWED", "该公示已确认并纳入目录");
  if (deps.clock().getTime() < Date.parse(notice.endsAt))
    throw new AppError("TRANSITION_NOT_ALLOWED", `公示期至${notice.lastDay}，公示结束后才能纳入目录`);
  const pending = await deps.db
    .selectFrom("objections")
    .select("ackNumber")
    .where("noticeId", "=", id)
    .where("status", "in", ["received", "accepted"])
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
    .where("publicNoticeItems.noticeId", "=", id)
    .where("publicNoticeItems.status", "=", "listed")
    .execute();
  const stages = batch.stages.map((stage) => stage.code);
  const verdict = canTransition({ status: "inPublicNotice", command: "list", role: actor.role, stages });
  if (!verdict.ok) throw new AppError("TRANSITION_NOT_ALLOWED", verdict.reason);
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
        await trx
          .updateTable("applications")
          .set({ status: verdict.to, updatedAt: now })
          .where("id", "=", item.applicationId)
          .where("status", "=", "inPublicNotice")
          .execute();
        const entryId = crypto.randomUUID();
        const entry = {
          id: entryId,
          institutionId: item.institutionId,
          applicationId: item.applicationId,
          batchId: notice.batchId,
          institutionName: item.institutionName,
          creditCode: item.creditCode,
          kind: item.kind,
          occupation: item.occupation,
          levels: item.levels,
          regionCode: item.regionCode,
          approvedAt: item.decidedAt,
          validUntil: validUntil(item.decidedAt, batch.catalogValidityYears),
          suspended: 0,
          removed: 0,
          contactName: null,
          contactPhoneEnc: null,
          contactEmail: null,
          version: 1,
          updatedAt: now,
        };
        await trx.insertInto("catalogEntries").values(entry).execute();
        await trx
          .insertInto("catalogEntryVersions")
          .values({
            id: crypto.randomUUID(),
            entryId,
            version: 1,
            change: "listed",
            reason: `${notice.title}期满无异议，纳入目录`,
            snapshot: JSON.stringify(entry),
            changedAt: now,
            changedBy: caller.username ?? "",
          })
          .execute();
        await notify(trx, deps, {
          userIds: await institutionUserIds(trx, item.institutionId),
          event: "listed",
          detail: `${item.institutionName}已纳入${batch.shortTitle}目录（${occupationName(item.occupation as OccupationCode)}），有效期至${entry.validUntil.slice(0, 10)}。`,
          link: `/catalog/${entryId}`,
        });
      }
    },
    () => ({ targetType: "notice", targetId: id, summary: `公示期满，${items.length}家纳入目录` }),
  );
  return { listed: items.length };
}
