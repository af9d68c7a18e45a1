import { type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { Db } from "./connection";
import * as foundation from "./migrations/2026-11-23-foundation";
import * as applications from "./migrations/2026-11-24-applications";
import * as recommendations from "./migrations/2026-11-25-recommendations";
import * as expertReview from "./migrations/2026-11-26-expert-review";
import * as noticeCatalog from "./migrations/2026-11-27-notice-catalog";
import * as jobsNotifications from "./migrations/2026-11-28-jobs-notifications";
import * as outboundReminders from "./migrations/2026-11-29-outbound-reminders";
import * as calendarYears from "./migrations/2026-12-07-calendar-years";
import * as catalogState from "./migrations/2026-12-07-catalog-state";
import * as dataKey from "./migrations/2026-12-07-data-key";
import * as loginThrottle from "./migrations/2026-12-07-login-throttle";
import * as rateLimits from "./migrations/2026-12-07-rate-limits";
import * as requestIds from "./migrations/2026-12-07-request-ids";
import * as objectionInvestigating from "./migrations/2026-12-07-status-objection-investigating";
import * as formalChecks from "./migrations/2026-12-08-formal-checks";
import * as institutionRegion from "./migrations/2026-12-08-institution-region";
import * as latePaper from "./migrations/2026-12-08-late-paper";
import * as recommenderColumns from "./migrations/2026-12-08-recommender-columns";
import * as applicationNumbers from "./migrations/2026-12-09-application-numbers";
import * as noticeOfficialForm from "./migrations/2026-12-09-notice-official-form";
import * as recommendationChecks from "./migrations/2026-12-09-recommendation-checks";
import * as reviewDraws from "./migrations/2026-12-09-review-draws";
import * as reviewPledges from "./migrations/2026-12-09-review-pledges";
import * as setQuotas from "./migrations/2026-12-09-set-quotas";
import * as siteVisits from "./migrations/2026-12-09-site-visits";
import * as batchNoticeKeys from "./migrations/2026-12-10-batch-notice-keys";
import * as publicNoticeNames from "./migrations/2026-12-10-public-notice-names";
import * as auditHeadPrevHash from "./migrations/2026-12-11-audit-head-prev-hash";
import * as reviewAssignmentsBatch from "./migrations/2026-12-11-review-assignments-batch";
import type { Dialect } from "./types";

/** Migrations are listed explicitly (no directory scan) so bundling and tsx both work. */
const migrations: Record<string, Migration> = {
  "2026-11-23-foundation": foundation,
  "2026-11-24-applications": applications,
  "2026-11-25-recommendations": recommendations,
  "2026-11-26-expert-review": expertReview,
  "2026-11-27-notice-catalog": noticeCatalog,
  "2026-11-28-jobs-notifications": jobsNotifications,
  "2026-11-29-outbound-reminders": outboundReminders,
  "2026-12-07-calendar-years": calendarYears,
  "2026-12-07-catalog-state": catalogState,
  "2026-12-07-data-key": dataKey,
  "2026-12-07-login-throttle": loginThrottle,
  "2026-12-07-rate-limits": rateLimits,
  "2026-12-07-request-ids": requestIds,
  "2026-12-07-status-objection-investigating": objectionInvestigating,
  "2026-12-08-formal-checks": formalChecks,
  "2026-12-08-institution-region": institutionRegion,
  "2026-12-08-late-paper": latePaper,
  "2026-12-08-recommender-columns": recommenderColumns,
  "2026-12-09-application-numbers": applicationNumbers,
  "2026-12-09-review-draws": reviewDraws,
  "2026-12-09-review-pledges": reviewPledges,
  "2026-12-09-notice-official-form": noticeOfficialForm,
  "2026-12-09-set-quotas": setQuotas,
  "2026-12-09-site-visits": siteVisits,
  "2026-12-09-recommendation-checks": recommendationChecks,
  "2026-12-10-batch-notice-keys": batchNoticeKeys,
  "2026-12-10-public-notice-names": publicNoticeNames,
  "2026-12-11-audit-head-prev-hash": auditHeadPrevHash,
  "2026-12-11-review-assignments-batch": reviewAssignmentsBatch,
};

/** The migrations this code knows, in order: the schema version a backup records and a restore checks. */
export const migrationNames: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, dialect: Dialect): Promise<string[]> {
  // On PostgreSQL name the schema explicitly: Kysely's existence check for its own tables looks
  // across all schemas, so another schema's migration tables would otherwise be taken for ours.
  const schema =
    dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    ...(schema ? { migrationTableSchema: schema } : {}),
    db,
    provider,
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely's existence check reads every schema's columns, asking has_schema_privilege of each: a
  // schema another platform drops meanwhile (test contexts share one database) fails that read
  // before anything was migrated. Nothing was written, so trying again is safe.
  for (let attempt = 1; attempt <= 3 && isOtherSchemaVanished(error, schema); attempt++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ""}：${String(error)}`);
  }
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}

function isOtherSchemaVanished(error: unknown, ours: string | undefined): boolean {
  const match = /schema "([^"]+)" does not exist/.exec(String(error));
  return Boolean(match && match[1] !== ours);
}
