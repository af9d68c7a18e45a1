import type { KindCode, OccupationCode } from "../../app/api-types";
import type { EvidenceFile } from "../notices/types";

/** Shapes of the supervision API (packages/server/src/features/supervision/*). */

export type Reminders = {
  expiring: {
    id: string;
    institutionName: string;
    kind: KindCode;
    occupation: OccupationCode;
    validUntil: string;
  }[];
  assessmentsDue: {
    id: string;
    dueAt: string;
    status: "open" | "submitted";
    institutionName: string;
    overdue: boolean;
  }[];
};

export type ComplaintStatus = "received" | "investigating" | "closed";
export type ComplaintOutcome = "dismissed" | "warning" | "suspension" | "removal";

export type Complaint = {
  id: string;
  ackNumber: string;
  entryId: string;
  institutionName: string;
  category: string;
  categoryName: string;
  complainantName: string;
  /** Masked: 137****5678. */
  phone: string;
  content: string;
  evidence: EvidenceFile[];
  status: ComplaintStatus;
  statusName: string;
  outcome: ComplaintOutcome | null;
  outcomeNote: string | null;
  createdAt: string;
};

export type AssessmentStatus = "open" | "submitted" | "passed" | "failed";

export type Assessment = {
  id: string;
  cycleName: string;
  entryId: string;
  dueAt: string;
  status: AssessmentStatus;
  report: string | null;
  submittedAt: string | null;
  resultNote: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  createdBy: string;
  institutionName: string;
  validUntil: string;
  occupation: OccupationCode;
  kind: KindCode;
  overdue: boolean;
};
