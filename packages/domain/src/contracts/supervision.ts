import { z } from "zod";
import { kindCodes } from "../reference/kinds";
import { occupationCodes } from "../reference/occupations";
import { evidenceFileSchema } from "./public-notices";

export const complaintStatuses = ["received", "investigating", "closed"] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintOutcomeCodes = ["dismissed", "warning", "suspension", "removal"] as const;
export type ComplaintOutcome = (typeof complaintOutcomeCodes)[number];

/** A complaint (投诉举报) as the office handles it (GET /api/complaints). */
export const complaintSchema = z.object({
  id: z.string(),
  ackNumber: z.string(),
  entryId: z.string(),
  institutionName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  complainantName: z.string(),
  /** Masked: 137****5678. */
  phone: z.string(),
  content: z.string(),
  evidence: z.array(evidenceFileSchema),
  status: z.enum(complaintStatuses),
  statusName: z.string(),
  outcome: z.enum(complaintOutcomeCodes).nullable(),
  outcomeNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintListSchema = z.object({ items: z.array(complaintSchema) });

/** POST /api/public/complaints/status: what the complainant may know of its handling. */
export const complaintStatusAnswerSchema = z.object({
  ackNumber: z.string(),
  institutionName: z.string(),
  status: z.enum(complaintStatuses),
  statusName: z.string(),
  outcome: z.enum(complaintOutcomeCodes).nullable(),
  outcomeName: z.string().nullable(),
  /** Given once the complaint is closed. */
  outcomeNote: z.string().nullable(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
});
export type ComplaintStatusAnswer = z.infer<typeof complaintStatusAnswerSchema>;

export const assessmentStatuses = ["open", "submitted", "passed", "failed"] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** A listed institution's assessment (考核评估) with its catalog entry (GET /api/assessments). */
export const assessmentSchema = z.object({
  id: z.string(),
  cycleName: z.string(),
  entryId: z.string(),
  dueAt: z.string(),
  status: z.enum(assessmentStatuses),
  report: z.string().nullable(),
  submittedAt: z.string().nullable(),
  resultNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  institutionName: z.string(),
  validUntil: z.string(),
  occupation: z.enum(occupationCodes),
  kind: z.enum(kindCodes),
  overdue: z.boolean(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentListSchema = z.object({ items: z.array(assessmentSchema) });

/** POST /api/assessments/cycles: how many entries were asked for an assessment. */
export const assessmentCycleOpenedSchema = z.object({ opened: z.number() });

export const contactRequestStatuses = ["pending", "approved", "rejected"] as const;
export type ContactRequestStatus = (typeof contactRequestStatuses)[number];

/** A request to change a catalog entry's contact details (GET /api/contact-requests). */
export const contactRequestSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  reason: z.string(),
  status: z.enum(contactRequestStatuses),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  institutionName: z.string(),
  regionCode: z.string().nullable(),
});
export type ContactRequest = z.infer<typeof contactRequestSchema>;

export const contactRequestListSchema = z.object({ items: z.array(contactRequestSchema) });

/** POST /api/catalog/:id/contact-requests: the new request's id. */
export const contactRequestCreatedSchema = z.object({ id: z.string() });

/** GET /api/catalog/reminders: entries about to expire and assessments due or overdue. */
export const supervisionRemindersSchema = z.object({
  expiring: z.array(
    z.object({
      id: z.string(),
      institutionName: z.string(),
      kind: z.enum(kindCodes),
      occupation: z.enum(occupationCodes),
      validUntil: z.string(),
    }),
  ),
  assessmentsDue: z.array(
    z.object({
      id: z.string(),
      dueAt: z.string(),
      status: z.enum(["open", "submitted"]),
      institutionName: z.string(),
      overdue: z.boolean(),
    }),
  ),
});
export type SupervisionReminders = z.infer<typeof supervisionRemindersSchema>;
