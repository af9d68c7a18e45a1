import { REVIEW_PLEDGE_TITLE, REVIEW_PLEDGE_VERSION, reviewPledgeParagraphs } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { loadOwnAssignment } from "./own-assignment";

/*
 * 评审承诺: once per batch's review round, before the first assignment is opened, the expert
 * accepts the pledge. Opening, downloading and scoring are refused until then.
 */

async function findPledge(db: Db, batchId: string, expertId: string) {
  return db
    .selectFrom("reviewPledges")
    .selectAll()
    .where("batchId", "=", batchId)
    .where("expertId", "=", expertId)
    .executeTakeFirst();
}

/** Refuses with PLEDGE_REQUIRED unless the expert has accepted the pledge for the batch. */
export async function requirePledge(db: Db, batchId: string, expertId: string) {
  if (!(await findPledge(db, batchId, expertId)))
    throw new AppError("PLEDGE_REQUIRED", "请先阅读并接受本批次的评审承诺，再打开评议材料或评分");
}

/** The pledge of the assignment's batch, and when the expert accepted it (null if not yet). */
export async function loadPledge(deps: Deps, caller: Caller, assignmentId: string) {
  const { expert, assignment, batch } = await loadOwnAssignment(deps, caller, assignmentId);
  const pledge = await findPledge(deps.db, assignment.batchId, expert.id);
  return {
    batchTitle: batch.title,
    version: pledge?.pledgeVersion ?? REVIEW_PLEDGE_VERSION,
    title: REVIEW_PLEDGE_TITLE,
    paragraphs: [...reviewPledgeParagraphs],
    acceptedAt: pledge?.acceptedAt ?? null,
  };
}

/** The expert accepts the pledge for the assignment's batch; accepting twice keeps the first. */
export async function acceptPledge(deps: Deps, caller: Caller, assignmentId: string) {
  const { expert, assignment, batch } = await loadOwnAssignment(deps, caller, assignmentId);
  if (!(await findPledge(deps.db, assignment.batchId, expert.id))) {
    const now = deps.clock().toISOString();
    await runCommand(
      deps,
      caller,
      "review.acceptPledge",
      async (trx) => {
        await trx
          .insertInto("reviewPledges")
          .values({
            batchId: assignment.batchId,
            expertId: expert.id,
            pledgeVersion: REVIEW_PLEDGE_VERSION,
            acceptedAt: now,
            acceptedBy: caller.username ?? "",
          })
          .onConflict((oc) => oc.columns(["batchId", "expertId"]).doNothing())
          .execute();
      },
      () => ({
        targetType: "batch",
        targetId: assignment.batchId,
        summary: `专家${expert.name}接受评审承诺（${batch.shortTitle}，第${REVIEW_PLEDGE_VERSION}版）`,
        detail: { expertId: expert.id, version: REVIEW_PLEDGE_VERSION },
      }),
    );
  }
  return loadPledge(deps, caller, assignmentId);
}
