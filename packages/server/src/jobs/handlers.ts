import { BATCH_EXPORT_JOB, runBatchExport } from "../features/applications/batch-export";
import { AUDIT_CHECK_JOB, runDailyAuditCheck } from "../features/audit/daily-check";
import { EXPERT_IMPORT_JOB, presentExpertImport, runExpertImport } from "../features/experts/import-job";
import { REMINDER_SWEEP_JOB, runReminderSweep } from "../features/notifications/reminders";
import { EMAIL_JOB, sendNotificationEmail } from "../features/notifications/service";
import { AUTO_ASSIGN_JOB, runAutoAssign } from "../features/review/auto-assign";
import type { Deps } from "../http/deps";
import type { JobHandler } from "./runner";

export type JobType = {
  label: string;
  run: JobHandler;
  /**
   * Reads the stored result (`jobs.result`, JSON text) through the type's own schema into what
   * the requester reads (e.g. opens encrypted secrets).
   */
  present?: (result: string, deps: Deps) => unknown;
};

/** Every job type the platform runs, registered explicitly. */
export const jobTypes: Record<string, JobType> = {
  [EMAIL_JOB]: { label: "发送通知邮件", run: sendNotificationEmail },
  [REMINDER_SWEEP_JOB]: { label: "到期提醒", run: runReminderSweep },
  [BATCH_EXPORT_JOB]: { label: "批量导出申报材料", run: runBatchExport },
  [EXPERT_IMPORT_JOB]: { label: "批量导入专家", run: runExpertImport, present: presentExpertImport },
  [AUTO_ASSIGN_JOB]: { label: "自动分配评议专家", run: runAutoAssign },
  [AUDIT_CHECK_JOB]: { label: "每日审计链校验", run: runDailyAuditCheck },
};

export const jobHandlers: Record<string, JobHandler> = Object.fromEntries(
  Object.entries(jobTypes).map(([type, definition]) => [type, definition.run]),
);
