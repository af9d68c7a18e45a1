import crypto from "node:crypto";
import { checkPhone, kindName, maskPhone, occupationName } from "@linxuan/domain";
import { evidenceJson, readJson } from "../../db/json";
import { regionCondition } from "../../db/region-filter";
import type { ComplaintCategory, ComplaintOutcome, ComplaintStatus } from "../../db/stored-values";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { type CaptchaAnswer, checkCaptcha } from "../captcha/service";
import { writeEntryVersion } from "../catalog/service";
import { institutionUserIds, notify, notifyAddress } from "../notifications/service";
import {
  checkSubmitter,
  type Evidence,
  makeAckNumber,
  samePhone,
  storeEvidence,
} from "../public-notices/objections";
import { assertSupervises, supervisionFilter } from "./scope";

export const complaintCategories = {
  illegalTraining: "违规开展培训",
  overcharging: "乱收费",
  fraud: "弄虚作假",
  other: "其他",
} as const satisfies Record<ComplaintCategory, string>;
export type { ComplaintCategory, ComplaintOutcome };
export const complaintOutcomes = {
  dismissed: "不成立",
  warning: "约谈警示",
  suspension: "暂停目录资格",
  removal: "移出目录",
} as const satisfies Record<ComplaintOutcome, string>;
const statusNames = { received: "已受理登记", investigating: "调查核实中", closed: "已办结" } as const;

function isComplaintCategory(value: string): value is ComplaintCategory {
  return Object.hasOwn(complaintCategories, value);
}

/** 监督举报: anyone may report misconduct of a listed institution, with contact details and evidence. */
export async function fileComplaint(
  deps: Deps,
  caller: Caller,
  entryId: string,
  input: CaptchaAnswer & {
    category: string;
    name: string;
    phone: string;
    email: string;
    content: string;
    evidence: Evidence[];
  },
) {
  const entry = await deps.db
    .selectFrom("catalogEntries")
    .select(["id", "institutionName"])
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!entry) throw notFound("目录条目");
  const category = input.category;
  if (!isComplaintCategory(category)) {
    throw new AppError("VALIDATION_FAILED", "请选择举报类别", {
      fields: [{ path: "category", message: "请选择举报类别" }],
    });
  }
  const problems = checkSubmitter(input, false);
  if (problems.length > 0)
    throw new AppError("VALIDATION_FAILED", problems[0]?.message ?? "请检查填写内容", { fields: problems });
  await checkCaptcha(deps, input);
  const evidence = await storeEvidence(deps, input.evidence);
  const phone = checkPhone(input.phone);
  const ackNumber = makeAckNumber("JB", deps.clock());
  await runCommand(
    deps,
    caller,
    "complaint.file",
    (trx) =>
      trx
        .insertInto("complaints")
        .values({
          id: crypto.randomUUID(),
          ackNumber,
          entryId,
          category,
          complainantName: input.name.trim(),
          phoneEnc: deps.cipher.encrypt(phone.ok ? phone.value : input.phone),
          email: input.email.trim() || null,
          content: input.content.trim(),
          evidence: JSON.stringify(evidence),
          status: "received",
          outcome: null,
          outcomeNote: null,
          createdAt: deps.clock().toISOString(),
          ip: caller.ip,
          handledAt: null,
          handledBy: null,
        })
        .execute(),
    () => ({
      targetType: "catalogEntry",
      targetId: entryId,
      summary: `收到举报 ${ackNumber}（${complaintCategories[category]}）：${entry.institutionName}`,
    }),
  );
  return { ackNumber, institutionName: entry.institutionName };
}

export async function complaintStatus(deps: Deps, ackNumber: string, phone: string) {
  const row = await deps.db
    .selectFrom("complaints")
    .innerJoin("catalogEntries", "catalogEntries.id", "complaints.entryId")
    .select([
      "complaints.ackNumber",
      "complaints.status",
      "complaints.outcome",
      "complaints.outcomeNote",
      "complaints.phoneEnc",
      "complaints.createdAt",
      "complaints.handledAt",
      "catalogEntries.institutionName",
    ])
    .where("complaints.ackNumber", "=", ackNumber.trim().toUpperCase())
    .executeTakeFirst();
  if (!row || !samePhone(deps, row.phoneEnc, phone)) throw notFound("该受理编号（或联系电话不符）");
  return {
    ackNumber: row.ackNumber,
    institutionName: row.institutionName,
    status: row.status,
    statusName: statusNames[row.status as keyof typeof statusNames] ?? row.status,
    outcome: row.outcome,
    outcomeName: row.outcome ? complaintOutcomes[row.outcome] : null,
    outcomeNote: row.status === "closed" ? row.outcomeNote : null,
    createdAt: row.createdAt,
    handledAt: row.handledAt,
  };
}

