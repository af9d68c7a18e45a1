import {
  type ApplicationCommand,
  canTransition,
  type KindCode,
  kindName,
  type OccupationCode,
  occupationName,
  recommendationQuota,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { type ApplicationContext, loadApplication } from "../applications/context";
import { transitionStatus } from "../applications/queries";
import { getApplication } from "../applications/service";
import { institutionUserIds, notify } from "../notifications/service";
import { takeQuotaPlace } from "../quotas/counters";
import { assertRecommendationOpen, releaseRecommendation, unitOf } from "./unit";

function transitionTo(
  ctx: ApplicationContext,
  role: Parameters<typeof canTransition>[0]["role"],
  command: ApplicationCommand,
): string {
  const verdict = canTransition({
    status: ctx.row.status as never,
    command,
    role,
    stages: ctx.batch.stages.map((stage) => stage.code),
  });
  if (!verdict.ok) throw new AppError("TRANSITION_NOT_ALLOWED", verdict.reason);
  return verdict.to;
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
  const unit = unitOf(actor);
  const to = transitionTo(ctx, actor.role, "recommend");
  await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, unit, deps.clock());
  const kind = ctx.row.kind as KindCode;
  const occupation = ctx.row.occupation as OccupationCode;
  const quota = recommendationQuota(ctx.batch, kind, unit);
  if (!quota) throw new AppError("QUOTA_EXCEEDED", `本单位不能推荐${kindName(kind)}`);
  if (input.rank > quota.limit) {
    throw new AppError("VALIDATION_FAILED", `排名应在1至${quota.limit}之间（${quota.rule}）`, {
      fields: [{ path: "rank", message: `排名应在1至${quota.limit}之间` }],
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
        { batchId: ctx.batchId, unitType: unit.type, unitValue: unit.value, kind, occupation },
        quota.limit,
      );
      if (used === null)
        throw new AppError(
          "QUOTA_EXCEEDED",
          `名额已满：${quota.rule}，本单位${occupationName(occupation)}已推荐${quota.limit}家`,
        );
      const rankTaken = await trx
        .selectFrom("recommendations")
        .select("applicationId")
        .where("batchId", "=", ctx.batchId)
        .where("unitType", "=", unit.type)
        .where("unitValue", "=", unit.value)
        .where("kind", "=", kind)
        .where("occupation", "=", occupation)
        .where("decision", "=", "recommended")
        .where("rank", "=", input.rank)
        .executeTakeFirst();
      if (rankTaken)
        throw new AppError("RANK_TAKEN", `排名第${input.rank}已给予本职业的另一家机构，请调整排名`, {
          fields: [{ path: "rank", message: "该排名已被占用" }],
        });
      const moved = await transitionStatus(trx, id, ctx.row.status, to, { updatedAt: now });
      if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
      await trx.deleteFrom("recommendations").where("applicationId", "=", id).execute();
      await trx
        .insertInto("recommendations")
        .values({
          applicationId: id,
          batchId: ctx.batchId,
          unitType: unit.type,
          unitValue: unit.value,
          kind,
          occupation,
          decision: "recommended",
          reason: input.reason,
          rank: input.rank,
          decidedAt: now,
          decidedBy: caller.username ?? "",
        })
        .execute();
      await notify(trx, deps, {
        userIds: await institutionUserIds(trx, ctx.row.institutionId),
        event: "recommended",
        detail: `${ctx.batch.shortTitle}·${occupationName(occupation)}申报已获推荐，进入下一环节。`,
        link: `/workbench/applications/${id}`,
      });
      return { used, limit: quota.limit };
    },
    (result) => ({
      targetType: "application",
      targetId: id,
      summary: `推荐（${occupationName(occupation)}第${input.rank}名，名额已用${result.used}/${result.limit}）：${input.reason.slice(0, 100)}`,
    }),
  );
  return { application: await getApplication(deps, caller, id), quota: { ...outcome, rule: quota.rule } };
}

/** 不予推荐, with the reason. */
export async function declineApplication(deps: Deps, caller: Caller, id: string, reason: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const unit = unitOf(actor);
  const to = transitionTo(ctx, actor.role, "decline");
  await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, unit, deps.clock());
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "application.decline",
    async (trx) => {
      if (!(await transitionStatus(trx, id, ctx.row.status, to, { updatedAt: now }))) {
        throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
      }
      await trx.deleteFrom("recommendations").where("applicationId", "=", id).execute();
      await trx
        .insertInto("recommendations")
        .values({
          applicationId: id,
          batchId: ctx.batchId,
          unitType: unit.type,
          unitValue: unit.value,
          kind: ctx.row.kind,
          occupation: ctx.row.occupation,
          decision: "declined",
          reason,
          rank: null,
          decidedAt: now,
          decidedBy: caller.username ?? "",
        })
        .execute();
      await notify(trx, deps, {
        userIds: await institutionUserIds(trx, ctx.row.institutionId),
        event: "notRecommended",
        detail: `${ctx.batch.shortTitle}·${occupationName(ctx.row.occupation as OccupationCode)}申报未获推荐：${reason}`,
        link: `/workbench/applications/${id}`,
      });
    },
    () => ({ targetType: "application", targetId: id, summary: `不予推荐：${reason.slice(0, 200)}` }),
  );
  return { application: await getApplication(deps, caller, id) };
}

/** 撤销推荐结果 while the stage is open and the list not yet confirmed; frees the quota place. */
export async function undoDecision(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const unit = unitOf(actor);
  const to = transitionTo(ctx, actor.role, "undoRecommendation");
  await assertRecommendationOpen(deps.db, ctx.batch, ctx.batchId, unit, deps.clock());
  await runCommand(
    deps,
    caller,
    "application.undoRecommendation",
    async (trx) => {
      if (!(await transitionStatus(trx, id, ctx.row.status, to, { updatedAt: deps.clock().toISOString() }))) {
        throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
      }
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
