import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";

/** Shapes of the notice API (packages/server/src/features/notices/service.ts and objections.ts). */

export type NoticePhase = "upcoming" | "open" | "ended" | "confirmed";

export type NoticeSummary = {
  id: string;
  title: string;
  batchId: string;
  kind: KindCode | null;
  regionCode: string | null;
  startsAt: string;
  /** 24:00 Beijing time of `lastDay`. */
  endsAt: string;
  /** The last working day of the period, YYYY-MM-DD. */
  lastDay: string;
  workdays: number;
  phase: NoticePhase;
  /** Milliseconds left by the server's clock while open; 0 otherwise. */
  remainingMs: number;
  confirmedAt: string | null;
};

export type NoticeItem = {
  id: string;
  applicationId: string;
  institutionName: string;
  creditCode: string;
  kind: KindCode;
  kindName: string;
  occupation: OccupationCode;
  occupationName: string;
  levels: LevelCode[];
  regionCode: string | null;
  regionName: string | null;
  status: "listed" | "removed";
  removedReason: string | null;
};

export type Notice = NoticeSummary & { items: NoticeItem[] };

export type EvidenceFile = { fileName: string; contentType?: string; size: number; sha256: string };

export type ObjectionStatus = "received" | "accepted" | "dismissed" | "upheld";

export type Objection = {
  id: string;
  ackNumber: string;
  institutionName: string;
  objectorName: string;
  objectorOrg: string;
  /** Masked: 139****5678. */
  phone: string;
  email: string;
  content: string;
  evidence: EvidenceFile[];
  status: ObjectionStatus;
  statusName: string;
  handlingNote: string | null;
  createdAt: string;
};

export type ObjectionAction = "accept" | "dismiss" | "uphold";

/** The answer to a filed objection or complaint. */
export type Acknowledgement = { ackNumber: string; institutionName: string };

export type ObjectionStatusAnswer = {
  ackNumber: string;
  institutionName: string;
  status: ObjectionStatus;
  statusName: string;
  handlingNote: string | null;
  createdAt: string;
  handledAt: string | null;
};
