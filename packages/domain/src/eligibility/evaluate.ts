import type { EligibilityRule } from "../batches/schema";
import { isIsoDate } from "../calendar/iso-date";
import { checkMinAnnualScale, checkMinExperienceYears } from "./activity-rules";
import {
  checkApplicantCategory,
  checkRegisteredInRegion,
  checkRegisteredOnOrBefore,
} from "./registration-rules";
import { checkNoDishonestyRecord, checkNotBarred, checkOccupationOpen } from "./standing-rules";
import type { EligibilityInput, EligibilityResult, EligibilityRuleResult, RuleVerdict } from "./types";

function verdictOf(rule: EligibilityRule, input: EligibilityInput): RuleVerdict {
  switch (rule.rule) {
    case "registeredOnOrBefore":
      return checkRegisteredOnOrBefore(input, rule.date);
    case "registeredInRegion":
      return checkRegisteredInRegion(input, rule.regionCode);
    case "minAnnualScale":
      return checkMinAnnualScale(input, rule.count);
    case "minExperienceYears":
      return checkMinExperienceYears(input, rule.years);
    case "applicantCategory":
      return checkApplicantCategory(input, rule.allowed);
    case "noDishonestyRecord":
      return checkNoDishonestyRecord(input);
    case "notBarred":
      return checkNotBarred(input);
    case "occupationOpen":
      return checkOccupationOpen(input);
  }
}

/**
 * SPEC §4: "any batch — not barred after a failed assessment, occupation and level open". A batch
 * that forgets to list these still gets them, as hard rules.
 */
const ALWAYS: readonly EligibilityRule[] = [
  { rule: "notBarred", severity: "hard" },
  { rule: "occupationOpen", severity: "hard" },
];

/**
 * Checks an application against its batch's eligibility rules (资格条件), in the batch's order.
 *
 * Each rule is hard (a fail blocks submission) or soft (a fail only flags the application for
 * reviewers: the notices say 一般应, "as a rule"). Per rule the outcome is pass, fail or review
 * (undecidable from the data, or met only in part). Overall: fail when a hard rule fails
 * (`blocking`), else review when any rule is not a pass, else pass. A hard rule in review does not
 * block: it usually waits for data the applicant has yet to fill, which submit-mode form
 * validation requires anyway.
 *
 * Pure: `today` (Asia/Shanghai) is the only clock.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  if (!isIsoDate(input.today)) throw new RangeError(`today must be YYYY-MM-DD, got "${input.today}"`);
  const listed = new Set(input.batch.eligibilityRules.map((rule) => rule.rule));
  const rules = [...input.batch.eligibilityRules, ...ALWAYS.filter((rule) => !listed.has(rule.rule))];
  const results: EligibilityRuleResult[] = rules.map((rule) => ({
    rule: rule.rule,
    severity: rule.severity,
    ...verdictOf(rule, input),
  }));
  const blocking = results.some((result) => result.severity === "hard" && result.outcome === "fail");
  const outcome = blocking
    ? "fail"
    : results.every((result) => result.outcome === "pass")
      ? "pass"
      : "review";
  return { outcome, blocking, results };
}
