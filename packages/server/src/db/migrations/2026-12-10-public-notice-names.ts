import { type Kysely, sql } from "kysely";

/**
 * The glossary's name for 公示 is `publicNotice`, never a bare "notice" (which readers confuse with
 * a batch's 通知): the column naming a list's or an objection's 公示 becomes `public_notice_id`,
 * and the notification event recorded when one is published becomes `publicNoticePublished` in the
 * notifications, the outbound e-mails and every user's preferences. Columns are renamed in place
 * (SQLite ≥ 3.25 and PostgreSQL both keep the data); the indexes are recreated under new names.
 */
const columns: [table: string, index: string, renamedIndex: string][] = [
  ["public_notice_items", "public_notice_items_notice_idx", "public_notice_items_public_notice_idx"],
  ["objections", "objections_notice_idx", "objections_public_notice_idx"],
];

const eventTables = ["notifications", "notification_preferences", "outbound_emails"];

async function rename(db: Kysely<any>, from: "old" | "new"): Promise<void> {
  const [column, renamedColumn] =
    from === "old" ? ["notice_id", "public_notice_id"] : ["public_notice_id", "notice_id"];
  const [event, renamedEvent] =
    from === "old"
      ? ["noticePublished", "publicNoticePublished"]
      : ["publicNoticePublished", "noticePublished"];
  for (const [table, oldIndex, newIndex] of columns) {
    const [index, renamedIndex] = from === "old" ? [oldIndex, newIndex] : [newIndex, oldIndex];
    await db.schema.dropIndex(index).execute();
    await db.schema.alterTable(table).renameColumn(column, renamedColumn).execute();
    await db.schema.createIndex(renamedIndex).on(table).column(renamedColumn).execute();
  }
  for (const table of eventTables)
    await sql`update ${sql.table(table)} set event = ${renamedEvent} where event = ${event}`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await rename(db, "old");
}

export async function down(db: Kysely<any>): Promise<void> {
  await rename(db, "new");
}
