import {
  type Actor,
  type ApplicationCommand,
  kindName,
  occupationName,
  recommendationQuota,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { type ApplicationContext, loadApplication } from "../applications/context";

import { checkTransition, transition } from "../applications/transition";
import { getApplication } from "../applications/view";
import { recommenderQuotaKey, takeQuotaPlace } from "../quotas/counters";
import { loadQuotaSettings } from "../quotas/settings";
import { assertRecommendationOpen, recommenderOf, releaseRecommendation } from "./recommender";

function commandOf(ctx: ApplicationContext, actor: Actor, command: ApplicationCommand) {
  return {
    status: ctx.row.status,
    command,
    role: actor.role,
    stages: ctx.batch.stages.map((stage) => stage.code),
  };
}

/**
 * 推荐: with a required 推荐理由 and a rank within the occupation, inside the batch's quota. The
 * quota counter is bumped by one conditional UPDATE (used < quota) in the same transaction as
 * the status change, so of two people racing for the last place exactly one succeeds.
 */
export async function recommendApplication(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { reason: string; rank: number },
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const recommender = recommenderOf(actor);
  checkTransition(commandOf(ctx, actor, "recommend"));
  await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, recommender, deps.clock());
  const kind = ctx.row.kind;
  const occupation = ctx.row.occupation;
  const quota = recommendationQuota(ctx.batch, kind, recommender, {
    settings: await loadQuotaSettings(deps.db, ctx.batchId),
    location: ctx.institution.creditCode,
  });
  if (!quota) throw new AppError("QUOTA_EXCEEDED", `本单位不能推荐${kindName(kind)}`);
  // Not blocked silently: until the office enters the number the recommender is told why.
  if (quota.status === "pending")
    throw new AppError("QUOTA_PENDING", `${quota.areaName}${kindName(kind)}${quota.rule}，暂不能推荐`);
  const limit = quota.limit;
  if (limit !== null && input.rank > limit) {
    throw new AppError("VALIDATION_FAILED", `排名应在1至${limit}之间（${quota.rule}）`, {
      fields: [{ path: "rank", message: `排名应在1至${limit}之间` }],
    });
  }
  const now = deps.clock().toISOString();
  const outcome = await runCommand(
    deps,
    caller,
    "application.recommend",
    async (trx) => {
      const used = await takeQuotaPlace(
        trx,
        recommenderQuotaKey(ctx.batchId, recommender, kind, occupation, quota.areaKey),
        limit,
      );
      if (used === null)
        throw new AppError(
          "QUOTA_EXCEEDED",
          `名额已满：${quota.rule}，本单位${occupationName(occupation)}已推荐${limit}家`,
        );
      const rankTaken = await trx
        .selectFrom("recommendations")
        .select("applicationId")
        .where("batchId", "=", ctx.batchId)
        .where("recommenderType", "=", recommender.type)
        .where("recommenderValue", "=", recommender.value)
        .where("kind", "=", kind)
        .where("occupation", "=", occupation)
        .where("choice", "=", "recommended")
        .where("rank", "=", input.rank)
        .executeTakeFirst();
      if (rankTaken)
        throw new AppError("RANK_TAKEN", `排名第${input.rank}已给予本职业的另一家机构，请调整排名`, {
          fields: [{ path: "rank", message: "该排名已被占用" }],
        });
      await transition(trx, deps, {
        ...commandOf(ctx, actor, "recommend"),
        applicationId: id,
        set: { updatedAt: now },
        notifications: [
          {
            institutionId: ctx.row.institutionId,
            event: "recommended",
            detail: `${ctx.batch.shortTitle}·${occupationName(occupation)}申报已获推荐，进入下一环节。`,
            link: `/workbench/applications/${id}`,
          },
        ],
      });
      await trx.deleteFrom("recommendations").where("applicationId", "=", id).execute();
      await trx
        .insertInto("recommendations")
        .values({
          applicationId: id,
          batchId: ctx.batchId,
          recommenderType: recommender.type,
          recommenderValue: recommender.value,
          kind,
          occupation,
          choice: "recommended",
          reason: input.reason,
          rank: input.rank,
          chosenAt: now,
          chosenBy: caller.username ?? "",
        })
        .execute();
      return { used, limit };
    },
    (result) => ({
      targetType: "application",
      targetId: id,
      summary: `推荐（${occupationName(occupation)}第${input.rank}名，名额已用${result.used}/${result.limit ?? "不限"}）：${input.reason.slice(0, 100)}`,
    }),
  );
  return { application: await getApplication(deps, caller, id), quota: { ...outcome, rule: quota.rule } };
}

/** 不予推荐, with the reason. */
export async function declineApplication(deps: Deps, caller: Caller, id: string, reason: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const recommender = recommenderOf(actor);
  checkTransition(commandOf(ctx, actor, "decline"));
  await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, recommender, deps.clock());
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "application.decline",
    async (trx) => {
      await transition(trx, deps, {
        ...commandOf(ctx, actor, "decline"),
        applicationId: id,
        set: { updatedAt: now },
        notifications: [
          {
            institutionId: ctx.row.institutionId,
            event: "notRecommended",
            detail: `${ctx.batch.shortTitle}·${occupationName(ctx.row.occupation)}申报未获推荐：${reason}`,
            link: `/workbench/applications/${id}`,
          },
        ],
      });
      await trx.deleteFrom("recommendations").where("applicationId", "=", id).execute();
      await trx
        .insertInto("recommendations")
        .values({
          applicationId: id,
          batchId: ctx.batchId,
          recommenderType: recommender.type,
          recommenderValue: recommender.value,
          kind: ctx.row.kind,
          occupation: ctx.row.occupation,
          choice: "declined",
          reason,
          rank: null,
          chosenAt: now,
          chosenBy: caller.username ?? "",
        })
        .execute();
    },
    () => ({ targetType: "application", targetId: id, summary: `不予推荐：${reason.slice(0, 200)}` }),
  );
  return { application: await getApplication(deps, caller, id) };
}

/** 撤销推荐结果 while the stage is open and the list not yet confirmed; frees the quota place. */
export async function undoRecommendation(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const recommender = recommenderOf(actor);
  checkTransition(commandOf(ctx, actor, "undoRecommendation"));
  await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, recommender, deps.clock());
  await runCommand(
    deps,
    caller,
    "application.undoRecommendation",
    async (trx) => {
      await transition(trx, deps, {
        ...commandOf(ctx, actor, "undoRecommendation"),
        applicationId: id,
        set: { updatedAt: deps.clock().toISOString() },
      });
      await releaseRecommendation(trx, id);
    },
    () => ({
      targetType: "application",
      targetId: id,
      summary: `撤销${ctx.row.status === "recommended" ? "推荐" : "不予推荐"}结果`,
    }),
  );
  return { application: await getApplication(deps, caller, id) };
}
