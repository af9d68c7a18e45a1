/** Shapes of the supervision API: the contracts in @linxuan/domain (contracts/supervision). */
export type {
  Assessment,
  AssessmentStatus,
  Complaint,
  ComplaintOutcome,
  ComplaintStatus,
  SupervisionReminders as Reminders,
} from "@linxuan/domain";
