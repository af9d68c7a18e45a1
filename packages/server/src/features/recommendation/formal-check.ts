import {
  checkPaperReceipt,
  type LatePaperDecision,
  latePaperDecisionLabels,
  occupationName,
  shanghaiChineseDate,
  shanghaiDate,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { missingAfterSubmissionAttachments } from "../applications/attachments";
import { loadApplication } from "../applications/context";
import { checkTransition, STATUS_CHANGED, transition } from "../applications/transition";
import { getApplication } from "../applications/view";
import { assertFormalCheckOpen } from "./recommender";

/**
 * 纸质材料接收: the receiving centre records how many stamped paper copies arrived and when.
 * Copies that came after the batch's paper deadline are flagged, and the centre records whether
 * it takes them (逾期接收) or not (不予接收) with its reason; refused copies block the formal check.
 */
export async function recordPaperReceipt(
  deps: Deps,
  caller: Caller,
  id: string,
  input: {
    copies: number;
    receivedOn: string;
    note?: string | null | undefined;
    lateDecision?: LatePaperDecision | null | undefined;
    lateReason?: string | null | undefined;
  },
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (actor.role !== "receivingCentre") throw new AppError("FORBIDDEN", "只有材料接收中心可以登记纸质材料");
  assertFormalCheckOpen(ctx.batch, deps.clock());
  if (!["submitted", "resubmitted"].includes(ctx.row.status)) {
    throw new AppError("TRANSITION_NOT_ALLOWED", "只能为已提交、待形式审查的申报登记纸质材料");
  }
  const { timing, problems } = checkPaperReceipt(input, {
    today: shanghaiDate(deps.clock()),
    paperDeadline: ctx.batch.paperDeadline,
  });
  const [first] = problems;
  if (first) {
    throw new AppError("VALIDATION_FAILED", first.message, {
      fields: problems.map((problem) => ({ path: problem.path, message: problem.message })),
    });
  }
  const lateDecision = timing.late ? (input.lateDecision ?? null) : null;
  const lateReason = timing.late ? (input.lateReason?.trim() ?? null) : null;
  const now = deps.clock().toISOString();
  const late =
    timing.late && lateDecision
      ? `，逾期${timing.daysLate}天，${latePaperDecisionLabels[lateDecision]}（${lateReason}）`
      : "";
  await runCommand(
    deps,
    caller,
    "application.paperReceipt",
    async (trx) => {
      await trx.deleteFrom("paperReceipts").where("applicationId", "=", id).execute();
      await trx
        .insertInto("paperReceipts")
        .values({
          applicationId: id,
          copies: input.copies,
          receivedOn: input.receivedOn,
          note: input.note ?? null,
          lateDecision,
          lateReason,
          recordedAt: now,
          recordedBy: caller.username ?? "",
        })
        .execute();
    },
    () => ({
      targetType: "application",
      targetId: id,
      summary: `登记纸质材料：${input.copies}份，${shanghaiChineseDate(`${input.receivedOn}T12:00:00+08:00`)}接收${late}${input.note ? `（${input.note}）` : ""}`,
    }),
  );
  return getApplication(deps, caller, id);
}

/**
 * 形式审查通过: only once the required paper copies (一式N份) are recorded as received (and not
 * refused as late), with the centre's opinion when it gives one.
 */
export async function passFormalCheck(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { opinion?: string | null | undefined } = {},
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const check = {
    status: ctx.row.status,
    command: "passFormalCheck",
    role: actor.role,
    stages: ctx.batch.stages.map((stage) => stage.code),
  } as const;
  checkTransition(check);
  assertFormalCheckOpen(ctx.batch, deps.clock());
  const receipt = await deps.db
    .selectFrom("paperReceipts")
    .selectAll()
    .where("applicationId", "=", id)
    .executeTakeFirst();
  if (receipt?.lateDecision === "refused") {
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `逾期报送的纸质材料已不予接收（${receipt.lateReason ?? ""}），不能通过形式审查，可退回申报`,
    );
  }
  if (ctx.batch.paperCopies > 0 && (!receipt || Number(receipt.copies) < ctx.batch.paperCopies)) {
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `纸质材料应为一式${ctx.batch.paperCopies}份，${receipt ? `目前只登记了${receipt.copies}份` : "尚未登记接收"}，不能通过形式审查`,
    );
  }
  const missing = await missingAfterSubmissionAttachments(deps, ctx);
  if (missing.length > 0) {
    throw new AppError(
      "APPLICATION_INCOMPLETE",
      `申报单位尚未上传${missing.map((name) => `“${name}”`).join("、")}，不能通过形式审查`,
      { fields: missing.map((name) => ({ path: "attachments", message: `尚未上传：${name}` })) },
    );
  }
  const opinion = input.opinion?.trim() || null;
  const now = deps.clock().toISOString();
  const moved = await runCommand(
    deps,
    caller,
    "application.passFormalCheck",
    async (trx) => {
      const { moved } = await transition(trx, deps, {
        ...check,
        applicationId: id,
        set: { updatedAt: now },
        notifications: [
          {
            institutionId: ctx.row.institutionId,
            event: "formallyChecked",
            detail: `${ctx.batch.shortTitle}·${occupationName(ctx.row.occupation)}申报已通过形式审查，进入专家评议。`,
            link: `/workbench/applications/${id}`,
          },
        ],
        onConflict: "skip",
      });
      if (moved) {
        await trx.deleteFrom("formalChecks").where("applicationId", "=", id).execute();
        await trx
          .insertInto("formalChecks")
          .values({ applicationId: id, opinion, checkedAt: now, checkedBy: caller.username ?? "" })
          .execute();
      }
      return moved;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok ? `形式审查通过${opinion ? `（意见：${opinion}）` : ""}` : "形式审查被拒绝：状态已变化",
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", STATUS_CHANGED);
  return getApplication(deps, caller, id);
}

/**
 * What the applicant (and anyone who may see the application) is shown of 纸质材料接收 and 形式审查:
 * the copies the batch asks for, the receipt as recorded (late or not), and the check's outcome.
 */
export async function getPaperAndFormalCheck(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const [receipt, check] = await Promise.all([
    deps.db.selectFrom("paperReceipts").selectAll().where("applicationId", "=", id).executeTakeFirst(),
    deps.db.selectFrom("formalChecks").selectAll().where("applicationId", "=", id).executeTakeFirst(),
  ]);
  return {
    applies: ctx.batch.stages.some((stage) => stage.code === "formalCheck"),
    paperCopies: ctx.batch.paperCopies,
    paperDeadline: ctx.batch.paperDeadline,
    submitTo: ctx.batch.submitTo,
    paperReceipt: receipt
      ? {
          copies: Number(receipt.copies),
          receivedOn: receipt.receivedOn,
          lateDecision: receipt.lateDecision,
          lateReason: receipt.lateReason,
          note: receipt.note,
        }
      : null,
    formalCheck: check ? { passedAt: check.checkedAt, opinion: check.opinion } : null,
  };
}
