import {
  type ApplicantCategory,
  type ApplicationStatus,
  formatApplicationNumber,
  type KindCode,
  type OccupationCode,
  shanghaiDate,
} from "@linxuan/domain";
import type { QueryCreator } from "kysely";
import type { Db } from "../../db/connection";
import { readJson, versionAttachmentsJson } from "../../db/json";
import type { Database, Row } from "../../db/types";

export type ApplicationRow = Row<"applications">;
export type VersionRow = Row<"applicationVersions">;
export type AttachmentRow = Row<"attachments">;

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * An application with what loading it needs besides: its batch's version (to reuse the parsed
 * definition) and its institution — one query instead of three. Undefined when the application,
 * its batch or its institution is missing.
 */
export async function findApplicationWithContext(db: Db, id: string) {
  const found = await db
    .selectFrom("applications")
    .innerJoin("batches", "batches.id", "applications.batchId")
    .innerJoin("institutions", "institutions.id", "applications.institutionId")
    .selectAll("applications")
    .select([
      "batches.version as batchVersion",
      "batches.updatedAt as batchUpdatedAt",
      "institutions.name as institutionName",
      "institutions.creditCode as institutionCreditCode",
      "institutions.regionCode as institutionRegionCode",
      "institutions.regionSource as institutionRegionSource",
      "institutions.centralAffiliation as institutionCentralAffiliation",
      // Whether any 限制申报 applies, so a save need not ask for the (mostly absent) bars.
      (eb) =>
        eb
          .selectFrom("institutionBars")
          .select((inner) => inner.fn.countAll<number | string>().as("n"))
          .whereRef("institutionBars.institutionId", "=", "applications.institutionId")
          .as("institutionBarCount"),
    ])
    .where("applications.id", "=", id)
    .executeTakeFirst();
  if (!found) return undefined;
  const {
    batchVersion,
    batchUpdatedAt,
    institutionName,
    institutionCreditCode,
    institutionRegionCode,
    institutionRegionSource,
    institutionCentralAffiliation,
    institutionBarCount,
    ...row
  } = found;
  return {
    row: row as ApplicationRow,
    batch: { version: Number(batchVersion), updatedAt: batchUpdatedAt },
    institution: {
      id: row.institutionId,
      name: institutionName,
      creditCode: institutionCreditCode,
      regionCode: institutionRegionCode,
      regionSource: institutionRegionSource,
      centralAffiliation: institutionCentralAffiliation,
      hasBars: Number(institutionBarCount ?? 0) > 0,
    },
  };
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
  key: { batchId: string; institutionId: string; kind: KindCode; occupation: OccupationCode },
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
/**
 * The optimistic draft save: changes the row only at `baseRevision` and in an editable status,
 * returning its id then (nothing otherwise). Built, not run: the command pipeline runs it with its
 * audit event (`runUpdateCommand`).
 */
export function draftUpdate(
  id: string,
  baseRevision: number,
  changes: {
    draftValues: string;
    levels: string;
    commitmentAccepted: number;
    eligibility: string;
    draftSavedAt: string;
    draftSavedBy: string;
    applicantCategory: ApplicantCategory | null;
  },
  editableStatuses: readonly ApplicationStatus[],
) {
  return (db: QueryCreator<Database>) =>
    db
      .updateTable("applications")
      .set((eb) => ({
        ...changes,
        draftRevision: eb("draftRevision", "+", 1),
        updatedAt: changes.draftSavedAt,
      }))
      .where("id", "=", id)
      .where("draftRevision", "=", baseRevision)
      .where("status", "in", [...editableStatuses])
      .returning("id");
}

/** Moves an application from one status to another only if it is still in `from` (no lost race). */
export async function transitionStatus(
  db: Db,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
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
    readJson("application_versions.attachments", versionAttachmentsJson, version.attachments).some(
      (item) => item.id === attachmentId,
    ),
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

/**
 * Deletes a draft and its attachment rows (a draft has no submitted versions). Returns the
 * attachments' files, or undefined when the application is no longer a draft (submitted in
 * another window meanwhile): the caller then throws, and its transaction undoes the attachments'
 * deletion.
 */
export async function deleteDraftRows(db: Db, id: string): Promise<{ sha256: string }[] | undefined> {
  const files = await db.selectFrom("attachments").select("sha256").where("applicationId", "=", id).execute();
  await db.deleteFrom("attachments").where("applicationId", "=", id).execute();
  const deleted = await db
    .deleteFrom("applications")
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1 ? files : undefined;
}

/** Whether any attachment row (of any application, current or replaced) holds this file. */
export async function attachmentsHoldFile(db: Db, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom("attachments")
    .select("id")
    .where("sha256", "=", sha256)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives a first-submitted application its 申报编号: the next serial of the submission's year (in
 * Shanghai) and kind, taken with one upsert so that concurrent submissions — on any instance —
 * never share a number. Runs in the submitting transaction: a rolled-back submission leaves no gap.
 */
export async function assignApplicationNumber(
  trx: Db,
  applicationId: string,
  kind: KindCode,
  submittedAt: string,
): Promise<string> {
  const year = Number(shanghaiDate(submittedAt).slice(0, 4));
  const { lastSerial } = await trx
    .insertInto("applicationNumberSerials")
    .values({ year, kind, lastSerial: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(["year", "kind"])
        .doUpdateSet((eb) => ({ lastSerial: eb(eb.ref("applicationNumberSerials.lastSerial"), "+", 1) })),
    )
    .returning("lastSerial")
    .executeTakeFirstOrThrow();
  const number = formatApplicationNumber(year, kind, Number(lastSerial));
  await trx.updateTable("applications").set({ number }).where("id", "=", applicationId).execute();
  return number;
}

/** The application carrying a 申报编号, if any. */
export async function findApplicationIdByNumber(db: Db, number: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("applications")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirst();
  return row?.id;
}
