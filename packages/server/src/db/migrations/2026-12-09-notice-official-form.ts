import { type Kysely, sql } from "kysely";

/**
 * The public notice in official form: the issuing body printed as its 落款 and the address, phone
 * and e-mail for objections, entered by the office when it publishes (null on notices published
 * before). `demo_shortened_at` is when, in demo mode, the office cut a 【演示】 notice's period short
 * (演示：缩短公示期), so that the page can say so. A catalog entry's `listed_at` is when it entered the catalog (纳入目录时间), which is
 * not its approval time (from which validity counts); earlier entries take it from version 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    "issuing_body",
    "contact_address",
    "contact_phone",
    "contact_email",
    "demo_shortened_at",
  ])
    await db.schema.alterTable("public_notices").addColumn(column, "text").execute();
  await db.schema.alterTable("catalog_entries").addColumn("listed_at", "text").execute();
  await sql`update catalog_entries set listed_at = (
      select v.changed_at from catalog_entry_versions v
      where v.entry_id = catalog_entries.id and v.version = 1)`.execute(db);
  await sql`update catalog_entries set listed_at = approved_at where listed_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("catalog_entries").dropColumn("listed_at").execute();
  for (const column of [
    "demo_shortened_at",
    "contact_email",
    "contact_phone",
    "contact_address",
    "issuing_body",
  ])
    await db.schema.alterTable("public_notices").dropColumn(column).execute();
}
