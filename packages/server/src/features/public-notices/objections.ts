import crypto from "node:crypto";
import { checkEmail, checkPhone, maskPhone, shanghaiDate } from "@linxuan/domain";
import { evidenceJson, readJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, type FieldIssue, notFound } from "../../http/errors";
import type { Evidence } from "../../http/multipart";
import { detectFileKind } from "../../storage/files";
import { transition } from "../applications/transition";
import { type CaptchaAnswer, checkCaptcha } from "../captcha/service";
import { notify, notifyAddress, officeUserIds } from "../notifications/service";
import { decisionQuotaKey, releaseQuotaPlace } from "../quotas/counters";
import { loadOfficePublicNotice } from "./authority";

export type { Evidence };
export type ObjectionInput = CaptchaAnswer & {
  itemId: string;
  name: string;
  organisation: string;
  phone: string;
  email: string;
  content: string;
  evidence: Evidence[];
};

const ACK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** An acknowledgement number a person can read out on the phone: YY + date + 6 unambiguous characters. */
export function makeAckNumber(prefix: string, now: Date): string {
  const date = shanghaiDate(now).replaceAll("-", "");
  const random = Array.from(crypto.randomBytes(6), (byte) => ACK_ALPHABET[byte % ACK_ALPHABET.length]).join(
    "",
  );
  return `${prefix}${date}${random}`;
}

/** Validates a public submitter's details (objection or complaint) and returns per-field problems. */
export function checkSubmitter(
  input: { name: string; phone: string; email: string; content: string },
  emailRequired: boolean,
): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (input.name.trim().length < 2 || input.name.trim().length > 50)
    problems.push({ path: "name", message: "请填写真实姓名（2–50字）" });
  const phone = checkPhone(input.phone);
  if (!phone.ok) problems.push({ path: "phone", message: phone.message });
  if (emailRequired || input.email.trim()) {
    const email = checkEmail(input.email);
    if (!email.ok) problems.push({ path: "email", message: email.message });
  }
  const length = input.content.trim().length;
  if (length < 10 || length > 3000)
    problems.push({ path: "content", message: "请写明具体事实和理由（10–3000字）" });
  return problems;
}

/** Whether the phone a submitter gives now is the one stored (encrypted) with the submission. */
export function samePhone(deps: Pick<Deps, "cipher">, stored: string, given: string): boolean {
  const phone = checkPhone(given);
  return phone.ok && deps.cipher.decrypt(stored) === phone.value;
}

/** Stores evidence files after checking type by content and size; returns their manifest. */
export async function storeEvidence(deps: Deps, files: Evidence[], maxFiles = 5) {
  if (files.length > maxFiles) throw new AppError("VALIDATION_FAILED", `证明材料最多上传${maxFiles}个文件`);
  const limitMb = Math.round(deps.config.uploadMaxBytes / 1_048_576);
  const manifest = [];
  for (const { fileName, file } of files) {
    if (file.truncated || file.size > deps.config.uploadMaxBytes)
      throw new AppError("FILE_TOO_LARGE", `证明材料“${fileName}”超过${limitMb}MB的大小限制`);
    const kind = detectFileKind(file.head);
    if (!kind || kind.extension === "xlsx")
      throw new AppError("FILE_TYPE_NOT_ALLOWED", `证明材料“${fileName}”不是PDF、JPG或PNG文件`);
    const stored = await deps.files.putFile(file.path, file.sha256);
    manifest.push({
      fileName: fileName.slice(0, 120),
      contentType: kind.contentType,
      size: stored.size,
      sha256: stored.sha256,
    });
  }
  return manifest;
}

