import type { Conflict, KindCode, Rubric, ScoreAggregate } from "@linxuan/domain";
import type { OccupationCode } from "../../app/api-types";

/** Shapes of packages/server/src/features/review (round.ts, assignment.ts, office.ts). */

export type ReviewRound = {
  batchId: string;
  perApplication: number;
  maxLoad: number;
  crossRegion: boolean;
  requireOutsideRegion: boolean;
  dispersionThreshold: number;
  dueAt: string | null;
  closesAt: string | null;
  rubrics: Partial<Record<KindCode, Rubric>>;
  scoresOpenedAt: string | null;
  version: number;
};

export type RoundInput = Omit<ReviewRound, "batchId" | "scoresOpenedAt">;

export type Pair = { applicationId: string; expertId: string };

export type Preview = {
  settings: { perApplication: number; maxLoad: number; requireOutsideRegion: boolean };
  assignments: (Pair & {
    institutionName: string;
    occupationName: string;
    expertName: string;
    expertEmployer: string;
  })[];
  unstaffed: { applicationId: string; missing: number; reason: string; institutionName: string }[];
  withoutOutsideExpert: { applicationId: string; reason: string }[];
  loads: { expertId: string; name: string; load: number }[];
  stats: { min: number; max: number; mean: number };
  conflictsAvoided: number;
};

export type SheetStatus = "notStarted" | "draft" | "submitted";

export type ProgressAssignment = {
  id: string;
  applicationId: string;
  expertName: string;
  institutionName: string;
  occupationName: string;
  status: SheetStatus;
  overdue: boolean;
};

export type Progress = {
  round: ReviewRound;
  experts: { expertId: string; name: string; assigned: number; submitted: number; overdue: number }[];
  assignments: ProgressAssignment[];
};

export type RankedApplication = {
  applicationId: string;
  institutionName: string;
  kind: KindCode;
  occupation: OccupationCode;
  regionCode: string | null;
  regionName: string | null;
  levels: string[];
  status: string;
  decision: "approved" | "rejected" | null;
  basis: string | null;
  expertsAssigned: number;
  aggregate: ScoreAggregate;
  total: number;
  rank: number;
  withinQuota: boolean;
  tiedAtQuotaLine: boolean;
};

export type RankingGroup = {
  kind: KindCode;
  occupation: OccupationCode;
  regionCode: string | null;
  quota: number;
  items: RankedApplication[];
};

export type Ranking = {
  scoresOpened: boolean;
  dispersionThreshold: number;
  groups: RankingGroup[];
  pending: number;
};

/** The result of an automatic assignment job: the preview, and how many pairs it saved (if asked). */
export type AutoAssignResult = Preview & { applied: number | null };

/**
 * An application in (or waiting for) expert review, with its experts and the experts who must
 * not review it (GET /api/review/:batchId/candidates; id is the application's).
 */
export type Candidate = {
  id: string;
  institutionName: string;
  occupation: OccupationCode;
  occupationName: string;
  status: string;
  experts: { assignmentId: string; expertId: string; name: string }[];
  conflicts: { expertId: string; name: string; conflicts: Conflict[] }[];
};
