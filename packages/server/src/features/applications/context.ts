import { type Actor, type BatchDefinition, type FormTemplate, getFormTemplate } from "@linxuan/domain";
import type { Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findInstitution } from "../auth/queries";
import { findBatchRow } from "../batches/queries";
import { parseDefinition } from "../batches/service";
import { type ApplicationRow, findApplication } from "./queries";

export type ApplicationContext = {
  row: ApplicationRow;
  batch: BatchDefinition;
  batchId: string;
  template: FormTemplate;
  institution: { id: string; name: string; creditCode: string; regionCode: string | null };
  /** The applicant itself (sees its own ID and phone numbers) or staff (sees them masked). */
  isOwner: boolean;
};

/**
 * Whether a staff actor may see an application (jurisdiction is data, SPEC §1). The national
 * office sees every application; a provincial office those of its own region's batches or of
 * institutions registered in its region; the receiving centre those of its region's batches that
 * have a formal check; a recommending unit only submitted applications routed to it.
 */
function staffMayView(
  actor: Actor,
  batch: BatchDefinition,
  institutionRegion: string | null,
  row: ApplicationRow,
): boolean {
  const ownRegionBatch = batch.scope.level === "region" && batch.scope.regionCode === actor.regionCode;
  switch (actor.role) {
    case "nationalOffice":
      return true;
    case "provincialOffice":
      return ownRegionBatch || institutionRegion === actor.regionCode;
    case "receivingCentre":
      return (
        ownRegionBatch && batch.stages.some((stage) => stage.code === "formalCheck") && row.status !== "draft"
      );
    case "provincialRecommender":
      return (
        row.status !== "draft" &&
        row.recommenderType === "region" &&
        row.recommenderValue === actor.regionCode
      );
    case "industryRecommender":
      return (
        row.status !== "draft" &&
        row.recommenderType === "industry" &&
        row.recommenderValue === actor.industryScope
      );
    default:
      return false;
  }
}

/**
 * Loads an application with everything the use cases need, or answers 404 — also when it exists
 * but the actor may not see it, so existence does not leak.
 */
export async function loadApplication(deps: Deps, actor: Actor, id: string): Promise<ApplicationContext> {
  const row = await findApplication(deps.db, id);
  if (!row) throw notFound("申报");
  const [batchRow, institution] = await Promise.all([
    findBatchRow(deps.db, row.batchId),
    findInstitution(deps.db, row.institutionId),
  ]);
  if (!batchRow || !institution) throw notFound("申报");
  const batch = parseDefinition(batchRow);
  const isOwner = actor.role === "institution" && actor.institutionId === row.institutionId;
  if (!isOwner && (actor.role === "institution" || !staffMayView(actor, batch, institution.regionCode, row)))
    throw notFound("申报");
  const template = getFormTemplate(row.templateId);
  if (!template || template.version !== Number(row.templateVersion)) {
    throw new AppError("INTERNAL_ERROR", `申报表模板 ${row.templateId} v${row.templateVersion} 不存在`);
  }
  return {
    row,
    batch,
    batchId: batchRow.id,
    template,
    institution: {
      id: institution.id,
      name: institution.name,
      creditCode: institution.creditCode,
      regionCode: institution.regionCode,
    },
    isOwner,
  };
}
