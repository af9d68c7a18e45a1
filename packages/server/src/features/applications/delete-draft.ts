import { applicationStatusNames, kindName, occupationName } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { jobsMentionFile } from "../../jobs/queue";
import { findEvidence } from "../supervision/evidence";
import { loadApplication } from "./context";
import { attachmentsHoldFile, deleteDraftRows } from "./queries";

/** What a refused deletion says: only a draft, never sent to anyone, can go. */
function notDeletable(status: string): AppError {
  const name = applicationStatusNames[status as keyof typeof applicationStatusNames] ?? status;
  return new AppError(
    "APPLICATION_NOT_DELETABLE",
    `只能删除未提交的草稿；该申报当前状态为“${name}”，已提交的申报可在专家评议开始前撤回`,
  );
}

/**
 * Whether any record still holds the file: another attachment (of any application), evidence of
 * an objection or complaint, a job's input or output. Equal content is stored once for all.
 */
async function fileStillHeld(deps: Deps, db: Db, sha256: string): Promise<boolean> {
  if (await attachmentsHoldFile(db, sha256)) return true;
  if (await jobsMentionFile(db, sha256)) return true;
  try {
    await findEvidence({ ...deps, db }, sha256);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}

/**
 * 删除草稿: the owner deletes an application it never submitted, with its attachments, in one
 * audited command; then the attachments' files that no other record holds leave the file store.
 * Anyone else gets 404 (existence does not leak); a submitted application is refused, also when
 * it was submitted in another window between reading and deleting.
 */
export async function deleteDraft(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  if (ctx.row.status !== "draft") throw notDeletable(ctx.row.status);
  const files = await runCommand(
    deps,
    caller,
    "application.deleteDraft",
    async (trx) => {
      const deleted = await deleteDraftRows(trx, id);
      if (!deleted) {
        const now = await loadApplication({ ...deps, db: trx }, actor, id).catch(() => undefined);
        throw notDeletable(now?.row.status ?? "submitted");
      }
      return deleted;
    },
    (deleted) => ({
      targetType: "application",
      targetId: id,
      summary: `删除草稿：${ctx.batch.shortTitle}·${kindName(ctx.row.kind)}·${occupationName(ctx.row.occupation)}（附件${deleted.length}个）`,
      detail: { attachments: deleted.map((file) => file.sha256) },
    }),
  );
  let filesRemoved = 0;
  for (const sha256 of new Set(files.map((file) => file.sha256))) {
    // After the commit: a failure here leaves an unreferenced file, never a record without its file.
    if (await fileStillHeld(deps, deps.db, sha256)) continue;
    await deps.files.remove(sha256);
    filesRemoved += 1;
  }
  return { deleted: true as const, attachmentsRemoved: files.length, filesRemoved };
}
