export { SCALE_TABLE_YEARS } from "./activity-rules";
export { evaluateEligibility } from "./evaluate";
export type * from "./types";
