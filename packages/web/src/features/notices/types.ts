import type { NoticeSummary } from "@linxuan/domain";

/** Shapes of the notice API: the contracts in @linxuan/domain (contracts/notices). */
export type {
  Acknowledgement,
  EvidenceFile,
  Notice,
  NoticeItem,
  NoticeSummary,
  Objection,
  ObjectionStatus,
  ObjectionStatusAnswer,
} from "@linxuan/domain";

export type NoticePhase = NoticeSummary["phase"];

export type ObjectionAction = "accept" | "dismiss" | "uphold";
