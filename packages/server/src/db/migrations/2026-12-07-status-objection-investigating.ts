import type { Kysely } from "kysely";

/**
 * An objection under investigation (调查核实中) was stored as `accepted`; complaints in the same
 * state are `investigating`. One word for one state (GLOSSARY): stored rows take the new name.
 * The file name sorts after every earlier migration so existing databases run it in order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable("objections")
    .set({ status: "investigating" })
    .where("status", "=", "accepted")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable("objections")
    .set({ status: "accepted" })
    .where("status", "=", "investigating")
    .execute();
}
