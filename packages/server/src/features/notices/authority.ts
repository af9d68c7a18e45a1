import type { Actor } from "@linxuan/domain";
import type { Deps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";
import { loadOfficeBatch } from "../review/round";

/**
 * Which office publishes a notice (and handles its objections and confirms it): the office that
 * runs the batch — and, where the batch says so (national batch: "拟列入目录的培训机构由属地省级
 * 人力资源社会保障部门同步公示"), the provincial office for its own region's training list.
 * Anyone else gets 404, as for a batch they cannot see.
 */
export async function loadNoticeBatch(
  deps: Deps,
  actor: Actor,
  batchId: string,
  scope: { kind: string | null; regionCode: string | null },
) {
  if (actor.role === "provincialOffice") {
    const row = await findBatchRow(deps.db, batchId);
    if (!row || row.status !== "published") throw notFound("批次");
    const batch = parseDefinition(row);
    const ownBatch = batch.scope.level === "region" && batch.scope.regionCode === actor.regionCode;
    const localTraining =
      batch.scope.level === "national" &&
      batch.catalogPublisher.training === "provincial" &&
      scope.kind === "training" &&
      scope.regionCode !== null &&
      scope.regionCode === actor.regionCode;
    if (ownBatch) return loadOfficeBatch(deps, actor, batchId);
    if (!localTraining) throw notFound("批次");
    return { batch };
  }
  return loadOfficeBatch(deps, actor, batchId);
}
