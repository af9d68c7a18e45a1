import { type Actor, canActOnPublicNotice } from "@linxuan/domain";
import type { Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { loadPublishedBatch } from "../batches/service";

/**
 * A published batch for the office that publishes a notice of it (and handles its objections and
 * confirms it), as `canActOnPublicNotice` says. Anyone else gets 404, as for a batch they cannot see.
 */
export async function loadPublicNoticeBatch(
  deps: Pick<Deps, "db">,
  actor: Actor,
  batchId: string,
  scope: { kind: string | null; regionCode: string | null },
) {
  const { batch, row } = await loadPublishedBatch(deps, batchId);
  if (!canActOnPublicNotice(actor, batch, scope)) throw notFound("批次");
  return { batch, row };
}

/** A notice and its batch, for the office that publishes it; 404 for anyone else. */
export async function loadOfficePublicNotice(deps: Pick<Deps, "db">, actor: Actor, id: string) {
  const publicNotice = await deps.db
    .selectFrom("publicNotices")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!publicNotice) throw notFound("公示");
  try {
    const { batch, row } = await loadPublicNoticeBatch(deps, actor, publicNotice.batchId, publicNotice);
    return { publicNotice, batch, isDemo: row.isDemo === 1 };
  } catch (error) {
    // Its batch is out of this office's reach: the notice is, too.
    if (error instanceof AppError && error.code === "NOT_FOUND") throw notFound("公示");
    throw error;
  }
}
