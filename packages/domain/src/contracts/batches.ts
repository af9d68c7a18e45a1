import { z } from "zod";
import { batchDefinitionSchema } from "../batches/schema";
import { kindCodes } from "../reference/kinds";
import { batchPhaseSchema } from "./applications";

export const batchStatusSchema = z.enum(["draft", "published", "archived"]);

/** A published batch as the public list shows it. */
export const publicBatchSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  documentNumber: z.string().nullable(),
  issuingBody: z.string(),
  publishedOn: z.string(),
  scope: z.union([
    z.object({ level: z.literal("national") }),
    z.object({ level: z.literal("region"), regionCode: z.string() }),
  ]),
  kinds: z.array(z.enum(kindCodes)),
  catalogPublisher: batchDefinitionSchema.shape.catalogPublisher,
  onlineDeadline: z.string(),
  isDemo: z.boolean(),
  phase: batchPhaseSchema,
});

/** A blank form of a batch, to download as PDF or Word. */
export const blankFormSchema = z.object({
  kind: z.enum(kindCodes),
  title: z.string(),
  pdfUrl: z.string(),
  docxUrl: z.string(),
});

/** GET /api/public/batches/:id → batch: the notice in full with its blank forms. */
export const publicBatchSchema = publicBatchSummarySchema.extend({
  definition: batchDefinitionSchema,
  forms: z.array(blankFormSchema),
});

/** One row of the staff's batch list, drafts included. */
export const staffBatchSummarySchema = publicBatchSummarySchema.extend({
  status: batchStatusSchema,
  builtIn: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});

/** A batch as staff edit it. */
export const staffBatchSchema = z.object({
  id: z.string(),
  status: batchStatusSchema,
  version: z.number(),
  builtIn: z.boolean(),
  isDemo: z.boolean(),
  definition: batchDefinitionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const publicBatchListSchema = z.object({ items: z.array(publicBatchSummarySchema) });
export const publicBatchEnvelopeSchema = z.object({ batch: publicBatchSchema });
export const staffBatchListSchema = z.object({ items: z.array(staffBatchSummarySchema) });
export const staffBatchEnvelopeSchema = z.object({ batch: staffBatchSchema });

export type BatchStatus = z.infer<typeof batchStatusSchema>;
export type PublicBatchSummary = z.infer<typeof publicBatchSummarySchema>;
export type BlankForm = z.infer<typeof blankFormSchema>;
export type PublicBatch = z.infer<typeof publicBatchSchema>;
export type StaffBatchSummary = z.infer<typeof staffBatchSummarySchema>;
export type StaffBatch = z.infer<typeof staffBatchSchema>;
