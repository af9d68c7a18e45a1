import type { EligibilityResult, FormIssue, FormTemplate } from "@linxuan/domain";
import type { FieldIssue } from "../../shared/http";
import { sectionIndex, sectionOf } from "./form-model";
import type { Attachment, RequiredAttachment } from "./types";

/** One thing standing between the applicant and 提交, with where to fix it. */
export type Problem = {
  key: string;
  severity: "error" | "warning";
  /** The part of the application it belongs to: a form section title, 附件材料, 资格条件 … */
  group: string;
  /** Where "去修改" jumps: a value path, attachments.<code>, eligibility, applicantCategory, recommender. */
  path: string;
  message: string;
  code: string;
};

export const CREDIT_CODE_WARNING = "credit_code_checksum";

function groupOf(template: FormTemplate, index: Map<string, string>, path: string): string {
  if (path.startsWith("attachments")) return "附件材料";
  if (path.startsWith("eligibility")) return "资格条件";
  if (path === "applicantCategory") return "申报单位类别";
  if (path === "recommender") return "推荐单位";
  const section = sectionOf(index, path);
  return template.sections.find((item) => item.key === section)?.title ?? "其他";
}

type Input = {
  template: FormTemplate;
  /** The parts of the application the list reads. */
  application: {
    attachments: readonly Pick<Attachment, "code">[];
    batch: { requiredAttachments: readonly RequiredAttachment[] };
  };
  /** validateFormValues(…, "submit") of the values on screen. */
  issues: readonly FormIssue[];
  eligibility: EligibilityResult | null;
  applicantCategoryNeeded: boolean;
  applicantCategory: string | null;
};

/**
 * Everything the server would refuse a submission for, found in the browser first: form errors
 * and warnings, required attachments not uploaded, hard eligibility rules failed, a missing
 * 申报单位类别. Ordered as the applicant meets them: form sections, then attachments, then the rest.
 */
export function listProblems(input: Input): Problem[] {
  const { template, application } = input;
  const index = sectionIndex(template);
  const problems: Problem[] = input.issues.map((issue, i) => ({
    key: `form-${i}-${issue.path}-${issue.code}`,
    severity: issue.severity,
    group: groupOf(template, index, issue.path),
    path: issue.path,
    message: issue.message,
    code: issue.code,
  }));
  const present = new Set(application.attachments.map((file) => file.code));
  for (const item of application.batch.requiredAttachments) {
    if (!item.required || present.has(item.code)) continue;
    problems.push({
      key: `attachment-${item.code}`,
      severity: "error",
      group: "附件材料",
      path: `attachments.${item.code}`,
      message: `请上传附件：${item.name}`,
      code: "attachment_missing",
    });
  }
  if (input.applicantCategoryNeeded && !input.applicantCategory) {
    problems.push({
      key: "applicant-category",
      severity: "error",
      group: "申报单位类别",
      path: "applicantCategory",
      message: "请选择申报单位类别（专业技术人员继续教育基地、高等院校等）",
      code: "applicant_category",
    });
  }
  for (const result of input.eligibility?.results ?? []) {
    if (result.severity !== "hard" || result.outcome !== "fail") continue;
    problems.push({
      key: `eligibility-${result.rule}`,
      severity: "error",
      group: "资格条件",
      path: `eligibility.${result.rule}`,
      message: `${result.title}：${result.reason}（硬性条件，不符合不能提交）`,
      code: "eligibility",
    });
  }
  return problems;
}

/** The server's APPLICATION_INCOMPLETE fields as the same list. */
export function problemsFromServer(template: FormTemplate, fields: readonly FieldIssue[]): Problem[] {
  const index = sectionIndex(template);
  return fields.map((field, i) => ({
    key: `server-${i}-${field.path}`,
    severity: "error",
    group: groupOf(template, index, field.path),
    path: field.path,
    message: field.message,
    code: "server",
  }));
}

/** Problems by group, groups in first-met order. */
export function groupProblems(problems: readonly Problem[]): [string, Problem[]][] {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) groups.set(problem.group, [...(groups.get(problem.group) ?? []), problem]);
  return [...groups];
}
