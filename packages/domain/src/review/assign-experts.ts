import { type OccupationCode, occupationName } from "../reference/occupations";
import { regionName } from "../reference/regions";
import { conflictPairKey } from "./conflicts";
import { createSeededRandom, shuffleRanks } from "./seeded-random";

/** An application waiting for experts. `existing` are experts already on it (manual assignment). */
export type AssignmentApplication = {
  id: string;
  occupation: OccupationCode;
  /** The applicant's province; null when unknown (then every expert counts as from outside). */
  regionCode: string | null;
  existing: readonly string[];
};

/** An expert of the pool as the assignment sees it. */
export type AssignmentExpert = {
  id: string;
  occupations: readonly OccupationCode[];
  regionCode: string;
  active: boolean;
  /** Applications already assigned to this expert in this batch, including the `existing` above. */
  load: number;
};

export type AssignExpertsInput = {
  applications: readonly AssignmentApplication[];
  experts: readonly AssignmentExpert[];
  /** Blocking pairs, `conflictPairKey(expertId, applicationId)`: the effective conflicts. */
  conflicts: ReadonlySet<string>;
  /** Experts each application needs (N), counting its existing ones. */
  perApplication: number;
  /** No expert ends above this many applications in the batch. */
  maxLoad: number;
  /** At least one expert from outside the applicant's province, whenever one can be had. */
  requireOutsideRegion: boolean;
  /** Seed of the last tie-break; the same input and seed give the same assignment. Default 0. */
  seed?: number;
};

export type Assignment = { applicationId: string; expertId: string };
export type UnstaffedApplication = { applicationId: string; missing: number; reason: string };
export type LoadStats = { min: number; max: number; mean: number };

export type AssignmentResult = {
  /** New assignments only (existing ones are not repeated), in the applications' input order. */
  assignments: Assignment[];
  /** Applications left with fewer than N experts, with how many are missing and why. */
  unstaffed: UnstaffedApplication[];
  /** With `requireOutsideRegion`: applications that got no expert from outside their province, and why. */
  withoutOutsideExpert: { applicationId: string; reason: string }[];
  /** Every expert's load after the assignment (inactive experts keep theirs). */
  loads: Record<string, number>;
  /** Loads of the active experts: the balance the office checks in the preview. */
  stats: LoadStats;
};

type Slot = {
  app: AssignmentApplication;
  /** Active experts of the occupation, not in conflict, not already on the application. */
  candidates: number[];
  /** Experts assigned by this run, in pick order. */
  assigned: number[];
  need: number;
  /** Existing experts from outside the applicant's province. */
  existingOutside: number;
  rank: number;
};

/**
 * Assigns experts to applications automatically, for the office to preview and then save.
 *
 * Hard rules: an expert reviews only applications of an occupation they are registered for, is
 * active, has no blocking conflict with the application, appears at most once on it, and never
 * ends above `maxLoad`. Existing assignments count toward N and are never moved.
 *
 * 1. Order: the hardest applications first — fewest eligible experts with room left, then (with
 *    `requireOutsideRegion`) fewest eligible experts from outside the province, then the largest
 *    need, then a seeded random rank — so the scarce experts go where nobody else can serve.
 * 2. Greedy fill: each application in turn takes the eligible experts with the lowest current
 *    load, ties broken by a seeded random rank of the experts; when it still lacks an expert from
 *    outside its province, its next pick is the least-loaded outside expert, if any has room.
 *    Taking the N least-loaded at once keeps every load within 1 of every other when nothing else
 *    constrains the choice.
 * 3. Repair: an application the greedy pass left short searches for an augmenting path (expert X
 *    moves to it from application B, which takes expert Y instead, … until an expert with room
 *    joins), preferring the shortest path and then the least-loaded expert with room. Moves never
 *    raise a load except the last expert's by one, and never take away an application's only
 *    outside expert. Without `requireOutsideRegion` this makes the total of assigned slots
 *    maximal: an application is reported unstaffed only when no assignment at all could staff
 *    every slot.
 */