/** 异议: anyone may object, during the notice window only, with their name and contact details. */
export async function fileObjection(
  deps: Deps,
  caller: Caller,
  publicNoticeId: string,
  input: ObjectionInput,
) {
  const publicNotice = await deps.db
    .selectFrom("publicNotices")
    .selectAll()
    .where("id", "=", publicNoticeId)
    .executeTakeFirst();
  if (!publicNotice) throw notFound("公示");
  const now = deps.clock();
  if (now.getTime() < Date.parse(publicNotice.startsAt) || now.getTime() >= Date.parse(publicNotice.endsAt)) {
    throw new AppError("TRANSITION_NOT_ALLOWED", `只能在公示期内（至${publicNotice.lastDay}）提出异议`);
  }
  const item = await deps.db
    .selectFrom("publicNoticeItems")
    .selectAll()
    .where("id", "=", input.itemId)
    .where("publicNoticeId", "=", publicNoticeId)
    .executeTakeFirst();
  if (!item)
    throw new AppError("VALIDATION_FAILED", "请选择公示名单中的机构", {
      fields: [{ path: "itemId", message: "请选择公示名单中的机构" }],
    });
  const problems = checkSubmitter(input, true);
  if (input.organisation.trim().length < 2)
    problems.push({ path: "organisation", message: "请填写工作单位或身份证号" });
  if (problems.length > 0)
    throw new AppError("VALIDATION_FAILED", problems[0]?.message ?? "请检查填写内容", { fields: problems });
  // After the fields a person corrects (the picture stays valid for that), before files are stored.
  await checkCaptcha(deps, input);
  const evidence = await storeEvidence(deps, input.evidence);
  const ackNumber = makeAckNumber("YY", now);
  const phone = checkPhone(input.phone);
  await runCommand(
    deps,
    caller,
    "objection.file",
    async (trx) => {
      await trx
        .insertInto("objections")
        .values({
          id: crypto.randomUUID(),
          ackNumber,
          publicNoticeId,
          itemId: item.id,
          objectorName: input.name.trim(),
          objectorOrg: input.organisation.trim().slice(0, 100),
          phoneEnc: deps.cipher.encrypt(phone.ok ? phone.value : input.phone),
          email: input.email.trim(),
          content: input.content.trim(),
          evidence: JSON.stringify(evidence),
          status: "received",
          handlingNote: null,
          createdAt: now.toISOString(),
          ip: caller.ip,
          handledAt: null,
          handledBy: null,
        })
        .execute();
      await notify(trx, deps, {
        userIds: await officeUserIds(trx, publicNotice.createdBy),
        event: "objectionReceived",
        detail: `“${publicNotice.title}”收到针对${item.institutionName}的异议（受理编号${ackNumber}），请在公示期内调查处理。`,
        link: `/workbench/public-notices/${publicNoticeId}`,
      });
    },
    () => ({
      targetType: "publicNotice",
      targetId: publicNoticeId,
      summary: `收到异议 ${ackNumber}：针对${item.institutionName}`,
    }),
  );
  return { ackNumber, institutionName: item.institutionName };
}

export const objectionStatusNames = {
  received: "已受理登记",
  investigating: "调查核实中",
  dismissed: "异议不成立",
  upheld: "异议成立",
} as const;

/** The objector checks the status with the acknowledgement number and the phone given. */
export async function objectionStatus(deps: Deps, ackNumber: string, phone: string) {
  const row = await deps.db
    .selectFrom("objections")
    .innerJoin("publicNoticeItems", "publicNoticeItems.id", "objections.itemId")
    .select([
      "objections.ackNumber",
      "objections.status",
      "objections.handlingNote",
      "objections.createdAt",
      "objections.handledAt",
      "objections.phoneEnc",
      "publicNoticeItems.institutionName",
    ])
    .where("objections.ackNumber", "=", ackNumber.trim().toUpperCase())
    .executeTakeFirst();
  // One answer for "no such number" and "wrong phone", so neither can be probed.
  if (!row || !samePhone(deps, row.phoneEnc, phone)) throw notFound("该受理编号（或联系电话不符）");
  return {
    ackNumber: row.ackNumber,
    institutionName: row.institutionName,
    status: row.status,
    statusName: objectionStatusNames[row.status as keyof typeof objectionStatusNames] ?? row.status,
    handlingNote: row.status === "received" ? null : row.handlingNote,
    createdAt: row.createdAt,
    handledAt: row.handledAt,
  };
}

