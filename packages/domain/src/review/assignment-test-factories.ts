import type {
  AssignExpertsInput,
  AssignmentApplication,
  AssignmentExpert,
  AssignmentResult,
} from "./assign-experts";

/*
 * Factories for the assignment tests: fresh data per call, every field defaulted so a test
 * states only what it is about. Not exported from the package.
 */

export const expert = (id: string, extra: Partial<AssignmentExpert> = {}): AssignmentExpert => ({
  id,
  occupations: ["ai"],
  regionCode: "110000",
  active: true,
  load: 0,
  ...extra,
});
export const application = (
  id: string,
  extra: Partial<AssignmentApplication> = {},
): AssignmentApplication => ({
  id,
  occupation: "ai",
  regionCode: "310000",
  existing: [],
  ...extra,
});
export const base = (extra: Partial<AssignExpertsInput>): AssignExpertsInput => ({
  applications: [],
  experts: [],
  conflicts: new Set(),
  perApplication: 3,
  maxLoad: 10,
  requireOutsideRegion: false,
  ...extra,
});
export const expertsOf = (result: AssignmentResult, applicationId: string) =>
  result.assignments.filter((a) => a.applicationId === applicationId).map((a) => a.expertId);
