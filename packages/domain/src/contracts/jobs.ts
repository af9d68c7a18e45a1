import { z } from "zod";

export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export const jobStatusSchema = z.enum(jobStatuses);

/** A background job as its requester follows it (GET /api/jobs, GET /api/jobs/:id). */
export const jobSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** What the job does, in Chinese (the server's name for its type). */
  label: z.string(),
  /** What this job is about (which batch, how many rows), or null. */
  description: z.string().nullable(),
  status: jobStatusSchema,
  /** 0 … 1 */
  progress: z.number(),
  progressNote: z.string().nullable(),
  attempts: z.number(),
  /** What the job produced, as its type presents it (an export's count, an import's accounts). */
  result: z.unknown(),
  /** The job produced a file: GET /api/jobs/:id/file downloads it. */
  hasFile: z.boolean(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ items: z.array(jobSchema) });

/**
 * One row of 后台任务监控 (GET /api/admin/jobs): a job of anyone (or of the system) as metadata —
 * never what it produced, its progress note or its file, which only the requester reads.
 */
export const monitoredJobSchema = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  /** Written when the job was queued (which batch, how many rows; an e-mail's address masked). */
  description: z.string().nullable(),
  status: jobStatusSchema,
  progress: z.number(),
  attempts: z.number(),
  maxAttempts: z.number(),
  /** The last error with e-mail addresses, phone and identity numbers masked. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** When a queued job is due (its next try, after an error). */
  runAfter: z.string(),
  /** Who queued it; null for the system's own jobs (e-mail, reminders). */
  createdBy: z.string().nullable(),
  /** The worker running it now, if any. */
  lockedBy: z.string().nullable(),
});

export type MonitoredJob = z.infer<typeof monitoredJobSchema>;

/** GET /api/admin/jobs: the latest 200 matching jobs, newest first, and the count in each status. */
export const jobMonitorSchema = z.object({
  counts: z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() }),
  types: z.array(z.object({ type: z.string(), label: z.string() })),
  items: z.array(monitoredJobSchema),
});

export type JobStatus = z.infer<typeof jobStatusSchema>;
export type JobMonitor = z.infer<typeof jobMonitorSchema>;
