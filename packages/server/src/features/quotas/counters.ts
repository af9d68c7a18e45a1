import type { Db } from "../../db/connection";

/** One counted place: which batch, who counts (a recommending unit, or the decision), kind, occupation. */
export type QuotaKey = {
  batchId: string;
  unitType: string;
  unitValue: string;
  kind: string;
  occupation: string;
};

export const quotaCounterId = (key: QuotaKey) =>
  [key.batchId, key.unitType, key.unitValue, key.kind, key.occupation].join("|");

/**
 * Takes one place of a quota inside the caller's transaction: creates the counter on first use,
 * then one conditional UPDATE (used < quota). Of two transactions racing for the last place
 * exactly one gets it, on SQLite (single writer) and PostgreSQL (the loser re-checks the WHERE
 * after the winner commits). Returns the places used, or null when the quota is full.
 */
export async function takeQuotaPlace(trx: Db, key: QuotaKey, quota: number): Promise<number | null> {
  const id = quotaCounterId(key);
  await trx
    .insertInto("quotaCounters")
    .values({ id, ...key, used: 0, quota })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  const bumped = await trx
    .updateTable("quotaCounters")
    .set((eb) => ({ used: eb("used", "+", 1) }))
    .where("id", "=", id)
    .where((eb) => eb("used", "<", eb.ref("quota")))
    .returning("used")
    .executeTakeFirst();
  return bumped ? Number(bumped.used) : null;
}

/** Gives a place back (undo, return, withdrawal, upheld objection). */
export async function releaseQuotaPlace(trx: Db, key: QuotaKey): Promise<void> {
  await trx
    .updateTable("quotaCounters")
    .set((eb) => ({ used: eb("used", "-", 1) }))
    .where("id", "=", quotaCounterId(key))
    .where("used", ">", 0)
    .execute();
}

/** The decision quota's counter: evaluation counts nationally per occupation, training per region. */
export function decisionQuotaKey(
  batchId: string,
  kind: string,
  occupation: string,
  regionCode: string | null,
): QuotaKey {
  return {
    batchId,
    unitType: "decision",
    unitValue: kind === "training" ? (regionCode ?? "") : "national",
    kind,
    occupation,
  };
}
