import crypto from "node:crypto";
import {
  type KindCode,
  kindName,
  LEVELS,
  OCCUPATIONS,
  type OccupationCode,
  occupationName,
  type Recommender,
  shanghaiDate,
} from "@linxuan/domain";
import { levelsJson, readJson } from "../../db/json";
import { type ListDocument, renderListDocx, renderListPdf } from "../../documents/list-document";
import { requireActorOf } from "../../http/actor";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow, loadPublishedBatch, parseDefinition } from "../batches/service";
import { assertRecommendationOpen, findClosure, recommenderName, recommenderOf } from "./recommender";

export type CloseInput = { leaderName: string; contactName: string; contactPhone: string };

/**
 * 确认推荐名单: the recommender closes its part of the stage once every application routed to it
 * is recommended, declined or returned. After this its list is final and the 推荐函 issues.
 */
export async function closeRecommendation(deps: Deps, caller: Caller, batchId: string, input: CloseInput) {
  const actor = requireActorOf(caller);
  const recommender = recommenderOf(actor);
  const { batch } = await loadPublishedBatch(deps, batchId);
  await assertRecommendationOpen(deps.db, batch, batchId, recommender, deps.clock());
  const pending = await deps.db
    .selectFrom("applications")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("batchId", "=", batchId)
    .where("recommenderType", "=", recommender.type)
    .where("recommenderValue", "=", recommender.value)
    .where("status", "in", ["submitted", "resubmitted"])
    .executeTakeFirstOrThrow();
  if (Number(pending.n) > 0) {
    throw new AppError(
      "LIST_NOT_COMPLETE",
      `还有${pending.n}份申报尚未作出推荐、不予推荐或退回的决定，不能确认名单`,
    );
  }
  // The letter is signed with the recommender's own name, as its account carries it (e.g. 浙江省人力资源和社会保障厅).
  const account = await deps.db
    .selectFrom("users")
    .select("displayName")
    .where("id", "=", actor.userId)
    .executeTakeFirst();
  const name = account?.displayName ?? recommenderName(recommender);
  const id = crypto.randomUUID();
  const closedAt = deps.clock().toISOString();
  await runCommand(
    deps,
    caller,
    "recommendation.close",
    (trx) =>
      trx
        .insertInto("recommendationClosures")
        .values({
          id,
          batchId,
          recommenderType: recommender.type,
          recommenderValue: recommender.value,
          recommenderName: name,
          leaderName: input.leaderName,
          contactName: input.contactName,
          contactPhoneEnc: deps.cipher.encrypt(input.contactPhone),
          closedAt,
          closedBy: caller.username ?? "",
        })
        .execute(),
    () => ({
      targetType: "batch",
      targetId: batchId,
      summary: `${name}确认推荐名单（负责人：${input.leaderName}）`,
    }),
  );
  // What was stored, without the encrypted contact phone.
  return {
    id,
    batchId,
    recommender: { ...recommender, name },
    leaderName: input.leaderName,
    contactName: input.contactName,
    closedAt,
    closedBy: caller.username ?? "",
  };
}

/**
 * Everything a recommender's 推荐函 says, also used to fill the recommendation block of each
 * national form.
 */
export async function letterContent(deps: Deps, batchId: string, recommender: Recommender) {
  const batchRow = await findBatchRow(deps.db, batchId);
  if (!batchRow) throw notFound("批次");
  const batch = parseDefinition(batchRow);
  const closure = await findClosure(deps.db, batchId, recommender);
  if (!closure) throw new AppError("LIST_NOT_COMPLETE", "请先确认推荐名单，再出具推荐函");
  const rows = await deps.db
    .selectFrom("recommendations")
    .innerJoin("applications", "applications.id", "recommendations.applicationId")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .select([
      "recommendations.kind",
      "recommendations.occupation",
      "recommendations.rank",
      "recommendations.reason",
      "applications.levels",
      "institutions.name",
      "institutions.creditCode",
    ])
    .where("recommendations.batchId", "=", batchId)
    .where("recommendations.recommenderType", "=", recommender.type)
    .where("recommendations.recommenderValue", "=", recommender.value)
    .where("recommendations.choice", "=", "recommended")
    .execute();
  return { batch, closure, rows };
}

export async function renderRecommendationLetter(
  deps: Deps,
  caller: Caller,
  batchId: string,
  format: "pdf" | "docx",
) {
  const actor = requireActorOf(caller);
  const recommender = recommenderOf(actor);
  const { batch, closure, rows } = await letterContent(deps, batchId, recommender);
  const levelName = (code: string) => LEVELS.find((level) => level.code === code)?.name ?? code;
  const groups = (["training", "evaluation"] as KindCode[]).flatMap((kind) =>
    OCCUPATIONS.flatMap(({ code }) => {
      const group = rows
        .filter((row) => row.kind === kind && row.occupation === code)
        .sort((a, b) => Number(a.rank) - Number(b.rank));
      if (group.length === 0) return [];
      return [
        {
          heading: `${kindName(kind)}·${occupationName(code as OccupationCode)}`,
          rows: group.map((row) => [
            String(row.rank ?? ""),
            row.name,
            row.creditCode,
            readJson("applications.levels", levelsJson, row.levels).map(levelName).join("、"),
            row.reason,
          ]),
        },
      ];
    }),
  );
  const closedOn = shanghaiDate(new Date(closure.closedAt));
  const [year, month, day] = closedOn.split("-").map(Number);
  const document: ListDocument = {
    title: "推 荐 函",
    addressee: "专业技术人员知识更新工程指导协调小组办公室：",
    paragraphs: [
      `根据《${batch.title}》要求，我单位结合${recommender.type === "region" ? "本地区" : "本行业"}数字技术人才培养的实际需要，对申报单位进行了审核评议，现择优推荐以下${rows.length}家机构（按职业分列，排名为本单位推荐顺序）。`,
      "经审核，被推荐机构提交的申报材料真实、完整，符合通知规定的申报条件。",
    ],
    columns: [
      { label: "排名", weight: 0.8 },
      { label: "机构名称", weight: 2.4 },
      { label: "统一社会信用代码", weight: 2.7 },
      { label: "专业技术等级", weight: 1.5 },
      { label: "推荐理由", weight: 3.6 },
    ],
    groups: groups.length > 0 ? groups : [{ heading: null, rows: [] }],
    signature: [
      `推荐单位（盖章）：${closure.recommenderName}`,
      `负责人：${closure.leaderName}`,
      `${year}年${month}月${day}日`,
    ],
    footnotes: [`联系人：${closure.contactName}　　电话：${deps.cipher.decrypt(closure.contactPhoneEnc)}`],
  };
  const body = format === "pdf" ? await renderListPdf(document) : await renderListDocx(document);
  await runCommand(
    deps,
    caller,
    "recommendation.letter",
    async () => null,
    () => ({ targetType: "batch", targetId: batchId, summary: `出具推荐函（${format.toUpperCase()}）` }),
  );
  return {
    body,
    fileName: `推荐函-${closure.recommenderName}-${batch.shortTitle}.${format}`,
    contentType:
      format === "pdf"
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };
}
