import crypto from "node:crypto";
import { drawExperts, MAX_DRAW_SEED, occupationName } from "@linxuan/domain";
import { occupationsJson, readJson, reviewDrawsJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { applyAssignments, reviewContext } from "./assignment";
import { loadOfficeBatch, reviewStatuses } from "./round";

/**
 * 随机抽取: the experts each application still needs, drawn at random from its eligible pool
 * (回避 honoured, the round's maximum load kept). The seed is chosen by the platform unless the
 * office gives one (to draw a recorded draw again); applications and experts are ordered by id,
 * so the same seed over the same pool gives the same draw. `apply` saves it: the assignments,
 * the draw with its seed (`review_draws`) and the audit event, in one transaction.
 */
export async function randomDraw(
  deps: Deps,
  caller: Caller,
  batchId: string,
  input: { seed?: number | undefined; apply: boolean },
) {
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  const context = await reviewContext(deps, batchId, round, reviewStatuses(batch));
  const seed = input.seed ?? crypto.randomInt(0, MAX_DRAW_SEED + 1);
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const applications = [...context.applications].sort(byId);
  const experts = [...context.experts].sort(byId);
  const load = new Map<string, number>();
  for (const assignment of context.assignments)
    load.set(assignment.expertId, (load.get(assignment.expertId) ?? 0) + 1);
  const result = drawExperts({
    applications: applications.map((application) => ({
      id: application.id,
      occupation: application.occupation,
      existing: context.assignments
        .filter((assignment) => assignment.applicationId === application.id)
        .map((assignment) => assignment.expertId),
    })),
    experts: experts.map((expert) => ({
      id: expert.id,
      occupations: readJson("experts.occupations", occupationsJson, expert.occupations),
      active: expert.active === 1,
      load: load.get(expert.id) ?? 0,
    })),
    conflicts: new Set(context.conflicts.keys()),
    perApplication: round.perApplication,
    maxLoad: round.maxLoad,
    seed,
  });
  const applicationById = new Map(applications.map((application) => [application.id, application]));
  const expertById = new Map(experts.map((expert) => [expert.id, expert]));
  const draws = result.draws
    .filter((draw) => draw.expertIds.length > 0 || draw.missing > 0)
    .map((draw) => {
      const application = applicationById.get(draw.applicationId);
      return {
        applicationId: draw.applicationId,
        institutionName: application?.institutionName ?? "",
        occupationName: application ? occupationName(application.occupation) : "",
        experts: draw.expertIds.map((expertId) => ({
          expertId,
          name: expertById.get(expertId)?.name ?? "",
          employer: expertById.get(expertId)?.employer ?? "",
        })),
        missing: draw.missing,
        reason: draw.reason,
      };
    });
  if (input.apply) {
    const proposals = result.draws.flatMap((draw) =>
      draw.expertIds.map((expertId) => ({ applicationId: draw.applicationId, expertId })),
    );
    if (proposals.length === 0)
      throw new AppError(
        "ASSIGNMENT_INVALID",
        "没有可抽取的专家：各申报已有足够专家，或专家库中没有可抽取的专家",
      );
    await applyAssignments(deps, caller, batchId, proposals, "random", {
      seed,
      perApplication: round.perApplication,
      result: result.draws,
    });
  }
  return {
    seed,
    perApplication: round.perApplication,
    applied: input.apply,
    drawnAt: deps.clock().toISOString(),
    draws,
  };
}

/** The draws saved for a batch, newest first, each with its seed. */
export async function listDraws(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  await loadOfficeBatch(deps, actor, batchId);
  const rows = await deps.db
    .selectFrom("reviewDraws")
    .selectAll()
    .where("batchId", "=", batchId)
    .orderBy("drawnAt", "desc")
    .execute();
  return rows.map((row) => {
    const draws = readJson("review_draws.result", reviewDrawsJson, row.result);
    return {
      id: row.id,
      seed: Number(row.seed),
      perApplication: Number(row.perApplication),
      drawnAt: row.drawnAt,
      drawnBy: row.drawnBy,
      assigned: draws.reduce((sum, draw) => sum + draw.expertIds.length, 0),
      missing: draws.reduce((sum, draw) => sum + draw.missing, 0),
    };
  });
}
