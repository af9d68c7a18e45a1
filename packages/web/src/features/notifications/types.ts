/*
 * GET /api/notifications, /api/notifications/preferences and /api/jobs/:id
 * (packages/server/src/features/notifications/routes.ts and service.ts).
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
  emailStatus: "none" | "pending" | "skipped" | "sent";
};

export type NotificationList = { unread: number; items: NotificationItem[] };

export type Preference = { event: string; name: string; inApp: boolean; email: boolean };

export type JobStatus = "queued" | "running" | "done" | "failed";

export type Job = {
  id: string;
  type: string;
  status: JobStatus;
  /** 0 … 1 */
  progress: number;
  progressNote: string | null;
  attempts: number;
  result: unknown;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};
