import type {
  ApplicantCategory,
  BatchDefinition,
  EligibilityRule,
  EligibilityRuleCode,
} from "../batches/schema";
import type { FormValues } from "../forms/types";
import type { KindCode } from "../reference/kinds";
import type { LevelCode } from "../reference/levels";
import type { OccupationCode } from "../reference/occupations";

/** pass: met; fail: not met; review: cannot be decided from the data (missing, unknown) or only partly met. */
export type EligibilityOutcome = "pass" | "fail" | "review";

/** A bar on re-applying after a failed assessment (考核评估不通过，3年内不得再次申报). */
export type ApplicationBar = {
  /**
   * End of the bar: the first day (YYYY-MM-DD, Asia/Shanghai) the institution may apply again, or
   * an instant with offset — 00:00 Asia/Shanghai of that day as `reapplicationBarUntil` writes it.
   */
  until: string;
  reason: string;
};

export type EligibilityInput = {
  batch: BatchDefinition;
  kind: KindCode;
  occupation: OccupationCode | null;
  levels: readonly LevelCode[];
  /** The application's form values (computed totals need not be recomputed). */
  values: FormValues;
  institution: {
    creditCode: string;
    /** Where the institution says it is (GB/T 2260 province code); used when the credit code cannot tell. */
    regionCode: string | null;
    applicantCategory: ApplicantCategory | null;
  };
  /** The institution's bars for this kind; expired ones may be included, they are ignored. */
  bars: readonly ApplicationBar[];
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
};

export type EligibilityRuleResult = {
  rule: EligibilityRuleCode;
  severity: EligibilityRule["severity"];
  outcome: EligibilityOutcome;
  /** Chinese name of the rule with its parameter: "2018年12月31日以前注册登记成立". */
  title: string;
  /** Chinese, with the figures: "单位成立时间2020-05-01，晚于2018年12月31日". */
  reason: string;
};

export type EligibilityResult = {
  outcome: EligibilityOutcome;
  /** Some hard rule failed: the application cannot be submitted. */
  blocking: boolean;
  results: EligibilityRuleResult[];
};

/** What a rule function returns; the engine adds the rule code and severity. */
export type RuleVerdict = { outcome: EligibilityOutcome; title: string; reason: string };
