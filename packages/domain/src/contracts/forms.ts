import { z } from "zod";
import { eligibilityRuleCodes } from "../batches/schema";
import type { EligibilityResult } from "../eligibility/types";
import type { FormValues, TableRowValues } from "../forms/types";
import type { FormIssue } from "../forms/validate-values";

/** One scalar form value as stored and sent: text, number, yes/no, a multiple choice, or empty. */
const scalarValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** One row of a form table, keyed by column. */
export const tableRowValuesSchema: z.ZodType<TableRowValues> = z.record(z.string(), scalarValueSchema);

/** A form's values as the API sends them: scalar fields by key, tables as arrays of rows. */
export const formValuesSchema: z.ZodType<FormValues> = z.record(
  z.string(),
  z.union([scalarValueSchema, z.array(tableRowValuesSchema)]),
);

/** One problem with a form's values (`validateFormValues`). */
export const formIssueSchema: z.ZodType<FormIssue> = z.object({
  path: z.string(),
  label: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
  code: z.string(),
});

const eligibilityOutcomeSchema = z.enum(["pass", "fail", "review"]);

/** The eligibility verdict of an application (`evaluateEligibility`). */
export const eligibilityResultSchema: z.ZodType<EligibilityResult> = z.object({
  outcome: eligibilityOutcomeSchema,
  blocking: z.boolean(),
  results: z.array(
    z.object({
      rule: z.enum(eligibilityRuleCodes),
      severity: z.enum(["hard", "soft"]),
      outcome: eligibilityOutcomeSchema,
      title: z.string(),
      reason: z.string(),
    }),
  ),
});
