import crypto from "node:crypto";
import os from "node:os";
import { openDatabase } from "../packages/server/src/db/connection";

/** Where the benches look for PostgreSQL (LINXUAN_BENCH_DATABASE_URL, or the machines' local server). */
export const PG_URL = process.env.LINXUAN_BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema on the PostgreSQL server, or null when nothing answers there. */
export async function createPostgresSchema(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = openDatabase({ databaseUrl: PG_URL, dataDir: os.tmpdir() });
  const schema = `lx_bench_${crypto.randomBytes(6).toString("hex")}`;
  try {
    await Promise.race([
      admin.db.schema.createSchema(schema).execute(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer in 5 s")), 5000).unref()),
    ]);
  } catch (error) {
    console.log(`PostgreSQL at ${admin.location} not reachable (${(error as Error).message}): skipped`);
    void admin.close().catch(() => {});
    return null;
  }
  const url = new URL(PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      await admin.db.schema.dropSchema(schema).cascade().execute();
      await admin.close();
    },
  };
}
