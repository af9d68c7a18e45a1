import { type BatchScope, canManageBatch } from "./permissions";
import type { Actor } from "./roles";

/*
 * Jurisdiction: which office, recommender or institution a record belongs to for a given actor. The
 * command table (`roleMayRun`) says whether a role may run a command at all; these rules say on
 * which batch, application, notice or catalog entry. Every feature asks here instead of comparing
 * region codes itself, and answers 404 when the answer is no, so existence does not leak.
 */

/** A batch as jurisdiction needs it; a `BatchDefinition` fits. */
export type BatchInJurisdiction = {
  scope: BatchScope;
  stages: readonly { code: string }[];
};

/** An application as jurisdiction needs it: its row's routing and status, its batch, its institution's region. */
export type ApplicationInJurisdiction = {
  institutionId: string;
  /** The region the applying institution registered in (null when it gave none). */
  institutionRegion: string | null;
  status: string;
  recommenderType: string | null;
  recommenderValue: string | null;
  batch: BatchInJurisdiction;
};

function ownRegionBatch(actor: Actor, scope: BatchScope): boolean {
  return scope.level === "region" && scope.regionCode === actor.regionCode;
}

/**
 * Whether a receiving centre handles a batch's paper copies and formal check: its own region's
 * batches that have a formal check stage.
 */
export function centreActsOnBatch(actor: Actor, batch: BatchInJurisdiction): boolean {
  return (
    actor.role === "receivingCentre" &&
    ownRegionBatch(actor, batch.scope) &&
    batch.stages.some((stage) => stage.code === "formalCheck")
  );
}

/**
 * Whether an actor may see an application (jurisdiction is data, SPEC §1). The institution sees
 * its own; the national office every application; a provincial office those of its own region's
 * batches or of institutions registered in its region; the receiving centre the submitted ones of
 * its region's batches that have a formal check; a recommender only submitted applications routed
 * to it. Experts and the administrator see none through this path.
 */
export function canSeeApplication(actor: Actor, application: ApplicationInJurisdiction): boolean {
  const submitted = application.status !== "draft";
  switch (actor.role) {
    case "institution":
      return actor.institutionId === application.institutionId;
    case "nationalOffice":
      return true;
    case "provincialOffice":
      return (
        ownRegionBatch(actor, application.batch.scope) || application.institutionRegion === actor.regionCode
      );
    case "receivingCentre":
      return centreActsOnBatch(actor, application.batch) && submitted;
    case "provincialRecommender":
      return (
        submitted &&
        application.recommenderType === "region" &&
        application.recommenderValue === actor.regionCode
      );
    case "industryRecommender":
      return (
        submitted &&
        application.recommenderType === "industry" &&
        application.recommenderValue === actor.industryScope
      );
    default:
      return false;
  }
}

/**
 * Whether an office acts on a batch's workflow (expert review, 审定, the recommendation overview):
 * the national office on every batch, a provincial office on its own region's. The same rule as
 * `canManageBatch`, which governs editing the batch itself.
 */
export function officeActsOnBatch(actor: Actor, batch: { scope: BatchScope }): boolean {
  return canManageBatch(actor, batch.scope);
}

/** Who publishes each kind's catalog, as the batch says. */
export type CatalogPublisher = { training: string; evaluation: string };

/**
 * Whether an office publishes a 公示 (and handles its objections and confirms it): the national
 * office for any batch; a provincial office for its own region's batches and — where a national
 * batch leaves the training catalog to the provinces ("拟列入目录的培训机构由属地省级人力资源社会
 * 保障部门同步公示") — for its own region's training list.
 */
export function canActOnPublicNotice(
  actor: Actor,
  batch: { scope: BatchScope; catalogPublisher: CatalogPublisher },
  publicNotice: { kind: string | null; regionCode: string | null },
): boolean {
  if (actor.role === "nationalOffice") return true;
  if (actor.role !== "provincialOffice") return false;
  const localTraining =
    batch.scope.level === "national" &&
    batch.catalogPublisher.training === "provincial" &&
    publicNotice.kind === "training" &&
    publicNotice.regionCode !== null &&
    publicNotice.regionCode === actor.regionCode;
  return ownRegionBatch(actor, batch.scope) || localTraining;
}

/**
 * Whether an office adjusts a catalog entry (动态调整: suspend, restore, remove): the national
 * office every entry; a provincial office the entries of its own region's batches and those of
 * institutions in its region. `batchScope` is null when the entry's batch no longer exists.
 */
export function canActOnCatalogEntry(
  actor: Actor,
  entry: { regionCode: string | null; batchScope: BatchScope | null },
): boolean {
  if (actor.role === "nationalOffice") return true;
  if (actor.role !== "provincialOffice") return false;
  return (
    (entry.batchScope !== null && ownRegionBatch(actor, entry.batchScope)) ||
    entry.regionCode === actor.regionCode
  );
}

/**
 * What a list must filter on for an actor: everything, rows of these regions (an empty list
 * admits nothing), one institution's rows, or the rows routed to one recommender. A query applies
 * it in SQL on the region, institution or routing column of what it lists.
 */
export type RegionFilter =
  | { kind: "all" }
  | { kind: "regions"; regionCodes: readonly string[] }
  | { kind: "institution"; institutionId: string | null }
  | { kind: "recommender"; recommenderType: "region" | "industry"; value: string | null }
  | { kind: "none" };

/**
 * The filter for the lists an actor sees by region (属地监管: complaints, assessments, contact
 * changes, reminders, the dashboard): the national office sees all; a provincial office its own
 * region only (nothing when its account carries no region); an institution its own rows; a
 * recommender what is routed to it; the others nothing.
 */
export function regionFilter(actor: Actor): RegionFilter {
  switch (actor.role) {
    case "nationalOffice":
      return { kind: "all" };
    case "provincialOffice":
      return { kind: "regions", regionCodes: actor.regionCode === null ? [] : [actor.regionCode] };
    case "institution":
      return { kind: "institution", institutionId: actor.institutionId };
    case "provincialRecommender":
      return { kind: "recommender", recommenderType: "region", value: actor.regionCode };
    case "industryRecommender":
      return { kind: "recommender", recommenderType: "industry", value: actor.industryScope };
    default:
      return { kind: "none" };
  }
}

/** Whether a region-scoped filter admits a row of this region (institution and recommender filters never do by region alone). */
export function regionFilterAdmits(filter: RegionFilter, regionCode: string | null): boolean {
  if (filter.kind === "all") return true;
  if (filter.kind === "regions") return regionCode !== null && filter.regionCodes.includes(regionCode);
  return false;
}

/**
 * Whether an office handles a listed institution's supervision — complaints, assessments, contact
 * changes (属地监管): by the entry's own region only, as the lists filter.
 */
export function canSuperviseCatalogEntry(actor: Actor, entry: { regionCode: string | null }): boolean {
  if (actor.role !== "nationalOffice" && actor.role !== "provincialOffice") return false;
  return regionFilterAdmits(regionFilter(actor), entry.regionCode);
}
