import { getFormTemplate } from "../forms";
import { type BatchDefinition, batchDefinitionSchema, stageCodes } from "./schema";

export type BatchIssue = { path: string; message: string };
export type BatchValidation = { ok: true; definition: BatchDefinition } | { ok: false; issues: BatchIssue[] };

/**
 * Validates a batch definition: the zod shape first, then the rules that span fields
 * (stage order, dates in order, quotas consistent, exclusions inside the batch).
 * Every message is Chinese and names the field, so an office user can fix it in the editor.
 */
export function validateBatchDefinition(input: unknown): BatchValidation {
  const parsed = batchDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    };
  }
  const definition = parsed.data;
  const issues: BatchIssue[] = [];

  const order = definition.stages.map((stage) => stageCodes.indexOf(stage.code));
  if (definition.stages[0]?.code !== "submission") {
    issues.push({ path: "stages.0.code", message: "第一个阶段必须是网上申报" });
  }
  for (let i = 1; i < order.length; i++) {
    if ((order[i] ?? 0) <= (order[i - 1] ?? 0)) {
      issues.push({
        path: `stages.${i}.code`,
        message: "阶段重复或顺序错误：阶段须按申报、推荐、形式审查、专家评议、审定、公示、目录的顺序排列",
      });
    }
  }
  // Stages may overlap (recommendation runs while submission is still open) but none may close
  // before an earlier stage has closed.
  let previousClose: number | null = null;
  definition.stages.forEach((stage, i) => {
    const opens = stage.opensAt ? Date.parse(stage.opensAt) : null;
    const closes = stage.closesAt ? Date.parse(stage.closesAt) : null;
    if (opens !== null && closes !== null && closes <= opens) {
      issues.push({ path: `stages.${i}.closesAt`, message: "阶段截止时间必须晚于开始时间" });
    }
    if (closes !== null && previousClose !== null && closes < previousClose) {
      issues.push({ path: `stages.${i}.closesAt`, message: "阶段截止时间不能早于前一阶段的截止时间" });
    }
    if (closes !== null) previousClose = closes;
  });

  const submission = definition.stages.find((stage) => stage.code === "submission");
  if (submission?.closesAt && Date.parse(submission.closesAt) !== Date.parse(definition.onlineDeadline)) {
    issues.push({ path: "stages.0.closesAt", message: "网上申报阶段的截止时间应与网上申报截止时间一致" });
  }
  if (definition.publishedOn > definition.onlineDeadline.slice(0, 10)) {
    issues.push({ path: "onlineDeadline", message: "网上申报截止时间不能早于通知发布日期" });
  }
  if (definition.paperCopies > 0 && !definition.paperDeadline) {
    issues.push({ path: "paperDeadline", message: "要求报送纸质材料时，必须填写纸质材料截止时间" });
  }
  if (
    definition.paperDeadline &&
    Date.parse(definition.paperDeadline) < Date.parse(definition.onlineDeadline) - 86_400_000 * 366
  ) {
    issues.push({ path: "paperDeadline", message: "纸质材料截止时间不合理" });
  }

  for (const kind of definition.kinds) {
    const templateId = definition.formTemplates[kind];
    const template = templateId ? getFormTemplate(templateId) : undefined;
    const kindLabel = kind === "training" ? "培训" : "评价";
    if (!templateId) {
      issues.push({ path: `formTemplates.${kind}`, message: `接受${kindLabel}机构申报时必须指定申报表模板` });
    } else if (!template || template.kind !== kind) {
      issues.push({
        path: `formTemplates.${kind}`,
        message: `申报表模板 ${templateId} 不存在或不是${kindLabel}机构的申报表`,
      });
    }
  }
  const { evaluation, training } = definition.quotas;
  if (definition.kinds.includes("evaluation") && !evaluation) {
    issues.push({ path: "quotas.evaluation", message: "接受评价机构申报时必须设置评价机构名额" });
  }
  if (evaluation && evaluation.perOccupationMin > evaluation.perOccupationMax) {
    issues.push({ path: "quotas.evaluation.perOccupationMin", message: "评价机构名额下限不能大于上限" });
  }
  if (definition.kinds.includes("training") && !training) {
    issues.push({ path: "quotas.training", message: "接受培训机构申报时必须设置培训机构名额" });
  }
  const seenRegions = new Set<string>();
  training?.regionOverrides.forEach((override, i) => {
    if (seenRegions.has(override.regionCode)) {
      issues.push({
        path: `quotas.training.regionOverrides.${i}.regionCode`,
        message: "同一地区的名额只能设置一次",
      });
    }
    seenRegions.add(override.regionCode);
  });

  definition.exclusions.forEach((exclusion, i) => {
    if (
      !definition.kinds.includes(exclusion.kind) ||
      !definition.occupations.includes(exclusion.occupation)
    ) {
      issues.push({ path: `exclusions.${i}`, message: "排除项的机构类型和职业必须在本批次范围内" });
    }
  });
  const seenRules = new Set<string>();
  definition.eligibilityRules.forEach((rule, i) => {
    if (seenRules.has(rule.rule)) {
      issues.push({ path: `eligibilityRules.${i}.rule`, message: "同一资格条件只能设置一次" });
    }
    seenRules.add(rule.rule);
  });
  const seenAttachments = new Set<string>();
  definition.requiredAttachments.forEach((attachment, i) => {
    if (seenAttachments.has(attachment.code)) {
      issues.push({ path: `requiredAttachments.${i}.code`, message: "同一附件只能列出一次" });
    }
    seenAttachments.add(attachment.code);
  });

  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition };
}
