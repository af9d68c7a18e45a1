import { z } from "zod";
import { kindCodes } from "../reference/kinds";
import { multiline } from "../validators/text-tree";

/** Weights are percentages; a rubric's must add up to 100 within this tolerance (0.1 + 0.2 ≠ 0.3). */
const WEIGHT_TOLERANCE = 1e-6;

/** Whether `value` lies on the grid min, min + step, … (with floating-point slack: 0.1 steps). */
export function isOnStep(value: number, min: number, step: number): boolean {
  const steps = (value - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9 * Math.max(1, Math.abs(steps));
}

/** One criterion (评分项) of a rubric: what the expert scores, how it weighs, which scores are allowed. */
export const rubricCriterionSchema = z.object({
  /** Stable camelCase key: scores are stored under it. */
  key: z
    .string({ error: "请填写评分项代码" })
    .regex(/^[a-z][A-Za-z0-9]{1,39}$/, "评分项代码应以小写字母开头，由2–40位英文字母和数字组成"),
  title: z
    .string({ error: "请填写评分项名称" })
    .trim()
    .min(2, "评分项名称至少2个字")
    .max(40, "评分项名称不超过40字"),
  /** 评分要点: what earns a high or a low score, shown next to the score box. */
  description: multiline(
    z.string({ error: "请填写评分要点" }).trim().min(4, "评分要点至少4个字").max(500, "评分要点不超过500字"),
  ),
  /** Share of the total, in percent (0–100); the criteria's weights add up to 100. */
  weight: z.number({ error: "请填写权重" }).min(0, "权重应在0–100之间").max(100, "权重应在0–100之间"),
  min: z.number({ error: "请填写最低分" }).min(0, "最低分不能为负数"),
  max: z.number({ error: "请填写最高分" }).max(1000, "最高分不超过1000"),
  step: z.number({ error: "请填写评分步长" }).positive("评分步长应大于0"),
  rationaleRequired: z.boolean({ error: "请选择是否必须填写评分理由" }),
  /** Form value keys the criterion is judged on, so the review screen can show them beside it. */
  fields: z.array(z.string()).optional(),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

/** A batch's scoring rubric (评分细则) for one kind of institution. */
export const rubricSchema = z
  .object({
    kind: z.enum(kindCodes, { error: "请选择机构类型" }),
    title: z
      .string({ error: "请填写评分细则名称" })
      .trim()
      .min(2, "评分细则名称至少2个字")
      .max(60, "评分细则名称不超过60字"),
    criteria: z
      .array(rubricCriterionSchema, { error: "请填写评分项" })
      .min(1, "评分细则至少包含一个评分项")
      .max(30, "评分项不超过30个"),
  })
  // Zod runs this even when a field above failed, so every problem is shown at once; each check
  // guards against the values an earlier issue already reported (a zero step).
  .superRefine((rubric, ctx) => {
    const seen = new Set<string>();
    rubric.criteria.forEach((criterion, i) => {
      const name = `评分项“${criterion.title}”`;
      if (seen.has(criterion.key)) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "key"],
          message: `${name}的代码与前面的评分项重复`,
        });
      }
      seen.add(criterion.key);
      if (criterion.max <= criterion.min) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "max"],
          message: `${name}的最高分应大于最低分`,
        });
      } else if (criterion.step > 0 && !isOnStep(criterion.max, criterion.min, criterion.step)) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "step"],
          message: `${name}的分值范围${criterion.min}–${criterion.max}分不能按步长${criterion.step}分均分`,
        });
      }
    });
    const sum = rubric.criteria.reduce((total, criterion) => total + criterion.weight, 0);
    if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: `各评分项权重之和应为100，当前为${Math.round(sum * 1000) / 1000}`,
      });
    }
  });
export type Rubric = z.infer<typeof rubricSchema>;

export type RubricIssue = { path: string; message: string };
export type RubricValidation = { ok: true; rubric: Rubric } | { ok: false; issues: RubricIssue[] };

/**
 * Validates a rubric an office edits: shape, unique keys, score ranges and steps, weights adding up
 * to 100. Every message is Chinese and carries a dotted path ("criteria.2.max") so the editor can
 * put it next to the field.
 */
export function validateRubric(input: unknown): RubricValidation {
  const parsed = rubricSchema.safeParse(input);
  return parsed.success
    ? { ok: true, rubric: parsed.data }
    : {
        ok: false,
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      };
}
