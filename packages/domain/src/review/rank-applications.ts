import { type KindCode, kindCodes } from "../reference/kinds";
import { type OccupationCode, occupationCodes } from "../reference/occupations";

/** What ranking needs of an application; any further fields are carried through. */
export type RankItem = {
  applicationId: string;
  occupation: OccupationCode;
  regionCode: string | null;
  kind: KindCode;
  /** The aggregated score (e.g. `aggregateScores(...).score`), 0–100. */
  total: number;
};

export type RankedItem<T extends RankItem> = T & {
  /** 1 for the best; equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** Inside the quota: the whole tie group this item belongs to fits within the quota. */
  withinQuota: boolean;
  /** Its tie group straddles the quota line: the office must decide between them (审定). */
  tiedAtQuotaLine: boolean;
};

/** A ranked list: one occupation (nationally for evaluation; per region for training). */
export type RankGroup<T extends RankItem> = {
  kind: KindCode;
  occupation: OccupationCode;
  /** The region of a training group; null for evaluation (ranked nationally) or when not grouped. */
  regionCode: string | null;
  quota: number;
  items: RankedItem<T>[];
};

/**
 * Ranks applications by total, per kind and occupation — training also per region when
 * `groupTrainingByRegion` (quotas are per region: 每个职业每个地方不超过5家), evaluation nationally
 * (每个职业1–2家). Within a group: total descending; equal totals share a rank (competition
 * ranking, 1-2-2-4) and are listed by application id so the list is stable.
 *
 * `withinQuota` marks the quota line conservatively: an item is within when its whole tie group
 * ends at or above the line. A tie group straddling the line is outside and flagged
 * `tiedAtQuotaLine`, so the marked items never exceed the quota and a tie is decided by people
 * with a recorded reason, not by the order of the list.
 *
 * Groups come in a stable order: kind, occupation as the notices list them, then region code.
 */
export function rankApplications<T extends RankItem>(
  items: readonly T[],
  opts: {
    quota: (kind: KindCode, occupation: OccupationCode, regionCode: string | null) => number;
    groupTrainingByRegion: boolean;
  },
): RankGroup<T>[] {
  const groups = new Map<
    string,
    { kind: KindCode; occupation: OccupationCode; regionCode: string | null; items: T[] }
  >();
  for (const item of items) {
    const regionCode = item.kind === "training" && opts.groupTrainingByRegion ? item.regionCode : null;
    const key = `${item.kind}|${item.occupation}|${regionCode ?? ""}`;
    const group = groups.get(key) ?? { kind: item.kind, occupation: item.occupation, regionCode, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }

  const ranked = [...groups.values()].map((group): RankGroup<T> => {
    const quota = opts.quota(group.kind, group.occupation, group.regionCode);
    const sorted = [...group.items].sort(
      (a, b) =>
        b.total - a.total ||
        (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    );
    const result: RankedItem<T>[] = [];
    let start = 0;
    while (start < sorted.length) {
      let end = start;
      while (end + 1 < sorted.length && (sorted[end + 1] as T).total === (sorted[start] as T).total) end++;
      const rank = start + 1;
      // Places start+1 … end+1 are taken by this tie group.
      const withinQuota = end + 1 <= quota;
      const tiedAtQuotaLine = !withinQuota && rank <= quota;
      for (let i = start; i <= end; i++)
        result.push({ ...(sorted[i] as T), rank, withinQuota, tiedAtQuotaLine });
      start = end + 1;
    }
    return {
      kind: group.kind,
      occupation: group.occupation,
      regionCode: group.regionCode,
      quota,
      items: result,
    };
  });

  return ranked.sort(
    (a, b) =>
      kindCodes.indexOf(a.kind) - kindCodes.indexOf(b.kind) ||
      occupationCodes.indexOf(a.occupation) - occupationCodes.indexOf(b.occupation) ||
      (a.regionCode ?? "").localeCompare(b.regionCode ?? ""),
  );
}
