import fs from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../test/harness";
import { generatedTypesPath, generateTypes, introspectMigrated, typesDrift } from "./type-generation";

describe("generated row types", () => {
  let committed: string;
  let fresh: string;
  beforeAll(async () => {
    committed = fs.readFileSync(generatedTypesPath, "utf8");
    fresh = await generateTypes();
  });

  it("match the migrations (the committed generated.ts is what a fresh generation gives)", () => {
    expect(typesDrift(committed, fresh)).toBeNull();
    expect(committed.split("\n").slice(0, 3).join("\n")).toContain(
      "Generated from the migrations by `npm run db:types --workspace @linxuan/server`",
    );
  });

  it("fail the check when generated.ts is edited by hand, naming the line and the command", () => {
    const edited = committed.replace("  status: ApplicationStatus;", "  status: string;");
    expect(edited).not.toBe(committed);
    const drift = typesDrift(edited, fresh);
    const line = committed.split("\n").indexOf("  status: ApplicationStatus;") + 1;
    expect(drift).toContain(`first difference at line ${line}`);
    expect(drift).toContain("committed:   status: string;");
    expect(drift).toContain("generated:   status: ApplicationStatus;");
    expect(drift).toContain("Run `npm run db:types --workspace @linxuan/server`");
  });

  it("fail the check when a migration added a table the committed file lacks", () => {
    const truncated = committed.slice(0, committed.indexOf("export interface Users {"));
    expect(typesDrift(truncated, fresh)).toMatch(/first difference at line \d+/);
    expect(typesDrift("", fresh)).toContain("first difference at line 1");
  });

  it("name the domain's unions for enumerated columns and keep primary keys non-null", () => {
    expect(fresh).toMatch(/export interface Applications \{[^}]*\n {2}status: ApplicationStatus;/);
    expect(fresh).toMatch(/export interface Applications \{[^}]*\n {2}id: string;/);
    expect(fresh).toMatch(/export interface Users \{[^}]*\n {2}status: Generated<UserStatus>;/);
    expect(fresh).toMatch(/export interface PublicNotices \{[^}]*\n {2}kind: KindCode \| null;/);
    // The audit chain gives every event its sequence number; the key is not generated.
    expect(fresh).toMatch(/export interface AuditEvents \{[^}]*\n {2}seq: number;/);
  });
});

/**
 * The types are generated from SQLite and serve PostgreSQL too: both databases, migrated, must have
 * the same tables and columns with the same nullability and defaults.
 */
describe.skipIf(!process.env.LINXUAN_TEST_DATABASE_URL)("generated row types on PostgreSQL", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext("postgres");
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("describe the migrated PostgreSQL schema column for column", async () => {
    const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.deps.db))
      .rows[0]?.schema;
    const columns = await sql<{ table: string; column: string; nullable: string; hasDefault: boolean }>`
      select table_name as "table", column_name as "column", is_nullable as "nullable",
             column_default is not null as "hasDefault"
      from information_schema.columns
      where table_schema = ${schema} and table_name not like 'schema_migrations%'`.execute(ctx.deps.db);
    const postgres = columns.rows
      .map(
        (row) =>
          `${row.table}.${row.column} ${row.nullable === "YES" ? "null" : "not null"}${row.hasDefault ? " default" : ""}`,
      )
      .sort();
    const sqlite = (await introspectMigrated()).tables
      .flatMap((table) =>
        table.columns.map(
          (column) =>
            `${table.name}.${column.name} ${column.isNullable ? "null" : "not null"}${column.hasDefaultValue ? " default" : ""}`,
        ),
      )
      .sort();
    expect(postgres).toEqual(sqlite);
  });
});
