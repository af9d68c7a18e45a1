import type { BatchDefinition, Role } from "@linxuan/domain";

/** Shapes of the HTTP API as the server engineer publishes them (see the foundation issue). */

// Taken from the batch schema so that these stay the string unions whatever the reference module names.
export type KindCode = BatchDefinition["kinds"][number];
export type LevelCode = BatchDefinition["levels"][number];
export type OccupationCode = BatchDefinition["occupations"][number];

export type User = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  regionCode: string | null;
  regionName: string | null;
  industryScope: string | null;
  institution: { id: string; name: string; creditCode: string } | null;
  mustChangePassword: boolean;
};

export type AdminUser = User & {
  status: "active" | "disabled";
  /** Locked after too many failed logins from everywhere; only 解锁 lifts it. */
  lockedAt: string | null;
  /** Addresses that must wait before trying this account again. */
  waitingAddresses: number;
  lastLoginAt: string | null;
  createdAt: string;
  phone: string | null;
  email: string | null;
};

export type BatchPhase = "open" | "closed";

export type PublicBatchSummary = {
  id: string;
  code: string;
  title: string;
  shortTitle: string;
  documentNumber: string | null;
  issuingBody: string;
  publishedOn: string;
  scope: BatchDefinition["scope"];
  kinds: KindCode[];
  catalogPublisher: BatchDefinition["catalogPublisher"];
  onlineDeadline: string;
  isDemo: boolean;
  phase: BatchPhase;
};

export type BlankForm = { kind: KindCode; title: string; pdfUrl: string; docxUrl: string };

export type PublicBatch = PublicBatchSummary & { definition: BatchDefinition; forms: BlankForm[] };

export type BatchStatus = "draft" | "published" | "archived";

export type StaffBatchSummary = PublicBatchSummary & {
  status: BatchStatus;
  builtIn: boolean;
  version: number;
  updatedAt: string;
};

export type StaffBatch = {
  id: string;
  status: BatchStatus;
  version: number;
  builtIn: boolean;
  isDemo: boolean;
  definition: BatchDefinition;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
};

export type CalendarDay = {
  date: string;
  kind: "holiday" | "adjustedWorkday";
  name: string | null;
  source: "package" | "override";
};

export type CalendarOverride = {
  date: string;
  kind: "workday" | "holiday";
  name: string | null;
  updatedAt: string;
  updatedBy: string;
};

export type CalendarYear = {
  year: number;
  known: boolean;
  source: "package" | "override" | "none";
  days: CalendarDay[];
  overrides: CalendarOverride[];
  yearDeclared: boolean;
  /**
   * Whether the year gives every statutory holiday off (《全国年节及纪念日放假办法》, from 2025):
   * a year is declared complete only then. Null for years before 2025.
   */
  statutory: {
    complete: boolean;
    /** "2028年缺少法定节假日：劳动节（5月2日）", or why the year cannot be checked. */
    problem: string | null;
    /** The lunar festival dates it was checked against. */
    festivals: { name: string; date: string }[] | null;
  } | null;
};

export type AuditEvent = {
  id: string;
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  command: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  /** The request that wrote the event (`X-Request-Id`), `job:<id>` for a background job. */
  requestId: string | null;
  summary: string;
};

export type Page<T> = { items: T[]; total: number };
