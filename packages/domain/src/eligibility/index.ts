export { SCALE_TABLE_YEARS } from "./activity-rules";
export { evaluateEligibility } from "./evaluate";
export {
  activeBarsReason,
  barOpensOn,
  barReasonText,
  describeBar,
  isBarActive,
  isBarActiveOn,
  reapplicationBarUntil,
} from "./reapplication-bar";
export type * from "./types";
