import {
  type Actor,
  type ApplicationStatus,
  type BatchDefinition,
  defaultRubric,
  type KindCode,
  officeActsOnBatch,
  type Rubric,
  rubricSchema,
  stageInbox,
} from "@linxuan/domain";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { readJson } from "../../db/json";
import type { Row } from "../../db/types";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { loadPublishedBatch } from "../batches/service";

export type ReviewRound = {
  batchId: string;
  perApplication: number;
  maxLoad: number;
  crossRegion: boolean;
  requireOutsideRegion: boolean;
  dispersionThreshold: number;
  dueAt: string | null;
  closesAt: string | null;
  rubrics: Partial<Record<KindCode, Rubric>>;
  scoresOpenedAt: string | null;
  /** Experts score training applications too; off, the office's 审核 alone brings them to 审定. */
  trainingExpertScoring: boolean;
  version: number;
};

/** `review_rounds.rubrics`, as an office sets it: one rubric per kind of institution. */
const roundRubricsJson = z.object({ training: rubricSchema.optional(), evaluation: rubricSchema.optional() });

export const roundSettingsSchema = z
  .object({
    perApplication: z.number().int().min(1, "每份申报至少1名专家").max(15, "每份申报不超过15名专家"),
    maxLoad: z.number().int().min(1, "每位专家至少评1份").max(500, "每位专家最多评500份"),
    crossRegion: z.boolean(),
    requireOutsideRegion: z.boolean(),
    dispersionThreshold: z.number().min(1, "离散阈值至少1分").max(100, "离散阈值不超过100分"),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    closesAt: z.iso.datetime({ offset: true }).nullable(),
    rubrics: roundRubricsJson,
    trainingExpertScoring: z.boolean().optional(),
    version: z.number().int().min(0),
  })
  .refine(
    (value) => !value.dueAt || !value.closesAt || Date.parse(value.closesAt) >= Date.parse(value.dueAt),
    {
      path: ["closesAt"],
      message: "评议关闭时间不能早于评议截止时间",
    },
  );

function toRound(row: Row<"reviewRounds">): ReviewRound {
  return {
    batchId: row.batchId,
    perApplication: Number(row.perApplication),
    maxLoad: Number(row.maxLoad),
    crossRegion: row.crossRegion === 1,
    requireOutsideRegion: row.requireOutsideRegion === 1,
    dispersionThreshold: Number(row.dispersionThreshold),
    dueAt: row.dueAt,
    closesAt: row.closesAt,
    rubrics: readJson("review_rounds.rubrics", roundRubricsJson, row.rubrics),
    scoresOpenedAt: row.scoresOpenedAt,
    trainingExpertScoring: Number(row.trainingExpertScoring) === 1,
    version: Number(row.version),
  };
}

/** The batch's review settings, or sound defaults (3 experts, at most 20 each, default rubrics). */
export async function loadRound(db: Db, batchId: string, batch: BatchDefinition): Promise<ReviewRound> {
  const row = await db
    .selectFrom("reviewRounds")
    .selectAll()
    .where("batchId", "=", batchId)
    .executeTakeFirst();
  if (row) return toRound(row);
  return {
    batchId,
    perApplication: 3,
    maxLoad: 20,
    crossRegion: false,
    requireOutsideRegion: false,
    dispersionThreshold: 20,
    dueAt: null,
    closesAt: null,
    rubrics: Object.fromEntries(batch.kinds.map((kind) => [kind, defaultRubric(kind)])),
    scoresOpenedAt: null,
    trainingExpertScoring: true,
    version: 0,
  };
}

/** Loads a published batch with expert review that the office acts on (`officeActsOnBatch`), or 404. */
export async function loadOfficeBatch(deps: Deps, actor: Actor, batchId: string) {
  const { batch } = await loadPublishedBatch(deps, batchId);
  if (!officeActsOnBatch(actor, batch)) throw notFound("批次");
  if (!batch.stages.some((stage) => stage.code === "expertReview"))
    throw new AppError("TRANSITION_NOT_ALLOWED", "本批次没有专家评议环节");
  return { batch, round: await loadRound(deps.db, batchId, batch) };
}

/** Statuses of applications waiting for or in expert review in this batch. */
export function reviewStatuses(batch: BatchDefinition): ApplicationStatus[] {
  return [
    ...stageInbox(
      "expertReview",
      batch.stages.map((stage) => stage.code),
    ),
    "underReview",
  ];
}

export async function saveRound(
  deps: Deps,
  caller: Caller,
  batchId: string,
  input: z.infer<typeof roundSettingsSchema>,
) {
  const actor = caller.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED", "请先登录");
  const { batch, round } = await loadOfficeBatch(deps, actor, batchId);
  if (round.version !== input.version)
    throw new AppError("VERSION_CONFLICT", "评议设置已被他人修改，请刷新后再改");
  for (const kind of batch.kinds) {
    if (!input.rubrics[kind])
      throw new AppError(
        "VALIDATION_FAILED",
        `请为${kind === "training" ? "培训" : "评价"}机构设置评分细则`,
        { fields: [{ path: `rubrics.${kind}`, message: "缺少评分细则" }] },
      );
  }
  const now = deps.clock().toISOString();
  const values = {
    perApplication: input.perApplication,
    maxLoad: input.maxLoad,
    crossRegion: input.crossRegion ? 1 : 0,
    requireOutsideRegion: input.requireOutsideRegion ? 1 : 0,
    dispersionThreshold: input.dispersionThreshold,
    dueAt: input.dueAt,
    closesAt: input.closesAt,
    rubrics: JSON.stringify(input.rubrics),
    trainingExpertScoring: (input.trainingExpertScoring ?? round.trainingExpertScoring) ? 1 : 0,
    updatedAt: now,
    updatedBy: caller.username,
  };
  await runCommand(
    deps,
    caller,
    "review.settings",
    async (trx) => {
      if (round.version === 0) {
        await trx
          .insertInto("reviewRounds")
          .values({ batchId, ...values, scoresOpenedAt: null, version: 1 })
          .execute();
        return;
      }
      const result = await trx
        .updateTable("reviewRounds")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("batchId", "=", batchId)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1)
        throw new AppError("VERSION_CONFLICT", "评议设置已被他人修改，请刷新后再改");
    },
    () => ({
      targetType: "batch",
      targetId: batchId,
      summary: `设置专家评议：每份${input.perApplication}名专家，每人最多${input.maxLoad}份${(input.trainingExpertScoring ?? round.trainingExpertScoring) ? "" : "；培训机构申报只审核、不评分"}`,
    }),
  );
  return loadRound(deps.db, batchId, batch);
}
