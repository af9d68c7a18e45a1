import {
  type Actor,
  type BatchDefinition,
  type Recommender,
  recommendationQuota,
  regionName,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { AppError } from "../../http/errors";
import { findBatchRow, parseDefinition } from "../batches/service";
import { recommenderQuotaKey, releaseQuotaPlace } from "../quotas/counters";

/** The recommender a recommender account acts for. */
export function recommenderOf(actor: Actor): Recommender {
  if (actor.role === "provincialRecommender" && actor.regionCode)
    return { type: "region", value: actor.regionCode };
  if (actor.role === "industryRecommender" && actor.industryScope)
    return { type: "industry", value: actor.industryScope };
  throw new AppError("FORBIDDEN", "当前账号不是推荐单位");
}

export function recommenderName(recommender: Recommender): string {
  return recommender.type === "region"
    ? `${regionName(recommender.value) ?? recommender.value}人力资源社会保障部门`
    : `${recommender.value}行业主管部门`;
}

export async function findClosure(db: Db, batchId: string, recommender: Recommender) {
  return db
    .selectFrom("recommendationClosures")
    .selectAll()
    .where("batchId", "=", batchId)
    .where("recommenderType", "=", recommender.type)
    .where("recommenderValue", "=", recommender.value)
    .executeTakeFirst();
}

/**
 * Refuses acting once the batch's recommendation stage has closed (server clock) or once the
 * recommender has confirmed its list: what was sent to the office is final.
 */
export async function assertRecommendationOpen(
  db: Db,
  batch: BatchDefinition,
  batchId: string,
  recommender: Recommender,
  now: Date,
) {
  const stage = batch.stages.find((item) => item.code === "recommendation");
  if (!stage) throw new AppError("TRANSITION_NOT_ALLOWED", "本批次没有审核推荐环节");
  if (stage.opensAt && Date.parse(stage.opensAt) > now.getTime())
    throw new AppError("STAGE_CLOSED", "审核推荐环节尚未开始");
  if (stage.closesAt && Date.parse(stage.closesAt) < now.getTime())
    throw new AppError("STAGE_CLOSED", "审核推荐环节已截止，不能再操作");
  if (await findClosure(db, batchId, recommender))
    throw new AppError("STAGE_CLOSED", "本单位已确认推荐名单并出具推荐函，不能再修改");
}

/**
 * Drops an application's recommendation (when it is returned or withdrawn after it was
 * recommended or declined) and gives its quota place back, inside the caller's transaction.
 */
export async function releaseRecommendation(trx: Db, applicationId: string): Promise<void> {
  const existing = await trx
    .selectFrom("recommendations")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
  if (!existing) return;
  if (existing.choice === "recommended") {
    const recommender = { type: existing.recommenderType, value: existing.recommenderValue } as Recommender;
    await releaseQuotaPlace(
      trx,
      recommenderQuotaKey(
        existing.batchId,
        recommender,
        existing.kind,
        existing.occupation,
        await countedArea(trx, existing.batchId, applicationId, recommender, existing.kind),
      ),
    );
  }
  await trx.deleteFrom("recommendations").where("applicationId", "=", applicationId).execute();
}

/** The place a recommendation was counted against (粤港澳大湾区 or the recommender itself). */
async function countedArea(
  trx: Db,
  batchId: string,
  applicationId: string,
  recommender: Recommender,
  kind: BatchDefinition["kinds"][number],
): Promise<string> {
  const [batchRow, institution] = await Promise.all([
    findBatchRow(trx, batchId),
    trx
      .selectFrom("applications")
      .innerJoin("institutions", "institutions.id", "applications.institutionId")
      .select("institutions.creditCode")
      .where("applications.id", "=", applicationId)
      .executeTakeFirst(),
  ]);
  if (!batchRow) return recommender.value;
  const rule = recommendationQuota(parseDefinition(batchRow), kind, recommender, {
    location: institution?.creditCode ?? null,
  });
  return rule?.areaKey ?? recommender.value;
}

/** Refuses the receiving centre's actions once the batch's formal-check stage has closed. */
export function assertFormalCheckOpen(batch: BatchDefinition, now: Date): void {
  const stage = batch.stages.find((item) => item.code === "formalCheck");
  if (!stage) throw new AppError("TRANSITION_NOT_ALLOWED", "本批次没有纸质材料接收与形式审查环节");
  if (stage.closesAt && Date.parse(stage.closesAt) < now.getTime())
    throw new AppError("STAGE_CLOSED", "形式审查环节已截止，不能再操作");
}

/** The industry departments that recommend (行业主管部门), by the scope their accounts carry. */
export async function listIndustryRecommenders(db: Db): Promise<{ value: string; name: string }[]> {
  const rows = await db
    .selectFrom("users")
    .select(["industryScope", "displayName"])
    .where("role", "=", "industryRecommender")
    .where("status", "=", "active")
    .where("industryScope", "is not", null)
    .orderBy("industryScope")
    .execute();
  const recommenders = new Map<string, string>();
  for (const row of rows)
    if (row.industryScope && !recommenders.has(row.industryScope))
      recommenders.set(row.industryScope, row.displayName);
  return [...recommenders].map(([value, name]) => ({ value, name }));
}

/**
 * The staff whose queue a submitted application enters: its recommender's accounts and, for
 * a batch with a formal check, the receiving centre of the batch's region.
 */
export async function queueStaffIds(
  db: Db,
  batch: BatchDefinition,
  application: { recommenderType: string | null; recommenderValue: string | null },
): Promise<string[]> {
  const ids: string[] = [];
  const stages = new Set(batch.stages.map((stage) => stage.code));
  if (stages.has("recommendation") && application.recommenderType && application.recommenderValue) {
    const byRegion = application.recommenderType === "region";
    const rows = await db
      .selectFrom("users")
      .select("id")
      .where("status", "=", "active")
      .where("role", "=", byRegion ? "provincialRecommender" : "industryRecommender")
      .where(byRegion ? "regionCode" : "industryScope", "=", application.recommenderValue)
      .execute();
    ids.push(...rows.map((row) => row.id));
  }
  if (stages.has("formalCheck") && batch.scope.level === "region") {
    const rows = await db
      .selectFrom("users")
      .select("id")
      .where("status", "=", "active")
      .where("role", "=", "receivingCentre")
      .where("regionCode", "=", batch.scope.regionCode)
      .execute();
    ids.push(...rows.map((row) => row.id));
  }
  return [...new Set(ids)];
}