export function assignExperts(input: AssignExpertsInput): AssignmentResult {
  const { applications, experts, conflicts, perApplication, maxLoad, requireOutsideRegion } = input;
  if (!Number.isInteger(perApplication) || perApplication < 1) {
    throw new RangeError(`perApplication must be a positive integer, got ${perApplication}`);
  }
  if (!Number.isInteger(maxLoad) || maxLoad < 0) {
    throw new RangeError(`maxLoad must be a non-negative integer, got ${maxLoad}`);
  }
  const expertIndex = new Map<string, number>();
  experts.forEach((expert, i) => {
    if (expertIndex.has(expert.id)) throw new RangeError(`duplicate expert id ${expert.id}`);
    expertIndex.set(expert.id, i);
  });
  const applicationIds = new Set<string>();
  for (const app of applications) {
    if (applicationIds.has(app.id)) throw new RangeError(`duplicate application id ${app.id}`);
    applicationIds.add(app.id);
  }

  const random = createSeededRandom(input.seed ?? 0);
  const expertRank = shuffleRanks(experts.length, random);
  const applicationRank = shuffleRanks(applications.length, random);
  const loads = experts.map((expert) => expert.load);
  const hasRoom = (x: number) => (loads[x] as number) < maxLoad;
  /** Lower load first, then the seeded rank: the order every pick uses. */
  const better = (x: number, y: number) =>
    (loads[x] as number) < (loads[y] as number) ||
    (loads[x] === loads[y] && (expertRank[x] as number) < (expertRank[y] as number));

  const byOccupation = new Map<string, number[]>();
  experts.forEach((expert, x) => {
    if (!expert.active) return;
    for (const occupation of new Set(expert.occupations)) {
      const list = byOccupation.get(occupation) ?? [];
      list.push(x);
      byOccupation.set(occupation, list);
    }
  });
  const isOutside = (slot: Slot, x: number) =>
    slot.app.regionCode === null || experts[x]?.regionCode !== slot.app.regionCode;

  const slots: Slot[] = applications.map((app, i) => {
    const existing = new Set(app.existing);
    const candidates = (byOccupation.get(app.occupation) ?? []).filter((x) => {
      const id = (experts[x] as AssignmentExpert).id;
      return !existing.has(id) && !conflicts.has(conflictPairKey(id, app.id));
    });
    // An existing expert missing from `experts` has no known region, so is not counted as outside.
    let existingOutside = 0;
    for (const id of existing) {
      const x = expertIndex.get(id);
      if (x !== undefined && (app.regionCode === null || experts[x]?.regionCode !== app.regionCode)) {
        existingOutside++;
      }
    }
    return {
      app,
      candidates,
      assigned: [],
      need: Math.max(0, perApplication - existing.size),
      existingOutside,
      rank: applicationRank[i] as number,
    };
  });
  const outsideCount = (slot: Slot) =>
    slot.existingOutside + slot.assigned.filter((x) => isOutside(slot, x)).length;
  const wantsOutside = (slot: Slot) => requireOutsideRegion && outsideCount(slot) === 0;

  // 1. Hardest first. The counts are taken once, before any pick: a stable, explainable order.
  const difficulty = new Map<Slot, [number, number]>();
  for (const slot of slots) {
    const open = slot.candidates.filter(hasRoom);
    difficulty.set(slot, [
      open.length,
      requireOutsideRegion ? open.filter((x) => isOutside(slot, x)).length : 0,
    ]);
  }
  const order = slots
    .filter((slot) => slot.need > 0)
    .sort((a, b) => {
      const [openA, outsideA] = difficulty.get(a) as [number, number];
      const [openB, outsideB] = difficulty.get(b) as [number, number];
      return openA - openB || outsideA - outsideB || b.need - a.need || a.rank - b.rank;
    });

  // assignedTo[x]: the slots expert x was assigned to in this run (the repair moves these only).
  const assignedTo: Slot[][] = experts.map(() => []);
  const pick = (slot: Slot, allow: (x: number) => boolean): number | undefined => {
    let best: number | undefined;
    for (const x of slot.candidates) {
      if (!hasRoom(x) || slot.assigned.includes(x) || !allow(x)) continue;
      if (best === undefined || better(x, best)) best = x;
    }
    return best;
  };
  const assign = (slot: Slot, x: number) => {
    slot.assigned.push(x);
    assignedTo[x]?.push(slot);
    loads[x] = (loads[x] as number) + 1;
  };

  // 2. Greedy fill.
  for (const slot of order) {
    while (slot.assigned.length < slot.need) {
      const x =
        (wantsOutside(slot) ? pick(slot, (y) => isOutside(slot, y)) : undefined) ?? pick(slot, () => true);
      if (x === undefined) break;
      assign(slot, x);
    }
  }

  // 3. Repair by augmenting paths.
  const augment = (start: Slot): boolean => {
    const leaving = new Map<Slot, number>(); // the expert a slot on the path gives up
    const joins = new Map<number, Slot>(); // the slot a moving expert joins
    const seenSlots = new Set<Slot>([start]);
    const seenExperts = new Set<number>();
    let frontier: Slot[] = [start];
    while (frontier.length > 0) {
      let end: { x: number; slot: Slot } | undefined;
      const next: Slot[] = [];
      for (const slot of frontier) {
        const out = leaving.get(slot);
        const keepsOutside = (y: number) =>
          !requireOutsideRegion ||
          out === undefined ||
          !isOutside(slot, out) ||
          outsideCount(slot) > 1 ||
          isOutside(slot, y);
        for (const y of slot.candidates) {
          if (seenExperts.has(y) || slot.assigned.includes(y) || !keepsOutside(y)) continue;
          if (hasRoom(y)) {
            if (end === undefined || better(y, end.x)) end = { x: y, slot };
            continue;
          }
          seenExperts.add(y);
          joins.set(y, slot);
          for (const other of assignedTo[y] as Slot[]) {
            if (seenSlots.has(other)) continue;
            seenSlots.add(other);
            leaving.set(other, y);
            next.push(other);
          }
        }
      }
      if (end !== undefined) {
        let receiver = end.slot;
        let incoming = end.x;
        loads[incoming] = (loads[incoming] as number) + 1;
        for (;;) {
          const out = leaving.get(receiver);
          assignedTo[incoming]?.push(receiver);
          if (out === undefined) {
            receiver.assigned.push(incoming);
            return true;
          }
          receiver.assigned[receiver.assigned.indexOf(out)] = incoming;
          const list = assignedTo[out] as Slot[];
          list.splice(list.indexOf(receiver), 1);
          incoming = out;
          receiver = joins.get(out) as Slot;
        }
      }
      frontier = next;
    }
    return false;
  };
  for (const slot of order) {
    while (slot.assigned.length < slot.need && augment(slot)) {}
  }

  // 4. Rebalance.
  let version = 0;
  const settled = experts.map(() => -1);
  const movable = (slot: Slot, x: number, y: number) =>
    !slot.assigned.includes(y) && (!requireOutsideRegion || !isOutside(slot, x) || isOutside(slot, y));
  const shed = (source: number): boolean => {
    const limit = (loads[source] as number) - 2;
    const via = new Map<number, { from: number; slot: Slot }>();
    const seen = new Set<number>([source]);
    let frontier = [source];
    while (frontier.length > 0) {
      let target: number | undefined;
      const next: number[] = [];
      for (const x of frontier) {
        for (const slot of assignedTo[x] as Slot[]) {
          for (const y of slot.candidates) {
            if (seen.has(y) || !movable(slot, x, y)) continue;
            seen.add(y);
            via.set(y, { from: x, slot });
            if ((loads[y] as number) <= limit && hasRoom(y)) {
              if (target === undefined || better(y, target)) target = y;
            } else next.push(y);
          }
        }
        if (target !== undefined) break;
      }
      if (target !== undefined) {
        loads[target] = (loads[target] as number) + 1;
        loads[source] = (loads[source] as number) - 1;
        for (let y = target; y !== source; ) {
          const { from, slot } = via.get(y) as { from: number; slot: Slot };
          slot.assigned[slot.assigned.indexOf(from)] = y;
          const list = assignedTo[from] as Slot[];
          list.splice(list.indexOf(slot), 1);
          assignedTo[y]?.push(slot);
          y = from;
        }
        return true;
      }
      frontier = next;
    }
    for (const y of seen) if (loads[y] === loads[source]) settled[y] = version;
    return false;
  };
  // Nobody can take an application from x unless someone is at least 2 below it.
  const pool = [...new Set(slots.flatMap((slot) => slot.candidates))];
  const lowestLoad = () => {
    let lowest = Number.POSITIVE_INFINITY;
    for (const y of pool) if ((loads[y] as number) < lowest && hasRoom(y)) lowest = loads[y] as number;
    return lowest;
  };
  for (let moved = true; moved; ) {
    moved = false;
    const byLoad = experts.map((_, x) => x).filter((x) => (assignedTo[x] as Slot[]).length > 0);
    byLoad.sort((x, y) => (loads[y] as number) - (loads[x] as number) || (expertRank[x] as number) - (expertRank[y] as number));
    for (const x of byLoad) {
      while (settled[x] !== version && (loads[x] as number) - 2 >= lowestLoad() && shed(x)) {
        moved = true;
        version++;
      }
    }
  }

  return summarize({
    slots,
    experts,
    loads,
    conflicts,
    perApplication,
    maxLoad,
    requireOutsideRegion,
    isOutside,
  });
}

