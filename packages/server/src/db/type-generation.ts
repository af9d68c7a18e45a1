import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from "kysely";
import {
  SqliteDialect as CodegenSqliteDialect,
  type DatabaseMetadata,
  type ExpressionNode,
  GenericExpressionNode,
  IdentifierNode,
  serializeFromMetadata,
} from "kysely-codegen";
import { migrateToLatest } from "./migrate";
import type { Database } from "./types";

/*
 * Row types generated from the schema: the migrations are run on a fresh in-memory SQLite database,
 * kysely-codegen reads its tables, and the result is `generated.ts`. `npm run check` regenerates it
 * and fails when the committed file differs, so a migration cannot land without its types.
 *
 * SQLite is read (no server needed for the check) but the same types serve PostgreSQL, so what
 * SQLite alone allows is narrowed to what both databases store: a primary key is never null (SQLite
 * tolerates NULL in a non-integer key, PostgreSQL does not) and is always given by the code (an
 * integer key is a rowid alias on SQLite only). Booleans stay 0/1 integers and times ISO-8601
 * text, as the code reads them on both.
 */

/** The command that writes `generated.ts`; its first lines name it. */
export const generateCommand = "npm run db:types --workspace @linxuan/server";

const serverRoot = path.resolve(import.meta.dirname, "../..");
const repoRoot = path.resolve(serverRoot, "../..");
export const generatedTypesPath = path.join(serverRoot, "src/db/generated.ts");

/** Types named by the overrides, and where they come from. */
const customImports: Record<string, string> = {
  ApplicantCategory: "@linxuan/domain",
  ApplicationStatus: "@linxuan/domain",
  CentralAffiliation: "@linxuan/domain",
  ConflictType: "@linxuan/domain",
  KindCode: "@linxuan/domain",
  LatePaperDecision: "@linxuan/domain",
  OccupationCode: "@linxuan/domain",
  RecommendationCheckOutcome: "@linxuan/domain",
  RegionSource: "@linxuan/domain",
  SiteVisitConclusion: "@linxuan/domain",
  SiteVisitState: "@linxuan/domain",
  Role: "@linxuan/domain",
  AssessmentStatus: "./stored-values",
  BigintValue: "./stored-values",
  BatchScopeLevel: "./stored-values",
  BatchStatus: "./stored-values",
  CalendarOverrideKind: "./stored-values",
  ComplaintCategory: "./stored-values",
  ComplaintOutcome: "./stored-values",
  ComplaintStatus: "./stored-values",
  ConflictRecordAction: "./stored-values",
  ContactRequestStatus: "./stored-values",
  DecisionResult: "./stored-values",
  EmailStatus: "./stored-values",
  JobStatus: "./stored-values",
  LoginThrottleScope: "./stored-values",
  ObjectionStatus: "./stored-values",
  OutboundEmailStatus: "./stored-values",
  PublicNoticeItemStatus: "./stored-values",
  QuotaScopeType: "./stored-values",
  RecommendationChoice: "./stored-values",
  RecommenderType: "./stored-values",
  ReviewAssignmentSource: "./stored-values",
  ScoreSheetStatus: "./stored-values",
  UserStatus: "./stored-values",
};

/**
 * Every column holding an enumerated value, keyed `table.column` as in the migrations, with the
 * named union it holds (imported through `customImports`). Nullability and defaults are added from
 * the schema. Names only: kysely-codegen parses a type expression with the TypeScript compiler API,
 * which the repository's TypeScript 7 does not offer.
 */
export const columnTypes: Record<string, string> = {
  "applications.applicant_category": "ApplicantCategory",
  "applications.kind": "KindCode",
  "application_number_serials.kind": "KindCode",
  "applications.occupation": "OccupationCode",
  "applications.recommender_type": "RecommenderType",
  "applications.status": "ApplicationStatus",
  "application_versions.applicant_category": "ApplicantCategory",
  "assessments.status": "AssessmentStatus",
  "batches.scope_level": "BatchScopeLevel",
  "recommendation_checks.outcome": "RecommendationCheckOutcome",
  "site_visits.conclusion": "SiteVisitConclusion",
  "site_visits.state": "SiteVisitState",
  "batches.status": "BatchStatus",
  "calendar_overrides.kind": "CalendarOverrideKind",
  "catalog_entries.kind": "KindCode",
  "catalog_entries.occupation": "OccupationCode",
  "complaints.category": "ComplaintCategory",
  "complaints.outcome": "ComplaintOutcome",
  "complaints.status": "ComplaintStatus",
  "conflict_records.action": "ConflictRecordAction",
  "conflict_records.conflict_type": "ConflictType",
  "contact_requests.status": "ContactRequestStatus",
  "decisions.decision": "DecisionResult",
  "institution_bars.kind": "KindCode",
  "institutions.central_affiliation": "CentralAffiliation",
  "institutions.region_source": "RegionSource",
  "jobs.status": "JobStatus",
  "login_throttles.scope": "LoginThrottleScope",
  "notifications.email_status": "EmailStatus",
  "objections.status": "ObjectionStatus",
  "paper_receipts.late_decision": "LatePaperDecision",
  "outbound_emails.status": "OutboundEmailStatus",
  "public_notice_items.kind": "KindCode",
  "public_notice_items.occupation": "OccupationCode",
  "public_notice_items.status": "PublicNoticeItemStatus",
  "public_notices.kind": "KindCode",
  "quota_counters.kind": "KindCode",
  "quota_counters.occupation": "OccupationCode",
  "quota_counters.scope_type": "QuotaScopeType",
  "quota_settings.kind": "KindCode",
  "recommendation_closures.recommender_type": "RecommenderType",
  "recommendations.choice": "RecommendationChoice",
  "recommendations.kind": "KindCode",
  "recommendations.occupation": "OccupationCode",
  "recommendations.recommender_type": "RecommenderType",
  "review_assignments.source": "ReviewAssignmentSource",
  "score_sheets.status": "ScoreSheetStatus",
  "users.role": "Role",
  "users.status": "UserStatus",
  "rate_limit_counters.window_started_ms": "BigintValue",
};

