import { z } from "zod";

/** One audit event as the audit page lists it (GET /api/audit). */
export const auditEventSchema = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  command: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  /** The request that wrote the event (`X-Request-Id`), `job:<id>` for a background job. */
  requestId: z.string().nullable(),
  summary: z.string(),
});

export const auditPageSchema = z.object({ items: z.array(auditEventSchema), total: z.number() });

export type AuditEvent = z.infer<typeof auditEventSchema>;
