import crypto from "node:crypto";
import {
  type ApplicationStatus,
  assignExperts,
  type Conflict,
  type ConflictOverride,
  conflictPairKey,
  detectConflicts,
  effectiveConflicts,
  formValuesSchema,
  getFormTemplate,
  occupationName,
  parseApplicationNumber,
} from "@linxuan/domain";
import { occupationsJson, readJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { openValues } from "../applications/sealing";
import { transition } from "../applications/transition";
import { notify } from "../notifications/service";
import { loadOfficeBatch, type ReviewRound, reviewStatuses } from "./round";

/** Everything assignment needs about a batch: candidates, experts, live assignments and conflicts. */
export async function reviewContext(
  deps: Deps,
  batchId: string,
  round: ReviewRound,
  statuses: ApplicationStatus[],
  progress?: (done: number, total: number) => Promise<void>,
) {
  const applications = await deps.db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .select([
      "applications.id",
      "applications.number",
      "applications.kind",
      "applications.occupation",
      "applications.status",
      "applications.templateId",
      "applications.draftValues",
      "institutions.name as institutionName",
      "institutions.creditCode",
      "institutions.regionCode",
    ])
    .where("applications.batchId", "=", batchId)
    .where("applications.status", "in", statuses)
    // Without expert scoring for training applications, the office's 审核 alone decides them.
    .$if(!round.trainingExpertScoring, (qb) => qb.where("applications.kind", "!=", "training"))
    // An application the office's 审核 did not pass cannot be approved: no expert is spent on it.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("recommendationChecks")
            .select("recommendationChecks.applicationId")
            .whereRef("recommendationChecks.applicationId", "=", "applications.id")
            .where("recommendationChecks.outcome", "=", "failed"),
        ),
      ),
    )
    .execute();
  const experts = await deps.db.selectFrom("experts").selectAll().execute();
  const assignments = await deps.db
    .selectFrom("reviewAssignments")
    .selectAll()
    .where("batchId", "=", batchId)
    .where("removedAt", "is", null)
    .execute();
  const records = await deps.db.selectFrom("conflictRecords").selectAll().execute();
  const conflicts = new Map<string, Conflict[]>();
  for (const [index, application] of applications.entries()) {
    if (index % 10 === 0) {
      // Conflict checks are CPU work: let the event loop serve requests between slices.
      await new Promise((resolve) => setImmediate(resolve));
      await progress?.(index, applications.length);
    }
    const template = getFormTemplate(application.templateId);
    if (!template) continue;
    const values = openValues(
      template,
      readJson("applications.draft_values", formValuesSchema, application.draftValues),
      deps.cipher,
    );
    for (const expert of experts) {
      const occupations = readJson("experts.occupations", occupationsJson, expert.occupations);
      if (!occupations.includes(application.occupation)) continue;
      const detected = detectConflicts({
        expert: {
          name: expert.name,
          employer: expert.employer,
          employerCreditCode: expert.employerCreditCode,
          phone: expert.phoneEnc ? deps.cipher.decrypt(expert.phoneEnc) : "",
          email: expert.email ?? "",
          regionCode: expert.regionCode as never,
        },
        application: {
          institutionName: application.institutionName,
          creditCode: application.creditCode,
          regionCode: application.regionCode,
          values,
        },
        crossRegion: round.crossRegion,
      });
      const pair = records.filter(
        (record) => record.expertId === expert.id && record.applicationId === application.id,
      );
      const effective = effectiveConflicts(
        detected,
        pair.filter((record) => record.action === "declare").map((record) => ({ reason: record.reason })),
        pair
          .filter((record) => record.action === "pin" || record.action === "clear")
          .map((record) => ({
            type: record.conflictType,
            action: record.action as ConflictOverride["action"],
            reason: record.reason,
          })),
      );
      if (effective.length > 0) conflicts.set(conflictPairKey(expert.id, application.id), effective);
    }
  }
  await progress?.(applications.length, applications.length);
  return { applications, experts, assignments, conflicts };
}

type Proposal = { applicationId: string; expertId: string };

