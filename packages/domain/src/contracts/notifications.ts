import { z } from "zod";

export const emailStatuses = ["none", "pending", "skipped", "sent", "failed"] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/** One in-app notification (GET /api/notifications). */
export const notificationSchema = z.object({
  id: z.string(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside the platform (/workbench/applications/…), or null. */
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
  emailStatus: z.enum(emailStatuses),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

/** GET /api/notifications: the latest notifications and how many are unread in all. */
export const notificationListSchema = z.object({ unread: z.number(), items: z.array(notificationSchema) });
export type NotificationList = z.infer<typeof notificationListSchema>;

/** One kind of notification the user may switch on or off, in app and by email. */
export const notificationPreferenceSchema = z.object({
  event: z.string(),
  name: z.string(),
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** GET /api/notifications/preferences. */
export const notificationPreferencesSchema = z.object({ items: z.array(notificationPreferenceSchema) });
