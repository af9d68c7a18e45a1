import { z } from "zod";
import { centralAffiliationCodes, regionSourceCodes } from "../policy/routing";
import { regionCodes } from "../reference/regions";

/** An institution as the office's list shows it (GET /api/institutions). */
export const institutionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  /** The stored region (null: none could be told from the credit code). */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  regionSource: z.enum(regionSourceCodes),
  /** Why the institution belongs to its region, in words (统一社会信用代码登记地, 中央登记, 声明, 更正). */
  regionBasis: z.string(),
  centralAffiliation: z.enum(centralAffiliationCodes).nullable(),
  centralAffiliationName: z.string().nullable(),
  createdAt: z.string(),
});
export type InstitutionSummary = z.infer<typeof institutionSummarySchema>;

/** GET /api/institutions: one page and how many match in all. */
export const institutionPageSchema = z.object({
  total: z.number(),
  items: z.array(institutionSummarySchema),
});
export type InstitutionPage = z.infer<typeof institutionPageSchema>;

/** POST /api/institutions/:id/region: the office corrects an institution's region, with a reason. */
export const correctRegionSchema = z.object({
  regionCode: z.enum(regionCodes, { error: "请选择所在地区（省级行政区或新疆生产建设兵团）" }),
  reason: z
    .string({ error: "请填写更正原因" })
    .trim()
    .min(2, "更正原因至少2个字")
    .max(200, "更正原因不超过200个字"),
});
export type CorrectRegion = z.infer<typeof correctRegionSchema>;