export async function listComplaints(deps: Deps, caller: Caller, status?: ComplaintStatus) {
  let query = deps.db
    .selectFrom("complaints")
    .innerJoin("catalogEntries", "catalogEntries.id", "complaints.entryId")
    .selectAll("complaints")
    .select("catalogEntries.institutionName");
  const jurisdiction = supervisionFilter(caller);
  if (jurisdiction.kind !== "all")
    query = query.where((eb) => regionCondition(eb, "catalogEntries.regionCode", jurisdiction));
  if (status) query = query.where("complaints.status", "=", status);
  const rows = await query.orderBy("complaints.createdAt", "desc").limit(500).execute();
  return rows.map((row) => ({
    id: row.id,
    ackNumber: row.ackNumber,
    entryId: row.entryId,
    institutionName: row.institutionName,
    category: row.category,
    categoryName: complaintCategories[row.category] ?? row.category,
    complainantName: row.complainantName,
    phone: maskPhone(deps.cipher.decrypt(row.phoneEnc)),
    content: row.content,
    evidence: readJson("complaints.evidence", evidenceJson, row.evidence),
    status: row.status,
    statusName: statusNames[row.status as keyof typeof statusNames] ?? row.status,
    outcome: row.outcome,
    outcomeNote: row.outcomeNote,
    createdAt: row.createdAt,
  }));
}

/**
 * The office investigates a complaint and records the outcome; a suspension or removal changes
 * the catalog entry (a new version of its public history) in the same step.
 */
export async function handleComplaint(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { action: "investigate" } | { action: "close"; outcome: ComplaintOutcome; note: string },
) {
  requireActorOf(caller);
  const complaint = await deps.db
    .selectFrom("complaints")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!complaint) throw notFound("举报");
  const scope = await deps.db
    .selectFrom("catalogEntries")
    .select("regionCode")
    .where("id", "=", complaint.entryId)
    .executeTakeFirst();
  assertSupervises(caller, scope?.regionCode ?? null, "举报");
  if (complaint.status === "closed") throw new AppError("TRANSITION_NOT_ALLOWED", "该举报已办结");
  const now = deps.clock().toISOString();
  if (input.action === "investigate") {
    await runCommand(
      deps,
      caller,
      "complaint.investigate",
      (trx) =>
        trx
          .updateTable("complaints")
          .set({ status: "investigating", handledAt: now, handledBy: caller.username ?? "" })
          .where("id", "=", id)
          .execute(),
      () => ({
        targetType: "catalogEntry",
        targetId: complaint.entryId,
        summary: `举报 ${complaint.ackNumber} 转入调查`,
      }),
    );
    return;
  }
  const entry = await deps.db
    .selectFrom("catalogEntries")
    .selectAll()
    .where("id", "=", complaint.entryId)
    .executeTakeFirstOrThrow();
  await runCommand(
    deps,
    caller,
    "complaint.close",
    async (trx) => {
      const closed = await trx
        .updateTable("complaints")
        .set({
          status: "closed",
          outcome: input.outcome,
          outcomeNote: input.note,
          handledAt: now,
          handledBy: caller.username ?? "",
        })
        .where("id", "=", id)
        .where("status", "=", complaint.status)
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1)
        throw new AppError("TRANSITION_NOT_ALLOWED", "该举报已被他人处理，请刷新");
      await notifyAddress(trx, deps, {
        email: complaint.email,
        event: "complaintHandled",
        detail: `您对${entry.institutionName}的举报（受理编号${complaint.ackNumber}）已办结，处理结果：${complaintOutcomes[input.outcome]}。${input.note}`,
        link: "/complaint-status",
      });
      if (input.outcome !== "dismissed")
        await notify(trx, deps, {
          userIds: await institutionUserIds(trx, entry.institutionId),
          event: "complaintHandled",
          detail: `对您单位（${occupationName(entry.occupation)}·${kindName(entry.kind)}）的举报经核实，处理结果：${complaintOutcomes[input.outcome]}。${input.note}`,
          link: `/catalog/${entry.id}`,
        });
      // A suspension or removal changes the public entry in the same transaction as the outcome.
      const suspend = input.outcome === "suspension" && entry.removed === 0 && entry.suspended === 0;
      const remove = input.outcome === "removal" && entry.removed === 0;
      if (suspend || remove) {
        await writeEntryVersion(
          trx,
          entry,
          suspend ? { suspended: 1 } : { removed: 1 },
          suspend ? "suspended" : "removed",
          `举报核实（${complaint.ackNumber}）：${input.note}`,
          now,
          caller.username ?? "",
        );
      }
    },
    () => ({
      targetType: "catalogEntry",
      targetId: complaint.entryId,
      summary: `举报 ${complaint.ackNumber} 办结：${complaintOutcomes[input.outcome]}——${input.note.slice(0, 200)}`,
    }),
  );
}
