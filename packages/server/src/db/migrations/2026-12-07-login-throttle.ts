import type { Kysely } from "kysely";

/**
 * Sign-in protection shared by every instance: login failure counters per (account, address),
 * per account and per address, and the answers of the graphical captchas. The per-user lock
 * columns go: one stranger could use them to lock an institution out (its login name, the credit
 * code, is printed on every public notice), and the counters below replace them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("login_throttles")
    // pair: one username from one address · account: one username from anywhere · address: any username
    .addColumn("scope", "text", (col) => col.notNull())
    .addColumn("username", "text", (col) => col.notNull())
    .addColumn("ip", "text", (col) => col.notNull())
    .addColumn("failures", "integer", (col) => col.notNull())
    .addColumn("window_started_at", "text", (col) => col.notNull())
    .addColumn("last_attempt_at", "text", (col) => col.notNull())
    .addColumn("blocked_until", "text")
    .addColumn("locked_at", "text")
    .addPrimaryKeyConstraint("login_throttles_pk", ["scope", "username", "ip"])
    .execute();
  await db.schema
    .createIndex("login_throttles_last_attempt_idx")
    .on("login_throttles")
    .column("last_attempt_at")
    .execute();

  await db.schema
    .createTable("captchas")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("answer_hash", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("captchas_expires_idx").on("captchas").column("expires_at").execute();

  await db.schema.alterTable("users").dropColumn("failed_logins").execute();
  await db.schema.alterTable("users").dropColumn("locked_until").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("failed_logins", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("users").addColumn("locked_until", "text").execute();
  await db.schema.dropTable("captchas").execute();
  await db.schema.dropTable("login_throttles").execute();
}
