import { z } from "zod";
import { SITE_VISIT_CONCLUSIONS, SITE_VISIT_STATES } from "../review/site-visit";

/* Answers of the 考察 (site visit) API. */

export const siteVisitAttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});

export const siteVisitSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  state: z.enum(SITE_VISIT_STATES),
  stateName: z.string(),
  plan: z.string(),
  team: z.array(z.object({ name: z.string(), unit: z.string() })),
  visitDate: z.string(),
  findings: z.string().nullable(),
  conclusion: z.enum(SITE_VISIT_CONCLUSIONS).nullable(),
  conclusionName: z.string().nullable(),
  conclusionText: z.string().nullable(),
  plannedAt: z.string(),
  plannedBy: z.string(),
  recordedAt: z.string().nullable(),
  concludedAt: z.string().nullable(),
  concludedBy: z.string().nullable(),
  attachments: z.array(siteVisitAttachmentSchema),
});
export type SiteVisit = z.infer<typeof siteVisitSchema>;

/** GET /api/applications/:id/site-visit: the visit (null when none) and whether the reader may act. */
export const siteVisitEnvelopeSchema = z.object({
  visit: siteVisitSchema.nullable(),
  /** The office acting on the batch, while the application is in or after expert review. */
  canManage: z.boolean(),
});
export type SiteVisitEnvelope = z.infer<typeof siteVisitEnvelopeSchema>;

/** A visit's summary beside the scores in the ranking. */
export const siteVisitSummarySchema = z.object({
  state: z.enum(SITE_VISIT_STATES),
  stateName: z.string(),
  conclusion: z.enum(SITE_VISIT_CONCLUSIONS).nullable(),
  conclusionName: z.string().nullable(),
  sentence: z.string().nullable(),
});
