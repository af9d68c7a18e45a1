import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./connection";
import * as foundation from "./migrations/2026-11-23-foundation";
import * as applications from "./migrations/2026-11-24-applications";

/** Migrations are listed explicitly (no directory scan) so bundling and tsx both work. */
const migrations: Record<string, Migration> = {
  "2026-11-23-foundation": foundation,
  "2026-11-24-applications": applications,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error) {
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ""}：${String(error)}`);
  }
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
