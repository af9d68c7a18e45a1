import crypto from "node:crypto";
import {
  type KindCode,
  type OccupationCode,
  occupationName,
  shanghaiChineseDate,
  validUntil,
} from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { Deps } from "../../http/deps";
import { institutionUserIds, notify } from "../notifications/service";
import { recordCatalogWrite } from "./cache";

/** An institution leaving its public notice for the catalog, as the notice's item holds it. */
export type CatalogListing = {
  institutionId: string;
  applicationId: string;
  batchId: string;
  institutionName: string;
  creditCode: string;
  kind: KindCode;
  occupation: OccupationCode;
  levels: string;
  regionCode: string | null;
  /** The online approval time (the decision), from which the entry's validity is counted. */
  approvedAt: string;
};

/**
 * 纳入目录: writes a new catalog entry, valid for `validityYears` from its approval, with version 1
 * of its public history, and tells the institution — inside the caller's transaction, so the
 * notice's confirmation and the entries commit together. Later changes go through `writeEntryVersion`.
 */
export async function listInCatalog(
  trx: Db,
  deps: Pick<Deps, "clock" | "mailer">,
  listing: CatalogListing,
  context: { validityYears: number; batchShortTitle: string; reason: string; now: string; by: string },
): Promise<{ entryId: string }> {
  const entryId = crypto.randomUUID();
  const entry = {
    id: entryId,
    institutionId: listing.institutionId,
    applicationId: listing.applicationId,
    batchId: listing.batchId,
    institutionName: listing.institutionName,
    creditCode: listing.creditCode,
    kind: listing.kind,
    occupation: listing.occupation,
    levels: listing.levels,
    regionCode: listing.regionCode,
    approvedAt: listing.approvedAt,
    listedAt: context.now,
    validUntil: validUntil(listing.approvedAt, context.validityYears),
    suspended: 0,
    removed: 0,
    contactName: null,
    contactPhoneEnc: null,
    contactEmail: null,
    version: 1,
    updatedAt: context.now,
  };
  await trx.insertInto("catalogEntries").values(entry).execute();
  await trx
    .insertInto("catalogEntryVersions")
    .values({
      id: crypto.randomUUID(),
      entryId,
      version: 1,
      change: "listed",
      reason: context.reason,
      snapshot: JSON.stringify(entry),
      changedAt: context.now,
      changedBy: context.by,
    })
    .execute();
  await recordCatalogWrite(trx, context.now);
  await notify(trx, deps, {
    userIds: await institutionUserIds(trx, listing.institutionId),
    event: "listed",
    detail: `${listing.institutionName}已纳入${context.batchShortTitle}目录（${occupationName(listing.occupation)}），有效期至${shanghaiChineseDate(entry.validUntil)}。`,
    link: `/catalog/${entryId}`,
  });
  return { entryId };
}
