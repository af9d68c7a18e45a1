import {
  type FormValues,
  formValuesSchema,
  listFields,
  type Recommender,
  shanghaiDate,
  type TableRowValues,
} from "@linxuan/domain";
import { readJson } from "../../db/json";
import {
  RECOMMENDED_ON_KEY,
  RECOMMENDER_LEADER_KEY,
  RECOMMENDER_NAME_KEY,
} from "../../documents/closing-blocks";
import { documentPool } from "../../documents/pool";
import type { SubmittedMark } from "../../documents/submitted-mark";
import { requireActorOf } from "../../http/actor";
import { recordEvent } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { findClosure } from "../recommendation/recommender";
import { loadApplication } from "./context";
import { findVersion } from "./queries";
import { maskValues, openValues } from "./sealing";
import { verificationUrl } from "./verification";

/**
 * The filled form as PDF or DOCX: of the draft (with a 草稿 watermark on every page) or of a
 * submitted version (what the institution prints, stamps and sends). Staff get ID and phone
 * numbers masked, and each staff download is audited.
 */
export async function renderApplicationDocument(
  deps: Deps,
  caller: Caller,
  id: string,
  format: "pdf" | "docx",
  which: "draft" | number,
) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  let parsed: FormValues;
  let filledOn: string;
  let mark: SubmittedMark | null = null;
  if (which === "draft") {
    parsed = readJson("applications.draft_values", formValuesSchema, ctx.row.draftValues);
    filledOn = shanghaiDate(new Date(ctx.row.draftSavedAt));
  } else {
    const version = await findVersion(deps.db, id, which);
    if (!version) throw notFound(`第${which}版`);
    parsed = readJson("application_versions.form_values", formValuesSchema, version.formValues);
    filledOn = shanghaiDate(new Date(version.submittedAt));
    if (ctx.row.number) {
      mark = {
        number: ctx.row.number,
        version: which,
        verifyUrl: verificationUrl(deps.config.publicBaseUrl, ctx.row.number, which, version.contentHash),
      };
    }
  }
  const values = {
    ...(ctx.isOwner
      ? openValues(ctx.template, parsed, deps.cipher)
      : maskValues(ctx.template, parsed, deps.cipher)),
    ...(ctx.template.recommendationBlock ? await recommendationValues(deps, id) : {}),
  };
  const options = {
    watermark: which === "draft" ? ("草稿" as const) : null,
    mark,
    institutionName: ctx.institution.name,
    filledOn,
  };
  // Rendered in a worker thread: the event loop keeps serving while the form is laid out.
  const body = await documentPool(deps.config.documentWorkers).render({
    format,
    template: ctx.template,
    values,
    options,
  });
  if (!ctx.isOwner) {
    await recordEvent(deps, caller, "application.export", {
      targetType: "application",
      targetId: id,
      summary: `导出申报表（${format.toUpperCase()}，${which === "draft" ? "草稿" : `第${which}版`}，个人信息已脱敏）`,
    });
  }
  const label = which === "draft" ? "草稿" : `${ctx.row.number ? `${ctx.row.number}-` : ""}第${which}版`;
  return {
    body,
    fileName: `${ctx.template.title}-${ctx.institution.name}-${label}.${format}`,
    contentType:
      format === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}

/**
 * The 推荐理由 part of a national form, once the recommender has confirmed its list: reason,
 * recommender, person in charge, date, contact person and phone (推荐理由, 推荐单位, 负责人, 日期).
 */
async function recommendationValues(deps: Deps, applicationId: string): Promise<Record<string, string>> {
  const recommendation = await deps.db
    .selectFrom("recommendations")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
  if (recommendation?.choice !== "recommended") return {};
  const closure = await findClosure(deps.db, recommendation.batchId, {
    type: recommendation.recommenderType,
    value: recommendation.recommenderValue,
  } as Recommender);
  if (!closure) return {};
  return {
    recommendationReason: recommendation.reason,
    [RECOMMENDER_NAME_KEY]: closure.recommenderName,
    [RECOMMENDER_LEADER_KEY]: closure.leaderName,
    [RECOMMENDED_ON_KEY]: shanghaiDate(new Date(closure.closedAt)),
    recommenderContact: closure.contactName,
    recommenderPhone: deps.cipher.decrypt(closure.contactPhoneEnc),
  };
}

/** Staff reveal one ID or phone number in full (path `key` or `table.row.column`); every reveal is audited. */
export async function revealValue(deps: Deps, caller: Caller, id: string, path: string) {
  const actor = requireActorOf(caller);
  const ctx = await loadApplication(deps, actor, id);
  const [key = "", index, column] = path.split(".");
  const personal = listFields(ctx.template).some(
    (entry) =>
      (entry.field.type === "idNumber" || entry.field.type === "phone") &&
      (column === undefined
        ? entry.role !== "column" && entry.key === key
        : entry.table === key && entry.key === column),
  );
  if (!personal) throw notFound("该个人信息字段");
  const values = openValues(
    ctx.template,
    readJson("applications.draft_values", formValuesSchema, ctx.row.draftValues),
    deps.cipher,
  );
  const scalar = values[key];
  const value =
    column === undefined
      ? scalar
      : Array.isArray(scalar)
        ? (scalar as TableRowValues[])[Number(index)]?.[column]
        : undefined;
  if (typeof value !== "string" || value === "") throw notFound("该字段");
  await recordEvent(deps, caller, "application.reveal", {
    targetType: "application",
    targetId: id,
    summary: `查看完整个人信息：${path}`,
  });
  return { path, value };
}
