/**
 * Generated from the migrations by `npm run db:types --workspace @linxuan/server`: do not edit.
 * `npm run check` fails when this file differs from what the migrations give.
 * Column unions: `columnTypes` in type-generation.ts. Use the types through `./types`.
 */

import type {
  ApplicantCategory,
  ApplicationStatus,
  CentralAffiliation,
  ConflictType,
  KindCode,
  LatePaperDecision,
  OccupationCode,
  RecommendationCheckOutcome,
  RegionSource,
  Role,
  SiteVisitConclusion,
  SiteVisitState,
} from "@linxuan/domain";
import type { ColumnType } from "kysely";
import type {
  AssessmentStatus,
  BatchScopeLevel,
  BatchStatus,
  BigintValue,
  CalendarOverrideKind,
  ComplaintCategory,
  ComplaintOutcome,
  ComplaintStatus,
  ConflictRecordAction,
  ContactRequestStatus,
  DecisionResult,
  EmailStatus,
  JobStatus,
  LoginThrottleScope,
  ObjectionStatus,
  OutboundEmailStatus,
  PublicNoticeItemStatus,
  QuotaScopeType,
  RecommendationChoice,
  RecommenderType,
  ReviewAssignmentSource,
  ScoreSheetStatus,
  UserStatus,
} from "./stored-values";

export type Generated<T> =
  T extends ColumnType<infer S, infer I, infer U>
    ? ColumnType<S, I | undefined, U>
    : ColumnType<T, T | undefined, T>;

export interface ApplicationNumberSerials {
  kind: KindCode;
  lastSerial: number;
  year: number;
}

export interface Applications {
  applicantCategory: ApplicantCategory | null;
  batchId: string;
  commitmentAccepted: Generated<number>;
  createdAt: string;
  draftRevision: number;
  draftSavedAt: string;
  draftSavedBy: string | null;
  draftValues: string;
  eligibility: string | null;
  firstSubmittedAt: string | null;
  id: string;
  institutionId: string;
  kind: KindCode;
  lastSubmittedAt: string | null;
  levels: string;
  number: string | null;
  occupation: OccupationCode;
  recommenderType: RecommenderType | null;
  recommenderValue: string | null;
  returnComments: string | null;
  returnReason: string | null;
  returnReplyBy: string | null;
  status: ApplicationStatus;
  templateId: string;
  templateVersion: number;
  updatedAt: string;
  versionCount: Generated<number>;
}

export interface ApplicationVersions {
  applicantCategory: ApplicantCategory | null;
  applicationId: string;
  attachments: string;
  contentHash: string;
  eligibility: string;
  formValues: string;
  id: string;
  levels: string;
  note: string | null;
  number: number;
  submittedAt: string;
  submittedBy: string;
}

export interface Assessments {
  createdAt: string;
  createdBy: string;
  cycleName: string;
  decidedAt: string | null;
  decidedBy: string | null;
  dueAt: string;
  entryId: string;
  id: string;
  report: string | null;
  resultNote: string | null;
  status: AssessmentStatus;
  submittedAt: string | null;
}

export interface Attachments {
  applicationId: string;
  code: string;
  contentType: string;
  fileName: string;
  id: string;
  removedAt: string | null;
  sha256: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}

export interface AuditEvents {
  actorRole: string | null;
  actorUserId: string | null;
  actorUsername: string | null;
  at: string;
  command: string;
  detail: string | null;
  hash: string;
  ip: string | null;
  prevHash: string;
  requestId: string | null;
  seq: number;
  summary: string;
  targetId: string | null;
  targetType: string | null;
}

export interface AuditHead {
  hash: string;
  id: number;
  prevHash: string | null;
  seq: number;
}

export interface Batches {
  builtIn: Generated<number>;
  code: string;
  createdAt: string;
  createdBy: string | null;
  definition: string;
  id: string;
  isDemo: Generated<number>;
  onlineDeadline: string;
  publishedAt: string | null;
  publishedOn: string;
  regionCode: string | null;
  scopeLevel: BatchScopeLevel;
  status: BatchStatus;
  updatedAt: string;
  version: Generated<number>;
}

