import type { Kysely } from "kysely";

/**
 * A year declared complete keeps the lunar festival dates it was checked against (JSON, keyed
 * springFestival/qingming/dragonBoat/midAutumn): a year outside the platform's festival table is
 * declared with them named, and every later change to that year is checked against them again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("calendar_years").addColumn("festivals", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("calendar_years").dropColumn("festivals").execute();
}
