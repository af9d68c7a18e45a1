import type { Db } from "../../db/connection";
import type { NewRow, RowChanges } from "../../db/types";

/* The only Kysely of the site-visits feature: it owns `site_visits` and `site_visit_attachments`. */

export async function findVisit(db: Db, applicationId: string) {
  return db
    .selectFrom("siteVisits")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
}

export async function listAttachments(db: Db, siteVisitId: string) {
  return db
    .selectFrom("siteVisitAttachments")
    .selectAll()
    .where("siteVisitId", "=", siteVisitId)
    .orderBy("uploadedAt")
    .orderBy("id")
    .execute();
}

export async function findAttachment(db: Db, siteVisitId: string, attachmentId: string) {
  return db
    .selectFrom("siteVisitAttachments")
    .selectAll()
    .where("siteVisitId", "=", siteVisitId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
}

/** Every visit of a batch, for the ranking. */
export async function listBatchVisits(db: Db, batchId: string) {
  return db.selectFrom("siteVisits").selectAll().where("batchId", "=", batchId).execute();
}

export async function insertVisit(db: Db, row: NewRow<"siteVisits">) {
  await db.insertInto("siteVisits").values(row).execute();
}

/**
 * Changes a visit only while it is still in `from`: of two offices acting at once, the second
 * finds nothing to change (false) instead of overwriting the first.
 */
export async function updateVisit(
  db: Db,
  id: string,
  from: NewRow<"siteVisits">["state"],
  set: RowChanges<"siteVisits">,
) {
  const result = await db
    .updateTable("siteVisits")
    .set(set)
    .where("id", "=", id)
    .where("state", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAttachment(db: Db, row: NewRow<"siteVisitAttachments">) {
  await db.insertInto("siteVisitAttachments").values(row).execute();
}
