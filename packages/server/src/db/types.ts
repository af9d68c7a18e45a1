import type { Generated } from "kysely";

/**
 * Table types. Times are ISO-8601 UTC strings (`2026-11-23T02:36:53.000Z`) in text columns and
 * booleans are 0/1 integers, so that SQLite and PostgreSQL read and compare them the same way.
 */
export type Database = {
  users: UsersTable;
  institutions: InstitutionsTable;
  sessions: SessionsTable;
  batches: BatchesTable;
  auditEvents: AuditEventsTable;
  auditHead: AuditHeadTable;
  calendarOverrides: CalendarOverridesTable;
  calendarYears: CalendarYearsTable;
  applications: ApplicationsTable;
  applicationVersions: ApplicationVersionsTable;
  attachments: AttachmentsTable;
  institutionBars: InstitutionBarsTable;
  recommendations: RecommendationsTable;
  quotaCounters: QuotaCountersTable;
  recommendationClosures: RecommendationClosuresTable;
  paperReceipts: PaperReceiptsTable;
  experts: ExpertsTable;
  reviewRounds: ReviewRoundsTable;
  reviewAssignments: ReviewAssignmentsTable;
  conflictRecords: ConflictRecordsTable;
  scoreSheets: ScoreSheetsTable;
  scoreHistory: ScoreHistoryTable;
  decisions: DecisionsTable;
  publicNotices: PublicNoticesTable;
  publicNoticeItems: PublicNoticeItemsTable;
  objections: ObjectionsTable;
  catalogEntries: CatalogEntriesTable;
  catalogEntryVersions: CatalogEntryVersionsTable;
  complaints: ComplaintsTable;
  assessments: AssessmentsTable;
  contactRequests: ContactRequestsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  notificationPreferences: NotificationPreferencesTable;
  outboundEmails: OutboundEmailsTable;
  reminderKeys: ReminderKeysTable;
  rateLimitCounters: RateLimitCountersTable;
  loginThrottles: LoginThrottlesTable;
  captchas: CaptchasTable;
  dataKey: DataKeyTable;
};

/** One rate-limit window's request count for a route and client address. */
export type RateLimitCountersTable = {
  key: string;
  windowStartedMs: number | string;
  count: number;
};

/**
 * Login failure counters, shared by all instances. `pair`: one username from one address (ip and
 * username set); `account`: one username from any address (ip ''); `address`: any username from
 * one address (username ''). Failures count within an hour from `windowStartedAt`.
 */
export type LoginThrottlesTable = {
  scope: string;
  username: string;
  ip: string;
  failures: number;
  windowStartedAt: string;
  lastAttemptAt: string;
  /** pair: no attempt from this address on this account before this instant. */
  blockedUntil: string | null;
  /** account: too many failures from everywhere; only the administrator's unlock lifts it. */
  lockedAt: string | null;
};

/** A graphical captcha's answer (SHA-256 with its id), single use, expiring after a few minutes. */
export type CaptchasTable = {
  id: string;
  answerHash: string;
  createdAt: string;
  expiresAt: string;
};

/** One row (id 1): the fingerprint of the key that seals personal data, never the key itself. */
export type DataKeyTable = {
  id: number;
  fingerprint: string;
  recordedAt: string;
};

/** E-mail to an address without an account (objector, complainant). */
export type OutboundEmailsTable = {
  id: string;
  event: string;
  emailTo: string;
  title: string;
  body: string;
  link: string | null;
  /** pending | sent | skipped */
  status: string;
  createdAt: string;
  sentAt: string | null;
};

/** One row per reminder already sent (e.g. "expiring:90:<entry>"). */
export type ReminderKeysTable = {
  key: string;
  createdAt: string;
};

export type JobsTable = {
  id: string;
  type: string;
  payload: string;
  /** queued | running | done | failed */
  status: string;
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  lockedBy: string | null;
  /** The lease: past it, a running job is taken as crashed and claimed again. */
  lockedUntil: string | null;
  progress: number;
  progressNote: string | null;
  result: string | null;
  lastError: string | null;
  createdAt: string;
  createdBy: string | null;
  finishedAt: string | null;
};

export type NotificationsTable = {
  id: string;
  userId: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
  /** none | pending | sent | failed | skipped */
  emailStatus: string;
  emailTo: string | null;
  emailSentAt: string | null;
};

