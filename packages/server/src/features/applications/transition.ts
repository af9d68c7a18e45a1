import {
  type ApplicationCommand,
  type ApplicationStatus,
  canTransition,
  type Role,
  type StageCode,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { Deps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { institutionUserIds, notify } from "../notifications/service";
import { type ApplicationRow, transitionStatus } from "./queries";

/** What a refused change says when someone else moved the application first. */
export const STATUS_CHANGED = "申报状态已变化，请刷新后重试";

export type TransitionCheck = {
  /** The status the caller read. */
  status: ApplicationStatus;
  command: ApplicationCommand;
  role: Role;
  /** The batch's stages, e.g. `batch.stages.map((stage) => stage.code)`. */
  stages: readonly StageCode[];
};

/**
 * The state machine's verdict, or 409 TRANSITION_NOT_ALLOWED with its reason. `transition` runs it
 * again inside the change; a use case calls it first only where the refusal must come before its
 * other checks (deadline, quota, paper copies …).
 */
export function checkTransition(check: TransitionCheck): ApplicationStatus {
  const verdict = canTransition({ ...check, status: check.status });
  if (!verdict.ok) throw new AppError("TRANSITION_NOT_ALLOWED", verdict.reason);
  return verdict.to;
}

/** A notification queued with the change: to the application's institution or to given users. */
export type TransitionNotification = Omit<Parameters<typeof notify>[2], "userIds"> &
  ({ institutionId: string } | { userIds: string[] });

export type TransitionRequest = TransitionCheck & {
  applicationId: string;
  /** Columns written with the status (`updatedAt`, a return's reasons, a submission's version …). */
  set?: Partial<Omit<ApplicationRow, "id" | "status">>;
  /** Queued in the same transaction, only when the application moved. */
  notifications?: readonly TransitionNotification[];
  /**
   * When the application is no longer in `status` (someone moved it first): "throw" (the default)
   * answers 409 with `conflictMessage` and rolls the command back; "skip" changes nothing and
   * returns `moved: false`, for a use case that records the refusal or passes over the application.
   */
  onConflict?: "throw" | "skip";
  conflictMessage?: string;
};

/**
 * The one way an application's status changes: the state machine's check, the guarded UPDATE
 * (only while the application is still in `status`, so of two racing commands one wins), and the
 * notifications the change sends. Runs inside the caller's `runCommand`, which writes the audit event.
 */
export async function transition(
  trx: Db,
  deps: Pick<Deps, "clock" | "mailer">,
  request: TransitionRequest,
): Promise<{ moved: boolean; to: ApplicationStatus }> {
  const to = checkTransition(request);
  const moved = await transitionStatus(trx, request.applicationId, request.status, to, request.set ?? {});
  if (!moved) {
    if (request.onConflict === "skip") return { moved, to };
    throw new AppError("TRANSITION_NOT_ALLOWED", request.conflictMessage ?? STATUS_CHANGED);
  }
  for (const item of request.notifications ?? []) {
    const userIds = "userIds" in item ? item.userIds : await institutionUserIds(trx, item.institutionId);
    await notify(trx, deps, { event: item.event, detail: item.detail, link: item.link, userIds });
  }
  return { moved, to };
}
