import { getFormTemplate, planCopy } from "@linxuan/domain";

/** What 从已有申报复制 tells the applicant before it starts: what is copied, what stays empty. */
export type CopyPlanSummary = {
  /** Fields and tables the copy fills where the earlier application has them filled. */
  copied: string[];
  /** Fields of the occupation applied for: left empty, to fill for this occupation. */
  occupationFields: string[];
  /** Fields this form has and the earlier one has not (another template): left empty. */
  newFields: string[];
};

/** "年度计划培训人数（人次）·初级" and "…·中级" read as one item: "年度计划培训人数（人次）". */
function distinct(labels: readonly string[]): string[] {
  return [...new Set(labels.map((label) => label.split("·")[0] ?? label))];
}

/**
 * The copy plan between two form templates in the words of the page, or null when either
 * template is unknown. The 承诺 is never copied and is left out here: every application asks for it.
 */
export function summarizeCopyPlan(
  sourceTemplateId: string,
  targetTemplateId: string,
): CopyPlanSummary | null {
  const source = getFormTemplate(sourceTemplateId);
  const target = getFormTemplate(targetTemplateId);
  if (!source || !target) return null;
  const plan = planCopy(source, target);
  const skipped = (reason: string) =>
    distinct(plan.skipped.filter((slot) => slot.reason === reason).map((slot) => slot.label));
  return {
    copied: distinct(plan.copyable.map((slot) => slot.label)),
    occupationFields: skipped("occupationSpecific"),
    newFields: skipped("notInSource"),
  };
}