export type NotificationPreferencesTable = {
  userId: string;
  event: string;
  inApp: number;
  email: number;
};

export type AssessmentsTable = {
  id: string;
  cycleName: string;
  entryId: string;
  dueAt: string;
  /** open | submitted | passed | failed */
  status: string;
  report: string | null;
  submittedAt: string | null;
  resultNote: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
  createdBy: string;
};

export type ContactRequestsTable = {
  id: string;
  entryId: string;
  contactName: string;
  contactPhoneEnc: string;
  contactEmail: string;
  reason: string;
  /** pending | approved | rejected */
  status: string;
  decisionNote: string | null;
  createdAt: string;
  createdBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
};

export type PublicNoticesTable = {
  id: string;
  batchId: string;
  title: string;
  kind: string | null;
  regionCode: string | null;
  startsAt: string;
  /** 24:00 Asia/Shanghai of the last working day, as a UTC instant. */
  endsAt: string;
  lastDay: string;
  workdays: number;
  confirmedAt: string | null;
  createdAt: string;
  createdBy: string;
};

export type PublicNoticeItemsTable = {
  id: string;
  noticeId: string;
  applicationId: string;
  institutionName: string;
  creditCode: string;
  kind: string;
  occupation: string;
  levels: string;
  regionCode: string | null;
  /** listed | removed */
  status: string;
  removedReason: string | null;
};

export type ObjectionsTable = {
  id: string;
  ackNumber: string;
  noticeId: string;
  itemId: string;
  objectorName: string;
  objectorOrg: string;
  phoneEnc: string;
  email: string;
  content: string;
  evidence: string;
  /** received | accepted | dismissed | upheld */
  status: string;
  handlingNote: string | null;
  createdAt: string;
  ip: string | null;
  handledAt: string | null;
  handledBy: string | null;
};

export type CatalogEntriesTable = {
  id: string;
  institutionId: string;
  applicationId: string;
  batchId: string;
  institutionName: string;
  creditCode: string;
  kind: string;
  occupation: string;
  levels: string;
  regionCode: string | null;
  approvedAt: string;
  validUntil: string;
  suspended: number;
  removed: number;
  contactName: string | null;
  contactPhoneEnc: string | null;
  contactEmail: string | null;
  version: number;
  updatedAt: string;
};

export type CatalogEntryVersionsTable = {
  id: string;
  entryId: string;
  version: number;
  change: string;
  reason: string;
  snapshot: string;
  changedAt: string;
  changedBy: string;
};

export type ComplaintsTable = {
  id: string;
  ackNumber: string;
  entryId: string;
  category: string;
  complainantName: string;
  phoneEnc: string;
  email: string | null;
  content: string;
  evidence: string;
  status: string;
  outcome: string | null;
  outcomeNote: string | null;
  createdAt: string;
  ip: string | null;
  handledAt: string | null;
  handledBy: string | null;
};

export type ExpertsTable = {
  id: string;
  userId: string;
  name: string;
  employer: string;
  employerCreditCode: string | null;
  title: string;
  /** JSON array of occupation codes. */
  occupations: string;
  regionCode: string;
  phoneEnc: string | null;
  email: string | null;
  active: number;
  createdAt: string;
  updatedAt: string;
};

export type ReviewRoundsTable = {
  batchId: string;
  perApplication: number;
  maxLoad: number;
  crossRegion: number;
  requireOutsideRegion: number;
  dispersionThreshold: number;
  dueAt: string | null;
  closesAt: string | null;
  /** JSON { training?: Rubric, evaluation?: Rubric }. */
  rubrics: string;
  scoresOpenedAt: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};

export type ReviewAssignmentsTable = {
  id: string;
  batchId: string;
  applicationId: string;
  expertId: string;
  source: string;
  assignedAt: string;
  assignedBy: string;
  removedAt: string | null;
  removedReason: string | null;
};

export type ConflictRecordsTable = {
  id: string;
  expertId: string;
  applicationId: string;
  /** declare (by the expert) | pin | clear (by the office) */
  action: string;
  conflictType: string;
  reason: string;
  createdAt: string;
  createdBy: string;
};

export type ScoreSheetsTable = {
  assignmentId: string;
  scores: string;
  rationales: string;
  overall: string;
  total: number | null;
  status: string;
  revision: number;
  savedAt: string;
  submittedAt: string | null;
  reopenedReason: string | null;
};

