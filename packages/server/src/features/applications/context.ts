import {
  type Actor,
  type BatchDefinition,
  canSeeApplication,
  type FormTemplate,
  getFormTemplate,
  type InstitutionForRouting,
} from "@linxuan/domain";
import type { Deps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { findBatchDefinition } from "../batches/definition-cache";
import { type ApplicationRow, findApplicationWithContext } from "./queries";

export type ApplicationContext = {
  row: ApplicationRow;
  batch: BatchDefinition;
  batchId: string;
  template: FormTemplate;
  institution: {
    id: string;
    name: string;
    /** Whether the institution has any 限制申报 bar (read with the application). */
    hasBars?: boolean;
  } & InstitutionForRouting;
  /** The applicant itself (sees its own ID and phone numbers) or staff (sees them masked). */
  isOwner: boolean;
};

/**
 * Loads an application with everything the use cases need, or answers 404 — also when it exists
 * but the actor may not see it, so existence does not leak.
 */
export async function loadApplication(deps: Deps, actor: Actor, id: string): Promise<ApplicationContext> {
  const found = await findApplicationWithContext(deps.db, id);
  if (!found) throw notFound("申报");
  const { row, institution } = found;
  const batchRow = await findBatchDefinition(deps.db, row.batchId, found.batch);
  if (!batchRow) throw notFound("申报");
  const batch = batchRow.definition;
  const isOwner = actor.role === "institution" && actor.institutionId === row.institutionId;
  const visible = canSeeApplication(actor, {
    institutionId: row.institutionId,
    institutionRegion: institution.regionCode,
    status: row.status,
    recommenderType: row.recommenderType,
    recommenderValue: row.recommenderValue,
    batch,
  });
  if (!visible) throw notFound("申报");
  const template = getFormTemplate(row.templateId);
  if (!template || template.version !== Number(row.templateVersion)) {
    throw new AppError("INTERNAL_ERROR", `申报表模板 ${row.templateId} v${row.templateVersion} 不存在`);
  }
  return {
    row,
    batch,
    batchId: batchRow.id,
    template,
    institution,
    isOwner,
  };
}
