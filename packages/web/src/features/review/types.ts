import type { ReviewCandidate, ReviewProgress, ReviewRound } from "@linxuan/domain";

/** Shapes of the expert review API: the contracts in @linxuan/domain (contracts/review). */
export type {
  AssignmentPreview as Preview,
  AutoAssignResult,
  RandomDraw,
  RandomDrawRecord,
  RankedApplication,
  Ranking,
  RankingGroup,
  ReviewRound,
  SheetStatus,
} from "@linxuan/domain";

export type RoundInput = Omit<ReviewRound, "batchId" | "scoresOpenedAt">;

export type Pair = { applicationId: string; expertId: string };

export type Progress = ReviewProgress;
export type ProgressAssignment = ReviewProgress["assignments"][number];

/**
 * An application in (or waiting for) expert review, with its experts and the experts who must
 * not review it (GET /api/review/:batchId/candidates, keyed here by the application's id).
 */
export type Candidate = Omit<ReviewCandidate, "applicationId"> & { id: string };