/** Automatic assignment, computed but not stored: the office looks at it first. */
export async function previewAssignment(
  deps: Deps,
  caller: Caller,
  batchId: string,
  progress?: (done: number, total: number) => Promise<void>,
) {
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  const context = await reviewContext(deps, batchId, round, reviewStatuses(batch), progress);
  const load = new Map<string, number>();
  for (const assignment of context.assignments)
    load.set(assignment.expertId, (load.get(assignment.expertId) ?? 0) + 1);
  const result = assignExperts({
    applications: context.applications.map((application) => ({
      id: application.id,
      occupation: application.occupation,
      regionCode: application.regionCode,
      existing: context.assignments
        .filter((assignment) => assignment.applicationId === application.id)
        .map((assignment) => assignment.expertId),
    })),
    experts: context.experts.map((expert) => ({
      id: expert.id,
      occupations: readJson("experts.occupations", occupationsJson, expert.occupations),
      regionCode: expert.regionCode,
      active: expert.active === 1,
      load: load.get(expert.id) ?? 0,
    })),
    conflicts: new Set(context.conflicts.keys()),
    perApplication: round.perApplication,
    maxLoad: round.maxLoad,
    requireOutsideRegion: round.requireOutsideRegion,
    seed: 20261123,
  });
  const applicationById = new Map(context.applications.map((application) => [application.id, application]));
  const expertById = new Map(context.experts.map((expert) => [expert.id, expert]));
  return {
    settings: {
      perApplication: round.perApplication,
      maxLoad: round.maxLoad,
      requireOutsideRegion: round.requireOutsideRegion,
    },
    assignments: result.assignments.map((item) => ({
      ...item,
      institutionName: applicationById.get(item.applicationId)?.institutionName ?? "",
      occupationName: occupationName(applicationById.get(item.applicationId)?.occupation ?? "ai"),
      expertName: expertById.get(item.expertId)?.name ?? "",
      expertEmployer: expertById.get(item.expertId)?.employer ?? "",
    })),
    unstaffed: result.unstaffed.map((item) => ({
      ...item,
      institutionName: applicationById.get(item.applicationId)?.institutionName ?? "",
    })),
    withoutOutsideExpert: result.withoutOutsideExpert,
    loads: context.experts.map((expert) => ({
      expertId: expert.id,
      name: expert.name,
      load: result.loads[expert.id] ?? 0,
    })),
    stats: result.stats,
    conflictsAvoided: context.conflicts.size,
  };
}

/**
 * Stores assignments all at once: each pair is checked again (still a candidate, matching
 * occupation, no conflict, expert active and under the maximum load) and a single bad pair
 * refuses the whole set. Applications start their expert review (startReview) in the same
 * transaction.
 */
export async function applyAssignments(
  deps: Deps,
  caller: Caller,
  batchId: string,
  proposals: Proposal[],
  source: "auto" | "manual" | "csv" | "random",
  draw?: { seed: number; perApplication: number; result: unknown },
) {
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  const context = await reviewContext(deps, batchId, round, reviewStatuses(batch));
  const applications = new Map(context.applications.map((application) => [application.id, application]));
  const experts = new Map(context.experts.map((expert) => [expert.id, expert]));
  const load = new Map<string, number>();
  for (const assignment of context.assignments)
    load.set(assignment.expertId, (load.get(assignment.expertId) ?? 0) + 1);
  const live = new Set(
    context.assignments.map((assignment) => conflictPairKey(assignment.expertId, assignment.applicationId)),
  );
  const problems: { path: string; message: string }[] = [];
  proposals.forEach((proposal, index) => {
    const application = applications.get(proposal.applicationId);
    const expert = experts.get(proposal.expertId);
    const key = conflictPairKey(proposal.expertId, proposal.applicationId);
    if (!application) problems.push({ path: `assignments.${index}`, message: "该申报不在待评议状态" });
    else if (expert?.active !== 1)
      problems.push({ path: `assignments.${index}`, message: "专家不存在或已停用" });
    else if (
      !readJson("experts.occupations", occupationsJson, expert.occupations).includes(application.occupation)
    ) {
      problems.push({
        path: `assignments.${index}`,
        message: `${expert.name}的评议职业不含${occupationName(application.occupation)}`,
      });
    } else if (context.conflicts.has(key)) {
      const reasons = context.conflicts
        .get(key)
        ?.map((conflict) => conflict.reason)
        .join("；");
      problems.push({
        path: `assignments.${index}`,
        message: `${expert.name}与${application.institutionName}存在利益冲突，须回避：${reasons}`,
      });
    } else if (live.has(key))
      problems.push({
        path: `assignments.${index}`,
        message: `${expert.name}已分配评议${application.institutionName}`,
      });
    else {
      const next = (load.get(expert.id) ?? 0) + 1;
      if (next > round.maxLoad)
        problems.push({
          path: `assignments.${index}`,
          message: `${expert.name}的评议数量将超过上限${round.maxLoad}份`,
        });
      load.set(expert.id, next);
      live.add(key);
    }
  });
  if (problems.length > 0)
    throw new AppError("ASSIGNMENT_INVALID", `有${problems.length}项分配不能保存：${problems[0]?.message}`, {
      fields: problems,
    });
  const now = deps.clock().toISOString();
  const stages = batch.stages.map((stage) => stage.code);
  await runCommand(
    deps,
    caller,
    "review.assign",
    async (trx) => {
      if (draw) {
        await trx
          .insertInto("reviewDraws")
          .values({
            id: crypto.randomUUID(),
            batchId,
            seed: String(draw.seed),
            perApplication: draw.perApplication,
            result: JSON.stringify(draw.result),
            drawnAt: now,
            drawnBy: caller.username ?? "",
          })
          .execute();
      }
      for (const proposal of proposals) {
        await trx
          .insertInto("reviewAssignments")
          .values({
            id: crypto.randomUUID(),
            batchId,
            applicationId: proposal.applicationId,
            expertId: proposal.expertId,
            source,
            assignedAt: now,
            assignedBy: caller.username ?? "",
            removedAt: null,
            removedReason: null,
          })
          .execute();
      }
      const expertUsers = new Map(context.experts.map((expert) => [expert.id, expert.userId]));
      const perExpert = new Map<string, number>();
      for (const proposal of proposals)
        perExpert.set(proposal.expertId, (perExpert.get(proposal.expertId) ?? 0) + 1);
      for (const [expertId, count] of perExpert) {
        await notify(trx, deps, {
          userIds: [expertUsers.get(expertId) ?? ""],
          event: "assigned",
          detail: `您有${count}份新的评议任务（${batch.shortTitle}）${round.dueAt ? `，请于${round.dueAt.slice(0, 10)}前完成评分` : ""}。`,
          link: "/workbench/expert-review",
        });
      }
      for (const applicationId of new Set(proposals.map((proposal) => proposal.applicationId))) {
        const application = applications.get(applicationId);
        if (!application || application.status === "underReview") continue;
        await transition(trx, deps, {
          status: application.status,
          command: "startReview",
          role: actor.role,
          stages,
          applicationId,
          set: { updatedAt: now },
          conflictMessage: `${application.institutionName}的申报状态已变化，请重新预览`,
        });
      }
    },
    () => ({
      targetType: "batch",
      targetId: batchId,
      summary: draw
        ? `随机抽取评议专家${proposals.length}人次（随机种子${draw.seed}）`
        : `${source === "auto" ? "自动" : source === "csv" ? "批量" : "手工"}分配评议专家${proposals.length}人次`,
      detail: draw ? { seed: draw.seed, perApplication: draw.perApplication, draws: draw.result } : null,
    }),
  );
  return { applied: proposals.length };
}