export async function listObjections(deps: Deps, caller: Caller, publicNoticeId: string) {
  await loadOfficePublicNotice(deps, requireActorOf(caller), publicNoticeId);
  const rows = await deps.db
    .selectFrom("objections")
    .innerJoin("publicNoticeItems", "publicNoticeItems.id", "objections.itemId")
    .selectAll("objections")
    .select("publicNoticeItems.institutionName")
    .where("objections.publicNoticeId", "=", publicNoticeId)
    .orderBy("objections.createdAt")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ackNumber: row.ackNumber,
    institutionName: row.institutionName,
    objectorName: row.objectorName,
    objectorOrg: row.objectorOrg,
    phone: maskPhone(deps.cipher.decrypt(row.phoneEnc)),
    email: row.email,
    content: row.content,
    evidence: readJson("objections.evidence", evidenceJson, row.evidence),
    status: row.status,
    statusName: objectionStatusNames[row.status as keyof typeof objectionStatusNames] ?? row.status,
    handlingNote: row.handlingNote,
    createdAt: row.createdAt,
  }));
}

/**
 * The office accepts an objection for investigation, dismisses it, or upholds it — each with its
 * reasons. Upholding takes the application off the notice (异议成立已移出) and gives its approval
 * place back, so the office can decide again within the quota.
 */
export async function handleObjection(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { action: "accept" | "dismiss" | "uphold"; note: string },
) {
  const actor = requireActorOf(caller);
  const objection = await deps.db
    .selectFrom("objections")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!objection) throw notFound("异议");
  const { publicNotice, batch } = await loadOfficePublicNotice(deps, actor, objection.publicNoticeId);
  if (publicNotice.confirmedAt)
    throw new AppError("TRANSITION_NOT_ALLOWED", "公示已确认纳入目录，异议处理已结束");
  const allowed = {
    accept: ["received"],
    dismiss: ["received", "investigating"],
    uphold: ["received", "investigating"],
  }[input.action];
  if (!allowed.includes(objection.status))
    throw new AppError(
      "TRANSITION_NOT_ALLOWED",
      `该异议当前为“${objectionStatusNames[objection.status as keyof typeof objectionStatusNames]}”，不能执行此操作`,
    );
  const status = ({ accept: "investigating", dismiss: "dismissed", uphold: "upheld" } as const)[input.action];
  const item = await deps.db
    .selectFrom("publicNoticeItems")
    .selectAll()
    .where("id", "=", objection.itemId)
    .executeTakeFirstOrThrow();
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    `objection.${input.action}`,
    async (trx) => {
      await trx
        .updateTable("objections")
        .set({ status, handlingNote: input.note, handledAt: now, handledBy: caller.username ?? "" })
        .where("id", "=", id)
        .where("status", "=", objection.status)
        .execute();
      await notifyAddress(trx, deps, {
        email: objection.email,
        event: "objectionHandled",
        detail: `您对“${publicNotice.title}”中${item.institutionName}提出的异议（受理编号${objection.ackNumber}）${
          {
            accept: "已受理，正在调查核实",
            dismiss: "经调查核实，异议不成立",
            uphold: "经调查核实，异议成立，该机构已移出公示名单",
          }[input.action]
        }。处理意见：${input.note}`,
        link: "/objection-status",
      });
      if (input.action !== "uphold" || item.status !== "listed") return;
      await trx
        .updateTable("publicNoticeItems")
        .set({ status: "removed", removedReason: `异议成立：${input.note}` })
        .where("id", "=", item.id)
        .execute();
      const application = await trx
        .selectFrom("applications")
        .select("institutionId")
        .where("id", "=", item.applicationId)
        .executeTakeFirstOrThrow();
      await transition(trx, deps, {
        status: "inPublicNotice",
        command: "removeAfterObjection",
        role: actor.role,
        stages: batch.stages.map((stage) => stage.code),
        applicationId: item.applicationId,
        set: { updatedAt: now },
        notifications: [
          {
            institutionId: application.institutionId,
            event: "objectionHandled",
            detail: `“${publicNotice.title}”期间对您单位的异议经调查核实成立，您单位的申报已移出公示名单。处理意见：${input.note}`,
            link: `/workbench/applications/${item.applicationId}`,
          },
        ],
        onConflict: "skip",
      });
      await releaseQuotaPlace(
        trx,
        decisionQuotaKey(publicNotice.batchId, item.kind, item.occupation, item.regionCode),
      );
    },
    () => ({
      targetType: "publicNotice",
      targetId: publicNotice.id,
      summary: `异议${objection.ackNumber}：${{ accept: "受理调查", dismiss: "不成立", uphold: "成立，移出公示名单" }[input.action]}——${input.note.slice(0, 200)}`,
    }),
  );
}
