import type { BatchScope, CalendarOverride, Recommender } from "@linxuan/domain";

/**
 * The enumerated values stored in text columns that have no type in `@linxuan/domain`. The
 * generated row types (`generated.ts`) name these unions for their columns, so a query that writes
 * or compares a value outside them fails to compile. Values shared with the browser or the workflow
 * rules (application status, kind, occupation, role…) come from the domain instead.
 */

/** `batches.scope_level`. */
export type BatchScopeLevel = BatchScope["level"];

/** `calendar_overrides.kind`. */
export type CalendarOverrideKind = CalendarOverride["kind"];

/** `applications.recommender_type` and the recommender's type in the recommendation tables. */
export type RecommenderType = Recommender["type"];

/** `quota_counters.scope_type`: a recommender's quota, or the decision's own (`decision`). */
export type QuotaScopeType = RecommenderType | "decision";

/** A bigint column (`rate_limit_counters.window_started_ms`): better-sqlite3 reads a number, pg a string. */
export type BigintValue = number | string;

/** `batches.status`: a draft is edited by the office; a published batch is open to applicants. */
export type BatchStatus = "draft" | "published";

/** `users.status`: a disabled account cannot sign in and has no sessions. */
export type UserStatus = "active" | "disabled";

/** `login_throttles.scope` — pair: one username from one address · account: one username from anywhere · address: one address. */
export type LoginThrottleScope = "pair" | "account" | "address";

/** `jobs.status`, in the order the monitor lists them. */
export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** `notifications.email_status`: `none` when the user takes no e-mail for the event. */
export type EmailStatus = "none" | "pending" | "sent" | "failed" | "skipped";

/** `outbound_emails.status`: e-mail to an address without an account is always wanted. */
export type OutboundEmailStatus = Exclude<EmailStatus, "none">;

/** `recommendations.decision`: a recommender recommends or declines (审定 is `decisions`). */
export type RecommendationChoice = "recommended" | "declined";

/** `decisions.decision`: 审定 通过 / 不通过. */
export type DecisionResult = "approved" | "rejected";

/** `review_assignments.source`: balanced by the platform, chosen by hand, imported from a table, or 随机抽取. */
export type ReviewAssignmentSource = "auto" | "manual" | "csv" | "random";

/** `conflict_records.action`: declared by the expert, pinned or cleared by the office. */
export type ConflictRecordAction = "declare" | "pin" | "clear";

/** `score_sheets.status`. */
export type ScoreSheetStatus = "draft" | "submitted";

/** `public_notice_items.status`: an item removed from a public notice is not listed. */
export type PublicNoticeItemStatus = "listed" | "removed";

/** `objections.status`. */
export type ObjectionStatus = "received" | "investigating" | "dismissed" | "upheld";

/** `complaints.status`. */
export type ComplaintStatus = "received" | "investigating" | "closed";

/** `complaints.category`. */
export type ComplaintCategory = "illegalTraining" | "overcharging" | "fraud" | "other";

/** `complaints.outcome`, set when a complaint is closed. */
export type ComplaintOutcome = "dismissed" | "warning" | "suspension" | "removal";

/** `assessments.status`. */
export type AssessmentStatus = "open" | "submitted" | "passed" | "failed";

/** `contact_requests.status`. */
export type ContactRequestStatus = "pending" | "approved" | "rejected";
