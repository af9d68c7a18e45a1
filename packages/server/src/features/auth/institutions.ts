import {
  type CorrectRegion,
  centralAffiliationNames,
  type InstitutionSummary,
  institutionRegion,
  regionBasisNames,
  regionName,
} from "@linxuan/domain";
import type { Row } from "../../db/types";
import { runCommand } from "../../http/command";
import type { Caller, Deps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { findInstitutionById, listInstitutions, setInstitutionRegion } from "./queries";

/** An institution as the office sees it: the region its applications are routed by, and why. */
function toSummary(row: Row<"institutions">): InstitutionSummary {
  const region = institutionRegion(row);
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    regionCode: region.regionCode,
    regionName: region.regionCode === null ? null : (regionName(region.regionCode) ?? null),
    regionSource: row.regionSource,
    regionBasis: regionBasisNames[region.basis],
    centralAffiliation: row.centralAffiliation,
    centralAffiliationName: row.centralAffiliation ? centralAffiliationNames[row.centralAffiliation] : null,
    createdAt: row.createdAt,
  };
}

/** 申报单位 for the 工程指导协调小组办公室, searchable by name or credit code. */
export async function listInstitutionSummaries(
  deps: Deps,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  const { rows, total } = await listInstitutions(deps.db, query);
  return { total, items: rows.map(toSummary) };
}

/**
 * 更正所在地区: the office sets the region an institution applies in (a central code whose unit sits
 * elsewhere, a code that tells none), with its reason in the audit event. Drafts follow at once;
 * submitted applications keep the recommender they were submitted to.
 */
export async function correctInstitutionRegion(deps: Deps, caller: Caller, id: string, input: CorrectRegion) {
  const existing = await findInstitutionById(deps.db, id);
  if (!existing) throw notFound("申报单位");
  const before = institutionRegion(existing).regionCode;
  const beforeName = before === null ? "未确定" : (regionName(before) ?? before);
  const afterName = regionName(input.regionCode) ?? input.regionCode;
  await runCommand(
    deps,
    caller,
    "institution.correctRegion",
    async (trx) => setInstitutionRegion(trx, id, input.regionCode, deps.clock().toISOString()),
    () => ({
      targetType: "institution",
      targetId: id,
      summary: `更正申报单位所在地区：${existing.name}（${existing.creditCode}）由${beforeName}改为${afterName}，原因：${input.reason}`,
      detail: { from: before, to: input.regionCode, reason: input.reason },
    }),
  );
  const updated = await findInstitutionById(deps.db, id);
  if (!updated) throw notFound("申报单位");
  return toSummary(updated);
}
