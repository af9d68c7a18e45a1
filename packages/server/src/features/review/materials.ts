import { recordEvent } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { listAttachmentsForReview, openAttachmentForReview } from "../applications/attachments";
import { loadOwnAssignment } from "./own-assignment";
import { requirePledge } from "./pledge";

/*
 * What an expert judges besides the form: the application's attachments (法人登记证书, 信用报告,
 * 支撑材料, the stamped form). Only the expert the application is assigned to, having accepted
 * the 评审承诺, may download them, and each download is an audit event.
 */

/** The attachments of an application, labelled with the batch's names for them. */
export async function reviewAttachments(
  deps: Deps,
  applicationId: string,
  required: readonly { code: string; name: string }[],
) {
  const rows = await listAttachmentsForReview(deps, applicationId);
  const order = new Map(required.map((item, index) => [item.code, index]));
  return rows
    .map((row) => ({
      id: row.id,
      code: row.code,
      label: required.find((item) => item.code === row.code)?.name ?? "其他附件",
      fileName: row.fileName,
      contentType: row.contentType,
      size: Number(row.size),
    }))
    .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99));
}

/** Streams one attachment to its assigned expert and records the download. */
export async function downloadReviewAttachment(
  deps: Deps,
  caller: Caller,
  assignmentId: string,
  attachmentId: string,
) {
  const { expert, assignment, batch } = await loadOwnAssignment(deps, caller, assignmentId);
  await requirePledge(deps.db, assignment.batchId, expert.id);
  const opened = await openAttachmentForReview(deps, assignment.applicationId, attachmentId);
  const label =
    batch.requiredAttachments.find((item) => item.code === opened.attachment.code)?.name ?? "附件";
  await recordEvent(deps, caller, "review.downloadAttachment", {
    targetType: "application",
    targetId: assignment.applicationId,
    summary: `评议专家${expert.name}下载附件：${label}（${opened.fileName}）`,
    detail: { attachmentId, sha256: opened.attachment.sha256 },
  }).catch((error: unknown) => {
    opened.body.destroy();
    throw error;
  });
  return { body: opened.body, size: opened.size, fileName: opened.fileName, contentType: opened.contentType };
}
