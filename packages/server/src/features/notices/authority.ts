import type { Actor } from "@linxuan/domain";
import type { Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";

/**
 * Which office publishes a notice (and handles its objections and confirms it): the national
 * office for any batch, a provincial office for its own region's batches — and, where the batch
 * says so (national batch: "拟列入目录的培训机构由属地省级人力资源社会保障部门同步公示"), for its
 * own region's training list. Anyone else gets 404, as for a batch they cannot see.
 */
export async function loadNoticeBatch(
  deps: Pick<Deps, "db">,
  actor: Actor,
  batchId: string,
  scope: { kind: string | null; regionCode: string | null },
) {
  const row = await findBatchRow(deps.db, batchId);
  if (row?.status !== "published") throw notFound("批次");
  const batch = parseDefinition(row);
  if (actor.role === "nationalOffice") return { batch };
  const ownBatch = batch.scope.level === "region" && batch.scope.regionCode === actor.regionCode;
  const localTraining =
    batch.scope.level === "national" &&
    batch.catalogPublisher.training === "provincial" &&
    scope.kind === "training" &&
    scope.regionCode !== null &&
    scope.regionCode === actor.regionCode;
  if (actor.role !== "provincialOffice" || !(ownBatch || localTraining)) throw notFound("批次");
  return { batch };
}

/** A notice and its batch, for the office that publishes it; 404 for anyone else. */
export async function loadOfficeNotice(deps: Pick<Deps, "db">, actor: Actor, id: string) {
  const notice = await deps.db
    .selectFrom("publicNotices")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!notice) throw notFound("公示");
  try {
    const { batch } = await loadNoticeBatch(deps, actor, notice.batchId, notice);
    return { notice, batch };
  } catch (error) {
    // Its batch is out of this office's reach: the notice is, too.
    if (error instanceof AppError && error.code === "NOT_FOUND") throw notFound("公示");
    throw error;
  }
}
