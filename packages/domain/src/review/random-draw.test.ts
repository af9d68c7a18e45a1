import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type OccupationCode, occupationCodes } from "../reference/occupations";
import { conflictPairKey } from "./conflicts";
import { drawExperts, expertShortfall, MAX_DRAW_SEED, type RandomDrawInput } from "./random-draw";

const occupations = occupationCodes.slice(0, 3) as OccupationCode[];

/** A random pool, applications and 回避 pairs. */
const instance: fc.Arbitrary<RandomDrawInput> = fc
  .record({
    experts: fc.array(
      fc.record({
        occupations: fc.subarray(occupations, { minLength: 1 }),
        active: fc.boolean(),
        load: fc.nat(3),
      }),
      { minLength: 0, maxLength: 12 },
    ),
    applications: fc.array(fc.constantFrom(...occupations), { minLength: 1, maxLength: 8 }),
    conflictBits: fc.array(fc.boolean(), { minLength: 96, maxLength: 96 }),
    perApplication: fc.integer({ min: 1, max: 4 }),
    maxLoad: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 0, max: MAX_DRAW_SEED }),
  })
  .map(({ experts, applications, conflictBits, perApplication, maxLoad, seed }) => {
    const pool = experts.map((expert, i) => ({ id: `e${i}`, ...expert }));
    const apps = applications.map((occupation, i) => ({ id: `a${i}`, occupation, existing: [] }));
    const conflicts = new Set<string>();
    apps.forEach((app, a) => {
      pool.forEach((expert, x) => {
        if (conflictBits[(a * 12 + x) % 96]) conflicts.add(conflictPairKey(expert.id, app.id));
      });
    });
    return { applications: apps, experts: pool, conflicts, perApplication, maxLoad, seed };
  });

describe("drawExperts (随机抽取)", () => {
  it("draws the same experts again from the same seed", () => {
    fc.assert(
      fc.property(instance, (input) => {
        expect(drawExperts(input)).toEqual(drawExperts({ ...input, conflicts: new Set(input.conflicts) }));
      }),
    );
  });

  it("never draws an expert with 回避, of another occupation, inactive, twice, or above the load", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = drawExperts(input);
        const loads = new Map(input.experts.map((expert) => [expert.id, expert.load]));
        for (const draw of result.draws) {
          const application = input.applications.find((app) => app.id === draw.applicationId);
          expect(new Set(draw.expertIds).size).toBe(draw.expertIds.length);
          for (const id of draw.expertIds) {
            const expert = input.experts.find((item) => item.id === id);
            expect(input.conflicts.has(conflictPairKey(id, draw.applicationId))).toBe(false);
            expect(expert?.active).toBe(true);
            expect(expert?.occupations).toContain(application?.occupation);
            loads.set(id, (loads.get(id) ?? 0) + 1);
          }
          expect(draw.expertIds.length + draw.missing).toBe(input.perApplication);
          expect(draw.missing > 0).toBe(draw.reason.length > 0);
        }
        for (const expert of input.experts) {
          if (loads.get(expert.id) !== expert.load)
            expect(loads.get(expert.id)).toBeLessThanOrEqual(input.maxLoad);
        }
      }),
    );
  });

  it("leaves a place empty only when no eligible expert with room is left", () => {
    fc.assert(
      fc.property(instance, (input) => {
        const result = drawExperts(input);
        const loads = new Map(input.experts.map((expert) => [expert.id, expert.load]));
        for (const draw of result.draws) {
          for (const id of draw.expertIds) loads.set(id, (loads.get(id) ?? 0) + 1);
          if (draw.missing === 0) continue;
          const application = input.applications.find((app) => app.id === draw.applicationId);
          const spare = input.experts.filter(
            (expert) =>
              expert.active &&
              application &&
              expert.occupations.includes(application.occupation) &&
              !input.conflicts.has(conflictPairKey(expert.id, draw.applicationId)) &&
              !draw.expertIds.includes(expert.id) &&
              (loads.get(expert.id) ?? 0) < input.maxLoad,
          );
          expect(spare).toEqual([]);
        }
      }),
    );
  });

  it("draws differently with another seed and says why places stay empty", () => {
    const experts = Array.from({ length: 10 }, (_, i) => ({
      id: `e${i}`,
      occupations: ["ai" as const],
      active: true,
      load: 0,
    }));
    const base = {
      applications: [{ id: "a", occupation: "ai" as const, existing: [] }],
      experts,
      conflicts: new Set([conflictPairKey("e0", "a")]),
      perApplication: 3,
      maxLoad: 5,
    };
    const seen = new Set(
      [1, 2, 3, 4, 5].map((seed) => drawExperts({ ...base, seed }).draws[0]?.expertIds.join(",")),
    );
    expect(seen.size).toBeGreaterThan(1);
    const short = drawExperts({ ...base, experts: experts.slice(0, 2), seed: 7 }).draws[0];
    expect(short?.expertIds).toEqual(["e1"]);
    expect(short?.missing).toBe(2);
    expect(short?.reason).toBe(
      "可抽取的专家不足：该职业在册专家2名，须回避1名，其余均已抽中、已分配或已达评议上限",
    );
    expect(() => drawExperts({ ...base, seed: -1 })).toThrow(RangeError);
    expect(expertShortfall(3, 1)).toBe(2);
    expect(expertShortfall(3, 4)).toBe(0);
  });
});
