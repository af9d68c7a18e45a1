import type { Db } from "../../db/connection";
import type { Row } from "../../db/types";

export type ApplicationRow = Row<"applications">;
export type VersionRow = Row<"applicationVersions">;
export type AttachmentRow = Row<"attachments">;

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listInstitutionApplications(db: Db, institutionId: string): Promise<ApplicationRow[]> {
  return db
    .selectFrom("applications")
    .selectAll()
    .where("institutionId", "=", institutionId)
    .orderBy("updatedAt", "desc")
    .execute();
}

export async function findExisting(
  db: Db,
  key: { batchId: string; institutionId: string; kind: string; occupation: string },
): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom("applications")
    .selectAll()
    .where("batchId", "=", key.batchId)
    .where("institutionId", "=", key.institutionId)
    .where("kind", "=", key.kind)
    .where("occupation", "=", key.occupation)
    .where("status", "!=", "withdrawn")
    .executeTakeFirst();
}

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db.insertInto("applications").values(row).execute();
}

/**
 * Saves a draft only if nobody saved since `baseRevision` and the application is still editable;
 * returns whether it did. The revision check is in the WHERE clause, so two tabs racing cannot
 * both win on either database.
 */
export async function updateDraft(
  db: Db,
  id: string,
  baseRevision: number,
  changes: {
    draftValues: string;
    levels: string;
    commitmentAccepted: number;
    eligibility: string;
    draftSavedAt: string;
    draftSavedBy: string;
    applicantCategory: string | null;
  },
  editableStatuses: readonly string[],
): Promise<boolean> {
  const result = await db
    .updateTable("applications")
    .set((eb) => ({
      ...changes,
      draftRevision: eb("draftRevision", "+", 1),
      updatedAt: changes.draftSavedAt,
    }))
    .where("id", "=", id)
    .where("draftRevision", "=", baseRevision)
    .where("status", "in", [...editableStatuses])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves an application from one status to another only if it is still in `from` (no lost race). */
export async function transitionStatus(
  db: Db,
  id: string,
  from: string,
  to: string,
  extra: Partial<Omit<ApplicationRow, "id" | "status">> = {},
): Promise<boolean> {
  const result = await db
    .updateTable("applications")
    .set({ ...extra, status: to })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listVersions(db: Db, applicationId: string): Promise<VersionRow[]> {
  return db
    .selectFrom("applicationVersions")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .orderBy("number", "asc")
    .execute();
}

export async function findVersion(
  db: Db,
  applicationId: string,
  number: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom("applicationVersions")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .where("number", "=", number)
    .executeTakeFirst();
}

export async function insertVersion(db: Db, row: VersionRow): Promise<void> {
  await db.insertInto("applicationVersions").values(row).execute();
}

export async function listCurrentAttachments(db: Db, applicationId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom("attachments")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .where("removedAt", "is", null)
    .orderBy("uploadedAt", "asc")
    .execute();
}

export async function findAttachment(
  db: Db,
  applicationId: string,
  id: string,
): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom("attachments")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Whether a submitted version of the application lists the attachment (its snapshot keeps it). */
export async function listedInSubmittedVersion(
  db: Db,
  applicationId: string,
  attachmentId: string,
): Promise<boolean> {
  const versions = await db
    .selectFrom("applicationVersions")
    .select("attachments")
    .where("applicationId", "=", applicationId)
    .execute();
  return versions.some((version) =>
    (JSON.parse(version.attachments) as { id: string }[]).some((item) => item.id === attachmentId),
  );
}

/**
 * Every re-application bar of an institution, running or not (a handful at most): whether one still
 * holds is the domain's to decide (`isBarActiveOn`), to the Asia/Shanghai day its message names.
 */
export async function listInstitutionBars(db: Db, institutionId: string) {
  return db
    .selectFrom("institutionBars")
    .select(["kind", "reason", "until"])
    .where("institutionId", "=", institutionId)
    .execute();
}
