import type { ApplicationStatus, EligibilityOutcome, RecommendationQueue } from "@linxuan/domain";
import type { KindCode, LevelCode, OccupationCode } from "../../app/api-types";

/** GET /api/recommendation-queue: the contracts in @linxuan/domain (contracts/recommendation). */
export type { QueueItem, QuotaUse } from "@linxuan/domain";
export type Queue = RecommendationQueue;

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
