import {
  approvalRefusalForCheck,
  occupationName,
  RECOMMENDATION_CHECK_OUTCOME_NAMES,
  type RecommendationCheckInput,
  type RecommendationCheckList,
  recommendationCheckRefusal,
  regionName,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { loadApplication } from "../applications/context";
import { checkTransition, transition } from "../applications/transition";
import { loadOfficeBatch } from "./round";

/*
 * 审核 of the provinces' recommendations (notice 四(四)): in a national batch the office checks
 * each recommended training application, 通过 or 不通过 with its reason. When the batch's review
 * setting has experts not score training applications, the check moves the application straight
 * to 评议完成 (start and complete the review in one step), where 审定 takes it up.
 */

async function findCheck(db: Db, applicationId: string) {
  return db
    .selectFrom("recommendationChecks")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
}

/** The office checks one recommended training application of its national batch. */
export async function checkRecommendation(
  deps: Deps,
  caller: Caller,
  applicationId: string,
  input: RecommendationCheckInput,
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, applicationId);
  const { round } = await loadOfficeBatch(deps, actor, ctx.batchId);
  const refusal = recommendationCheckRefusal({
    kind: ctx.row.kind,
    batchLevel: ctx.batch.scope.level,
    status: ctx.row.status,
    checked: Boolean(await findCheck(deps.db, applicationId)),
    expertScoring: round.trainingExpertScoring,
  });
  if (refusal) throw new AppError("RECOMMENDATION_CHECK_NOT_OPEN", refusal);
  const stages = ctx.batch.stages.map((stage) => stage.code);
  const skipScoring = !round.trainingExpertScoring;
  const start = { status: ctx.row.status, command: "startReview", role: actor.role, stages } as const;
  if (skipScoring) checkTransition(start);
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "review.checkRecommendation",
    async (trx) => {
      await trx
        .insertInto("recommendationChecks")
        .values({
          applicationId,
          batchId: ctx.batchId,
          outcome: input.outcome,
          reason: input.reason,
          checkedAt: now,
          checkedBy: caller.username ?? "",
        })
        .execute();
      if (skipScoring) {
        await transition(trx, deps, { ...start, applicationId, set: { updatedAt: now } });
        await transition(trx, deps, {
          status: "underReview",
          command: "completeReview",
          role: actor.role,
          stages,
          applicationId,
          set: { updatedAt: now },
        });
      }
    },
    () => ({
      targetType: "application",
      targetId: applicationId,
      summary: `${RECOMMENDATION_CHECK_OUTCOME_NAMES[input.outcome]}：${input.reason.slice(0, 200)}${skipScoring ? "（本批次培训机构不评分，转入审定）" : ""}`,
    }),
  );
  return { outcome: input.outcome };
}

/** The batch's recommended training applications and their checks, for the office's list. */
export async function listRecommendationChecks(
  deps: Deps,
  caller: Caller,
  batchId: string,
): Promise<RecommendationCheckList> {
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  if (batch.scope.level !== "national")
    return { trainingExpertScoring: round.trainingExpertScoring, items: [] };
  const rows = await deps.db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .leftJoin("recommendationChecks", "recommendationChecks.applicationId", "applications.id")
    .select([
      "applications.id",
      "applications.occupation",
      "applications.status",
      "institutions.name as institutionName",
      "institutions.regionCode",
      "recommendationChecks.outcome",
      "recommendationChecks.reason",
      "recommendationChecks.checkedAt",
      "recommendationChecks.checkedBy",
    ])
    .where("applications.batchId", "=", batchId)
    .where("applications.kind", "=", "training")
    .where("applications.status", "in", ["recommended", "underReview", "reviewed", "approved", "rejected"])
    .orderBy("institutions.name")
    .execute();
  return {
    trainingExpertScoring: round.trainingExpertScoring,
    items: rows.map((row) => ({
      applicationId: row.id,
      institutionName: row.institutionName,
      occupation: row.occupation,
      occupationName: occupationName(row.occupation),
      regionName: row.regionCode ? (regionName(row.regionCode) ?? null) : null,
      status: row.status,
      outcome: row.outcome,
      outcomeName: row.outcome ? RECOMMENDATION_CHECK_OUTCOME_NAMES[row.outcome] : null,
      reason: row.reason,
      checkedAt: row.checkedAt,
      checkedBy: row.checkedBy,
    })),
  };
}

/** Refuses 审定通过 of a national training application without a passed check. */
export async function requireCheckForApproval(
  db: Db,
  applicationId: string,
  application: { kind: string; batchLevel: "national" | "region" },
) {
  const check = await findCheck(db, applicationId);
  const refusal = approvalRefusalForCheck(application, check?.outcome ?? null);
  if (refusal) throw new AppError("RECOMMENDATION_CHECK_REQUIRED", refusal);
}
