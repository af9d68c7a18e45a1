import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { findBatchRow, parseDefinition } from "../batches/service";
import { findExpertByUser } from "../experts/service";
import { loadRound } from "./round";

/** The expert profile of the signed-in account; an account without one simply has nothing assigned. */
export async function findOwnExpert(deps: Deps, caller: Caller) {
  return findExpertByUser(deps.db, requireActorOf(caller).userId);
}

/** An expert's own live assignment, or 404: experts open only what is assigned to them. */
export async function loadOwnAssignment(deps: Deps, caller: Caller, assignmentId: string) {
  const expert = await findOwnExpert(deps, caller);
  if (!expert) throw notFound("评议任务");
  const assignment = await deps.db
    .selectFrom("reviewAssignments")
    .selectAll()
    .where("id", "=", assignmentId)
    .where("expertId", "=", expert.id)
    .where("removedAt", "is", null)
    .executeTakeFirst();
  if (!assignment) throw notFound("评议任务");
  const batchRow = await findBatchRow(deps.db, assignment.batchId);
  if (!batchRow) throw notFound("评议任务");
  const batch = parseDefinition(batchRow);
  const round = await loadRound(deps.db, assignment.batchId, batch);
  return { expert, assignment, batch, round };
}