export type ScoreHistoryTable = {
  id: string;
  assignmentId: string;
  scores: string;
  rationales: string;
  overall: string;
  total: number;
  submittedAt: string;
};

export type DecisionsTable = {
  applicationId: string;
  batchId: string;
  decision: string;
  basis: string;
  total: number | null;
  decidedAt: string;
  decidedBy: string;
};

export type RecommendationsTable = {
  applicationId: string;
  batchId: string;
  unitType: string;
  unitValue: string;
  kind: string;
  occupation: string;
  /** recommended | declined */
  decision: string;
  /** 推荐理由 or 不予推荐理由. */
  reason: string;
  rank: number | null;
  decidedAt: string;
  decidedBy: string;
};

export type QuotaCountersTable = {
  id: string;
  batchId: string;
  unitType: string;
  unitValue: string;
  kind: string;
  occupation: string;
  used: number;
  quota: number;
};

export type RecommendationClosuresTable = {
  id: string;
  batchId: string;
  unitType: string;
  unitValue: string;
  unitName: string;
  leaderName: string;
  contactName: string;
  contactPhoneEnc: string;
  closedAt: string;
  closedBy: string;
};

export type PaperReceiptsTable = {
  applicationId: string;
  copies: number;
  receivedOn: string;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
};

export type ApplicationsTable = {
  id: string;
  batchId: string;
  institutionId: string;
  kind: string;
  occupation: string;
  /** JSON array of level codes. */
  levels: string;
  templateId: string;
  templateVersion: number;
  applicantCategory: string | null;
  status: string;
  /** JSON FormValues with ID and phone numbers sealed (AES-256-GCM). */
  draftValues: string;
  draftRevision: number;
  draftSavedAt: string;
  draftSavedBy: string | null;
  commitmentAccepted: number;
  /** JSON EligibilityResult of the draft, refreshed on every save. */
  eligibility: string | null;
  recommenderType: string | null;
  recommenderValue: string | null;
  versionCount: number;
  returnReason: string | null;
  returnReplyBy: string | null;
  /** JSON [{ path, label, message }]: the per-field comments of the last return. */
  returnComments: string | null;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ApplicationVersionsTable = {
  id: string;
  applicationId: string;
  number: number;
  levels: string;
  formValues: string;
  eligibility: string;
  attachments: string;
  applicantCategory: string | null;
  submittedAt: string;
  submittedBy: string;
  note: string | null;
  contentHash: string;
};

export type AttachmentsTable = {
  id: string;
  applicationId: string;
  code: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
  removedAt: string | null;
};

export type InstitutionBarsTable = {
  id: string;
  institutionId: string;
  kind: string;
  reason: string;
  startsAt: string;
  until: string;
  createdAt: string;
};

export type UsersTable = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regionCode: string | null;
  industryScope: string | null;
  institutionId: string | null;
  passwordHash: string;
  status: string;
  mustChangePassword: number;
  phoneEnc: string | null;
  email: string | null;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
};

export type InstitutionsTable = {
  id: string;
  creditCode: string;
  name: string;
  contactName: string;
  phoneEnc: string | null;
  email: string;
  regionCode: string | null;
  creditCodeWarningConfirmed: number;
  createdAt: string;
  updatedAt: string;
};

export type SessionsTable = {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
};

export type BatchesTable = {
  id: string;
  code: string;
  status: string;
  builtIn: number;
  isDemo: number;
  version: number;
  scopeLevel: string;
  regionCode: string | null;
  onlineDeadline: string;
  publishedOn: string;
  definition: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  createdBy: string | null;
};

export type AuditEventsTable = {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  command: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  summary: string;
  detail: string | null;
  /** The request that wrote the event (`X-Request-Id`), `job:<id>` for a job, null otherwise. */
  requestId: string | null;
  prevHash: string;
  hash: string;
};

export type AuditHeadTable = {
  id: number;
  seq: number;
  hash: string;
};

export type CalendarOverridesTable = {
  date: string;
  kind: string;
  name: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

export type CalendarYearsTable = {
  year: number;
  complete: number;
  updatedAt: string;
  updatedBy: string | null;
  /** The lunar festival dates the declaration was checked against (JSON), or null. */
  festivals: string | null;
};

export type Dialect = "sqlite" | "postgres";
export type Row<T extends keyof Database> = {
  [K in keyof Database[T]]: Database[T][K] extends Generated<infer U> ? U : Database[T][K];
};
