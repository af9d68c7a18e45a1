import { shanghaiChineseDateTime } from "../calendar/shanghai-time";
import type { ApplicationStatus } from "./statuses";

/** While the recommender or receiving centre has not yet acted, the stamped copy may still arrive. */
export const AFTER_SUBMISSION_UPLOAD_STATUSES: readonly ApplicationStatus[] = ["submitted", "resubmitted"];

export type AfterSubmissionUpload =
  | { open: true; until: string }
  | { open: false; code: "APPLICATION_NOT_EDITABLE" | "DEADLINE_PASSED"; reason: string };

/**
 * May the owner upload a slot's file after submitting? Only slots the batch marks `afterSubmission`
 * (the stamped copy of the submitted version), only while the application waits for its recommender
 * or receiving centre, and only until the paper deadline — the online deadline when the batch asks
 * for no paper.
 */
export function afterSubmissionUpload(input: {
  status: ApplicationStatus;
  slot: { afterSubmission?: boolean | undefined; name: string };
  paperDeadline: string | null;
  onlineDeadline: string;
  now: Date;
}): AfterSubmissionUpload {
  if (!input.slot.afterSubmission)
    return {
      open: false,
      code: "APPLICATION_NOT_EDITABLE",
      reason: `申报已提交，“${input.slot.name}”不能再修改`,
    };
  if (!AFTER_SUBMISSION_UPLOAD_STATUSES.includes(input.status)) {
    return {
      open: false,
      code: "APPLICATION_NOT_EDITABLE",
      reason: `申报已进入审核，“${input.slot.name}”不能再上传`,
    };
  }
  const until = input.paperDeadline ?? input.onlineDeadline;
  if (input.now.getTime() > Date.parse(until)) {
    return {
      open: false,
      code: "DEADLINE_PASSED",
      reason: `“${input.slot.name}”应于${shanghaiChineseDateTime(until)}前上传，现已逾期`,
    };
  }
  return { open: true, until };
}
