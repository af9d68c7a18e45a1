/*
 * GET /api/notifications, /api/notifications/preferences (packages/server/src/features/notifications/)
 * and GET /api/jobs, /api/jobs/:id (packages/server/src/jobs/routes.ts).
 */

export type NotificationItem = {
  id: string;
  event: string;
  title: string;
  body: string;
  /** A path inside the platform (/workbench/applications/…), or null. */
  link: string | null;
  read: boolean;
  createdAt: string;
  emailStatus: "none" | "pending" | "skipped" | "sent" | "failed";
};

export type NotificationList = { unread: number; items: NotificationItem[] };

export type Preference = { event: string; name: string; inApp: boolean; email: boolean };

export type JobStatus = "queued" | "running" | "done" | "failed";

export type Job = {
  id: string;
  type: string;
  /** What the job does, in Chinese (the server's name for its type). */
  label: string;
  /** What this job is about (which batch, how many rows), or null. */
  description: string | null;
  status: JobStatus;
  /** 0 … 1 */
  progress: number;
  progressNote: string | null;
  attempts: number;
  result: unknown;
  /** The job produced a file: GET /api/jobs/:id/file downloads it. */
  hasFile: boolean;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};
