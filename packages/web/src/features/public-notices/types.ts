import type { PublicNoticeSummary } from "@linxuan/domain";

/** Shapes of the notice API: the contracts in @linxuan/domain (contracts/notices). */
export type {
  Acknowledgement,
  EvidenceFile,
  Objection,
  ObjectionStatus,
  ObjectionStatusAnswer,
  PublicNotice,
  PublicNoticeItem,
  PublicNoticeSummary,
} from "@linxuan/domain";

export type PublicNoticePhase = PublicNoticeSummary["phase"];

export type ObjectionAction = "accept" | "dismiss" | "uphold";
