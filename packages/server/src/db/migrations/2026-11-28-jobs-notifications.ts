import type { Kysely } from "kysely";

/** Background jobs (claimed by lease, retried after a crash) and notifications with their e-mail state. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("attempts", "integer", (col) => col.notNull())
    .addColumn("max_attempts", "integer", (col) => col.notNull())
    .addColumn("run_after", "text", (col) => col.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "text")
    .addColumn("progress", "real", (col) => col.notNull())
    .addColumn("progress_note", "text")
    .addColumn("result", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("created_by", "text")
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_claim_idx").on("jobs").columns(["status", "run_after"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id"))
    .addColumn("event", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("body", "text", (col) => col.notNull())
    .addColumn("link", "text")
    .addColumn("read_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("email_status", "text", (col) => col.notNull())
    .addColumn("email_to", "text")
    .addColumn("email_sent_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id"))
    .addColumn("event", "text", (col) => col.notNull())
    .addColumn("in_app", "integer", (col) => col.notNull())
    .addColumn("email", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("notification_preferences_pk", ["user_id", "event"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["notification_preferences", "notifications", "jobs"])
    await db.schema.dropTable(table).execute();
}