/** Removes an assignment (reassignment, overdue review) with a reason; submitted scores stay in history. */
export async function removeAssignment(deps: Deps, caller: Caller, assignmentId: string, reason: string) {
  const actor = requireActorOf(caller);
  const assignment = await deps.db
    .selectFrom("reviewAssignments")
    .selectAll()
    .where("id", "=", assignmentId)
    .where("removedAt", "is", null)
    .executeTakeFirst();
  if (!assignment) throw notFound("评议分配");
  await loadOfficeBatch(deps, actor, assignment.batchId);
  await runCommand(
    deps,
    caller,
    "review.unassign",
    (trx) =>
      trx
        .updateTable("reviewAssignments")
        .set({ removedAt: deps.clock().toISOString(), removedReason: reason })
        .where("id", "=", assignmentId)
        .execute(),
    () => ({
      targetType: "application",
      targetId: assignment.applicationId,
      summary: `取消专家评议分配：${reason}`,
    }),
  );
}

/**
 * The applications in (or waiting for) expert review, each with its experts and the experts in
 * conflict with it and why: what the office needs for manual assignment and for pinning or
 * clearing a conflict.
 */
export async function reviewCandidates(deps: Deps, caller: Caller, batchId: string) {
  const actor = requireActorOf(caller);
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  const context = await reviewContext(deps, batchId, round, reviewStatuses(batch));
  const experts = new Map(context.experts.map((expert) => [expert.id, expert]));
  return context.applications.map((application) => ({
    applicationId: application.id,
    applicationNumber: application.number,
    institutionName: application.institutionName,
    occupation: application.occupation,
    occupationName: occupationName(application.occupation),
    status: application.status,
    experts: context.assignments
      .filter((assignment) => assignment.applicationId === application.id)
      .map((assignment) => ({
        assignmentId: assignment.id,
        expertId: assignment.expertId,
        name: experts.get(assignment.expertId)?.name ?? "",
      })),
    conflicts: [...context.conflicts]
      .filter(([key]) => key.endsWith(`|${application.id}`))
      .map(([key, conflicts]) => {
        const expertId = key.split("|")[0] ?? "";
        return { expertId, name: experts.get(expertId)?.name ?? "", conflicts };
      }),
  }));
}

/**
 * The applications a CSV names, by 申报编号 (as printed on the forms; spaces, hyphens and lower
 * case forgiven) or, as before, by internal id: each reference mapped to the id in this batch, or
 * left as it was when it names none (the assignment check then reports that row).
 */
export async function resolveApplicationRefs(
  deps: Deps,
  batchId: string,
  refs: readonly string[],
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  for (const ref of refs) {
    const parsed = parseApplicationNumber(ref);
    if (parsed.ok) numbers.set(ref, parsed.number);
  }
  const wanted = [...new Set(numbers.values())];
  const rows =
    wanted.length === 0
      ? []
      : await deps.db
          .selectFrom("applications")
          .select(["id", "number"])
          .where("batchId", "=", batchId)
          .where("number", "in", wanted)
          .execute();
  const idByNumber = new Map(rows.map((row) => [row.number, row.id]));
  return new Map(refs.map((ref) => [ref, idByNumber.get(numbers.get(ref) ?? "") ?? ref]));
}
