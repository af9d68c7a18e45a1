import { decisionQuota, expertShortfall, occupationName } from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { loadApplication } from "../applications/context";
import { checkTransition, transition } from "../applications/transition";
import { decisionQuotaKey, takeQuotaPlace } from "../quotas/counters";
import { loadQuotaSettings } from "../quotas/settings";
import { requireNoPendingSiteVisit } from "../site-visits/service";
import { requireCheckForApproval } from "./recommendation-check";
import { loadOfficeBatch } from "./round";

/**
 * 审定: approve or reject with its basis. Approvals are counted against the decision quota of the
 * application's group (evaluation: per occupation nationally; training: per region) with the
 * same conditional counter as recommendation, so the quota holds under concurrent decisions.
 */
export async function decideApplication(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { decision: "approved" | "rejected"; basis: string; shortfallReason?: string | undefined },
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const { round } = await loadOfficeBatch(deps, actor, ctx.batchId);
  await requireNoPendingSiteVisit(deps.db, id);
  if (input.decision === "approved")
    await requireCheckForApproval(deps.db, id, { kind: ctx.row.kind, batchLevel: ctx.batch.scope.level });
  // A missing expert is never silent: deciding with fewer experts than the round requires needs
  // the office's explicit reason, stored with the decision and printed in the 评议结果意见.
  const assigned = await countLiveAssignments(deps, id);
  // Training applications the batch has no experts score (the office's 审核 instead) miss none.
  const unscored = ctx.row.kind === "training" && !round.trainingExpertScoring;
  const shortfall = unscored ? 0 : expertShortfall(round.perApplication, assigned);
  const shortfallReason = shortfall > 0 ? (input.shortfallReason?.trim() ?? "") : "";
  if (shortfall > 0 && shortfallReason.length < 2)
    throw new AppError(
      "SHORTFALL_REASON_REQUIRED",
      `该申报应由${round.perApplication}名专家评议，实有${assigned}名，缺${shortfall}名：审定须填写缺额审定说明`,
      { fields: [{ path: "shortfallReason", message: "请填写缺额审定说明（至少2个字）" }] },
    );
  const command = input.decision === "approved" ? "approve" : "reject";
  const check = {
    status: ctx.row.status,
    command,
    role: actor.role,
    stages: ctx.batch.stages.map((stage) => stage.code),
  } as const;
  const to = checkTransition(check);
  const kind = ctx.row.kind;
  const occupation = ctx.row.occupation;
  const quota = decisionQuota(
    ctx.batch,
    kind,
    occupation,
    ctx.institution.regionCode,
    await loadQuotaSettings(deps.db, ctx.batchId),
  );
  const decisionKey = decisionQuotaKey(ctx.batchId, kind, occupation, ctx.institution.regionCode);
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    `decision.${command}`,
    async (trx) => {
      if (input.decision === "approved") {
        if (!quota) throw new AppError("QUOTA_EXCEEDED", "该职业本批次没有审定名额");
        if (quota.rule.startsWith("名额待定"))
          throw new AppError("QUOTA_PENDING", `审定${quota.rule}，请先在“名额设定”中填写名额及依据`);
        const used = await takeQuotaPlace(trx, decisionKey, quota.limit);
        if (used === null) throw new AppError("QUOTA_EXCEEDED", `审定名额已满：${quota.rule}`);
      }
      await transition(trx, deps, {
        ...check,
        applicationId: id,
        set: { updatedAt: now },
        notifications: [
          {
            institutionId: ctx.row.institutionId,
            event: "decided",
            detail: `${ctx.batch.shortTitle}·${occupationName(occupation)}申报审定${input.decision === "approved" ? "通过，将进入公示" : "未通过"}。`,
            link: `/workbench/applications/${id}`,
          },
        ],
      });
      await trx
        .insertInto("decisions")
        .values({
          applicationId: id,
          batchId: ctx.batchId,
          decision: input.decision,
          basis: input.basis,
          shortfallReason: shortfall > 0 ? shortfallReason : null,
          total: null,
          decidedAt: now,
          decidedBy: caller.username ?? "",
        })
        .execute();
    },
    () => ({
      targetType: "application",
      targetId: id,
      summary: `审定${input.decision === "approved" ? "通过" : "不通过"}：${input.basis.slice(0, 200)}${shortfall > 0 ? `；评议专家缺${shortfall}名，缺额审定说明：${shortfallReason.slice(0, 200)}` : ""}`,
      detail:
        shortfall > 0
          ? { expertsRequired: round.perApplication, expertsAssigned: assigned, shortfallReason }
          : null,
    }),
  );
  return { status: to };
}

/** The experts an application has now (live assignments). */
async function countLiveAssignments(deps: Deps, applicationId: string) {
  const row = await deps.db
    .selectFrom("reviewAssignments")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("applicationId", "=", applicationId)
    .where("removedAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