/** Migrates a fresh in-memory SQLite database and returns the formatted source of `generated.ts`. */
export async function generateTypes(): Promise<string> {
  const metadata = await introspectMigrated();
  const source = serializeFromMetadata({
    metadata,
    dialect: new CodegenSqliteDialect(),
    camelCase: true,
    customImports,
    overrides: { columns: columnOverrides(metadata) },
    skipAutogeneratedFileComment: true,
  });
  return formatWithBiome(`${header}\n${source}`);
}

/**
 * The tables of a fresh in-memory SQLite database brought to the latest migration, as kysely-codegen
 * reads them, with primary keys narrowed to what PostgreSQL also stores.
 */
export async function introspectMigrated(): Promise<DatabaseMetadata> {
  const sqlite = new SQLite(":memory:");
  const migrated = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  // Introspection reads the schema's own (snake_case) names.
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(migrated, "sqlite");
    const metadata = await new CodegenSqliteDialect().introspector.introspect({
      db,
      excludePattern: "schema_migrations*",
    });
    await narrowPrimaryKeys(db, metadata);
    return metadata;
  } finally {
    await db.destroy();
    sqlite.close();
  }
}

const header = `/**
 * Generated from the migrations by \`${generateCommand}\`: do not edit.
 * \`npm run check\` fails when this file differs from what the migrations give.
 * Column unions: \`columnTypes\` in type-generation.ts. Use the types through \`./types\`.
 */
`;

/**
 * The difference between the committed file and a fresh generation, as a message naming the first
 * differing line and the command that fixes it; null when they are the same.
 */
export function typesDrift(committed: string, fresh: string): string | null {
  if (committed === fresh) return null;
  const before = committed.split("\n");
  const after = fresh.split("\n");
  let line = 0;
  while (line < before.length && line < after.length && before[line] === after[line]) line++;
  return [
    `packages/server/src/db/generated.ts is out of date with the migrations (first difference at line ${line + 1}):`,
    `  committed: ${before[line] ?? "(end of file)"}`,
    `  generated: ${after[line] ?? "(end of file)"}`,
    `Run \`${generateCommand}\` and commit the result.`,
  ].join("\n");
}

/** Primary keys: never null, and always given by the code (see the note at the top). */
async function narrowPrimaryKeys(db: Kysely<unknown>, metadata: DatabaseMetadata): Promise<void> {
  for (const table of metadata.tables) {
    const info = await sql<{
      name: string;
      pk: number;
    }>`select name, pk from pragma_table_info(${table.name})`.execute(db);
    const keys = new Set(info.rows.filter((row) => row.pk > 0).map((row) => row.name));
    for (const column of table.columns) {
      if (!keys.has(column.name)) continue;
      column.isNullable = false;
      column.isAutoIncrementing = false;
    }
  }
}

/**
 * `columnTypes` as kysely-codegen nodes: `Generated<>` for a column with a default; kysely-codegen
 * adds `| null` for a nullable one.
 */
function columnOverrides(metadata: DatabaseMetadata): Record<string, ExpressionNode> {
  const overrides: Record<string, ExpressionNode> = {};
  for (const [key, type] of Object.entries(columnTypes)) {
    const [tableName, columnName] = key.split(".");
    const column = metadata.tables
      .find((table) => table.name === tableName)
      ?.columns.find((candidate) => candidate.name === columnName);
    if (!column) throw new Error(`columnTypes names ${key}, which no migration creates`);
    if (column.hasDefaultValue && column.isNullable)
      throw new Error(`${key}: a nullable column with a default`);
    const named = new IdentifierNode(type);
    overrides[key] = column.hasDefaultValue ? new GenericExpressionNode("Generated", [named]) : named;
  }
  return overrides;
}

/** Biome, with the repository's settings, so that `npm run lint` accepts the file as generated. */
function formatWithBiome(source: string): string {
  const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
  return execFileSync(
    process.execPath,
    [biome, "check", "--write", `--stdin-file-path=${path.relative(repoRoot, generatedTypesPath)}`],
    { cwd: repoRoot, input: source, encoding: "utf8" },
  );
}
