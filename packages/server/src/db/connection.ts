import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  type SqliteDatabase,
  SqliteDialect,
} from "kysely";
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
      dialect: new PostgresDialect({ pool: namingStatements(pool) }),
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
  // 64 MiB of page cache instead of SQLite's 2 MiB: a stored draft is ~4 KB, about a page, so
  // past ~500 applications the office's lists (ranking, queues, dashboard) re-read pages from
  // the file on every request and stop growing linearly (issue 17, point 5).
  sqlite.pragma("cache_size = -65536");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: "sqlite", poolStats: () => null, location: file, close: () => db.destroy() };
}

/** How many named (server-side prepared) statements one PostgreSQL connection keeps at most. */
export const NAMED_STATEMENTS_PER_CONNECTION = 256;
/** How many SQL texts get a statement name at most, over all connections. */
const NAMED_TEXTS = 2048;

/**
 * The pool as Kysely's PostgreSQL driver sees it, sending each SQL text as a named prepared
 * statement so the server parses and plans it once per connection (Kysely sends every query
 * unnamed, parsed anew). Bounded: a connection names at most `perConnection` texts and the
 * process at most 2,048; any other query is sent unnamed as before. Streamed queries (cursors)
 * are passed through.
 */
export function namingStatements(
  pool: pg.Pool,
  perConnection = NAMED_STATEMENTS_PER_CONNECTION,
): PostgresPool {
  const names = new Map<string, string>();
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  const nameOf = (client: pg.PoolClient, text: string): string | null => {
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= NAMED_TEXTS) return null;
      name = `lx${names.size + 1}`;
      names.set(text, name);
    }
    let mine = prepared.get(client);
    if (!mine) {
      mine = new Set();
      prepared.set(client, mine);
    }
    if (mine.has(name)) return name;
    if (mine.size >= perConnection) return null;
    mine.add(name);
    return name;
  };
  return {
    connect: async (): Promise<PostgresPoolClient> => {
      const client = await pool.connect();
      return {
        query: ((textOrCursor: unknown, values?: readonly unknown[]) => {
          if (typeof textOrCursor !== "string") return client.query(textOrCursor as pg.Submittable);
          const name = nameOf(client, textOrCursor);
          return name === null
            ? client.query(textOrCursor, values as unknown[])
            : client.query({ name, text: textOrCursor, values: values as unknown[] });
        }) as unknown as PostgresPoolClient["query"],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

/** How many prepared statements one SQLite connection keeps (least recently used go first). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The connection as Kysely's SQLite driver sees it, keeping prepared statements by SQL text:
 * Kysely prepares every query anew, and preparing is a good part of a short query's cost. Kysely
 * runs one query at a time on the one connection (a streamed query holds it to the end), so a
 * statement is never in use twice at once. Bounded: the least recently used statement is dropped
 * beyond `size` (queries with a varying number of parameters produce many texts).
 */
export function cachingStatements(
  sqlite: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase & { cachedStatements: () => number } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql) => {
      const cached = statements.get(sql);
      if (cached) {
        // Most recently used last: Map keeps insertion order.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
    cachedStatements: () => statements.size,
  };
}
