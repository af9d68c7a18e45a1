import type { KindCode, OccupationCode, Recommender } from "@linxuan/domain";
import type { Db } from "../../db/connection";
import type { QuotaScopeType } from "../../db/stored-values";

/** One counted place: batch, whose quota (a recommender's, or the decision's), kind, occupation. */
export type QuotaKey = {
  batchId: string;
  scopeType: QuotaScopeType;
  scopeValue: string;
  kind: KindCode;
  occupation: OccupationCode;
};

export const quotaCounterId = (key: QuotaKey) =>
  [key.batchId, key.scopeType, key.scopeValue, key.kind, key.occupation].join("|");

/**
 * Takes one place of a quota inside the caller's transaction: creates the counter on first use
 * (or brings its quota to the current number, which the office may have changed), then one
 * conditional UPDATE (used < quota); `quota` null counts without a cap. Of two transactions racing for the last place
 * exactly one gets it, on SQLite (single writer) and PostgreSQL (the loser re-checks the WHERE
 * after the winner commits). Returns the places used, or null when the quota is full.
 */
export async function takeQuotaPlace(trx: Db, key: QuotaKey, quota: number | null): Promise<number | null> {
  const id = quotaCounterId(key);
  // No cap: the stored quota is 0 and the bump is unconditional (the overview reads 0 as 不限).
  const stored = quota ?? 0;
  await trx
    .insertInto("quotaCounters")
    .values({ id, ...key, used: 0, quota: stored })
    .onConflict((oc) => oc.column("id").doUpdateSet({ quota: stored }))
    .execute();
  let bump = trx
    .updateTable("quotaCounters")
    .set((eb) => ({ used: eb("used", "+", 1) }))
    .where("id", "=", id);
  if (quota !== null) bump = bump.where((eb) => eb("used", "<", eb.ref("quota")));
  const bumped = await bump.returning("used").executeTakeFirst();
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

/**
 * A recommender's counter: its quota per kind and occupation in a batch, for the place counted
 * (`areaKey`: the recommender itself, or a part of it such as 440000:粤港澳大湾区).
 */
export function recommenderQuotaKey(
  batchId: string,
  recommender: Recommender,
  kind: KindCode,
  occupation: OccupationCode,
  areaKey: string = recommender.value,
): QuotaKey {
  return { batchId, scopeType: recommender.type, scopeValue: areaKey, kind, occupation };
}

/** The decision quota's counter: evaluation counts nationally per occupation, training per region. */
export function decisionQuotaKey(
  batchId: string,
  kind: KindCode,
  occupation: OccupationCode,
  regionCode: string | null,
): QuotaKey {
  return {
    batchId,
    scopeType: "decision",
    scopeValue: kind === "training" ? (regionCode ?? "") : "national",
    kind,
    occupation,
  };
}
