import {
  type Actor,
  applicationStatusNames,
  type BatchDefinition,
  type EligibilityResult,
  type KindCode,
  kindName,
  type OccupationCode,
  occupationName,
  type RecommendingUnit,
  recommendationQuota,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import { requireActorOf } from "../../http/actor";
import type { Caller, Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";
import { findClosure, unitName, unitOf } from "./unit";

export type QueueFilter = {
  batchId: string;
  kind?: string | undefined;
  occupation?: string | undefined;
  level?: string | undefined;
  status?: string | undefined;
  eligibility?: "pass" | "review" | "fail" | undefined;
  q?: string | undefined;
  sort?: "submittedAt" | "institution" | "eligibility" | "rank" | undefined;
};

/** The rows a unit's queue is made of: every non-draft application routed to it in a batch. */
async function queueRows(
  db: Db,
  batchId: string,
  scope: { unit: RecommendingUnit } | { centreRegion: string },
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
      "applications.lastSubmittedAt",
      "applications.returnReason",
      "institutions.name as institutionName",
      "institutions.creditCode",
      "recommendations.decision",
      "recommendations.reason as decisionReason",
      "recommendations.rank",
      "paperReceipts.copies as paperCopies",
      "paperReceipts.receivedOn as paperReceivedOn",
    ])
    .where("applications.batchId", "=", batchId)
    .where("applications.status", "!=", "draft");
  if ("unit" in scope) {
    query = query
      .where("applications.recommenderType", "=", scope.unit.type)
      .where("applications.recommenderValue", "=", scope.unit.value);
  }
  return query.execute();
}

/**
 * A recommender's or the receiving centre's queue for one batch, filtered and sorted, with the
 * count against quota for every kind × occupation the unit has applications in.
 */
export async function listQueue(deps: Deps, caller: Caller, filter: QueueFilter) {
  const actor = requireActorOf(caller);
  const batchRow = await findBatchRow(deps.db, filter.batchId);
  if (batchRow?.status !== "published") throw notFound("批次");
  const batch = parseDefinition(batchRow);
  const scope = queueScope(actor, batch);
  const rows = await queueRows(deps.db, filter.batchId, scope);
  const q = filter.q?.trim().toLowerCase();
  const items = rows
    .map((row) => {
      const eligibility = row.eligibility ? (JSON.parse(row.eligibility) as EligibilityResult) : null;
      return {
        id: row.id,
        institutionName: row.institutionName,
        creditCode: row.creditCode,
        kind: row.kind as KindCode,
        kindName: kindName(row.kind as KindCode),
        occupation: row.occupation as OccupationCode,
        occupationName: occupationName(row.occupation as OccupationCode),
        levels: JSON.parse(row.levels) as string[],
        status: row.status,
        statusName: applicationStatusNames[row.status as keyof typeof applicationStatusNames] ?? row.status,
        eligibility: eligibility?.outcome ?? null,
        eligibilityNotes:
          eligibility?.results
            .filter((result) => result.outcome !== "pass")
            .map((result) => `${result.title}：${result.reason}`) ?? [],
        versionCount: Number(row.versionCount),
        submittedAt: row.lastSubmittedAt,
        returnReason: row.returnReason,
        decision: row.decision as "recommended" | "declined" | null,
        decisionReason: row.decisionReason,
        rank: row.rank === null ? null : Number(row.rank),
        paperReceipt:
          row.paperCopies === null
            ? null
            : { copies: Number(row.paperCopies), receivedOn: row.paperReceivedOn },
      };
    })
    .filter(
      (item) =>
        (!filter.kind || item.kind === filter.kind) &&
        (!filter.occupation || item.occupation === filter.occupation) &&
        (!filter.level || item.levels.includes(filter.level)) &&
        (!filter.status || item.status === filter.status) &&
        (!filter.eligibility || item.eligibility === filter.eligibility) &&
        (!q || item.institutionName.toLowerCase().includes(q) || item.creditCode.toLowerCase().includes(q)),
    );
  const eligibilityOrder = { pass: 0, review: 1, fail: 2 } as const;
  items.sort((a, b) => {
    switch (filter.sort) {
      case "institution":
        return a.institutionName.localeCompare(b.institutionName, "zh-CN");
      case "eligibility":
        return (
          (eligibilityOrder[a.eligibility ?? "review"] ?? 1) -
          (eligibilityOrder[b.eligibility ?? "review"] ?? 1)
        );
      case "rank":
        return (a.rank ?? 999) - (b.rank ?? 999);
      default:
        return (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "");
    }
  });
  const unit = "unit" in scope ? scope.unit : null;
  const quotas = unit ? quotaSummary(batch, unit, rows) : [];
  const closure = unit ? await findClosure(deps.db, filter.batchId, unit) : undefined;
  const stage = batch.stages.find((item) => item.code === (unit ? "recommendation" : "formalCheck"));
  return {
    batch: {
      id: filter.batchId,
      title: batch.title,
      shortTitle: batch.shortTitle,
      paperCopies: batch.paperCopies,
    },
    unit: unit ? { ...unit, name: unitName(unit) } : null,
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
    items,
  };
}

function queueScope(
  actor: Actor,
  batch: BatchDefinition,
): { unit: RecommendingUnit } | { centreRegion: string } {
  if (actor.role === "receivingCentre") {
    if (
      batch.scope.level !== "region" ||
      batch.scope.regionCode !== actor.regionCode ||
      !batch.stages.some((stage) => stage.code === "formalCheck")
    ) {
      throw notFound("批次");
    }
    return { centreRegion: batch.scope.regionCode };
  }
  if (!batch.stages.some((stage) => stage.code === "recommendation"))
    throw new AppError("TRANSITION_NOT_ALLOWED", "本批次没有审核推荐环节");
  return { unit: unitOf(actor) };
}

/** Count against quota per kind × occupation: always visible to the unit. */
function quotaSummary(
  batch: BatchDefinition,
  unit: RecommendingUnit,
  rows: { kind: string; occupation: string; decision: string | null }[],
) {
  const keys = new Map<string, { kind: KindCode; occupation: OccupationCode }>();
  for (const row of rows)
    keys.set(`${row.kind}|${row.occupation}`, {
      kind: row.kind as KindCode,
      occupation: row.occupation as OccupationCode,
    });
  return [...keys.values()].map(({ kind, occupation }) => {
    const rule = recommendationQuota(batch, kind, unit);
    const used = rows.filter(
      (row) => row.kind === kind && row.occupation === occupation && row.decision === "recommended",
    ).length;
    return {
      kind,
      kindName: kindName(kind),
      occupation,
      occupationName: occupationName(occupation),
      used,
      limit: rule?.limit ?? 0,
      rule: rule?.rule ?? "本单位不能推荐该类机构",
    };
  });
}
