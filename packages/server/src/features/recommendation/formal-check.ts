import { canTransition, type OccupationCode, occupationName } from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import { shanghaiDate } from "../../http/dates";
import type { Caller, Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { loadApplication } from "../applications/context";
import { transitionStatus } from "../applications/queries";
import { getApplication } from "../applications/service";
import { institutionUserIds, notify } from "../notifications/service";
import { assertFormalCheckOpen } from "./unit";

/** 纸质材料接收: the receiving centre records how many stamped paper copies arrived and when. */
export async function recordPaperReceipt(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { copies: number; receivedOn: string; note?: string | null | undefined },
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (actor.role !== "receivingCentre") throw new AppError("FORBIDDEN", "只有材料接收中心可以登记纸质材料");
  assertFormalCheckOpen(ctx.batch, deps.clock());
  if (!["submitted", "resubmitted"].includes(ctx.row.status)) {
    throw new AppError("TRANSITION_NOT_ALLOWED", "只能为已提交、待形式审查的申报登记纸质材料");
  }
  const today = shanghaiDate(deps.clock());
  if (input.receivedOn > today) {
    throw new AppError("VALIDATION_FAILED", "接收日期不能晚于今天", {
      fields: [{ path: "receivedOn", message: "接收日期不能晚于今天" }],
    });
  }
  const now = deps.clock().toISOString();
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
          recordedAt: now,
          recordedBy: caller.username ?? "",
        })
        .execute();
    },
    () => ({
      targetType: "application",
      targetId: id,
      summary: `登记纸质材料：${input.copies}份，${input.receivedOn}接收${input.note ? `（${input.note}）` : ""}`,
    }),
  );
  return getApplication(deps, caller, id);
}

/** 形式审查通过: only once the required paper copies (一式N份) are recorded as received. */
export async function passFormalCheck(deps: Deps, caller: Caller, id: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const verdict = canTransition({
    status: ctx.row.status as never,
    command: "passFormalCheck",
    role: actor.role,
    stages: ctx.batch.stages.map((stage) => stage.code),
  });
  if (!verdict.ok) throw new AppError("TRANSITION_NOT_ALLOWED", verdict.reason);
  assertFormalCheckOpen(ctx.batch, deps.clock());
  const receipt = await deps.db
    .selectFrom("paperReceipts")
    .selectAll()
    .where("applicationId", "=", id)
    .executeTakeFirst();
  if (ctx.batch.paperCopies > 0 && (!receipt || Number(receipt.copies) < ctx.batch.paperCopies)) {
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `纸质材料应为一式${ctx.batch.paperCopies}份，${receipt ? `目前只登记了${receipt.copies}份` : "尚未登记接收"}，不能通过形式审查`,
    );
  }
  const moved = await runCommand(
    deps,
    caller,
    "application.passFormalCheck",
    async (trx) => {
      const ok = await transitionStatus(trx, id, ctx.row.status, verdict.to, {
        updatedAt: deps.clock().toISOString(),
      });
      if (ok)
        await notify(trx, deps, {
          userIds: await institutionUserIds(trx, ctx.row.institutionId),
          event: "formallyChecked",
          detail: `${ctx.batch.shortTitle}·${occupationName(ctx.row.occupation as OccupationCode)}申报已通过形式审查，进入专家评议。`,
          link: `/workbench/applications/${id}`,
        });
      return ok;
    },
    (ok) => ({
      targetType: "application",
      targetId: id,
      summary: ok ? "形式审查通过" : "形式审查被拒绝：状态已变化",
    }),
  );
  if (!moved) throw new AppError("TRANSITION_NOT_ALLOWED", "申报状态已变化，请刷新后重试");
  return getApplication(deps, caller, id);
}
