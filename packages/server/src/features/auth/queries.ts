import crypto from "node:crypto";
import type { CentralAffiliation } from "@linxuan/domain";
import type { ExpressionBuilder } from "kysely";
import type { Db } from "../../db/connection";
import { containsText } from "../../db/like";
import type { Database } from "../../db/types";

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
    centralAffiliation?: CentralAffiliation | null;
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
      centralAffiliation: input.centralAffiliation ?? null,
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
      mustChangePassword: 0,
      phoneEnc: input.phoneEnc,
      email: input.email,
      createdAt: input.now,
      updatedAt: input.now,
      lastLoginAt: null,
    })
    .execute();
}

/** pair: one username from one address · account: one username from anywhere · address: one address. */
export type ThrottleScope = "pair" | "account" | "address";
export type ThrottleKey = { scope: ThrottleScope; username: string; ip: string };

export async function findThrottles(db: Db, keys: ThrottleKey[]) {
  return db
    .selectFrom("loginThrottles")
    .selectAll()
    .where((eb) =>
      eb.or(
        keys.map((key) =>
          eb.and([eb("scope", "=", key.scope), eb("username", "=", key.username), eb("ip", "=", key.ip)]),
        ),
      ),
    )
    .execute();
}

type ThrottleExpressions = ExpressionBuilder<Database, "loginThrottles">;

const sameKey = (key: ThrottleKey) => (eb: ThrottleExpressions) =>
  eb.and([eb("scope", "=", key.scope), eb("username", "=", key.username), eb("ip", "=", key.ip)]);

/**
 * Counts one attempt on a counter: creates it on first use, then one conditional UPDATE that
 * starts a new window when the old one is over and refuses while the counter is blocked, locked
 * or (with a limit) full. Of concurrent attempts on any instances each gets its own number and
 * no more than `limit` get one per window, on SQLite and PostgreSQL. Returns the count, or null
 * when refused.
 */
export async function countAttempt(
  db: Db,
  key: ThrottleKey,
  at: { now: string; windowStart: string; limit: number | null },
): Promise<number | null> {
  await db
    .insertInto("loginThrottles")
    .values({
      ...key,
      failures: 0,
      windowStartedAt: at.now,
      lastAttemptAt: at.now,
      blockedUntil: null,
      lockedAt: null,
    })
    .onConflict((oc) => oc.columns(["scope", "username", "ip"]).doNothing())
    .execute();
  const expired = (eb: ThrottleExpressions) => eb("windowStartedAt", "<", at.windowStart);
  const row = await db
    .updateTable("loginThrottles")
    .set((eb) => ({
      failures: eb
        .case()
        .when(expired(eb))
        .then(1)
        .else(eb("failures", "+", 1))
        .end(),
      windowStartedAt: eb.case().when(expired(eb)).then(at.now).else(eb.ref("windowStartedAt")).end(),
      lastAttemptAt: at.now,
    }))
    .where(sameKey(key))
    .where((eb) => eb.or([eb("blockedUntil", "is", null), eb("blockedUntil", "<=", at.now)]))
    .where("lockedAt", "is", null)
    .where((eb) => (at.limit === null ? eb.lit(true) : eb.or([eb("failures", "<", at.limit), expired(eb)])))
    .returning("failures")
    .executeTakeFirst();
  return row ? Number(row.failures) : null;
}

/** Gives back an attempt counted in advance that turned out to be a success. */
export async function uncountAttempt(db: Db, key: ThrottleKey): Promise<void> {
  await db
    .updateTable("loginThrottles")
    .set((eb) => ({ failures: eb("failures", "-", 1) }))
    .where(sameKey(key))
    .where("failures", ">", 0)
    .execute();
}

export async function blockThrottle(db: Db, key: ThrottleKey, until: string): Promise<void> {
  await db.updateTable("loginThrottles").set({ blockedUntil: until }).where(sameKey(key)).execute();
}

/** Locks an account counter once; true for the call that locked it. */
export async function lockThrottle(db: Db, key: ThrottleKey, at: string): Promise<boolean> {
  const row = await db
    .updateTable("loginThrottles")
    .set({ lockedAt: at })
    .where(sameKey(key))
    .where("lockedAt", "is", null)
    .returning("lockedAt")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteThrottle(db: Db, key: ThrottleKey): Promise<void> {
  await db.deleteFrom("loginThrottles").where(sameKey(key)).execute();
}

/** Every counter of a username (its lock and the waits of all addresses): the administrator's unlock. */
export async function deleteUsernameThrottles(db: Db, username: string): Promise<number> {
  const result = await db
    .deleteFrom("loginThrottles")
    .where("scope", "in", ["pair", "account"])
    .where("username", "=", username)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Locks and addresses kept waiting, per username, for the administrator's account list. */
export async function findUsernameRestrictions(db: Db, usernames: string[], now: string) {
  if (usernames.length === 0) return [];
  return db
    .selectFrom("loginThrottles")
    .select(["scope", "username", "lockedAt", "blockedUntil"])
    .where("username", "in", usernames)
    .where((eb) =>
      eb.or([
        eb.and([eb("scope", "=", "account"), eb("lockedAt", "is not", null)]),
        eb.and([eb("scope", "=", "pair"), eb("blockedUntil", ">", now)]),
      ]),
    )
    .execute();
}

/** Counters whose last attempt is older than `before` and that hold no lock or wait any more. */
export async function deleteStaleThrottles(db: Db, before: string, now: string): Promise<number> {
  const result = await db
    .deleteFrom("loginThrottles")
    .where("lastAttemptAt", "<", before)
    .where("lockedAt", "is", null)
    .where((eb) => eb.or([eb("blockedUntil", "is", null), eb("blockedUntil", "<=", now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One page of institutions for the office, newest first; `q` matches name or credit code. */
export async function listInstitutions(
  db: Db,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  let base = db.selectFrom("institutions");
  const q = query.q?.trim();
  if (q) {
    base = base.where((eb) => eb.or([containsText("name", q), containsText("credit_code", q.toUpperCase())]));
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy("createdAt", "desc")
      .orderBy("id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as("count")).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.count ?? 0) };
}

export async function findInstitutionById(db: Db, id: string) {
  return db.selectFrom("institutions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The office's correction of an institution's region, inside the caller's transaction. */
export async function setInstitutionRegion(trx: Db, id: string, regionCode: string, now: string) {
  await trx
    .updateTable("institutions")
    .set({ regionCode, regionSource: "office", updatedAt: now })
    .where("id", "=", id)
    .execute();
}
