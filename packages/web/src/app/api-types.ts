import type { BatchDefinition, SessionUser } from "@linxuan/domain";

export type {
  AuditEvent,
  BatchPhase,
  BatchStatus,
  BlankForm,
  CalendarDay,
  CalendarOverrideRow as CalendarOverride,
  CalendarYearView as CalendarYear,
  PublicBatch,
  PublicBatchSummary,
  StaffBatch,
  StaffBatchSummary,
} from "@linxuan/domain";

/** Shapes of the HTTP API: the domain's contracts (packages/domain/src/contracts), re-exported. */

// Taken from the batch schema so that these stay the string unions whatever the reference module names.
export type KindCode = BatchDefinition["kinds"][number];
export type LevelCode = BatchDefinition["levels"][number];
export type OccupationCode = BatchDefinition["occupations"][number];

export type User = SessionUser;

export type Page<T> = { items: T[]; total: number };
