import crypto from "node:crypto";
import type { Db } from "../../db/connection";

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findInstitution(db: Db, id: string) {
  return db.selectFrom("institutions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findInstitutionByCreditCode(db: Db, creditCode: string) {
  return db.selectFrom("institutions").selectAll().where("creditCode", "=", creditCode).executeTakeFirst();
}

export async function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.userId")
    .select([
      "sessions.id as sessionId",
      "sessions.createdAt as sessionCreatedAt",
      "sessions.lastSeenAt",
      "sessions.expiresAt",
      "users.id as userId",
      "users.username",
      "users.role",
      "users.regionCode",
      "users.industryScope",
      "users.institutionId",
      "users.status",
      "users.mustChangePassword",
    ])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    userId: string;
    createdAt: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db
    .insertInto("sessions")
    .values({ ...session, lastSeenAt: session.createdAt })
    .execute();
}

export async function touchSession(db: Db, sessionId: string, at: string) {
  await db.updateTable("sessions").set({ lastSeenAt: at }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string) {
  await db.deleteFrom("sessions").where("userId", "=", userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string) {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expiresAt", "<=", now), eb("lastSeenAt", "<", idleBefore)]))
    .execute();
}

/** An institution and its first account (login name = credit code), inside the caller's transaction. */
export async function insertInstitutionWithAccount(
  trx: Db,
  input: {
    institutionId: string;
    creditCode: string;
    name: string;
    contactName: string;
    phoneEnc: string;
    email: string;
    regionCode: string | null;
    warningConfirmed: boolean;
    passwordHash: string;
    now: string;
  },
): Promise<void> {
  await trx
    .insertInto("institutions")
    .values({
      id: input.institutionId,
      creditCode: input.creditCode,
      name: input.name,
      contactName: input.contactName,
      phoneEnc: input.phoneEnc,
      email: input.email,
      regionCode: input.regionCode,
      creditCodeWarningConfirmed: input.warningConfirmed ? 1 : 0,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .execute();
  await trx
    .insertInto("users")
    .values({
      id: crypto.randomUUID(),
      username: input.creditCode,
      displayName: input.name,
      role: "institution",
      regionCode: null,
      industryScope: null,
      institutionId: input.institutionId,
      passwordHash: input.passwordHash,
      status: "active",
      failedLogins: 0,
      lockedUntil: null,
      mustChangePassword: 0,
      phoneEnc: input.phoneEnc,
      email: input.email,
      createdAt: input.now,
      updatedAt: input.now,
      lastLoginAt: null,
    })
    .execute();
}
