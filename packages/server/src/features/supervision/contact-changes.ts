import crypto from "node:crypto";
import { checkEmail, checkPhone } from "@linxuan/domain";
import { regionCondition } from "../../db/region-filter";
import type { ContactRequestStatus } from "../../db/stored-values";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { writeEntryVersion } from "../catalog/service";
import { assertSupervises, supervisionFilter } from "./scope";

/** An institution asks to change its catalog contact details; the office approves before they show. */
export async function requestContactChange(
  deps: Deps,
  caller: Caller,
  entryId: string,
  input: { contactName: string; contactPhone: string; contactEmail: string; reason: string },
) {
  const actor = requireActorOf(caller);
  const entry = await deps.db
    .selectFrom("catalogEntries")
    .select(["id", "institutionId"])
    .where("id", "=", entryId)
    .executeTakeFirst();
  if (!entry || entry.institutionId !== actor.institutionId) throw notFound("目录条目");
  const phone = checkPhone(input.contactPhone);
  const email = checkEmail(input.contactEmail);
  const problems = [
    ...(phone.ok ? [] : [{ path: "contactPhone", message: phone.message }]),
    ...(email.ok ? [] : [{ path: "contactEmail", message: email.message }]),
    ...(input.contactName.trim().length < 2 ? [{ path: "contactName", message: "请填写联系人姓名" }] : []),
  ];
  if (problems.length > 0)
    throw new AppError("VALIDATION_FAILED", problems[0]?.message ?? "请检查填写内容", { fields: problems });
  const id = crypto.randomUUID();
  await runCommand(
    deps,
    caller,
    "catalog.contactRequest",
    (trx) =>
      trx
        .insertInto("contactRequests")
        .values({
          id,
          entryId,
          contactName: input.contactName.trim(),
          contactPhoneEnc: deps.cipher.encrypt(phone.ok ? phone.value : ""),
          contactEmail: email.ok ? email.value : "",
          reason: input.reason,
          status: "pending",
          decisionNote: null,
          createdAt: deps.clock().toISOString(),
          createdBy: caller.username ?? "",
          decidedAt: null,
          decidedBy: null,
        })
        .execute(),
    () => ({
      targetType: "catalogEntry",
      targetId: entryId,
      summary: `申请变更联系方式：${input.reason.slice(0, 100)}`,
    }),
  );
  return { id };
}

export async function decideContactChange(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { approve: boolean; note: string },
) {
  requireActorOf(caller);
  const request = await deps.db
    .selectFrom("contactRequests")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!request) throw notFound("变更申请");
  if (request.status !== "pending") throw new AppError("TRANSITION_NOT_ALLOWED", "该变更申请已处理");
  const entry = await deps.db
    .selectFrom("catalogEntries")
    .selectAll()
    .where("id", "=", request.entryId)
    .executeTakeFirstOrThrow();
  assertSupervises(caller, entry.regionCode, "变更申请");
  const now = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "catalog.contactDecision",
    async (trx) => {
      const decided = await trx
        .updateTable("contactRequests")
        .set({
          status: input.approve ? "approved" : "rejected",
          decisionNote: input.note,
          decidedAt: now,
          decidedBy: caller.username ?? "",
        })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .executeTakeFirst();
      if (Number(decided.numUpdatedRows) !== 1)
        throw new AppError("TRANSITION_NOT_ALLOWED", "该变更申请已被他人处理，请刷新");
      if (input.approve) {
        await writeEntryVersion(
          trx,
          entry,
          {
            contactName: request.contactName,
            contactPhoneEnc: request.contactPhoneEnc,
            contactEmail: request.contactEmail,
          },
          "contact",
          `联系方式变更：${request.reason}`,
          now,
          caller.username ?? "",
        );
      }
    },
    () => ({
      targetType: "catalogEntry",
      targetId: request.entryId,
      summary: `联系方式变更${input.approve ? "通过" : "不通过"}：${input.note}`,
    }),
  );
}

/** Pending (or all) contact-change requests, for the office to decide. */
export async function listContactRequests(
  deps: Deps,
  caller: Caller,
  status: ContactRequestStatus | undefined,
) {
  let query = deps.db
    .selectFrom("contactRequests")
    .innerJoin("catalogEntries", "catalogEntries.id", "contactRequests.entryId")
    .selectAll("contactRequests")
    .select(["catalogEntries.institutionName", "catalogEntries.regionCode"]);
  if (status) query = query.where("contactRequests.status", "=", status);
  const jurisdiction = supervisionFilter(caller);
  if (jurisdiction.kind !== "all")
    query = query.where((eb) => regionCondition(eb, "catalogEntries.regionCode", jurisdiction));
  const rows = await query.orderBy("contactRequests.createdAt", "desc").limit(500).execute();
  return rows.map(({ contactPhoneEnc, ...row }) => ({
    ...row,
    contactPhone: deps.cipher.decrypt(contactPhoneEnc),
  }));
}
