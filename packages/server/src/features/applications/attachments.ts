import crypto from "node:crypto";
import {
  type AttachmentFileKind,
  afterSubmissionUpload,
  attachmentFileKinds,
  formAttachments,
} from "@linxuan/domain";
import { requireActorOf } from "../../http/actor";
import { recordEvent, runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { detectFileKind } from "../../storage/files";
import type { StagedUpload } from "../../storage/staging";
import { loadApplication } from "./context";
import { findAttachment, listCurrentAttachments, listedInSubmittedVersion } from "./queries";
import { EDITABLE_STATUSES, effectiveDeadline } from "./view";

/** What a slot takes when its batch names no file kinds. */
const ATTACHMENT_KINDS: readonly AttachmentFileKind[] = attachmentFileKinds;

/** PDF、JPG或PNG — the accepted kinds as a Chinese list. */
function kindNames(kinds: readonly string[]): string {
  const names = kinds.map((kind) => kind.toUpperCase());
  return names.length > 1 ? `${names.slice(0, -1).join("、")}或${names.at(-1)}` : (names[0] ?? "");
}

/** Keeps a file name printable and short; the stored name is only ever shown, never used as a path. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/\p{Cc}|["<>|*?:]/gu, "").trim();
  return (cleaned || "file").slice(0, 120);
}

/**
 * Uploads one attachment of a draft: PDF, JPG or PNG recognised by content, at most the
 * configured size, stored by SHA-256. The same code may hold several files (支撑材料) —
 * `replace` swaps out the files already under that code in the same transaction. The file
 * arrives staged (received and hashed into a temporary file); the caller discards it.
 */
export async function uploadAttachment(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { code: string; fileName: string; file: StagedUpload; replace: boolean },
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  // The batch's attachments, and the 另附页 the form itself allows (注6).
  const required =
    ctx.batch.requiredAttachments.find((item) => item.code === input.code) ??
    formAttachments(ctx.template).find((item) => item.code === input.code);
  if (!(EDITABLE_STATUSES as readonly string[]).includes(ctx.row.status)) {
    // The stamped copy of the submitted version, where the batch takes it after submission.
    const late = required
      ? afterSubmissionUpload({
          status: ctx.row.status,
          slot: required,
          paperDeadline: ctx.batch.paperDeadline,
          onlineDeadline: ctx.batch.onlineDeadline,
          now: deps.clock(),
        })
      : null;
    if (!late?.open) {
      throw new AppError(
        late?.code ?? "APPLICATION_NOT_EDITABLE",
        late?.reason ?? "申报已提交，附件不能再修改",
      );
    }
  } else if (Date.parse(effectiveDeadline(ctx.row, ctx.batch)) < deps.clock().getTime()) {
    throw new AppError("DEADLINE_PASSED", "网上申报已截止，不能再上传附件");
  }
  if (!required)
    throw new AppError("VALIDATION_FAILED", "附件类别不正确", {
      fields: [{ path: "code", message: "附件类别不正确" }],
    });
  const limitMb = Math.round(deps.config.uploadMaxBytes / 1_048_576);
  if (input.file.truncated || input.file.size > deps.config.uploadMaxBytes) {
    throw new AppError("FILE_TOO_LARGE", `“${required.name}”文件超过${limitMb}MB的大小限制`, {
      fields: [{ path: `attachments.${input.code}`, message: `文件超过${limitMb}MB` }],
    });
  }
  if (input.file.size === 0) {
    throw new AppError("VALIDATION_FAILED", "上传的文件是空的", {
      fields: [{ path: `attachments.${input.code}`, message: "文件为空" }],
    });
  }
  const kind = detectFileKind(input.file.head);
  const accepted: readonly string[] =
    ("fileKinds" in required ? required.fileKinds : undefined) ?? ATTACHMENT_KINDS;
  if (!kind || !accepted.includes(kind.extension)) {
    const names = kindNames(accepted);
    throw new AppError(
      "FILE_TYPE_NOT_ALLOWED",
      `“${required.name}”只接受${names}文件，“${cleanFileName(input.fileName)}”不是${names}文件（按文件内容识别，与扩展名无关）`,
      {
        fields: [{ path: `attachments.${input.code}`, message: `只接受${names}文件` }],
      },
    );
  }
  const stored = await deps.files.putFile(input.file.path, input.file.sha256);
  const attachmentId = crypto.randomUUID();
  const now = deps.clock().toISOString();
  const fileName = cleanFileName(input.fileName);
  await runCommand(
    deps,
    caller,
    "application.attach",
    async (trx) => {
      if (input.replace) {
        await trx
          .updateTable("attachments")
          .set({ removedAt: now })
          .where("applicationId", "=", id)
          .where("code", "=", input.code)
          .where("removedAt", "is", null)
          .execute();
      }
      await trx
        .insertInto("attachments")
        .values({
          id: attachmentId,
          applicationId: id,
          code: input.code,
          fileName,
          contentType: kind.contentType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedAt: now,
          uploadedBy: caller.username ?? "",
          removedAt: null,
        })
        .execute();
    },
    () => ({
      targetType: "application",
      targetId: id,
      summary: `上传附件：${required.name}（${fileName}，${stored.size}字节）`,
      detail: { sha256: stored.sha256 },
    }),
  );
  return {
    id: attachmentId,
    code: required.code,
    fileName,
    contentType: kind.contentType,
    size: stored.size,
    sha256: stored.sha256,
    uploadedAt: now,
  };
}

export async function removeAttachment(deps: Deps, caller: Caller, id: string, attachmentId: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  if (!ctx.isOwner) throw notFound("申报");
  if (!(EDITABLE_STATUSES as readonly string[]).includes(ctx.row.status)) {
    throw new AppError("APPLICATION_NOT_EDITABLE", "申报已提交，附件不能再修改");
  }
  if (Date.parse(effectiveDeadline(ctx.row, ctx.batch)) < deps.clock().getTime()) {
    throw new AppError("DEADLINE_PASSED", "网上申报已截止，附件不能再删除");
  }
  const attachment = await findAttachment(deps.db, id, attachmentId);
  if (!attachment || attachment.removedAt) throw notFound("附件");
  await runCommand(
    deps,
    caller,
    "application.detach",
    (trx) =>
      trx
        .updateTable("attachments")
        .set({ removedAt: deps.clock().toISOString() })
        .where("id", "=", attachmentId)
        .execute(),
    () => ({ targetType: "application", targetId: id, summary: `删除附件：${attachment.fileName}` }),
  );
  return { remaining: (await listCurrentAttachments(deps.db, id)).length };
}

/**
 * A download of an attachment the reader may see: current, or listed in a submitted version (a
 * file replaced or deleted in a draft that was never submitted is gone). Streamed from the store.
 */
export async function downloadAttachment(deps: Deps, caller: Caller, id: string, attachmentId: string) {
  const actor = requireActorOf(caller);
  await loadApplication(deps, actor, id);
  const attachment = await findAttachment(deps.db, id, attachmentId);
  if (!attachment) throw notFound("附件");
  if (attachment.removedAt && !(await listedInSubmittedVersion(deps.db, id, attachmentId)))
    throw notFound("附件");
  const stored = await deps.files.getStream(attachment.sha256);
  if (actor.role !== "institution") {
    await recordEvent(deps, caller, "application.downloadAttachment", {
      targetType: "application",
      targetId: id,
      summary: `下载附件：${attachment.fileName}`,
    }).catch((error: unknown) => {
      stored.stream.destroy();
      throw error;
    });
  }
  return {
    body: stored.stream,
    size: stored.size,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
  };
}

/**
 * Required slots taken after submission (`afterSubmission`, the stamped copy) that are still
 * empty: the formal check waits for them.
 */
export async function missingAfterSubmissionAttachments(
  deps: Deps,
  ctx: {
    row: { id: string };
    batch: {
      requiredAttachments: readonly {
        code: string;
        name: string;
        required: boolean;
        afterSubmission?: boolean | undefined;
      }[];
    };
  },
): Promise<string[]> {
  const slots = ctx.batch.requiredAttachments.filter((slot) => slot.required && slot.afterSubmission);
  if (slots.length === 0) return [];
  const current = await listCurrentAttachments(deps.db, ctx.row.id);
  return slots.filter((slot) => !current.some((item) => item.code === slot.code)).map((slot) => slot.name);
}

/**
 * The current attachments of an application, for its assigned experts: the review feature checks
 * the assignment (and the 评审承诺) before it calls this; nothing here checks who asks.
 */
export async function listAttachmentsForReview(deps: Deps, applicationId: string) {
  return listCurrentAttachments(deps.db, applicationId);
}

/** One current attachment's content, for an assigned expert (checked by the review feature). */
export async function openAttachmentForReview(deps: Deps, applicationId: string, attachmentId: string) {
  const attachment = await findAttachment(deps.db, applicationId, attachmentId);
  if (!attachment || attachment.removedAt) throw notFound("附件");
  const stored = await deps.files.getStream(attachment.sha256);
  return {
    attachment,
    body: stored.stream,
    size: stored.size,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
  };
}
