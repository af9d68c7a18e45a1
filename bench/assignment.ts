/*
 * Automatic expert assignment at batch scale: 1,000 applications, 200 experts, 10 occupations,
 * 32 regions, 5% random blocking conflicts, 3 experts per application, at most 20 per expert,
 * at least one expert from outside the applicant's region. Prints the time (median of 5 runs)
 * and the balance and coverage of the result; then the same with maxLoad 14, where the pool
 * cannot fill every place, to show the unstaffed report. Asserts nothing.
 *
 *   node --import tsx bench/assignment.ts
 *
 * The instance comes from a seeded generator, so every run measures the same problem.
 */
import { occupationCodes } from "../packages/domain/src/reference/occupations";
import { regionCodes } from "../packages/domain/src/reference/regions";
import {
  type AssignExpertsInput,
  type AssignmentApplication,
  type AssignmentExpert,
  assignExperts,
  conflictPairKey,
  createSeededRandom,
} from "../packages/domain/src/review";

const APPLICATIONS = 1000;
const EXPERTS = 200;
const CONFLICT_RATE = 0.05;
const PER_APPLICATION = 3;
const MAX_LOAD = 20;
const RUNS = 5;
const SEED = 20260403;

function buildInstance(): AssignExpertsInput {
  const random = createSeededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const experts: AssignmentExpert[] = Array.from({ length: EXPERTS }, (_, i) => {
    const count = 1 + Math.floor(random() * 3);
    const occupations = new Set<(typeof occupationCodes)[number]>();
    while (occupations.size < count) occupations.add(pick(occupationCodes));
    return {
      id: `e${i}`,
      occupations: [...occupations],
      regionCode: pick(regionCodes),
      active: true,
      load: 0,
    };
  });
  const applications: AssignmentApplication[] = Array.from({ length: APPLICATIONS }, (_, i) => ({
    id: `a${i}`,
    occupation: pick(occupationCodes),
    regionCode: pick(regionCodes),
    existing: [],
  }));
  const conflicts = new Set<string>();
  for (const application of applications) {
    for (const expert of experts) {
      if (random() < CONFLICT_RATE) conflicts.add(conflictPairKey(expert.id, application.id));
    }
  }
  return {
    applications,
    experts,
    conflicts,
    perApplication: PER_APPLICATION,
    maxLoad: MAX_LOAD,
    requireOutsideRegion: true,
    seed: 1,
  };
}

function measure(title: string, input: AssignExpertsInput): void {
  assignExperts(input); // warm-up: JIT and the first allocation of every structure
  const times: number[] = [];
  let result = assignExperts(input);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = assignExperts(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  const slots = input.applications.length * input.perApplication;
  const missing = result.unstaffed.reduce((sum, item) => sum + item.missing, 0);
  const histogram = new Map<number, number>();
  for (const load of Object.values(result.loads)) histogram.set(load, (histogram.get(load) ?? 0) + 1);

  console.log(title);
  console.log(
    `  instance: ${input.applications.length} applications × ${input.experts.length} experts, ` +
      `${occupationCodes.length} occupations, ${regionCodes.length} regions, ${input.conflicts.size} blocking pairs ` +
      `(${CONFLICT_RATE * 100}%), N=${input.perApplication}, maxLoad=${input.maxLoad}, requireOutsideRegion`,
  );
  console.log(
    `  time: median ${times[Math.floor(RUNS / 2)]?.toFixed(1)} ms over ${RUNS} runs ` +
      `(min ${times[0]?.toFixed(1)}, max ${times[RUNS - 1]?.toFixed(1)})`,
  );
  console.log(`  assigned: ${result.assignments.length} of ${slots} places (${missing} missing)`);
  console.log(`  load: min ${result.stats.min}, max ${result.stats.max}, mean ${result.stats.mean}`);
  console.log(
    `  load histogram (load×experts): ${[...histogram.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([load, count]) => `${load}×${count}`)
      .join("  ")}`,
  );
  console.log(`  unstaffed applications: ${result.unstaffed.length}`);
  for (const item of result.unstaffed.slice(0, 3)) {
    console.log(`    ${item.applicationId} 缺${item.missing}人：${item.reason}`);
  }
  console.log(
    `  applications without an expert from outside their region: ${result.withoutOutsideExpert.length}`,
  );
  for (const item of result.withoutOutsideExpert.slice(0, 3))
    console.log(`    ${item.applicationId}：${item.reason}`);
}

const input = buildInstance();
measure("Automatic expert assignment (assignExperts)", input);
// The same pool with room for only 2,800 of the 3,000 places: the unstaffed report and its reasons.
measure("\nSame instance, maxLoad=14 (capacity short of demand)", { ...input, maxLoad: 14 });
