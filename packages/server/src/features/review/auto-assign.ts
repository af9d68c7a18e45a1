import { z } from "zod";
import { jobRequesterJson, readJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { jobCaller, startRequestedJob } from "../../jobs/caller";
import type { JobHandler } from "../../jobs/runner";
import { applyAssignments, previewAssignment } from "./assignment";
import { loadOfficeBatch } from "./round";

/**
 * 自动分配 as a background job: matching every candidate against every expert (conflict checks on
 * the opened forms) takes long for a large batch. `apply: false` computes the proposal for the
 * office to look at and confirm (the result is the preview); `apply: true` also saves it, all at
 * once and checked again, exactly as a confirmed preview would be.
 */
export const AUTO_ASSIGN_JOB = "review.autoAssign";

/** `jobs.payload` of an automatic assignment: the batch, whether to save, and who asked. */
const payloadJson = z.looseObject({ batchId: z.string(), apply: z.boolean(), requester: jobRequesterJson });

export async function startAutoAssign(deps: Deps, caller: Caller, batchId: string, apply: boolean) {
  const actor = requireActorOf(caller);
  const { batch } = await loadOfficeBatch(deps, actor, batchId);
  const mode = apply ? "计算并保存" : "仅计算方案";
  const jobId = await startRequestedJob(deps, caller, {
    type: AUTO_ASSIGN_JOB,
    payload: { batchId, apply },
    description: `${batch.shortTitle}（${mode}）`,
    audit: "review.autoAssign",
    record: {
      targetType: "batch",
      targetId: batchId,
      summary: `发起自动分配评议专家（${mode}）：${batch.shortTitle}`,
    },
  });
  return { jobId };
}

export const runAutoAssign: JobHandler = async ({ deps, job, progress }) => {
  const payload = readJson("jobs.payload", payloadJson, job.payload);
  const caller = await jobCaller(deps, payload.requester, "review.manage", job.id);
  const preview = await previewAssignment(deps, caller, payload.batchId, (done, total) =>
    progress(total === 0 ? 0 : (done / total) * 0.9, `正在核查利益冲突：${done}/${total}份申报`),
  );
  if (!payload.apply) return { ...preview, applied: null };
  await progress(0.92, `正在保存${preview.assignments.length}人次分配`);
  const saved =
    preview.assignments.length > 0
      ? await applyAssignments(
          deps,
          caller,
          payload.batchId,
          preview.assignments.map((item) => ({ applicationId: item.applicationId, expertId: item.expertId })),
          "auto",
        )
      : { applied: 0 };
  return { ...preview, applied: saved.applied };
};
