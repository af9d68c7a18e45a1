import { describe, expect, it } from "vitest";
import { type OccupationCode, occupationCodes } from "../reference/occupations";
import { regionCodes } from "../reference/regions";
import {
  type AssignExpertsInput,
  type AssignmentApplication,
  type AssignmentExpert,
  type AssignmentResult,
  assignExperts,
} from "./assign-experts";
import { application, base, expert } from "./assignment-test-factories";
import { conflictPairKey } from "./conflicts";
import { createSeededRandom } from "./seeded-random";

// ─── Properties over random instances ────────────────────────────────────────────────────────────

type Instance = AssignExpertsInput;

function randomInstance(seed: number, options: { constrained: boolean }): Instance {
  const random = createSeededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const occupations = occupationCodes.slice(0, 1 + int(options.constrained ? 4 : 1)) as OccupationCode[];
  const regions = regionCodes.slice(0, 1 + int(4));
  const experts = Array.from({ length: 2 + int(14) }, (_, i) => {
    const own = options.constrained
      ? [
          ...new Set(
            Array.from({ length: 1 + int(2) }, () => occupations[int(occupations.length)] as OccupationCode),
          ),
        ]
      : occupations;
    return expert(`e${i}`, {
      occupations: own,
      regionCode: regions[int(regions.length)] as string,
      active: !options.constrained || random() > 0.1,
    });
  });
  const applications = Array.from({ length: 1 + int(25) }, (_, i) =>
    application(`a${i}`, {
      occupation: occupations[int(occupations.length)] as OccupationCode,
      regionCode: regions[int(regions.length)] as string,
    }),
  );
  const conflicts = new Set<string>();
  if (options.constrained) {
    for (const a of applications)
      for (const e of experts) if (random() < 0.15) conflicts.add(conflictPairKey(e.id, a.id));
  }
  const perApplication = 1 + int(3);
  return {
    applications,
    experts,
    conflicts,
    perApplication,
    maxLoad: options.constrained ? 1 + int(6) : 1000,
    requireOutsideRegion: options.constrained && random() < 0.5,
    seed,
  };
}

/** Maximum number of slots any assignment can fill: a plain Ford–Fulkerson, independent of the code under test. */
function maxAssignable(input: Instance): number {
  const eligible = (a: AssignmentApplication, e: AssignmentExpert) =>
    e.active && e.occupations.includes(a.occupation) && !input.conflicts.has(conflictPairKey(e.id, a.id));
  const matchedTo = input.experts.map(() => [] as number[]);
  const capacity = input.experts.map((e) => input.maxLoad - e.load);
  const mine = input.applications.map(() => new Set<number>());
  let flow = 0;
  const tryAugment = (a: number, seen: Set<number>): boolean => {
    const app = input.applications[a] as AssignmentApplication;
    for (let e = 0; e < input.experts.length; e++) {
      if (seen.has(e) || mine[a]?.has(e) || !eligible(app, input.experts[e] as AssignmentExpert)) continue;
      seen.add(e);
      const list = matchedTo[e] as number[];
      if (list.length < (capacity[e] as number)) {
        list.push(a);
        mine[a]?.add(e);
        return true;
      }
      for (const other of [...list]) {
        if (tryAugment(other, seen)) {
          list.splice(list.indexOf(other), 1, a);
          mine[other]?.delete(e);
          mine[a]?.add(e);
          return true;
        }
      }
    }
    return false;
  };
  input.applications.forEach((_, a) => {
    for (let k = 0; k < input.perApplication; k++) if (tryAugment(a, new Set())) flow++;
  });
  return flow;
}

function checkInvariants(input: Instance, result: AssignmentResult) {
  const experts = new Map(input.experts.map((e) => [e.id, e]));
  const perApp = new Map<string, string[]>();
  for (const { applicationId, expertId } of result.assignments) {
    expect(input.conflicts.has(conflictPairKey(expertId, applicationId))).toBe(false);
    const app = input.applications.find((a) => a.id === applicationId) as AssignmentApplication;
    const e = experts.get(expertId) as AssignmentExpert;
    expect(e.active).toBe(true);
    expect(e.occupations).toContain(app.occupation);
    perApp.set(applicationId, [...(perApp.get(applicationId) ?? []), expertId]);
  }
  for (const app of input.applications) {
    const list = [...app.existing, ...(perApp.get(app.id) ?? [])];
    expect(new Set(list).size).toBe(list.length);
    expect(list.length).toBeLessThanOrEqual(input.perApplication);
    const missing = input.perApplication - list.length;
    const reported = result.unstaffed.find((u) => u.applicationId === app.id);
    expect(reported?.missing ?? 0).toBe(missing);
    if (missing > 0) {
      // Unstaffed only when the eligible experts have run out: each one is on it or full.
      for (const e of input.experts) {
        const eligible =
          e.active &&
          e.occupations.includes(app.occupation) &&
          !input.conflicts.has(conflictPairKey(e.id, app.id));
        if (eligible && !list.includes(e.id)) expect(result.loads[e.id]).toBe(input.maxLoad);
      }
    }
  }
  if (input.requireOutsideRegion) {
    for (const app of input.applications) {
      const on = [...app.existing, ...(perApp.get(app.id) ?? [])];
      const hasOutside = on.some((id) => experts.get(id) && experts.get(id)?.regionCode !== app.regionCode);
      const listed = result.withoutOutsideExpert.some((w) => w.applicationId === app.id);
      expect(listed, `${app.id} listed without an outside expert`).toBe(!hasOutside);
      if (!hasOutside && input.perApplication > app.existing.length) {
        // Reported only when no outside expert without a conflict has room.
        for (const e of input.experts) {
          const usable =
            e.active &&
            e.occupations.includes(app.occupation) &&
            e.regionCode !== app.regionCode &&
            !input.conflicts.has(conflictPairKey(e.id, app.id));
          if (usable) expect(result.loads[e.id]).toBe(input.maxLoad);
        }
      }
    }
  }
  for (const e of input.experts) {
    const added = result.assignments.filter((a) => a.expertId === e.id).length;
    expect(result.loads[e.id]).toBe(e.load + added);
    if (added > 0) expect(result.loads[e.id]).toBeLessThanOrEqual(input.maxLoad);
  }
}

