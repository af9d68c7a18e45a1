import { EMAIL_JOB, sendNotificationEmail } from "../features/notifications/service";
import type { JobHandler } from "./runner";

/** Every job type the platform runs, registered explicitly. */
export const jobHandlers: Record<string, JobHandler> = {
  [EMAIL_JOB]: sendNotificationEmail,
};