function summarize(context: {
  slots: readonly Slot[];
  experts: readonly AssignmentExpert[];
  loads: readonly number[];
  conflicts: ReadonlySet<string>;
  perApplication: number;
  maxLoad: number;
  requireOutsideRegion: boolean;
  isOutside: (slot: Slot, x: number) => boolean;
}): AssignmentResult {
  const { slots, experts, loads, conflicts, perApplication, maxLoad, requireOutsideRegion, isOutside } =
    context;
  const assignments: Assignment[] = [];
  const unstaffed: UnstaffedApplication[] = [];
  const withoutOutsideExpert: AssignmentResult["withoutOutsideExpert"] = [];
  for (const slot of slots) {
    for (const x of slot.assigned) {
      assignments.push({ applicationId: slot.app.id, expertId: (experts[x] as AssignmentExpert).id });
    }
    const missing = slot.need - slot.assigned.length;
    if (missing > 0) {
      unstaffed.push({ applicationId: slot.app.id, missing, reason: unstaffedReason(slot, missing) });
    }
    if (
      requireOutsideRegion &&
      slot.existingOutside + slot.assigned.filter((x) => isOutside(slot, x)).length === 0
    ) {
      withoutOutsideExpert.push({ applicationId: slot.app.id, reason: outsideReason(slot) });
    }
  }

  function unstaffedReason(slot: Slot, missing: number): string {
    const occupation = occupationName(slot.app.occupation);
    const pool = experts.filter(
      (expert) => expert.active && expert.occupations.includes(slot.app.occupation),
    );
    if (pool.length === 0)
      return `专家库中没有“${occupation}”职业的在库专家：需要${perApplication}人，缺${missing}人`;
    const conflicted = pool.filter((expert) => conflicts.has(conflictPairKey(expert.id, slot.app.id))).length;
    const have = perApplication - missing;
    const full = slot.candidates.filter(
      (x) => !slot.assigned.includes(x) && (loads[x] as number) >= maxLoad,
    ).length;
    return (
      `该职业可用专家不足：需要${perApplication}人，无利益冲突且未超负荷的只有${have}人` +
      `（“${occupation}”在库专家${pool.length}人，其中${conflicted}人存在利益冲突，${full}人已达${maxLoad}件评审上限）`
    );
  }

  function outsideReason(slot: Slot): string {
    const place = slot.app.regionCode ? (regionName(slot.app.regionCode) ?? slot.app.regionCode) : "本地";
    if (slot.need === 0) return `已分配的专家均在${place}；自动分配不改动已有分配，请人工调整`;
    const outside = slot.candidates.filter((x) => isOutside(slot, x));
    return outside.length === 0
      ? `无法安排外地专家：该职业无利益冲突的专家均在${place}`
      : `无法安排外地专家：${place}以外无利益冲突的${outside.length}位专家均已达${maxLoad}件评审上限`;
  }

  const loadRecord: Record<string, number> = {};
  experts.forEach((expert, x) => {
    loadRecord[expert.id] = loads[x] as number;
  });
  const activeLoads = experts.flatMap((expert, x) => (expert.active ? [loads[x] as number] : []));
  const stats: LoadStats =
    activeLoads.length === 0
      ? { min: 0, max: 0, mean: 0 }
      : {
          min: Math.min(...activeLoads),
          max: Math.max(...activeLoads),
          mean:
            Math.round((activeLoads.reduce((sum, load) => sum + load, 0) / activeLoads.length) * 100) / 100,
        };
  return { assignments, unstaffed, withoutOutsideExpert, loads: loadRecord, stats };
}
