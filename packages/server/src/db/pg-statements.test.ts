import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { namingStatements } from "./connection";

const url = process.env.LINXUAN_TEST_DATABASE_URL;

describe.skipIf(!url)("PostgreSQL named statements", () => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Record<string, never>>({
    dialect: new PostgresDialect({ pool: namingStatements(pool, 2) }),
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("answers each SQL text right, and prepares at most the bound per connection", async () => {
    for (let round = 0; round < 3; round++) {
      for (let n = 1; n <= 5; n++) {
        const values = Array.from({ length: n }, (_, i) => sql`${i + round}::int`);
        const row = await sql<{ total: number }>`select (${sql.join(values, sql` + `)}) as total`.execute(db);
        expect(row.rows[0]?.total).toBe((n * (n - 1)) / 2 + n * round);
      }
    }
    const prepared = await sql<{ n: string }>`select count(*) as n from pg_prepared_statements`.execute(db);
    expect(Number(prepared.rows[0]?.n)).toBeLessThanOrEqual(2);
    expect(Number(prepared.rows[0]?.n)).toBeGreaterThan(0);
  });
});
