import { describe, expect, it } from "vitest";
import type { KindCode } from "../reference/kinds";
import type { OccupationCode } from "../reference/occupations";
import { rankApplications } from "./rank-applications";

type Item = {
  applicationId: string;
  occupation: OccupationCode;
  regionCode: string | null;
  kind: KindCode;
  total: number;
  institutionName: string;
};
const item = (applicationId: string, total: number, extra: Partial<Item> = {}): Item => ({
  applicationId,
  occupation: "ai",
  regionCode: "310000",
  kind: "training",
  total,
  institutionName: `机构${applicationId}`,
  ...extra,
});
const quota = (limit: number) => () => limit;
const rows = (
  items: readonly { applicationId: string; rank: number; withinQuota: boolean; tiedAtQuotaLine: boolean }[],
) => items.map((i) => [i.applicationId, i.rank, i.withinQuota, i.tiedAtQuotaLine]);

describe("rankApplications", () => {
  it("ranks by total, descending, and carries every field through", () => {
    const [group] = rankApplications([item("a", 70), item("b", 90), item("c", 80)], {
      quota: quota(2),
      groupTrainingByRegion: true,
    });
    expect(group?.quota).toBe(2);
    expect(rows(group?.items ?? [])).toEqual([
      ["b", 1, true, false],
      ["c", 2, true, false],
      ["a", 3, false, false],
    ]);
    expect(group?.items[0]?.institutionName).toBe("机构b");
  });

  it("gives equal totals one rank and skips the next (1, 2, 2, 4), listing ties by application id", () => {
    const [group] = rankApplications([item("d", 60), item("c", 80), item("b", 80), item("a", 90)], {
      quota: quota(3),
      groupTrainingByRegion: true,
    });
    expect(rows(group?.items ?? [])).toEqual([
      ["a", 1, true, false],
      ["b", 2, true, false],
      ["c", 2, true, false],
      ["d", 4, false, false],
    ]);
  });

  it("keeps a tie straddling the quota line outside it and flags it for the office", () => {
    const [group] = rankApplications([item("a", 90), item("b", 80), item("c", 80), item("d", 70)], {
      quota: quota(2),
      groupTrainingByRegion: true,
    });
    expect(rows(group?.items ?? [])).toEqual([
      ["a", 1, true, false],
      ["b", 2, false, true],
      ["c", 2, false, true],
      ["d", 4, false, false],
    ]);
    expect(group?.items.filter((i) => i.withinQuota).length).toBeLessThanOrEqual(2);
  });

  it("marks nothing within a quota of 0", () => {
    const [group] = rankApplications([item("a", 90)], { quota: quota(0), groupTrainingByRegion: true });
    expect(rows(group?.items ?? [])).toEqual([["a", 1, false, false]]);
  });

  it("groups training per occupation and region, evaluation per occupation nationally, in a stable order", () => {
    const calls: [KindCode, OccupationCode, string | null][] = [];
    const groups = rankApplications(
      [
        item("t1", 80, { regionCode: "320000" }),
        item("e1", 70, { kind: "evaluation", regionCode: "110000" }),
        item("t2", 85, { occupation: "iot", regionCode: "310000" }),
        item("t3", 75, { regionCode: "310000" }),
        item("e2", 95, { kind: "evaluation", regionCode: "440000" }),
      ],
      {
        quota: (kind, occupation, regionCode) => {
          calls.push([kind, occupation, regionCode]);
          return kind === "evaluation" ? 1 : regionCode === "310000" ? 10 : 5;
        },
        groupTrainingByRegion: true,
      },
    );
    expect(
      groups.map((g) => [g.kind, g.occupation, g.regionCode, g.quota, g.items.map((i) => i.applicationId)]),
    ).toEqual([
      ["training", "ai", "310000", 10, ["t3"]],
      ["training", "ai", "320000", 5, ["t1"]],
      ["training", "iot", "310000", 10, ["t2"]],
      ["evaluation", "ai", null, 1, ["e2", "e1"]],
    ]);
    expect(calls).toContainEqual(["evaluation", "ai", null]);
  });

  it("ranks training nationally per occupation when not grouped by region", () => {
    const groups = rankApplications([item("a", 80, { regionCode: "320000" }), item("b", 90)], {
      quota: quota(1),
      groupTrainingByRegion: false,
    });
    expect(groups).toHaveLength(1);
    expect(groups[0]?.regionCode).toBeNull();
    expect(rows(groups[0]?.items ?? [])).toEqual([
      ["b", 1, true, false],
      ["a", 2, false, false],
    ]);
  });

  it("returns no groups for no items", () => {
    expect(rankApplications([], { quota: quota(1), groupTrainingByRegion: true })).toEqual([]);
  });
});
