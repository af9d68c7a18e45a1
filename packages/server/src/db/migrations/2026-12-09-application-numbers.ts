import { formatApplicationNumber, type KindCode, shanghaiDate } from "@linxuan/domain";
import { type Kysely, sql } from "kysely";

/**
 * 申报编号 (`formatApplicationNumber`): given at first submission, unique, printed on the stamped
 * copy and scanned when the paper arrives. `application_number_serials` holds the last serial of
 * each year and kind, advanced in the submitting transaction. Applications already submitted get
 * their numbers here, in the order they were first submitted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("applications").addColumn("number", "text").execute();
  await db.schema
    .createIndex("applications_number_unique")
    .on("applications")
    .column("number")
    .unique()
    .execute();
  await db.schema
    .createTable("application_number_serials")
    .addColumn("year", "integer", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("last_serial", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("application_number_serials_pk", ["year", "kind"])
    .execute();
  // Aliased without underscores: the rows read the same with or without the camel-case plugin.
  const { rows: submitted } = await sql<{ id: string; kind: KindCode; submitted: string }>`
    select id, kind, first_submitted_at as submitted from applications
    where first_submitted_at is not null order by first_submitted_at, id`.execute(db);
  const serials = new Map<string, { year: number; kind: KindCode; last: number }>();
  for (const row of submitted) {
    const year = Number(shanghaiDate(row.submitted).slice(0, 4));
    const key = `${year}:${row.kind}`;
    const serial = (serials.get(key)?.last ?? 0) + 1;
    serials.set(key, { year, kind: row.kind, last: serial });
    await db
      .updateTable("applications")
      .set({ number: formatApplicationNumber(year, row.kind, serial) })
      .where("id", "=", row.id)
      .execute();
  }
  for (const { year, kind, last } of serials.values()) {
    await db.insertInto("application_number_serials").values({ year, kind, last_serial: last }).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("application_number_serials").execute();
  await db.schema.dropIndex("applications_number_unique").execute();
  await db.schema.alterTable("applications").dropColumn("number").execute();
}
