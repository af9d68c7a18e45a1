import { z } from "zod";
import { kindCodes } from "../reference/kinds";
import { levelCodes } from "../reference/levels";
import { occupationCodes } from "../reference/occupations";

/** Where a public notice (公示) stands by the server's clock. */
export const publicNoticePhases = ["upcoming", "open", "ended", "confirmed"] as const;

/** One public notice without its list (GET /api/public/public-notices). */
export const publicNoticeSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  batchId: z.string(),
  kind: z.enum(kindCodes).nullable(),
  regionCode: z.string().nullable(),
  startsAt: z.string(),
  /** 24:00 Beijing time of `lastDay`. */
  endsAt: z.string(),
  /** The last working day of the period, YYYY-MM-DD. */
  lastDay: z.string(),
  workdays: z.number(),
  phase: z.enum(publicNoticePhases),
  /** Milliseconds left by the server's clock while open; 0 otherwise. */
  remainingMs: z.number(),
  confirmedAt: z.string().nullable(),
  /** When the office published it: the date of its 落款. */
  publishedAt: z.string(),
  /** 落款: the body that issues the notice (null on notices published before it was asked for). */
  issuingBody: z.string().nullable(),
  /** Where objections go, as the office entered them when publishing. */
  contactAddress: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  /** A notice of a 【演示】 batch: marked 演示 wherever it shows. */
  isDemo: z.boolean(),
  /** When the office cut the period short in demo mode (演示：缩短公示期); null otherwise. */
  demoShortenedAt: z.string().nullable(),
});
export type PublicNoticeSummary = z.infer<typeof publicNoticeSummarySchema>;

export const publicNoticeListSchema = z.object({ items: z.array(publicNoticeSummarySchema) });

/** An institution on the public list, as anyone sees it. */
export const visitorPublicNoticeItemSchema = z.object({
  id: z.string(),
  institutionName: z.string(),
  creditCode: z.string(),
  kind: z.enum(kindCodes),
  kindName: z.string(),
  occupation: z.enum(occupationCodes),
  occupationName: z.string(),
  levels: z.array(z.enum(levelCodes)),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  status: z.enum(["listed", "removed"]),
});
export type VisitorPublicNoticeItem = z.infer<typeof visitorPublicNoticeItemSchema>;

/** An institution on the list as the office sees it: with its application and why it was removed. */
export const publicNoticeItemSchema = visitorPublicNoticeItemSchema.extend({
  applicationId: z.string(),
  removedReason: z.string().nullable(),
});
export type PublicNoticeItem = z.infer<typeof publicNoticeItemSchema>;

/** The notice as the public page shows it (also the office's preview before publishing). */
export const publicNoticeViewSchema = publicNoticeSummarySchema.extend({
  items: z.array(visitorPublicNoticeItemSchema),
});
export type PublicNoticeView = z.infer<typeof publicNoticeViewSchema>;

/** GET /api/public/public-notices/:id: nothing of the list before the notice starts. */
export const visitorPublicNoticeSchema = z.object({ publicNotice: publicNoticeViewSchema });

/** POST /api/public-notices/preview: the public page of a notice not yet published. */
export const publicNoticePreviewSchema = z.object({ publicNotice: publicNoticeViewSchema });

/** GET /api/public-notices/:id and POST /api/public-notices: the notice with its list and internal handling. */
export const officePublicNoticeSchema = z.object({
  publicNotice: publicNoticeSummarySchema.extend({
    items: z.array(publicNoticeItemSchema),
    /** Demo mode, a 【演示】 batch and a period still running: 演示：缩短公示期 is offered. */
    demoShortenable: z.boolean(),
  }),
});
export type PublicNotice = z.infer<typeof officePublicNoticeSchema>["publicNotice"];

/** A file sent with an objection or complaint (stored by its SHA-256). */
export const evidenceFileSchema = z.object({
  fileName: z.string(),
  /** Absent from files stored before the type was recorded. */
  contentType: z.string().optional(),
  size: z.number(),
  sha256: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const objectionStatuses = ["received", "investigating", "dismissed", "upheld"] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];

/** An objection (异议) as the office handles it (GET /api/public-notices/:id/objections). */
export const objectionSchema = z.object({
  id: z.string(),
  ackNumber: z.string(),
  institutionName: z.string(),
  objectorName: z.string(),
  objectorOrg: z.string(),
  /** Masked: 139****5678. */
  phone: z.string(),
  email: z.string(),
  content: z.string(),
  evidence: z.array(evidenceFileSchema),
  status: z.enum(objectionStatuses),
  statusName: z.string(),
  handlingNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Objection = z.infer<typeof objectionSchema>;

export const objectionListSchema = z.object({ items: z.array(objectionSchema) });

/** The answer to a filed objection or complaint: its acknowledgement number. */
export const acknowledgementSchema = z.object({ ackNumber: z.string(), institutionName: z.string() });
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** POST /api/public/objections/status: what the objector may know of its handling. */
export const objectionStatusAnswerSchema = z.object({
  ackNumber: z.string(),
  institutionName: z.string(),
  status: z.enum(objectionStatuses),
  statusName: z.string(),
  handlingNote: z.string().nullable(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
});
export type ObjectionStatusAnswer = z.infer<typeof objectionStatusAnswerSchema>;

/** POST /api/public-notices/:id/confirm: how many institutions entered the catalog. */
export const publicNoticeConfirmationSchema = z.object({ listed: z.number() });
