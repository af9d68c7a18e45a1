import crypto from "node:crypto";
import {
  CalendarUnknownYearError,
  chinesePublicNoticePeriod,
  type KindCode,
  kindName,
  type PublicNoticeContacts,
  publicNoticePeriod,
  regionName,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { checkTransition, transition } from "../applications/transition";
import { loadWorkdayCalendar } from "../calendar/service";
import { institutionUserIds, notify } from "../notifications/service";
import { loadPublicNoticeBatch } from "./authority";
import { getPublicNotice, type PublicNoticeRow, publicNoticeView } from "./service";

export type CreatePublicNoticeInput = PublicNoticeContacts & {
  batchId: string;
  kind: KindCode;
  regionCode?: string | null | undefined;
  startsAt: string;
  title?: string | undefined;
};

/**
 * What a notice would be if published now: its batch, period, title and approved applications.
 * Preview and publication share it, so the office previews exactly what it then publishes.
 */
async function preparePublicNotice(deps: Deps, caller: Caller, input: CreatePublicNoticeInput) {
  const actor = requireActorOf(caller);
  const { batch, row: batchRow } = await loadPublicNoticeBatch(deps, actor, input.batchId, {
    kind: input.kind,
    regionCode: input.regionCode ?? null,
  });
  if (Date.parse(input.startsAt) < deps.clock().getTime() - 60_000) {
    throw new AppError("VALIDATION_FAILED", "公示开始时间不能早于当前时间", {
      fields: [{ path: "startsAt", message: "公示开始时间不能早于当前时间" }],
    });
  }
  const calendar = await loadWorkdayCalendar(deps);
  let period: ReturnType<typeof publicNoticePeriod>;
  try {
    period = publicNoticePeriod(calendar, input.startsAt, batch.publicNoticeWorkdays);
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
  const check = { status: "approved", command: "publishPublicNotice", role: actor.role, stages } as const;
  checkTransition(check);
  const place = input.regionCode ? (regionName(input.regionCode) ?? "") : "";
  const title =
    input.title?.trim() || `${batch.shortTitle}拟纳入目录的${place}${kindName(input.kind)}名单公示`;
  const now = deps.clock().toISOString();
  const publicNotice: PublicNoticeRow = {
    id: crypto.randomUUID(),
    batchId: input.batchId,
    title,
    kind: input.kind,
    regionCode: input.regionCode ?? null,
    startsAt: period.startsAt,
    endsAt: period.endsAt,
    lastDay: period.lastDay,
    workdays: batch.publicNoticeWorkdays,
    confirmedAt: null,
    createdAt: now,
    createdBy: caller.username ?? "",
    issuingBody: input.issuingBody,
    contactAddress: input.contactAddress,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    demoShortenedAt: null,
  };
  const items = approved.map((row) => ({
    id: crypto.randomUUID(),
    publicNoticeId: publicNotice.id,
    applicationId: row.id,
    institutionName: row.name,
    creditCode: row.creditCode,
    kind: row.kind,
    occupation: row.occupation,
    levels: row.levels,
    regionCode: row.regionCode,
    status: "listed" as const,
    removedReason: null,
  }));
  return { batch, isDemo: batchRow.isDemo === 1, publicNotice, items, approved, check };
}

/**
 * 发布预览: the notice exactly as the public page will show it once published, written nowhere.
 * The office looks at it and confirms before `createPublicNotice`.
 */
export async function previewPublicNotice(deps: Deps, caller: Caller, input: CreatePublicNoticeInput) {
  const { publicNotice, items, isDemo } = await preparePublicNotice(deps, caller, input);
  return publicNoticeView(publicNotice, items, { isDemo, demoMode: deps.config.demo }, deps.clock());
}

/**
 * 公示: the office publishes the approved applications of a batch (per kind; for training per
 * region, as the notices say) with a start, its 落款 and where objections go; the end is counted in
 * working days with the calendar, and a period reaching a year without calendar data is refused
 * here, at creation. The publication is one audited command.
 */
export async function createPublicNotice(deps: Deps, caller: Caller, input: CreatePublicNoticeInput) {
  const { batch, publicNotice, items, approved, check } = await preparePublicNotice(deps, caller, input);
  const period = chinesePublicNoticePeriod(publicNotice);
  await runCommand(
    deps,
    caller,
    "publicNotice.create",
    async (trx) => {
      await trx.insertInto("publicNotices").values(publicNotice).execute();
      for (const item of items) {
        await transition(trx, deps, {
          ...check,
          applicationId: item.applicationId,
          set: { updatedAt: publicNotice.createdAt },
          conflictMessage: "有申报的状态已变化，请刷新后重试",
        });
        await trx.insertInto("publicNoticeItems").values(item).execute();
      }
      const users = new Set<string>();
      for (const institutionId of new Set(approved.map((row) => row.institutionId)))
        for (const userId of await institutionUserIds(trx, institutionId)) users.add(userId);
      await notify(trx, deps, {
        userIds: [...users],
        event: "publicNoticePublished",
        detail: `您单位的申报已列入“${publicNotice.title}”，公示期：${period}（${batch.publicNoticeWorkdays}个工作日）。公示期内如有异议，由${publicNotice.issuingBody}调查处理。`,
        link: `/public-notices/${publicNotice.id}`,
      });
    },
    () => ({
      targetType: "publicNotice",
      targetId: publicNotice.id,
      summary: `发布公示：${publicNotice.title}（${approved.length}家，公示期：${period}；落款：${publicNotice.issuingBody}；异议受理：${publicNotice.contactAddress}，${publicNotice.contactPhone}，${publicNotice.contactEmail}）`,
    }),
  );
  return getPublicNotice(deps, publicNotice.id);
}
