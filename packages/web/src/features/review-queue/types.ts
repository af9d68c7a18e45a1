import type { ApplicationStatus, EligibilityOutcome } from "@linxuan/domain";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";

/** Shapes of GET /api/review-queue (packages/server/src/features/recommendation/queue.ts). */

export type QueueItem = {
  id: string;
  institutionName: string;
  creditCode: string;
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  levels: LevelCode[];
  status: ApplicationStatus;
  statusName: string;
  eligibility: EligibilityOutcome | null;
  eligibilityNotes: string[];
  versionCount: number;
  submittedAt: string | null;
  returnReason: string | null;
  decision: "recommended" | "declined" | null;
  decisionReason: string | null;
  rank: number | null;
  paperReceipt: { copies: number; receivedOn: string | null } | null;
};

export type QuotaUse = {
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  used: number;
  limit: number;
  rule: string;
};

export type Queue = {
  batch: { id: string; title: string; shortTitle: string; paperCopies: number };
  unit: { type: "region" | "industry"; value: string; name: string } | null;
  stage: { code: string; closesAt: string | null; open: boolean } | null;
  closed: { closedAt: string; closedBy: string; leaderName: string } | null;
  pending: number;
  quotas: QuotaUse[];
  items: QueueItem[];
};

export type QueueFilter = {
  batchId: string;
  kind?: KindCode | undefined;
  occupation?: OccupationCode | undefined;
  level?: LevelCode | undefined;
  status?: ApplicationStatus | undefined;
  eligibility?: EligibilityOutcome | undefined;
  q?: string | undefined;
  sort?: "submittedAt" | "institution" | "eligibility" | "rank" | undefined;
};

export type CloseInput = { batchId: string; leaderName: string; contactName: string; contactPhone: string };

export type ReturnInput = {
  reason: string;
  replyBy: string | null;
  fieldComments: { path: string; message: string }[];
};
