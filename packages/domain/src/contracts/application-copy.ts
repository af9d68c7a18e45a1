import { z } from "zod";
import { applicationStatuses } from "../applications/statuses";
import { applicationEnvelopeSchema } from "./applications";

/** Why a field of the new application was not copied (see `CopySkipReason` in forms/copy-values). */
export const copySkipReasonSchema = z.enum([
  "occupationSpecific",
  "consent",
  "notInSource",
  "emptyInSource",
  "tooLong",
]);

/** What starting an application from an earlier one copied, and what it left empty and why. */
export const applicationCopyReportSchema = z.object({
  source: z.object({
    id: z.string(),
    batchTitle: z.string(),
    kindName: z.string(),
    occupationName: z.string(),
    status: z.enum(applicationStatuses),
    statusName: z.string(),
  }),
  copied: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      rows: z.number().optional(),
      emptyColumns: z.array(z.string()).optional(),
    }),
  ),
  skipped: z.array(
    z.object({ key: z.string(), label: z.string(), reason: copySkipReasonSchema, reasonName: z.string() }),
  ),
});

/** POST /api/applications: the new application, and the copy report when it started from another. */
export const applicationStartedSchema = applicationEnvelopeSchema.extend({
  copy: applicationCopyReportSchema.nullable(),
});

/** DELETE /api/applications/:id: a draft deleted with its attachments. */
export const applicationDeletedSchema = z.object({
  deleted: z.literal(true),
  attachmentsRemoved: z.number(),
  filesRemoved: z.number(),
});

export type ApplicationCopyReport = z.infer<typeof applicationCopyReportSchema>;
export type ApplicationStarted = z.infer<typeof applicationStartedSchema>;
export type ApplicationDeleted = z.infer<typeof applicationDeletedSchema>;
