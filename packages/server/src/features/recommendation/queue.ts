import {
  type Actor,
  applicationStatusNames,
  type BatchDefinition,
  centreActsOnBatch,
  eligibilityResultSchema,
  type KindCode,
  kindName,
  type LevelCode,
  type OccupationCode,
  occupationName,
  type QuotaRule,
  type Recommender,
  recommendationQuota,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { levelsJson, readJson, readNullableJson } from "../../db/json";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { loadPublishedBatch } from "../batches/service";
import { loadQuotaSettings } from "../quotas/settings";
import { findClosure, recommenderName, recommenderOf } from "./recommender";

/** 按机构名称 in Chinese order; one collator, not one per comparison (`localeCompare` builds one). */
const byChineseName = new Intl.Collator("zh-CN");

export type QueueFilter = {
  batchId: string;
  kind?: string | undefined;
  occupation?: string | undefined;
  level?: LevelCode | undefined;
  status?: string | undefined;
  eligibility?: "pass" | "review" | "fail" | undefined;
  q?: string | undefined;
  sort?: "submittedAt" | "institution" | "eligibility" | "rank" | undefined;
};

/** The rows a recommender's queue is made of: every non-draft application routed to it in a batch. */
async function queueRows(
  db: Db,
  batchId: string,
  scope: { recommender: Recommender } | { centreRegion: string },
) {
  let query = db
    .selectFrom("applications")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .leftJoin("recommendations", "recommendations.applicationId", "applications.id")
    .leftJoin("paperReceipts", "paperReceipts.applicationId", "applications.id")
    .select([
      "applications.id",
      "applications.kind",
      "applications.occupation",
      "applications.levels",
      "applications.status",
      "applications.eligibility",
      "applications.versionCount",
      "applications.number",
      "applications.lastSubmittedAt",
      "applications.returnReason",
      "institutions.name as institutionName",
      "institutions.creditCode",
      "recommendations.choice",
      "recommendations.reason as choiceReason",
      "recommendations.rank",
      "paperReceipts.copies as paperCopies",
      "paperReceipts.receivedOn as paperReceivedOn",
      "paperReceipts.lateDecision as paperLateDecision",
      "paperReceipts.lateReason as paperLateReason",
    ])
    .where("applications.batchId", "=", batchId)
    .where("applications.status", "!=", "draft");
  if ("recommender" in scope) {
    query = query
      .where("applications.recommenderType", "=", scope.recommender.type)
      .where("applications.recommenderValue", "=", scope.recommender.value);
  }
  return query.execute();
}

/**
 * A recommender's or the receiving centre's queue for one batch, filtered and sorted, with the
 * count against quota for every kind × occupation the recommender has applications in.
 */
export async function listQueue(deps: Deps, caller: Caller, filter: QueueFilter) {
  const actor = requireActorOf(caller);
  const { batch } = await loadPublishedBatch(deps, filter.batchId);
  const scope = queueScope(actor, batch);
  const rows = await queueRows(deps.db, filter.batchId, scope);
  const q = filter.q?.trim().toLowerCase();
  const items = rows
    .map((row) => {
      const eligibility = readNullableJson(
        "applications.eligibility",
        eligibilityResultSchema,
        row.eligibility,
      );
      return {
        id: row.id,
        institutionName: row.institutionName,
        creditCode: row.creditCode,
        kind: row.kind,
        kindName: kindName(row.kind),
        occupation: row.occupation,
        occupationName: occupationName(row.occupation),
        levels: readJson("applications.levels", levelsJson, row.levels),
        status: row.status,
        statusName: applicationStatusNames[row.status as keyof typeof applicationStatusNames] ?? row.status,
        eligibility: eligibility?.outcome ?? null,
        eligibilityNotes:
          eligibility?.results
            .filter((result) => result.outcome !== "pass")
            .map((result) => `${result.title}：${result.reason}`) ?? [],
        versionCount: Number(row.versionCount),
        number: row.number,
        submittedAt: row.lastSubmittedAt,
        returnReason: row.returnReason,
        choice: row.choice,
        choiceReason: row.choiceReason,
        rank: row.rank === null ? null : Number(row.rank),
        paperReceipt:
          row.paperCopies === null
            ? null
            : {
                copies: Number(row.paperCopies),
                receivedOn: row.paperReceivedOn,
                lateDecision: row.paperLateDecision,
                lateReason: row.paperLateReason,
              },
      };
    })
    .filter(
      (item) =>
        (!filter.kind || item.kind === filter.kind) &&
        (!filter.occupation || item.occupation === filter.occupation) &&
        (!filter.level || item.levels.some((level) => level === filter.level)) &&
        (!filter.status || item.status === filter.status) &&
        (!filter.eligibility || item.eligibility === filter.eligibility) &&
        (!q || item.institutionName.toLowerCase().includes(q) || item.creditCode.toLowerCase().includes(q)),
    );
  const eligibilityOrder = { pass: 0, review: 1, fail: 2 } as const;
  items.sort((a, b) => {
    switch (filter.sort) {
      case "institution":
        return byChineseName.compare(a.institutionName, b.institutionName);
      case "eligibility":
        return (
          (eligibilityOrder[a.eligibility ?? "review"] ?? 1) -
          (eligibilityOrder[b.eligibility ?? "review"] ?? 1)
        );
      case "rank":
        return (a.rank ?? 999) - (b.rank ?? 999);
      default: {
        // ISO timestamps order as plain strings: no locale rules to apply per comparison.
        const x = a.submittedAt ?? "";
        const y = b.submittedAt ?? "";
        return x < y ? -1 : x > y ? 1 : 0;
      }
    }
  });
  const recommender = "recommender" in scope ? scope.recommender : null;
  const settings = recommender ? await loadQuotaSettings(deps.db, filter.batchId) : [];
  // The quota line each application counts in (粤港澳大湾区 or the rest of 广东), worked out once.
  const rules = new Map(
    recommender
      ? rows.map((row) => [
          row.id,
          recommendationQuota(batch, row.kind, recommender, { settings, location: row.creditCode }),
        ])
      : [],
  );
  const quotas = recommender ? quotaSummary(recommender, rows, rules) : [];
  const closure = recommender ? await findClosure(deps.db, filter.batchId, recommender) : undefined;
  const stage = batch.stages.find((item) => item.code === (recommender ? "recommendation" : "formalCheck"));
  return {
    batch: {
      id: filter.batchId,
      title: batch.title,
      shortTitle: batch.shortTitle,
      paperCopies: batch.paperCopies,
      paperDeadline: batch.paperDeadline,
    },
    recommender: recommender ? { ...recommender, name: recommenderName(recommender) } : null,
    stage: stage
      ? {
          code: stage.code,
          closesAt: stage.closesAt,
          open: !stage.closesAt || Date.parse(stage.closesAt) >= deps.clock().getTime(),
        }
      : null,
    closed: closure
      ? { closedAt: closure.closedAt, closedBy: closure.closedBy, leaderName: closure.leaderName }
      : null,
    pending: rows.filter((row) => row.status === "submitted" || row.status === "resubmitted").length,
    quotas,
    items: items.map((item) => ({ ...item, quotaAreaKey: rules.get(item.id)?.areaKey ?? null })),
  };
}

function queueScope(
  actor: Actor,
  batch: BatchDefinition,
): { recommender: Recommender } | { centreRegion: string } {
  if (actor.role === "receivingCentre") {
    if (!centreActsOnBatch(actor, batch) || batch.scope.level !== "region") throw notFound("批次");
    return { centreRegion: batch.scope.regionCode };
  }
  if (!batch.stages.some((stage) => stage.code === "recommendation"))
    throw new AppError("TRANSITION_NOT_ALLOWED", "本批次没有审核推荐环节");
  return { recommender: recommenderOf(actor) };
}

/**
 * Count against quota per kind × occupation × place counted (粤港澳大湾区 apart from the rest of
 * 广东), with the rule and its basis: always visible to the recommender.
 */
function quotaSummary(
  recommender: Recommender,
  rows: { id: string; kind: KindCode; occupation: OccupationCode; choice: string | null }[],
  rules: ReadonlyMap<string, QuotaRule | null>,
) {
  const groups = new Map<
    string,
    { kind: KindCode; occupation: OccupationCode; rule: QuotaRule | null; used: number }
  >();
  for (const row of rows) {
    const rule = rules.get(row.id) ?? null;
    const key = `${row.kind}|${row.occupation}|${rule?.areaKey ?? ""}`;
    const group = groups.get(key) ?? { kind: row.kind, occupation: row.occupation, rule, used: 0 };
    if (row.choice === "recommended") group.used += 1;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ kind, occupation, rule, used }) => ({
    kind,
    kindName: kindName(kind),
    occupation,
    occupationName: occupationName(occupation),
    areaKey: rule?.areaKey ?? null,
    areaName: rule?.areaName ?? recommenderName(recommender),
    used,
    status: rule?.status ?? ("set" as const),
    limit: rule ? rule.limit : 0,
    rule: rule?.rule ?? "本单位不能推荐该类机构",
    basis: rule?.basis ?? "按照属地管理原则，培训机构由所在地省级人力资源社会保障部门推荐",
  }));
}
