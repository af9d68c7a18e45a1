import { type Kysely, sql } from "kysely";

/**
 * 在京中央单位、行业组织所属培训机构 apply through Beijing (第二批通知): an institution records its
 * declaration (`central_affiliation`: centralUnit / industryOrganisation, null for neither) and how
 * its region was set (`region_source`: from the credit code, or corrected by the office). Institutions
 * registered with a central code (division 100000) had no region; they take Beijing's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("institutions").addColumn("central_affiliation", "text").execute();
  await db.schema
    .alterTable("institutions")
    .addColumn("region_source", "text", (column) => column.notNull().defaultTo("creditCode"))
    .execute();
  await db
    .updateTable("institutions")
    .set({ region_code: "110000" })
    .where("region_code", "is", null)
    .where(sql`substr(credit_code, 3, 6)`, "=", "100000")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable("institutions")
    .set({ region_code: null })
    .where("region_source", "=", "creditCode")
    .where(sql`substr(credit_code, 3, 6)`, "=", "100000")
    .execute();
  await db.schema.alterTable("institutions").dropColumn("region_source").execute();
  await db.schema.alterTable("institutions").dropColumn("central_affiliation").execute();
}
