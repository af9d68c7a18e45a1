import type { Db } from "../../db/connection";

export async function insertCaptcha(
  db: Db,
  captcha: { id: string; answerHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db.insertInto("captchas").values(captcha).execute();
}

/**
 * Takes a captcha out of the table and returns it: one DELETE … RETURNING, so of two requests
 * presenting the same id (on any instances) exactly one gets the row, on SQLite and PostgreSQL.
 */
export async function takeCaptcha(db: Db, id: string) {
  return db
    .deleteFrom("captchas")
    .where("id", "=", id)
    .returning(["answerHash", "expiresAt"])
    .executeTakeFirst();
}

export async function deleteExpiredCaptchas(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom("captchas").where("expiresAt", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
