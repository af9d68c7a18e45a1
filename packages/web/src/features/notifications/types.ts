/*
 * GET /api/notifications, /api/notifications/preferences: the contracts in @linxuan/domain
 * (contracts/notifications); GET /api/jobs, /api/jobs/:id (packages/server/src/jobs/routes.ts).
 */
import type { NotificationPreference } from "@linxuan/domain";

export type { NotificationItem, NotificationList } from "@linxuan/domain";
export type Preference = NotificationPreference;

export type { Job, JobStatus } from "@linxuan/domain";
