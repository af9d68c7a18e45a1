import { officeActsOnBatch, REGIONS, type Recommender, regionName } from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow, parseDefinition } from "../batches/service";

type RecommenderCounts = {
  recommender: Recommender & { name: string };
  received: number;
  pending: number;
  returned: number;
  recommended: number;
  declined: number;
  quotaUsed: { occupation: string; kind: string; area: string | null; used: number; quota: number }[];
  closedAt: string | null;
};

/**
 * The office's view of the recommendation stage: per province and industry department (each a
 * recommender), how many were received, returned, recommended (against quota) and declined, and
 * which recommenders have not closed their list.
 */
export async function recommendationOverview(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const batchRow = await findBatchRow(deps.db, batchId);
  if (!batchRow) throw notFound("批次");
  const batch = parseDefinition(batchRow);
  if (!officeActsOnBatch(actor, batch))
    throw new AppError("FORBIDDEN", "只有组织本批次的办公室可以查看推荐进度");
  const apps = await deps.db
    .selectFrom("applications")
    .select(["recommenderType", "recommenderValue", "status"])
    .where("batchId", "=", batchId)
    .where("status", "!=", "draft")
    .execute();
  const [counters, closures, industryAccounts] = await Promise.all([
    deps.db.selectFrom("quotaCounters").selectAll().where("batchId", "=", batchId).execute(),
    deps.db.selectFrom("recommendationClosures").selectAll().where("batchId", "=", batchId).execute(),
    deps.db
      .selectFrom("users")
      .select("industryScope")
      .distinct()
      .where("role", "=", "industryRecommender")
      .where("industryScope", "is not", null)
      .execute(),
  ]);
  const recommenders: RecommenderCounts[] = [];
  const progress = (recommender: Recommender, name: string): RecommenderCounts => {
    const { type, value } = recommender;
    const mine = apps.filter((app) => app.recommenderType === type && app.recommenderValue === value);
    const count = (...statuses: string[]) => mine.filter((app) => statuses.includes(app.status)).length;
    return {
      recommender: { ...recommender, name },
      received: mine.length,
      pending: count("submitted", "resubmitted"),
      returned: count("returned"),
      recommended: count("recommended"),
      declined: count("notRecommended"),
      quotaUsed: counters
        .filter(
          (counter) =>
            counter.scopeType === type &&
            (counter.scopeValue === value || counter.scopeValue.startsWith(`${value}:`)),
        )
        .map((counter) => ({
          kind: counter.kind,
          occupation: counter.occupation,
          // 440000:粤港澳大湾区 is counted apart from the rest of 广东.
          area: counter.scopeValue === value ? null : counter.scopeValue.slice(value.length + 1),
          used: Number(counter.used),
          quota: Number(counter.quota),
        })),
      closedAt:
        closures.find((closure) => closure.recommenderType === type && closure.recommenderValue === value)
          ?.closedAt ?? null,
    };
  };
  for (const region of REGIONS)
    recommenders.push(
      progress({ type: "region", value: region.code }, regionName(region.code) ?? region.code),
    );
  const industryScopes = new Set([
    ...industryAccounts.flatMap((row) => (row.industryScope ? [row.industryScope] : [])),
    ...apps.flatMap((app) =>
      app.recommenderType === "industry" && app.recommenderValue ? [app.recommenderValue] : [],
    ),
  ]);
  for (const scope of industryScopes) recommenders.push(progress({ type: "industry", value: scope }, scope));
  return {
    batchId,
    recommenders,
    totals: {
      received: apps.length,
      recommended: recommenders.reduce((sum, item) => sum + item.recommended, 0),
      recommendersWithApplications: recommenders.filter((item) => item.received > 0).length,
      recommendersNotClosed: recommenders
        .filter((item) => item.received > 0 && !item.closedAt)
        .map((item) => item.recommender.name),
    },
  };
}