/** No expert could move from an application to one with at least 2 fewer experts. */
function checkCoverageSpread(input: Instance, result: AssignmentResult) {
  const on = new Map(input.applications.map((a) => [a.id, [...a.existing]]));
  for (const { applicationId, expertId } of result.assignments) on.get(applicationId)?.push(expertId);
  for (const short of input.applications) {
    const have = on.get(short.id) as string[];
    if (have.length >= input.perApplication) continue;
    for (const { applicationId, expertId } of result.assignments) {
      const other = on.get(applicationId) as string[];
      const e = input.experts.find((x) => x.id === expertId) as AssignmentExpert;
      const movable =
        other.length >= have.length + 2 &&
        e.occupations.includes(short.occupation) &&
        !have.includes(expertId) &&
        !input.conflicts.has(conflictPairKey(expertId, short.id));
      expect(movable, `${expertId} could move from ${applicationId} to ${short.id}`).toBe(false);
    }
  }
}

/** No new assignment could move to an eligible expert with room who is at least 2 less loaded. */
function checkEvenness(input: Instance, result: AssignmentResult) {
  for (const { applicationId, expertId } of result.assignments) {
    const app = input.applications.find((a) => a.id === applicationId) as AssignmentApplication;
    const on = new Set([
      ...app.existing,
      ...result.assignments.filter((a) => a.applicationId === app.id).map((a) => a.expertId),
    ]);
    for (const other of input.experts) {
      const eligible =
        other.active &&
        other.occupations.includes(app.occupation) &&
        !input.conflicts.has(conflictPairKey(other.id, app.id)) &&
        !on.has(other.id) &&
        (result.loads[other.id] as number) < input.maxLoad;
      if (eligible)
        expect(result.loads[other.id]).toBeGreaterThanOrEqual((result.loads[expertId] as number) - 1);
    }
  }
}

describe("assignExperts: properties", () => {
  it("holds every hard rule and reports unstaffed exactly, on 400 constrained random instances", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const input = randomInstance(seed, { constrained: true });
      const result = assignExperts(input);
      checkInvariants(input, result);
      if (!input.requireOutsideRegion) {
        // The greedy pass plus repair fills as many slots as any assignment could.
        const filled = result.assignments.length;
        expect(filled, `seed ${seed}`).toBe(maxAssignable(input));
        checkEvenness(input, result);
        checkCoverageSpread(input, result);
      }
    }
  }, 60_000);

  it("keeps every load within 1 of every other when nothing constrains the choice", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const input = randomInstance(seed, { constrained: false });
      const result = assignExperts(input);
      checkInvariants(input, result);
      expect(result.stats.max - result.stats.min, `seed ${seed}`).toBeLessThanOrEqual(1);
      const enough = input.experts.length >= input.perApplication;
      expect(result.unstaffed.length === 0).toBe(enough);
    }
  }, 60_000);

  it("places an outside expert whenever the unconstrained pool has one", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = { ...randomInstance(seed, { constrained: false }), requireOutsideRegion: true };
      const result = assignExperts(input);
      for (const app of input.applications) {
        const anyOutside = input.experts.some((e) => e.regionCode !== app.regionCode);
        const got = result.assignments.some(
          (a) =>
            a.applicationId === app.id &&
            input.experts.find((e) => e.id === a.expertId)?.regionCode !== app.regionCode,
        );
        expect(got, `seed ${seed} ${app.id}`).toBe(anyOutside);
      }
    }
  }, 60_000);

  // Its speed is measured in bench/, not asserted here: a loaded machine must not fail a test.
  it("assigns 1,000 applications to 200 experts with conflicts, evening the load", () => {
    const random = createSeededRandom(42);
    const int = (n: number) => Math.floor(random() * n);
    const experts = Array.from({ length: 200 }, (_, i) =>
      expert(`e${i}`, {
        occupations: [
          ...new Set(Array.from({ length: 1 + int(3) }, () => occupationCodes[int(10)] as OccupationCode)),
        ],
        regionCode: regionCodes[int(32)] as string,
      }),
    );
    const applications = Array.from({ length: 1000 }, (_, i) =>
      application(`a${i}`, {
        occupation: occupationCodes[int(10)] as OccupationCode,
        regionCode: regionCodes[int(32)] as string,
      }),
    );
    const conflicts = new Set<string>();
    for (const a of applications)
      for (const e of experts) if (random() < 0.05) conflicts.add(conflictPairKey(e.id, a.id));
    const input = base({
      applications,
      experts,
      conflicts,
      perApplication: 3,
      maxLoad: 20,
      requireOutsideRegion: true,
    });
    const result = assignExperts(input);
    checkInvariants(input, result);
    expect(result.unstaffed).toEqual([]);
    expect(result.withoutOutsideExpert).toEqual([]);
    // 3,000 places over 200 experts: the rebalancing evens everyone out to 15.
    expect(result.stats).toEqual({ min: 15, max: 15, mean: 15 });
  }, 60_000);
});
