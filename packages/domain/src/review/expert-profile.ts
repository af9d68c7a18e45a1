import { z } from "zod";
import { occupationCodes } from "../reference/occupations";
import { regionCodes } from "../reference/regions";
import { creditCodeSchema, emailSchema, phoneSchema } from "../validators/schemas";

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}不超过${max}个字`);

/**
 * 专家库中的一位专家. The employer and its credit code are what conflict detection compares with
 * the applicant and its staff, so they are kept as typed (normalised only when compared); the
 * region is the province the expert works in, for cross-region review.
 */
export const expertProfileSchema = z.object({
  name: text("专家姓名", 2, 50),
  employer: text("工作单位", 2, 100),
  /**
   * 工作单位统一社会信用代码: optional (a retired expert, a foreign employer), but when given it is
   * checked like any credit code and normalised, since it is the surest way to spot that the
   * expert works for the applicant. A blank field means "not given".
   */
  employerCreditCode: z.preprocess(
    (value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value),
    creditCodeSchema.optional(),
  ),
  title: text("专业技术职务/职称", 1, 50),
  occupations: z
    .array(z.enum(occupationCodes, { error: "评议职业不在本项目的10个职业之内" }), {
      error: "请选择评议职业",
    })
    .min(1, "请至少选择一个评议职业")
    .refine((codes) => new Set(codes).size === codes.length, "评议职业不能重复选择"),
  regionCode: z.enum(regionCodes, { error: "请选择专家所在地区（省级行政区）" }),
  phone: phoneSchema,
  email: emailSchema,
  /** Inactive experts stay in the pool (their past reviews refer to them) but get no new assignments. */
  active: z.boolean({ error: "请选择是否可参加评议" }),
});

/** An expert as stored in the pool, after validation and normalisation. */
export type ExpertProfile = z.infer<typeof expertProfileSchema>;
