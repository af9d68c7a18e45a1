import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database, Dialect } from "./types";

export type Db = Kysely<Database>;

/** The connection pool's live counts, read when the metrics are scraped (PostgreSQL only). */
export type PoolStats = { total: number; idle: number; waiting: number; max: number };

export type DatabaseHandle = {
  db: Db;
  dialect: Dialect;
  /** Null on SQLite: one synchronous connection, no pool to report. */
  poolStats: () => PoolStats | null;
  /** Human-readable location, for logs: a file path or a redacted URL. */
  location: string;
  close: () => Promise<void>;
};

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded SQLite file in the data folder
 * (WAL, foreign keys on, 5 s busy timeout so a second process waits instead of failing).
 */
export function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  poolMax?: number;
}): DatabaseHandle {
  if (options.databaseUrl) {
    const max = options.poolMax ?? 10;
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      db,
      dialect: "postgres",
      poolStats: () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        max,
      }),
      location: options.databaseUrl.replace(/\/\/[^@/]*@/, "//***@"),
      close: () => db.destroy(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  return openSqliteFile(path.join(options.dataDir, "linxuan.db"));
}

/**
 * One SQLite file with the platform's settings: the data folder's (WAL), or a backup copy, which
 * keeps a rollback journal so that it stays one self-contained file.
 */
export function openSqliteFile(file: string, journal: "wal" | "delete" = "wal"): DatabaseHandle {
  const sqlite = new SQLite(file);
  sqlite.pragma(journal === "wal" ? "journal_mode = WAL" : "journal_mode = DELETE");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: "sqlite", poolStats: () => null, location: file, close: () => db.destroy() };
}