export interface CalendarOverrides {
  date: string;
  kind: CalendarOverrideKind;
  name: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CalendarYears {
  complete: number;
  festivals: string | null;
  updatedAt: string;
  updatedBy: string | null;
  year: number;
}

export interface Captchas {
  answerHash: string;
  createdAt: string;
  expiresAt: string;
  id: string;
}

export interface CatalogEntries {
  applicationId: string;
  approvedAt: string;
  batchId: string;
  contactEmail: string | null;
  contactName: string | null;
  contactPhoneEnc: string | null;
  creditCode: string;
  id: string;
  institutionId: string;
  institutionName: string;
  kind: KindCode;
  levels: string;
  listedAt: string | null;
  occupation: OccupationCode;
  regionCode: string | null;
  removed: number;
  suspended: number;
  updatedAt: string;
  validUntil: string;
  version: number;
}

export interface CatalogEntryVersions {
  change: string;
  changedAt: string;
  changedBy: string;
  entryId: string;
  id: string;
  reason: string;
  snapshot: string;
  version: number;
}

export interface CatalogState {
  changedAt: string;
  id: number;
  version: number;
}

export interface Complaints {
  ackNumber: string;
  category: ComplaintCategory;
  complainantName: string;
  content: string;
  createdAt: string;
  email: string | null;
  entryId: string;
  evidence: string;
  handledAt: string | null;
  handledBy: string | null;
  id: string;
  ip: string | null;
  outcome: ComplaintOutcome | null;
  outcomeNote: string | null;
  phoneEnc: string;
  status: ComplaintStatus;
}

export interface ConflictRecords {
  action: ConflictRecordAction;
  applicationId: string;
  conflictType: ConflictType;
  createdAt: string;
  createdBy: string;
  expertId: string;
  id: string;
  reason: string;
}

export interface ContactRequests {
  contactEmail: string;
  contactName: string;
  contactPhoneEnc: string;
  createdAt: string;
  createdBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  entryId: string;
  id: string;
  reason: string;
  status: ContactRequestStatus;
}

export interface DataKey {
  fingerprint: string;
  id: number;
  recordedAt: string;
}

export interface Decisions {
  applicationId: string;
  basis: string;
  batchId: string;
  decidedAt: string;
  decidedBy: string;
  decision: DecisionResult;
  shortfallReason: string | null;
  total: number | null;
}

export interface Experts {
  active: Generated<number>;
  createdAt: string;
  email: string | null;
  employer: string;
  employerCreditCode: string | null;
  id: string;
  name: string;
  occupations: string;
  phoneEnc: string | null;
  regionCode: string;
  title: string;
  updatedAt: string;
  userId: string;
}

export interface FormalChecks {
  applicationId: string;
  checkedAt: string;
  checkedBy: string;
  opinion: string | null;
}

export interface InstitutionBars {
  createdAt: string;
  id: string;
  institutionId: string;
  kind: KindCode;
  reason: string;
  startsAt: string;
  until: string;
}

export interface Institutions {
  centralAffiliation: CentralAffiliation | null;
  contactName: string;
  createdAt: string;
  creditCode: string;
  creditCodeWarningConfirmed: Generated<number>;
  email: string;
  id: string;
  name: string;
  phoneEnc: string | null;
  regionCode: string | null;
  regionSource: Generated<RegionSource>;
  updatedAt: string;
}

export interface Jobs {
  attempts: number;
  createdAt: string;
  createdBy: string | null;
  finishedAt: string | null;
  id: string;
  lastError: string | null;
  lockedBy: string | null;
  lockedUntil: string | null;
  maxAttempts: number;
  payload: string;
  progress: number;
  progressNote: string | null;
  result: string | null;
  runAfter: string;
  status: JobStatus;
  type: string;
}

export interface LoginThrottles {
  blockedUntil: string | null;
  failures: number;
  ip: string;
  lastAttemptAt: string;
  lockedAt: string | null;
  scope: LoginThrottleScope;
  username: string;
  windowStartedAt: string;
}

export interface NotificationPreferences {
  email: number;
  event: string;
  inApp: number;
  userId: string;
}

export interface Notifications {
  body: string;
  createdAt: string;
  emailSentAt: string | null;
  emailStatus: EmailStatus;
  emailTo: string | null;
  event: string;
  id: string;
  link: string | null;
  readAt: string | null;
  title: string;
  userId: string;
}

export interface Objections {
  ackNumber: string;
  content: string;
  createdAt: string;
  email: string;
  evidence: string;
  handledAt: string | null;
  handledBy: string | null;
  handlingNote: string | null;
  id: string;
  ip: string | null;
  itemId: string;
  objectorName: string;
  objectorOrg: string;
  phoneEnc: string;
  publicNoticeId: string;
  status: ObjectionStatus;
}

export interface OutboundEmails {
  body: string;
  createdAt: string;
  emailTo: string;
  event: string;
  id: string;
  link: string | null;
  sentAt: string | null;
  status: OutboundEmailStatus;
  title: string;
}

export interface PaperReceipts {
  applicationId: string;
  copies: number;
  lateDecision: LatePaperDecision | null;
  lateReason: string | null;
  note: string | null;
  receivedOn: string;
  recordedAt: string;
  recordedBy: string;
}

export interface PublicNoticeItems {
  applicationId: string;
  creditCode: string;
  id: string;
  institutionName: string;
  kind: KindCode;
  levels: string;
  occupation: OccupationCode;
  publicNoticeId: string;
  regionCode: string | null;
  removedReason: string | null;
  status: PublicNoticeItemStatus;
}

export interface PublicNotices {
  batchId: string;
  confirmedAt: string | null;
  contactAddress: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: string;
  createdBy: string;
  demoShortenedAt: string | null;
  endsAt: string;
  id: string;
  issuingBody: string | null;
  kind: KindCode | null;
  lastDay: string;
  regionCode: string | null;
  startsAt: string;
  title: string;
  workdays: number;
}

export interface QuotaCounters {
  batchId: string;
  id: string;
  kind: KindCode;
  occupation: OccupationCode;
  quota: number;
  scopeType: QuotaScopeType;
  scopeValue: string;
  used: number;
}

export interface QuotaSettings {
  areaKey: string;
  basis: string;
  batchId: string;
  kind: KindCode;
  quotaLimit: number;
  setAt: string;
  setBy: string;
}

export interface RateLimitCounters {
  count: number;
  key: string;
  windowStartedMs: BigintValue;
}

export interface RecommendationChecks {
  applicationId: string;
  batchId: string;
  checkedAt: string;
  checkedBy: string;
  outcome: RecommendationCheckOutcome;
  reason: string;
}

export interface RecommendationClosures {
  batchId: string;
  closedAt: string;
  closedBy: string;
  contactName: string;
  contactPhoneEnc: string;
  id: string;
  leaderName: string;
  recommenderName: string;
  recommenderType: RecommenderType;
  recommenderValue: string;
}

export interface Recommendations {
  applicationId: string;
  batchId: string;
  choice: RecommendationChoice;
  chosenAt: string;
  chosenBy: string;
  kind: KindCode;
  occupation: OccupationCode;
  rank: number | null;
  reason: string;
  recommenderType: RecommenderType;
  recommenderValue: string;
}

export interface ReminderKeys {
  createdAt: string;
  key: string;
}

export interface ReviewAssignments {
  applicationId: string;
  assignedAt: string;
  assignedBy: string;
  batchId: string;
  expertId: string;
  id: string;
  removedAt: string | null;
  removedReason: string | null;
  source: ReviewAssignmentSource;
}

export interface ReviewDraws {
  batchId: string;
  drawnAt: string;
  drawnBy: string;
  id: string;
  perApplication: number;
  result: string;
  seed: string;
}

export interface ReviewPledges {
  acceptedAt: string;
  acceptedBy: string;
  batchId: string;
  expertId: string;
  pledgeVersion: string;
}

export interface ReviewRounds {
  batchId: string;
  closesAt: string | null;
  crossRegion: number;
  dispersionThreshold: number;
  dueAt: string | null;
  maxLoad: number;
  perApplication: number;
  requireOutsideRegion: number;
  rubrics: string;
  scoresOpenedAt: string | null;
  trainingExpertScoring: Generated<number>;
  updatedAt: string;
  updatedBy: string | null;
  version: number;
}

export interface ScoreHistory {
  assignmentId: string;
  id: string;
  overall: string;
  rationales: string;
  scores: string;
  submittedAt: string;
  total: number;
}

export interface ScoreSheets {
  assignmentId: string;
  overall: string;
  rationales: string;
  reopenedReason: string | null;
  revision: number;
  savedAt: string;
  scores: string;
  status: ScoreSheetStatus;
  submittedAt: string | null;
  total: number | null;
}

export interface Sessions {
  createdAt: string;
  expiresAt: string;
  id: string;
  ip: string | null;
  lastSeenAt: string;
  userAgent: string | null;
  userId: string;
}

export interface SiteVisitAttachments {
  contentType: string;
  fileName: string;
  id: string;
  sha256: string;
  siteVisitId: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}

export interface SiteVisits {
  applicationId: string;
  batchId: string;
  concludedAt: string | null;
  concludedBy: string | null;
  conclusion: SiteVisitConclusion | null;
  conclusionText: string | null;
  findings: string | null;
  id: string;
  plan: string;
  plannedAt: string;
  plannedBy: string;
  recordedAt: string | null;
  recordedBy: string | null;
  state: SiteVisitState;
  team: string;
  visitDate: string;
}

export interface Users {
  createdAt: string;
  displayName: string;
  email: string | null;
  id: string;
  industryScope: string | null;
  institutionId: string | null;
  lastLoginAt: string | null;
  mustChangePassword: Generated<number>;
  passwordHash: string;
  phoneEnc: string | null;
  regionCode: string | null;
  role: Role;
  status: Generated<UserStatus>;
  updatedAt: string;
  username: string;
}

export interface DB {
  applicationNumberSerials: ApplicationNumberSerials;
  applications: Applications;
  applicationVersions: ApplicationVersions;
  assessments: Assessments;
  attachments: Attachments;
  auditEvents: AuditEvents;
  auditHead: AuditHead;
  batches: Batches;
  calendarOverrides: CalendarOverrides;
  calendarYears: CalendarYears;
  captchas: Captchas;
  catalogEntries: CatalogEntries;
  catalogEntryVersions: CatalogEntryVersions;
  catalogState: CatalogState;
  complaints: Complaints;
  conflictRecords: ConflictRecords;
  contactRequests: ContactRequests;
  dataKey: DataKey;
  decisions: Decisions;
  experts: Experts;
  formalChecks: FormalChecks;
  institutionBars: InstitutionBars;
  institutions: Institutions;
  jobs: Jobs;
  loginThrottles: LoginThrottles;
  notificationPreferences: NotificationPreferences;
  notifications: Notifications;
  objections: Objections;
  outboundEmails: OutboundEmails;
  paperReceipts: PaperReceipts;
  publicNoticeItems: PublicNoticeItems;
  publicNotices: PublicNotices;
  quotaCounters: QuotaCounters;
  quotaSettings: QuotaSettings;
  rateLimitCounters: RateLimitCounters;
  recommendationChecks: RecommendationChecks;
  recommendationClosures: RecommendationClosures;
  recommendations: Recommendations;
  reminderKeys: ReminderKeys;
  reviewAssignments: ReviewAssignments;
  reviewDraws: ReviewDraws;
  reviewPledges: ReviewPledges;
  reviewRounds: ReviewRounds;
  scoreHistory: ScoreHistory;
  scoreSheets: ScoreSheets;
  sessions: Sessions;
  siteVisitAttachments: SiteVisitAttachments;
  siteVisits: SiteVisits;
  users: Users;
}
