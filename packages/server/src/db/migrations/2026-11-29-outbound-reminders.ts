import type { Kysely } from "kysely";

/**
 * E-mail to people without an account (an objector, a complainant: they leave an address with
 * the form), and the keys of reminders already sent, so a periodic sweep that runs twice — or on
 * two instances — tells nobody twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("outbound_emails")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("event", "text", (col) => col.notNull())
    .addColumn("email_to", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("link", "text")
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createTable("reminder_keys")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("jobs_creator_idx").on("jobs").columns(["created_by", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("jobs_creator_idx").execute();
  await db.schema.dropTable("reminder_keys").execute();
  await db.schema.dropTable("outbound_emails").execute();
}
