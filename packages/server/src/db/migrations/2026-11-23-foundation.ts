import { type Kysely, sql } from "kysely";

/** Accounts, institutions, sessions, batches, audit chain and the calendar overrides. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("institutions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("credit_code", "text", (col) => col.notNull().unique())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("contact_name", "text", (col) => col.notNull())
    .addColumn("phone_enc", "text")
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("region_code", "text")
    .addColumn("credit_code_warning_confirmed", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("username", "text", (col) => col.notNull().unique())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("region_code", "text")
    .addColumn("industry_scope", "text")
    .addColumn("institution_id", "text", (col) => col.references("institutions.id"))
    .addColumn("password_hash", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull().defaultTo("active"))
    .addColumn("failed_logins", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("must_change_password", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("phone_enc", "text")
    .addColumn("email", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("last_login_at", "text")
    .execute();
  await db.schema.createIndex("users_role_idx").on("users").column("role").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "text", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("last_seen_at", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("batches")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("code", "text", (col) => col.notNull().unique())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("built_in", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("is_demo", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("version", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("scope_level", "text", (col) => col.notNull())
    .addColumn("region_code", "text")
    .addColumn("online_deadline", "text", (col) => col.notNull())
    .addColumn("published_on", "text", (col) => col.notNull())
    .addColumn("definition", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("published_at", "text")
    .addColumn("created_by", "text")
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("seq", "integer", (col) => col.primaryKey())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_username", "text")
    .addColumn("actor_role", "text")
    .addColumn("command", "text", (col) => col.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("ip", "text")
    .addColumn("summary", "text", (col) => col.notNull())
    .addColumn("detail", "text")
    .addColumn("prev_hash", "text", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("audit_events_target_idx")
    .on("audit_events")
    .columns(["target_type", "target_id"])
    .execute();

  // A single row that every audit write updates first: it serialises the chain on both
  // databases (row lock on PostgreSQL, write lock on SQLite) so two writers never fork it.
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (col) => col.primaryKey())
    .addColumn("seq", "integer", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull())
    .execute();
  await db
    .insertInto("audit_head")
    .values({ id: 1, seq: 0, hash: "0".repeat(64) })
    .execute();

  await db.schema
    .createTable("calendar_overrides")
    .addColumn("date", "text", (col) => col.primaryKey())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("name", "text")
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("updated_by", "text")
    .execute();
  await db.schema
    .createTable("calendar_years")
    .addColumn("year", "integer", (col) => col.primaryKey())
    .addColumn("complete", "integer", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addColumn("updated_by", "text")
    .execute();
  await sql`select 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "calendar_years",
    "calendar_overrides",
    "audit_head",
    "audit_events",
    "batches",
    "sessions",
    "users",
    "institutions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
