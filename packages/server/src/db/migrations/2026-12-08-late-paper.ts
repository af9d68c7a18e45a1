import type { Kysely } from "kysely";

/**
 * The receiving centre's handling of paper copies that arrived after the batch's paper deadline
 * (沪人社专〔2026〕55号: 2026年4月3日前报送): `late_decision` is `accepted` (逾期接收) or `refused`
 * (不予接收), with its reason; both are null for copies received in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("paper_receipts").addColumn("late_decision", "text").execute();
  await db.schema.alterTable("paper_receipts").addColumn("late_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("paper_receipts").dropColumn("late_reason").execute();
  await db.schema.alterTable("paper_receipts").dropColumn("late_decision").execute();
}
