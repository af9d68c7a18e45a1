import { type Actor, REGIONS, regionName } from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";

type UnitCounts = {
  unitType: "region" | "industry";
  unitValue: string;
  unitName: string;
  received: number;
  pending: number;
  returned: number;
  recommended: number;
  declined: number;
  quotaUsed: { occupation: string; kind: string; used: number; quota: number }[];
  closedAt: string | null;
};

/**
 * The office's view of the recommendation stage: per province and industry unit, how many were
 * received, returned, recommended (against quota) and declined, and which units have not closed.
 */
export async function recommendationOverview(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const batchRow = await findBatchRow(deps.db, batchId);
  if (!batchRow) throw notFound("批次");
  const batch = parseDefinition(batchRow);
  assertOffice(actor, batch.scope);
  const apps = await deps.db
    .selectFrom("applications")
    .select(["recommenderType", "recommenderValue", "status"])
    .where("batchId", "=", batchId)
    .where("status", "!=", "draft")
    .execute();
  const [counters, closures, industryUnits] = await Promise.all([
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
  const units: UnitCounts[] = [];
  const unit = (unitType: "region" | "industry", unitValue: string, unitName: string): UnitCounts => {
    const mine = apps.filter((app) => app.recommenderType === unitType && app.recommenderValue === unitValue);
    const count = (...statuses: string[]) => mine.filter((app) => statuses.includes(app.status)).length;
    return {
      unitType,
      unitValue,
      unitName,
      received: mine.length,
      pending: count("submitted", "resubmitted"),
      returned: count("returned"),
      recommended: count("recommended"),
      declined: count("notRecommended"),
      quotaUsed: counters
        .filter((counter) => counter.unitType === unitType && counter.unitValue === unitValue)
        .map((counter) => ({
          kind: counter.kind,
          occupation: counter.occupation,
          used: Number(counter.used),
          quota: Number(counter.quota),
        })),
      closedAt:
        closures.find((closure) => closure.unitType === unitType && closure.unitValue === unitValue)
          ?.closedAt ?? null,
    };
  };
  for (const region of REGIONS)
    units.push(unit("region", region.code, regionName(region.code) ?? region.code));
  const industryScopes = new Set([
    ...industryUnits.flatMap((row) => (row.industryScope ? [row.industryScope] : [])),
    ...apps.flatMap((app) =>
      app.recommenderType === "industry" && app.recommenderValue ? [app.recommenderValue] : [],
    ),
  ]);
  for (const scope of industryScopes) units.push(unit("industry", scope, scope));
  return {
    batchId,
    units,
    totals: {
      received: apps.length,
      recommended: units.reduce((sum, item) => sum + item.recommended, 0),
      unitsWithApplications: units.filter((item) => item.received > 0).length,
      unitsNotClosed: units
        .filter((item) => item.received > 0 && !item.closedAt)
        .map((item) => item.unitName),
    },
  };
}

function assertOffice(actor: Actor, scope: { level: string; regionCode?: string }) {
  if (actor.role === "nationalOffice") return;
  if (actor.role === "provincialOffice" && scope.level === "region" && scope.regionCode === actor.regionCode)
    return;
  throw new AppError("FORBIDDEN", "只有组织本批次的办公室可以查看推荐进度");
}
