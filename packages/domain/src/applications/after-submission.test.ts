import { describe, expect, it } from "vitest";
import { afterSubmissionUpload } from "./after-submission";
import { applicationStatuses } from "./statuses";

const slot = { afterSubmission: true, name: "申报表电子版（加盖公章的PDF格式）" };
const paperDeadline = "2026-04-03T23:59:59+08:00";
const onlineDeadline = "2026-03-31T17:00:00+08:00";
const before = new Date("2026-04-03T15:59:58Z");

describe("afterSubmissionUpload", () => {
  it("opens a marked slot while the application waits, until the paper deadline to the second", () => {
    for (const status of ["submitted", "resubmitted"] as const) {
      expect(afterSubmissionUpload({ status, slot, paperDeadline, onlineDeadline, now: before })).toEqual({
        open: true,
        until: paperDeadline,
      });
    }
    const after = afterSubmissionUpload({
      status: "submitted",
      slot,
      paperDeadline,
      onlineDeadline,
      now: new Date("2026-04-03T16:00:00Z"),
    });
    expect(after).toEqual({
      open: false,
      code: "DEADLINE_PASSED",
      reason: expect.stringContaining("2026年4月3日 23:59:59前上传"),
    });
  });

  it("falls back to the online deadline when the batch asks for no paper", () => {
    const input = { status: "submitted" as const, slot, paperDeadline: null, onlineDeadline };
    expect(afterSubmissionUpload({ ...input, now: new Date("2026-03-31T08:59:59Z") }).open).toBe(true);
    expect(afterSubmissionUpload({ ...input, now: new Date("2026-03-31T09:00:01Z") }).open).toBe(false);
  });

  it("keeps unmarked slots closed after submission, whatever the status", () => {
    for (const status of applicationStatuses) {
      const verdict = afterSubmissionUpload({
        status,
        slot: { name: "支撑材料" },
        paperDeadline,
        onlineDeadline,
        now: before,
      });
      expect(verdict).toEqual({
        open: false,
        code: "APPLICATION_NOT_EDITABLE",
        reason: "申报已提交，“支撑材料”不能再修改",
      });
    }
  });

  it("closes once the recommender or centre has acted, or the application left the queue", () => {
    for (const status of applicationStatuses.filter(
      (item) => item !== "submitted" && item !== "resubmitted",
    )) {
      const verdict = afterSubmissionUpload({ status, slot, paperDeadline, onlineDeadline, now: before });
      expect(verdict.open, status).toBe(false);
    }
  });
});
